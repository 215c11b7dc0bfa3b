package clinic.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import clinic.local.Mailbox;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * A patient's portal login comes by e-mail, through the real Keycloak and the local clinic's real SMTP server: the
 * physio registers a patient with an e-mail address and invites them (again); Keycloak mails the link; the patient
 * opens it in the browser, chooses a password on Keycloak's page (the address counts as verified), and logs in to
 * the portal. No password is in any answer, page or log on the way.
 */
class InvitationJourneyTest {

    static SystemStack stack;

    @BeforeAll
    static void start() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
        stack = SystemStack.get();
    }

    @Test
    void invitedPatientSetsTheirPasswordFromTheEmailAndLogsIn() throws Exception {
        String physioToken = Tokens.demo("physio");
        String family = "Invited" + Long.toString(System.nanoTime(), 36);
        String email = family.toLowerCase() + "@example.test";
        String registered = given().auth()
                .oauth2(physioToken)
                .contentType("application/json")
                .body(Map.of("givenName", "Robin", "familyName", family, "dateOfBirth", "1975-03-09", "email", email))
                .post(stack.patientService() + "/api/patients")
                .then()
                .statusCode(201)
                .body("account", equalTo("INVITED"))
                .body("accountUsername", equalTo(email))
                .extract()
                .asString();
        assertThat(registered).doesNotContainIgnoringCase("password");
        long patientId = JsonPath.from(registered).getLong("id");

        // Registration sent the first invitation; the physio sends it again.
        Mailbox.Mail first = Invitations.awaitMail(stack, email, 0);
        assertThat(first.to()).isEqualTo(email);
        assertThat(Invitations.actionLink(first))
                .startsWith("http://localhost:" + stack.keycloakPort + "/realms/clinic/");
        String invited = given().auth()
                .oauth2(physioToken)
                .post(stack.patientService() + "/api/patients/{id}/account", patientId)
                .then()
                .statusCode(202)
                .header("Cache-Control", containsString("no-store"))
                .body("patientId", equalTo((int) patientId))
                .body("account", equalTo("INVITED"))
                .body("username", equalTo(email))
                .body("invitationSentTo", equalTo(email))
                .extract()
                .asString();
        assertThat(invited).doesNotContainIgnoringCase("password");
        Mailbox.Mail second = Invitations.awaitMail(stack, email, 1);
        assertThat(second.text()).as("the e-mail names no password").doesNotContain("temporary password");

        String password = "Sciatica-" + Long.toString(System.nanoTime(), 36);
        try (Browser patient = new Browser()) {
            Invitations.accept(patient, stack, email, password, "/");
            patient.waitFor(By.tagName("h1"));
            assertThat(patient.text()).contains("Welcome, Robin").contains("Your exercises");
            patient.screenshot("patient-first-login-from-invitation");
        }

        // Following the e-mailed link proved the address: Keycloak says it is verified.
        assertThat(Tokens.claims(Tokens.of(email, password))).contains("\"email_verified\":true");
        String record = given().auth()
                .oauth2(physioToken)
                .get(stack.patientService() + "/api/patients/{id}", patientId)
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(record).doesNotContainIgnoringCase("password");
        for (String log : new String[] {"patient-service", "web-portal", "program-service"}) {
            Path file = stack.dataDir.resolve("logs").resolve(log + ".log");
            assertThat(Files.readString(file))
                    .as(log + " log")
                    .doesNotContain(password)
                    .doesNotContain(email);
        }
    }

    @Test
    void patientWithoutEmailCannotBeInvited() {
        String physioToken = Tokens.demo("physio");
        long patientId = given().auth()
                .oauth2(physioToken)
                .contentType("application/json")
                .body(Map.of("givenName", "Noel", "familyName", "Nomail", "dateOfBirth", "1981-02-03"))
                .post(stack.patientService() + "/api/patients")
                .then()
                .statusCode(201)
                .body("account", equalTo("NONE"))
                .extract()
                .jsonPath()
                .getLong("id");
        given().auth()
                .oauth2(physioToken)
                .post(stack.patientService() + "/api/patients/{id}/account", patientId)
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("detail", containsString("add an e-mail address first"));
    }
}
