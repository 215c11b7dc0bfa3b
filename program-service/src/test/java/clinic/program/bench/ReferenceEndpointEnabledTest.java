package clinic.program.bench;

import static clinic.testsupport.checks.BenchChecks.assertReferenceReadIsNotInTheOpenApiDocument;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import clinic.program.testing.BenchFixtures;
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
    void referenceReadAnswersTheActiveProgramOfTheAccountWithoutToken() {
        String account = BenchFixtures.patientWithProgram();
        long programId = given().auth()
                .oauth2(BenchFixtures.patientToken(account))
                .get("/api/programs/me")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getLong("id");
        given().queryParam("account", account)
                .get("/bench/reference/programs")
                .then()
                .statusCode(200)
                .body("id", equalTo((int) programId))
                .body("phase", equalTo(1));
    }

    @Test
    void referenceReadOfAnAccountWithoutProgramIs404() {
        given().queryParam("account", "nobody-has-this-account")
                .get("/bench/reference/programs")
                .then()
                .statusCode(404);
        given().get("/bench/reference/programs").then().statusCode(404);
    }

    @Test
    void referenceReadStaysOutOfTheOpenApiDocumentWhenOn() {
        assertReferenceReadIsNotInTheOpenApiDocument("/api/programs/me/today");
    }

    @Test
    void theRealApiStillNeedsAToken() {
        given().get("/api/programs/me/today").then().statusCode(401);
    }
}
