package clinic.program.bench;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import clinic.program.testing.BenchFixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** With the benchmark switch on (as ./clinic bench runs the service), the reference reads one row without a token. */
@QuarkusTest
@TestProfile(ReferenceEndpointEnabledTest.BenchSwitchOn.class)
class ReferenceEndpointEnabledTest {

    public static class BenchSwitchOn implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("clinic.bench.reference-endpoint", "true");
        }
    }

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
        given().queryParam("format", "json")
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .body(not(containsString("/bench/")));
    }

    @Test
    void theRealApiStillNeedsAToken() {
        given().get("/api/programs/me/today").then().statusCode(401);
    }
}
