package clinic.patient.bench;

import static clinic.patient.testing.Fixtures.registerPatient;
import static clinic.testsupport.checks.BenchChecks.assertReferenceReadIsNotInTheOpenApiDocument;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import clinic.testsupport.checks.BenchChecks;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** With the benchmark switch on (as ./clinic bench runs the service), the reference reads one row without a token. */
@QuarkusTest
@TestProfile(BenchChecks.SwitchOn.class)
class ReferenceEndpointEnabledTest {

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void referenceReadAnswersTheRowWithoutToken() {
        long id = registerPatient();
        given().get("/bench/reference/patients/{id}", id)
                .then()
                .statusCode(200)
                .body("id", equalTo((int) id))
                .body("version", equalTo(0));
    }

    @Test
    void referenceReadOfAnAbsentPatientIs404() {
        given().get("/bench/reference/patients/{id}", 987_654_321L).then().statusCode(404);
    }

    @Test
    void referenceReadStaysOutOfTheOpenApiDocumentWhenOn() {
        assertReferenceReadIsNotInTheOpenApiDocument("/api/patients/{id}");
    }

    @Test
    void theRealApiStillNeedsAToken() {
        long id = registerPatient();
        given().get("/api/patients/{id}", id).then().statusCode(401);
    }
}
