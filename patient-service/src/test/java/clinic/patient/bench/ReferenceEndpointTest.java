package clinic.patient.bench;

import static clinic.patient.testing.Fixtures.TOKENS;
import static clinic.patient.testing.Fixtures.registerPatient;
import static clinic.testsupport.checks.BenchChecks.assertReferenceReadIsNotInTheOpenApiDocument;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** In a normal run the benchmark's reference read does not exist: 404 for anyone, and absent from OpenAPI. */
@QuarkusTest
class ReferenceEndpointTest {

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void referenceReadAnswers404WithoutTheBenchmarkSwitch() {
        long id = registerPatient();
        given().get("/bench/reference/patients/{id}", id).then().statusCode(404);
        given().auth()
                .oauth2(TOKENS.physio("physio"))
                .get("/bench/reference/patients/{id}", id)
                .then()
                .statusCode(404)
                .body(not(containsString("version")));
    }

    @Test
    void referenceReadIsNotInTheOpenApiDocument() {
        assertReferenceReadIsNotInTheOpenApiDocument("/api/patients/{id}");
    }
}
