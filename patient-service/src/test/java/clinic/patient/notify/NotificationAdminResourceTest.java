package clinic.patient.notify;

import static clinic.patient.notify.NotifyFixtures.audit;
import static clinic.patient.notify.NotifyFixtures.patientWithLogin;
import static clinic.patient.testing.Fixtures.TOKENS;
import static clinic.patient.testing.Fixtures.readAsPhysio;
import static clinic.patient.testing.Fixtures.unique;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import clinic.patient.notify.NotifyFixtures.Person;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The admin's view of the outbox: rows filtered by status and kind, newest first, a patient named by clinic number
 * only, each patient listed audited; the 7-day counts; nobody but an admin. Rows are written straight into the outbox
 * as the sender would leave them.
 */
@QuarkusTest
class NotificationAdminResourceTest {

    @Inject
    EntityManager em;

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    private long row(
            NotificationKind kind, Long patientId, String recipient, String status, String reason, Instant at) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Notification n = new Notification();
            n.dedupeKey = unique(kind.name() + "|test-");
            n.kind = kind;
            n.patientId = patientId;
            n.recipient = recipient;
            n.localDay = LocalDate.of(2026, 12, 2);
            n.status = status;
            n.reason = reason;
            n.attempts = Notification.FAILED.equals(status) ? 8 : 1;
            n.lastError = Notification.FAILED.equals(status) ? "MailConnectException 421" : null;
            n.nextAttemptAt = at;
            n.createdAt = at.truncatedTo(ChronoUnit.MILLIS);
            n.sentAt = Notification.SENT.equals(status) ? at : null;
            em.persist(n);
            em.flush();
            return n.id;
        });
    }

    private static JsonPath list(Map<String, Object> query) {
        return given().auth()
                .oauth2(TOKENS.admin("admin"))
                .queryParams(query)
                .queryParam("size", 100)
                .get("/api/notifications")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    @Test
    void anAdminListsFailedAndUncertainRowsNewestFirstWithClinicNumbersAudited() {
        Person p = patientWithLogin(em);
        String clinicNumber = readAsPhysio(p.id()).getString("clinicNumber");
        // In the future so they are the newest rows whatever else the outbox holds.
        Instant base = Instant.now().plus(Duration.ofDays(400));
        long failed = row(NotificationKind.EXERCISE_REMINDER, p.id(), null, Notification.FAILED, null, base);
        long uncertain = row(
                NotificationKind.URGENT_ALERT, p.id(), "physio", Notification.UNCERTAIN, null, base.plusSeconds(60));
        long sent = row(NotificationKind.MEASURE_DUE, p.id(), null, Notification.SENT, null, base.plusSeconds(120));

        JsonPath page = list(Map.of("status", "FAILED,UNCERTAIN"));
        List<Map<String, Object>> items = page.getList("items");
        assertThat(items.subList(0, 2))
                .extracting(i -> ((Number) i.get("id")).longValue())
                .containsExactly(uncertain, failed);
        assertThat(items).extracting(i -> i.get("status")).containsOnly("FAILED", "UNCERTAIN");
        assertThat(items).extracting(i -> ((Number) i.get("id")).longValue()).doesNotContain(sent);
        Map<String, Object> urgent = items.get(0);
        assertThat(urgent.get("kind")).isEqualTo("URGENT_ALERT");
        assertThat(urgent.get("patientId")).isEqualTo((int) p.id());
        assertThat(urgent.get("clinicNumber")).isEqualTo(clinicNumber);
        assertThat(urgent.get("recipient")).isEqualTo("physio");
        assertThat(urgent.get("localDay")).isEqualTo("2026-12-02");
        Map<String, Object> reminder = items.get(1);
        assertThat(reminder.get("recipient")).isNull();
        assertThat(reminder.get("attempts")).isEqualTo(8);
        assertThat(reminder.get("lastError")).isEqualTo("MailConnectException 421");
        assertThat(reminder).containsKeys("reason", "createdAt", "sentAt");
        // Nothing that names the person: no name, no address.
        assertThat(reminder).doesNotContainKeys("email", "givenName", "familyName", "name");
        assertThat(page.getInt("page")).isZero();
        assertThat(page.getInt("size")).isEqualTo(100);
        assertThat(page.getLong("total")).isGreaterThanOrEqualTo(2);

        assertThat(audit(p.id(), "NOTIFICATIONS_LISTED")).hasSize(1).first().satisfies(r -> assertThat(r.get("user"))
                .isEqualTo("admin"));
    }

    @Test
    void rowsAreFilteredByKindAndSkippedOnesSayWhy() {
        Person p = patientWithLogin(em);
        Instant base = Instant.now().plus(Duration.ofDays(500));
        long nudge = row(NotificationKind.INACTIVITY_NUDGE, p.id(), null, Notification.SKIPPED, "OPTED_OUT", base);
        long reminder =
                row(NotificationKind.EXERCISE_REMINDER, p.id(), null, Notification.SKIPPED, "LOGGED_TODAY", base);
        List<Map<String, Object>> items =
                list(Map.of("status", "skipped", "kind", "INACTIVITY_NUDGE")).getList("items");
        assertThat(items).extracting(i -> i.get("kind")).containsOnly("INACTIVITY_NUDGE");
        assertThat(items)
                .extracting(i -> ((Number) i.get("id")).longValue())
                .contains(nudge)
                .doesNotContain(reminder);
        assertThat(items.get(0).get("reason")).isEqualTo("OPTED_OUT");
    }

    @Test
    void anUnknownStatusOrKindIsA400NamingTheParameter() {
        for (Map<String, Object> query :
                List.of(Map.<String, Object>of("status", "LOST"), Map.<String, Object>of("kind", "SMS"))) {
            given().auth()
                    .oauth2(TOKENS.admin("admin"))
                    .queryParams(query)
                    .get("/api/notifications")
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body(
                            "violations[0].field",
                            equalTo(query.keySet().iterator().next()));
        }
    }

    @Test
    void theSummaryCountsTheLastSevenDaysByStatus() {
        Map<String, Object> before = summary();
        Person p = patientWithLogin(em);
        row(NotificationKind.EXERCISE_REMINDER, p.id(), null, Notification.FAILED, null, Instant.now());
        row(NotificationKind.EXERCISE_REMINDER, p.id(), null, Notification.SENT, null, Instant.now());
        row(
                NotificationKind.MEASURE_DUE,
                p.id(),
                null,
                Notification.FAILED,
                null,
                Instant.now().minus(Duration.ofDays(8)));
        Map<String, Object> after = summary();
        assertThat(counts(after, "FAILED") - counts(before, "FAILED")).isEqualTo(1);
        assertThat(counts(after, "SENT") - counts(before, "SENT")).isEqualTo(1);
        assertThat(((Number) after.get("total")).longValue() - ((Number) before.get("total")).longValue())
                .isEqualTo(2);
        assertThat(after.get("days")).isEqualTo(7);
        @SuppressWarnings("unchecked")
        Map<String, Object> counts = (Map<String, Object>) after.get("counts");
        assertThat(counts)
                .containsOnlyKeys("PENDING", "SENDING", "SENT", "FAILED", "UNCERTAIN", "CANCELLED", "SKIPPED");
    }

    private static Map<String, Object> summary() {
        return given().auth()
                .oauth2(TOKENS.admin("admin"))
                .get("/api/notifications/summary")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getMap("$");
    }

    @SuppressWarnings("unchecked")
    private static long counts(Map<String, Object> summary, String status) {
        return ((Number) ((Map<String, Object>) summary.get("counts")).get(status)).longValue();
    }

    @Test
    void onlyAdminsSeeTheOutbox() {
        Person p = patientWithLogin(em);
        for (String token : List.of(TOKENS.physio("physio"), p.token())) {
            for (String path : List.of("/api/notifications", "/api/notifications/summary")) {
                given().auth().oauth2(token).get(path).then().statusCode(403).contentType("application/problem+json");
            }
        }
        given().get("/api/notifications").then().statusCode(401);
        given().get("/api/notifications/summary").then().statusCode(401);
    }
}
