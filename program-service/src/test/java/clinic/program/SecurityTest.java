package clinic.program;

import static clinic.program.testing.Fixtures.TOKENS;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Tokens are checked for signature, expiry and audience; refusals are problem+json. */
@QuarkusTest
class SecurityTest {

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void noTokenIs401Problem() {
        given().get("/api/programs/me")
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .body("status", equalTo(401));
    }

    @Test
    void tokenForAnotherServiceIs401() {
        given().auth()
                .oauth2(TOKENS.wrongAudience("physio", List.of("physio")))
                .get("/api/protocols")
                .then()
                .statusCode(401);
    }

    @Test
    void expiredTokenIs401() {
        given().auth()
                .oauth2(TOKENS.expired("physio", List.of("physio")))
                .get("/api/protocols")
                .then()
                .statusCode(401);
    }

    @Test
    void tamperedTokenClaimingPhysioIs401() {
        given().auth()
                .oauth2(TOKENS.tampered("patient", List.of("physio")))
                .get("/api/protocols")
                .then()
                .statusCode(401);
    }

    @Test
    void patientCannotAcknowledgeAlertsOrMovePhases() {
        given().auth()
                .oauth2(TOKENS.patient("patient"))
                .contentType("application/json")
                .body("{\"note\":\"x\"}")
                .post("/api/alerts/1/acknowledge")
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(TOKENS.admin("admin"))
                .contentType("application/json")
                .body("{\"phase\":2,\"reason\":\"x\",\"version\":0}")
                .post("/api/programs/1/phase")
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
    }

    @Test
    void bodyOverTheLimitIs413Problem() {
        String notes = "x".repeat(70 * 1024);
        given().auth()
                .oauth2(TOKENS.physio("physio"))
                .contentType("application/json")
                .body("{\"notes\":\"" + notes + "\"}")
                .post("/api/programs")
                .then()
                .statusCode(413)
                .contentType("application/problem+json")
                .body("status", org.hamcrest.Matchers.equalTo(413))
                .body("title", org.hamcrest.Matchers.equalTo("Payload Too Large"));
    }

    @io.quarkus.test.common.http.TestHTTPResource(value = "/", management = true)
    java.net.URL management;

    @Test
    void healthIsOpenOnTheManagementPortOnly() {
        given().baseUri("http://" + management.getHost() + ":" + management.getPort())
                .get("/q/health/live")
                .then()
                .statusCode(200);
        given().get("/q/health/live").then().statusCode(404);
    }
}
