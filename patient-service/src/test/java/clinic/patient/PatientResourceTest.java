package clinic.patient;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import clinic.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@QuarkusTest
class PatientResourceTest {

    static final TestTokens TOKENS = TestTokens.forAudience("patient-service");

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void requestWithoutTokenIsRefusedWithProblem() {
        given().when().get("/api/patients/me").then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void tokenForAnotherAudienceIsRefused() {
        given().auth()
                .oauth2(TOKENS.wrongAudience("patient", List.of("patient")))
                .when()
                .get("/api/patients/me")
                .then()
                .statusCode(401);
    }

    @Test
    void tamperedTokenIsRefused() {
        given().auth()
                .oauth2(TOKENS.tampered("patient", List.of("patient")))
                .when()
                .get("/api/patients/me")
                .then()
                .statusCode(401);
    }

    @Test
    void physioMayNotUsePatientsOwnEndpoint() {
        given().auth()
                .oauth2(TOKENS.physio("physio"))
                .when()
                .get("/api/patients/me")
                .then()
                .statusCode(403);
    }

    @Test
    void patientWithoutRecordGets404() {
        given().auth()
                .oauth2(TOKENS.patient("nobody-" + System.nanoTime()))
                .when()
                .get("/api/patients/me")
                .then()
                .statusCode(404)
                .body("status", equalTo(404));
    }
}
