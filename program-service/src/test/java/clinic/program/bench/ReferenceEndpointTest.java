package clinic.program.bench;

import static clinic.testsupport.checks.BenchChecks.assertReferenceReadIsNotInTheOpenApiDocument;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import clinic.program.testing.BenchFixtures;
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
        String account = BenchFixtures.patientWithProgram();
        given().queryParam("account", account)
                .get("/bench/reference/programs")
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(BenchFixtures.physioToken())
                .queryParam("account", account)
                .get("/bench/reference/programs")
                .then()
                .statusCode(404)
                .body(not(containsString("phase")));
    }

    @Test
    void referenceReadIsNotInTheOpenApiDocument() {
        assertReferenceReadIsNotInTheOpenApiDocument("/api/programs/me/today");
    }
}
