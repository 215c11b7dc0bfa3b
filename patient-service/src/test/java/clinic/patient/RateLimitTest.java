package clinic.patient;

import static clinic.patient.testing.Fixtures.TOKENS;
import static clinic.patient.testing.Fixtures.newPatient;
import static clinic.patient.testing.Fixtures.unique;
import static clinic.testsupport.checks.ResponseChecks.assertRateLimited;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import clinic.patient.notify.NotificationKind;
import clinic.patient.notify.UnsubscribeTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Per-user limits with tiny budgets (3 writes, 2 login-adjacent requests a minute, 2 uses of one unsubscribe link): the next one is a 429
 * problem+json with Retry-After; other users, reads and the exempt service role are not affected. Each test uses
 * users of its own, so the order of the tests does not matter.
 */
@QuarkusTest
@TestProfile(RateLimitTest.TinyLimits.class)
class RateLimitTest {

    public static class TinyLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "clinic.rate-limit.writes-per-minute", "3",
                    "clinic.rate-limit.sensitive-per-minute", "2");
        }
    }

    @Inject
    UnsubscribeTokens tokens;

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void theWriteAfterTheBudgetIsRefusedWithRetryAfter() {
        String physio = unique("physio-limited-");
        for (int i = 0; i < 3; i++) {
            register(TOKENS.physio(physio)).then().statusCode(201);
        }
        Response refused = register(TOKENS.physio(physio));
        assertRateLimited(refused, 3);

        // Reads are not limited; another user has a budget of their own.
        given().auth().oauth2(TOKENS.physio(physio)).get("/api/patients").then().statusCode(200);
        register(TOKENS.physio(unique("physio-other-"))).then().statusCode(201);
    }

    @Test
    void invitationsHaveTheirOwnSmallerBudget() {
        String physio = unique("physio-inviting-");
        long patient = given().auth()
                .oauth2(TOKENS.physio(physio))
                .contentType(ContentType.JSON)
                .body(newPatient())
                .post("/api/patients")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getLong("id");
        for (int i = 0; i < 2; i++) {
            int status = account(physio, patient).statusCode();
            assertThat(status).as("invitation %d", i + 1).isNotEqualTo(429);
        }
        Response refused = account(physio, patient);
        assertRateLimited(refused, 2);
        // The general write budget (3, one used by the registration) is separate.
        register(TOKENS.physio(physio)).then().statusCode(201);
    }

    @Test
    void requestsWithoutAValidTokenAreRefusedAs401NotCounted() {
        for (int i = 0; i < 5; i++) {
            given().contentType(ContentType.JSON)
                    .body(newPatient())
                    .post("/api/patients")
                    .then()
                    .statusCode(401);
        }
    }

    @Test
    void theServiceRoleIsNotLimited() {
        String account = unique("service-account-");
        String token = TOKENS.token(account, List.of("physio", "clinical-service"));
        for (int i = 0; i < 5; i++) {
            register(token).then().statusCode(201);
        }
    }

    @Test
    void anUnsubscribeLinkHasTheLoginAdjacentBudgetThoughItNeedsNoLogin() {
        String physio = unique("physio-unsub-");
        long a = register(TOKENS.physio(physio))
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getLong("id");
        long b = register(TOKENS.physio(physio))
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getLong("id");
        String link = tokens.sign(UnsubscribeTokens.Subject.patient(a, NotificationKind.EXERCISE_REMINDER));
        for (int i = 0; i < 2; i++) {
            unsubscribe(link).then().statusCode(200);
        }
        assertRateLimited(unsubscribe(link), 2);
        // Another recipient's link has a budget of its own.
        unsubscribe(tokens.sign(UnsubscribeTokens.Subject.patient(b, NotificationKind.EXERCISE_REMINDER)))
                .then()
                .statusCode(200);
        // Links that are not valid are counted per client, so guessing is slowed down too.
        for (int i = 0; i < 2; i++) {
            unsubscribe("not-a-link-" + i).then().statusCode(400);
        }
        assertRateLimited(unsubscribe("not-a-link-3"), 2);
    }

    private static Response unsubscribe(String token) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("token", token))
                .post("/api/notifications/unsubscribe");
    }

    private static Response register(String token) {
        return given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(newPatient())
                .post("/api/patients");
    }

    private static Response account(String physio, long patient) {
        return given().auth().oauth2(TOKENS.physio(physio)).post("/api/patients/{id}/account", patient);
    }
}
