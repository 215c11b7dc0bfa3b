package clinic.patient.account;

import static clinic.patient.testing.Fixtures.TOKENS;
import static clinic.patient.testing.Fixtures.newPatient;
import static clinic.patient.testing.Fixtures.uniqueEmail;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsStringIgnoringCase;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import clinic.patient.testing.FakeKeycloak;
import clinic.patient.testing.WithFakeKeycloak;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Logins and invitations against {@link FakeKeycloak}: what is sent to Keycloak, and that no password is anywhere. */
@QuarkusTest
@TestProfile(WithFakeKeycloak.class)
class AccountProvisioningWithKeycloakTest {

    @ConfigProperty(name = "clinic.keycloak.url")
    String keycloakUrl;

    @Inject
    AccountRetryJob retryJob;

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void registrationCreatesThePatientLoginWithoutPasswordAndKeycloakEmailsTheInvitation() {
        String email = uniqueEmail();
        Map<String, Object> body = newPatient();
        body.put("email", email.toUpperCase());
        JsonPath created = given().auth()
                .oauth2(TOKENS.physio("physio"))
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/patients")
                .then()
                .statusCode(201)
                .body("account", equalTo("INVITED"))
                .body("accountUsername", equalTo(email))
                .body("$", not(hasKey("firstLogin")))
                .body(not(containsStringIgnoringCase("password")))
                .extract()
                .jsonPath();

        Map<String, Object> user = keycloakUser(email);
        assertThat(user.get("username")).isEqualTo(email);
        assertThat(user.get("firstName")).isEqualTo(body.get("givenName"));
        assertThat(user.get("lastName")).isEqualTo(body.get("familyName"));
        assertThat(user.get("emailVerified")).isEqualTo(false);
        assertThat(user.get("groups")).isEqualTo(List.of("/patients"));
        assertThat(user).doesNotContainKey("credentials");
        assertThat(user.get("invitations"))
                .isEqualTo(List.of(Map.of(
                        "client_id",
                        "web-portal",
                        "redirect_uri",
                        "http://localhost:8080/",
                        "lifespan",
                        String.valueOf(72 * 3600),
                        "actions",
                        List.of("UPDATE_PASSWORD", "VERIFY_EMAIL"))));

        given().auth()
                .oauth2(TOKENS.physio("physio"))
                .get("/api/patients/{id}", created.getLong("id"))
                .then()
                .statusCode(200)
                .body("account", equalTo("INVITED"))
                .body(not(containsStringIgnoringCase("password")));
    }

    @Test
    void physioSendsTheInvitationAgainAnd202SaysWhereItWent() {
        String email = uniqueEmail();
        long id = register(email);
        given().auth()
                .oauth2(TOKENS.physio("physio"))
                .post("/api/patients/{id}/account", id)
                .then()
                .statusCode(202)
                .header("Cache-Control", "no-store")
                .body("patientId", equalTo((int) id))
                .body("account", equalTo("INVITED"))
                .body("username", equalTo(email))
                .body("invitationSentTo", equalTo(email))
                .body(not(containsStringIgnoringCase("password")));
        assertThat((List<?>) keycloakUser(email).get("invitations")).hasSize(2);
        assertThat(users().stream().filter(u -> email.equals(u.get("email")))).hasSize(1);
    }

    @Test
    void invitationThatKeycloakCannotSendLeavesThePatientPendingUntilItIsSent() {
        String email = uniqueEmail();
        mail(false);
        long id;
        try {
            id = register(email);
            given().auth()
                    .oauth2(TOKENS.physio("physio"))
                    .get("/api/patients/{id}", id)
                    .then()
                    .body("account", equalTo("PENDING"));
            given().auth()
                    .oauth2(TOKENS.physio("physio"))
                    .post("/api/patients/{id}/account", id)
                    .then()
                    .statusCode(503)
                    .contentType("application/problem+json")
                    .header("Retry-After", notNullValue());
        } finally {
            mail(true);
        }
        // The login made by the failed try is linked, not made twice, and the invitation goes out now.
        retryJob.retryPending();
        given().auth()
                .oauth2(TOKENS.physio("physio"))
                .get("/api/patients/{id}", id)
                .then()
                .body("account", equalTo("INVITED"))
                .body("accountUsername", equalTo(email));
        assertThat(users().stream().filter(u -> email.equals(u.get("email"))))
                .singleElement()
                .satisfies(u -> assertThat((List<?>) u.get("invitations")).hasSize(1));
    }

    @Test
    void existingPatientLoginWithSameEmailIsLinkedNotDuplicated() {
        String email = uniqueEmail();
        seedUser(Map.of("username", "returning-" + email, "email", email, "credentialTypes", List.of("password")));
        Map<String, Object> body = newPatient();
        body.put("email", email);
        long id = given().auth()
                .oauth2(TOKENS.physio("physio"))
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/patients")
                .then()
                .statusCode(201)
                .body("account", equalTo("ACTIVE"))
                .body("accountUsername", equalTo("returning-" + email))
                .extract()
                .jsonPath()
                .getLong("id");
        // A returning patient has a password already: linked, and not sent an invitation they did not ask for.
        assertThat(users().stream().filter(u -> email.equals(u.get("email"))))
                .singleElement()
                .satisfies(u -> assertThat(u.get("groups")).isEqualTo(List.of("/patients")))
                .satisfies(u -> assertThat(u).doesNotContainKey("invitations"));
        // Nor later: an active login is not re-invited (that would be a password reset nobody asked for).
        long version = given().auth()
                .oauth2(TOKENS.physio("physio"))
                .get("/api/patients/{id}", id)
                .then()
                .extract()
                .jsonPath()
                .getLong("version");
        given().auth()
                .oauth2(TOKENS.physio("physio"))
                .post("/api/patients/{id}/account", id)
                .then()
                .statusCode(409)
                .contentType("application/problem+json");
        assertThat(keycloakUser(email)).doesNotContainKey("invitations");
        given().auth()
                .oauth2(TOKENS.physio("physio"))
                .get("/api/patients/{id}", id)
                .then()
                .body("version", equalTo((int) version));
    }

    @Test
    void staffLoginIsNeverLinkedToAPatient() {
        String email = uniqueEmail();
        seedUser(Map.of("username", "staff-" + email, "email", email, "realmRoles", List.of("physio")));
        Map<String, Object> body = newPatient();
        body.put("email", email);
        long id = given().auth()
                .oauth2(TOKENS.physio("physio"))
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/patients")
                .then()
                .statusCode(201)
                .body("account", equalTo("PENDING"))
                .extract()
                .jsonPath()
                .getLong("id");
        given().auth()
                .oauth2(TOKENS.physio("physio"))
                .post("/api/patients/{id}/account", id)
                .then()
                .statusCode(409)
                .contentType("application/problem+json");
        assertThat(keycloakUser(email)).doesNotContainKey("invitations");
    }

    @Test
    void patientReadsOwnRecordThroughLinkedLoginAndNobodyElses() {
        String email = uniqueEmail();
        Map<String, Object> body = newPatient();
        body.put("email", email);
        long id = given().auth()
                .oauth2(TOKENS.physio("physio"))
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/patients")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getLong("id");
        given().auth()
                .oauth2(TOKENS.patient(email))
                .get("/api/patients/me")
                .then()
                .statusCode(200)
                .body("id", equalTo((int) id))
                .body("familyName", equalTo(body.get("familyName")));
        given().auth()
                .oauth2(TOKENS.patient(email))
                .get("/api/patients/{id}", id)
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(TOKENS.patient("someone-else-" + email))
                .get("/api/patients/me")
                .then()
                .statusCode(404);
    }

    private static long register(String email) {
        Map<String, Object> body = newPatient();
        body.put("email", email);
        return given().auth()
                .oauth2(TOKENS.physio("physio"))
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/patients")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getLong("id");
    }

    private void mail(boolean up) {
        given().contentType(ContentType.JSON)
                .body(Map.of("up", up))
                .put(keycloakUrl + "/_fake/mail")
                .then()
                .statusCode(204);
    }

    private Map<String, Object> keycloakUser(String email) {
        return users().stream()
                .filter(u -> email.equals(u.get("email")))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no Keycloak user for the e-mail"));
    }

    private List<Map<String, Object>> users() {
        return given().get(keycloakUrl + "/_fake/users")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("$");
    }

    private void seedUser(Map<String, Object> user) {
        given().contentType(ContentType.JSON)
                .body(user)
                .post(keycloakUrl + "/_fake/users")
                .then()
                .statusCode(201);
    }
}
