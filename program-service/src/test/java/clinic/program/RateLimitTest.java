package clinic.program;

import static clinic.program.testing.Fixtures.TOKENS;
import static clinic.testsupport.checks.ResponseChecks.assertRateLimited;
import static io.restassured.RestAssured.given;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Per-user write limit with a tiny budget (3 a minute): the next write is a 429 problem+json with Retry-After,
 * whatever the write's own outcome would have been; reads, other users and patient-service's service role are not
 * affected. Each test uses users of its own.
 */
@QuarkusTest
@TestProfile(RateLimitTest.TinyLimits.class)
class RateLimitTest {

    public static class TinyLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("clinic.rate-limit.writes-per-minute", "3");
        }
    }

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void theWriteAfterTheBudgetIsRefusedWithRetryAfter() {
        String physio = "physio-limited-" + UUID.randomUUID();
        for (int i = 0; i < 3; i++) {
            acknowledgeAbsentAlert(TOKENS.physio(physio)).then().statusCode(404);
        }
        Response refused = acknowledgeAbsentAlert(TOKENS.physio(physio));
        assertRateLimited(refused, 3);

        given().auth().oauth2(TOKENS.physio(physio)).get("/api/alerts").then().statusCode(200);
        acknowledgeAbsentAlert(TOKENS.physio("physio-other-" + UUID.randomUUID()))
                .then()
                .statusCode(404);
    }

    @Test
    void theServiceRoleIsNotLimited() {
        String token = TOKENS.token("service-account-" + UUID.randomUUID(), List.of("physio", "clinical-service"));
        for (int i = 0; i < 5; i++) {
            acknowledgeAbsentAlert(token).then().statusCode(404);
        }
    }

    @Test
    void requestsWithoutAValidTokenAreRefusedAs401() {
        for (int i = 0; i < 5; i++) {
            given().contentType(ContentType.JSON)
                    .body("{\"note\":\"seen\"}")
                    .post("/api/alerts/{id}/acknowledge", 987_654_321L)
                    .then()
                    .statusCode(401);
        }
    }

    private static Response acknowledgeAbsentAlert(String token) {
        return given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body("{\"note\":\"seen\"}")
                .post("/api/alerts/{id}/acknowledge", 987_654_321L);
    }
}
