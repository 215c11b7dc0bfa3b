package clinic.patient.account;

import static clinic.patient.testing.Fixtures.TOKENS;
import static clinic.patient.testing.Fixtures.newPatient;
import static clinic.patient.testing.Fixtures.registerPatient;
import static clinic.patient.testing.Fixtures.uniqueEmail;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Keycloak is a closed port in the test profile: registration must not depend on it. */
@QuarkusTest
class AccountProvisioningTest {

    @Inject
    AccountRetryJob retryJob;

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void patientIsSavedAsPendingWhenKeycloakIsUnreachable() {
        Map<String, Object> body = newPatient();
        String email = uniqueEmail();
        body.put("email", email.toUpperCase());
        given().auth()
                .oauth2(TOKENS.physio("physio"))
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/api/patients")
                .then()
                .statusCode(201)
                .header("Cache-Control", "no-store")
                .body("id", notNullValue())
                .body("email", equalTo(email))
                .body("account", equalTo("PENDING"))
                .body("accountUsername", nullValue())
                .body("$", not(hasKey("firstLogin")));
    }

    @Test
    void retryJobLeavesPatientPendingWhileKeycloakIsDown() {
        Map<String, Object> body = newPatient();
        body.put("email", uniqueEmail());
        long id = registerPatient(body);
        retryJob.retryPending();
        given().auth()
                .oauth2(TOKENS.physio("physio"))
                .get("/api/patients/{id}", id)
                .then()
                .statusCode(200)
                .body("account", equalTo("PENDING"));
    }

    @Test
    void invitationIs503WithRetryAfterWhileKeycloakIsDown() {
        Map<String, Object> body = newPatient();
        body.put("email", uniqueEmail());
        long id = registerPatient(body);
        given().auth()
                .oauth2(TOKENS.physio("physio"))
                .when()
                .post("/api/patients/{id}/account", id)
                .then()
                .statusCode(503)
                .contentType("application/problem+json")
                .header("Retry-After", notNullValue());
    }

    @Test
    void invitationWithoutEmailIs422AskingForOne() {
        long id = registerPatient();
        given().auth()
                .oauth2(TOKENS.physio("physio"))
                .when()
                .post("/api/patients/{id}/account", id)
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("detail", containsString("add an e-mail address first"));
    }

    @Test
    void invitationForUnknownPatientIs404() {
        given().auth()
                .oauth2(TOKENS.physio("physio"))
                .when()
                .post("/api/patients/{id}/account", 99_999_996)
                .then()
                .statusCode(404);
    }
}
