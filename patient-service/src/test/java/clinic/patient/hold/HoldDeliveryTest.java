package clinic.patient.hold;

import static clinic.patient.testing.Fixtures.clearScreening;
import static clinic.patient.testing.Fixtures.registerPatient;
import static clinic.patient.testing.Fixtures.screen;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import clinic.patient.testing.FakeKeycloak;
import clinic.patient.testing.FakeProgramService;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A screening's red flags reach program-service, once, whatever state program-service is in: with a stand-in for it
 * and for Keycloak's token endpoint (the delivery uses this service's own service account), and the retry job on.
 */
@QuarkusTest
@TestProfile(HoldDeliveryTest.WithStandIns.class)
class HoldDeliveryTest {

    public static class WithStandIns implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(FakeKeycloak.class), new TestResourceEntry(FakeProgramService.class));
        }

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("clinic.holds.retry-every", "1s", "clinic.holds.retry-delay", "1s");
        }
    }

    @ConfigProperty(name = "quarkus.rest-client.program-service.url")
    String programService;

    @Inject
    EntityManager em;

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void aRedFlagScreeningIsDeliveredAtOnceWithTheServiceAccountToken() {
        answerWith(200);
        long patient = registerPatient();
        Map<String, Object> body = clearScreening();
        body.put("redFlags", List.of("SADDLE_NUMBNESS", "SYSTEMIC"));
        int screening = screen(patient, body)
                .then()
                .statusCode(201)
                .body("outcome", equalTo("URGENT_REFERRAL"))
                .body("programHold", equalTo("DELIVERED"))
                .extract()
                .path("id");

        List<Map<String, Object>> seen = receivedFor(screening);
        assertThat(seen).singleElement().satisfies(r -> {
            assertThat(((Number) r.get("patientId")).longValue()).isEqualTo(patient);
            assertThat(r.get("redFlags")).isEqualTo(List.of("SADDLE_NUMBNESS", "SYSTEMIC"));
            assertThat(r.get("authorization")).isEqualTo("Bearer " + FakeKeycloak.TOKEN);
        });
        assertThat(request(screening).deliveredAt).isNotNull();
    }

    @Test
    void aRefusedDeliveryStaysPendingAndIsSentOnceWhenProgramServiceAnswersAgain() {
        answerWith(503);
        long patient = registerPatient();
        Map<String, Object> body = clearScreening();
        body.put("redFlags", List.of("BLADDER_BOWEL"));
        int screening = screen(patient, body)
                .then()
                .statusCode(201)
                .body("outcome", equalTo("URGENT_REFERRAL"))
                .body("programHold", equalTo("PENDING"))
                .extract()
                .path("id");
        HoldRequest pending = request(screening);
        assertThat(pending.deliveredAt).isNull();
        assertThat(pending.attempts).isEqualTo(1);
        assertThat(pending.lastError).isEqualTo("HTTP 503");
        assertThat(pending.nextAttemptAt).isAfter(pending.createdAt);

        answerWith(200);
        HoldRequest delivered = await(Duration.ofSeconds(30), () -> {
            HoldRequest r = request(screening);
            return r.deliveredAt != null ? r : null;
        });
        assertThat(delivered.lastError).isNull();
        List<Map<String, Object>> seen = receivedFor(screening);
        assertThat(seen.stream().filter(r -> ((Number) r.get("answeredWith")).intValue() == 200))
                .as("delivered exactly once")
                .hasSize(1);
        assertThat(seen.get(0).get("answeredWith")).isEqualTo(503);

        // The job keeps running: nothing more is sent for a delivered request.
        long count = seen.size();
        sleep(2500);
        assertThat(receivedFor(screening)).hasSize((int) count);
    }

    @Test
    void backoffDoublesFromFiveSecondsUpToAMinute() {
        assertThat(HoldDelivery.backoff(1)).isEqualTo(Duration.ofSeconds(5));
        assertThat(HoldDelivery.backoff(2)).isEqualTo(Duration.ofSeconds(10));
        assertThat(HoldDelivery.backoff(4)).isEqualTo(Duration.ofSeconds(40));
        assertThat(HoldDelivery.backoff(5)).isEqualTo(Duration.ofMinutes(1));
        assertThat(HoldDelivery.backoff(50)).isEqualTo(Duration.ofMinutes(1));
    }

    private void answerWith(int status) {
        given().post(programService + "/_fake/status/" + status).then().statusCode(204);
    }

    private List<Map<String, Object>> receivedFor(int screening) {
        List<Map<String, Object>> all = given().get(programService + "/_fake/holds")
                .then()
                .statusCode(200)
                .extract()
                .path("$");
        return all.stream()
                .filter(r -> ((Number) r.get("screeningId")).intValue() == screening)
                .toList();
    }

    private HoldRequest request(long screening) {
        return QuarkusTransaction.requiringNew().call(() -> {
            HoldRequest r = em.createQuery("from HoldRequest r where r.screeningId = :s", HoldRequest.class)
                    .setParameter("s", screening)
                    .getSingleResult();
            em.detach(r);
            return r;
        });
    }

    private static <T> T await(Duration timeout, Supplier<T> probe) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            T found = probe.get();
            if (found != null) {
                return found;
            }
            sleep(250);
        }
        throw new AssertionError("not within " + timeout);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
