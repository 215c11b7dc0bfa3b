package clinic.patient.notify;

import static clinic.patient.notify.NotifyTesting.patient;
import static clinic.patient.notify.NotifyTesting.programStatus;
import static clinic.patient.notify.NotifyTesting.rowsOf;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import clinic.patient.registry.Patient;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * What the planner writes into the outbox, at what time of whose day, and that it writes each thing once: the
 * reminder at the patient's time in the patient's zone, a nudge once per gap instead of the reminder, one e-mail per
 * questionnaire due, the reasons for what is not sent, and the staff's digest and weekly summary.
 */
@QuarkusTest
@TestProfile(NotifyTesting.Profile.class)
class ReminderPlannerTest {

    @Inject
    EntityManager em;

    @Inject
    ReminderPlanner planner;

    @ConfigProperty(name = "clinic.keycloak.url")
    String keycloak;

    @ConfigProperty(name = "quarkus.rest-client.program-service.url")
    String programService;

    @Test
    void theReminderComesAtThePatientsTimeInThePatientsZone() {
        Patient london = patient(em, keycloak, true);
        Patient newYork = patient(em, keycloak, true);
        NotifyTesting.preferences(em, newYork.id, p -> p.timeZone = "America/New_York");
        programStatus(programService, london.id, active(1, null));
        programStatus(programService, newYork.id, active(1, null));

        // 19:00 in London, 14:00 in New York: only the London patient's 18:00 has come.
        planner.planPatients(Instant.parse("2027-03-10T19:00:00Z"));
        assertThat(reminders(london)).containsExactly("PENDING 2027-03-10");
        assertThat(reminders(newYork)).isEmpty();

        // 18:30 in New York.
        planner.planPatients(Instant.parse("2027-03-10T23:30:00Z"));
        assertThat(reminders(newYork)).containsExactly("PENDING 2027-03-10");
        assertThat(reminders(london)).hasSize(1);

        // 01:00 on the 11th in London, 20:00 on the 10th in New York: nothing new for either.
        planner.planPatients(Instant.parse("2027-03-11T01:00:00Z"));
        assertThat(reminders(london)).hasSize(1);
        assertThat(reminders(newYork)).hasSize(1);

        // program-service was asked about each patient's own local day.
        List<Map<String, Object>> asked = given().get(programService + "/_fake/notice-calls")
                .then()
                .extract()
                .path("findAll { it.path == '/api/notices/status' }.body.patients.flatten()");
        assertThat(asked).contains(Map.of("patientId", newYork.id.intValue(), "localDate", "2027-03-10"));
        assertThat(asked).doesNotContain(Map.of("patientId", newYork.id.intValue(), "localDate", "2027-03-11"));
    }

    @Test
    void thePlannerRunTwiceOrOnTwoReplicasAtOnceWritesEachRowOnce() throws Exception {
        Patient p = patient(em, keycloak, true);
        Map<String, Object> status = active(1, null);
        // Two questionnaires due at one time point: one e-mail says both are waiting.
        status.put(
                "measuresDue",
                List.of(
                        Map.of("instrument", "PSFS", "timepoint", "WEEK_4", "opensOn", "2027-04-08"),
                        Map.of("instrument", "RMDQ", "timepoint", "WEEK_4", "opensOn", "2027-04-08")));
        programStatus(programService, p.id, status);
        Instant now = Instant.parse("2027-04-10T19:00:00Z");

        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Integer>> runs = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                runs.add(pool.submit(() -> {
                    go.await();
                    return planner.planPatients(now);
                }));
            }
            go.countDown();
            for (Future<Integer> run : runs) {
                run.get();
            }
        } finally {
            pool.shutdown();
        }
        planner.planPatients(now);
        planner.planPatients(now.plusSeconds(3600));

        assertThat(rowsOf(em, p.id))
                .extracting(n -> n.kind + " " + n.ref + " " + n.status)
                .containsExactlyInAnyOrder("EXERCISE_REMINDER null PENDING", "MEASURE_DUE due-WEEK_4 PENDING");

        // The next day: a new reminder, the same questionnaire not again.
        planner.planPatients(now.plusSeconds(24 * 3600));
        assertThat(rowsOf(em, p.id)).hasSize(3);
    }

    @Test
    void whatIsNotSentIsRecordedOnceWithWhy() {
        Patient logged = patient(em, keycloak, true);
        Patient none = patient(em, keycloak, true);
        Patient onHold = patient(em, keycloak, true);
        Patient optedOut = patient(em, keycloak, true);
        Patient later = patient(em, keycloak, true);
        Map<String, Object> loggedToday = active(0, "2027-05-10");
        loggedToday.put("loggedOnLocalDate", true);
        programStatus(programService, logged.id, loggedToday);
        Map<String, Object> hold = active(1, "2027-05-09");
        hold.put("status", "ON_HOLD");
        programStatus(programService, onHold.id, hold);
        programStatus(programService, optedOut.id, active(1, "2027-05-09"));
        NotifyTesting.preferences(em, optedOut.id, p -> p.exerciseReminder = false);
        programStatus(programService, later.id, active(1, "2027-05-09"));
        NotifyTesting.preferences(em, later.id, p -> p.reminderTime = LocalTime.of(20, 30));

        planner.planPatients(Instant.parse("2027-05-10T19:00:00Z"));

        assertThat(reminders(logged)).containsExactly("SKIPPED 2027-05-10 LOGGED_TODAY");
        assertThat(reminders(none)).containsExactly("SKIPPED 2027-05-10 NO_PROGRAM");
        assertThat(reminders(onHold)).containsExactly("SKIPPED 2027-05-10 ON_HOLD");
        assertThat(reminders(optedOut)).containsExactly("SKIPPED 2027-05-10 OPTED_OUT");
        assertThat(reminders(later)).as("20:30 has not come yet").isEmpty();
    }

    @Test
    void aNudgeAfterThreeDaysWithoutALogOncePerGapInsteadOfThatDaysReminder() {
        Patient p = patient(em, keycloak, true);
        Patient twoDays = patient(em, keycloak, true);
        programStatus(programService, p.id, active(3, "2027-06-07"));
        programStatus(programService, twoDays.id, active(2, "2027-06-08"));

        planner.planPatients(Instant.parse("2027-06-10T19:00:00Z"));
        assertThat(nudges(p)).containsExactly("PENDING since-2027-06-07 2027-06-10");
        assertThat(reminders(p)).containsExactly("SKIPPED 2027-06-10 NUDGE_SENT");
        assertThat(nudges(twoDays)).isEmpty();
        assertThat(reminders(twoDays)).containsExactly("PENDING 2027-06-10");

        // Still no log the next day: the same gap, no second nudge; the plain reminder again.
        programStatus(programService, p.id, active(4, "2027-06-07"));
        planner.planPatients(Instant.parse("2027-06-11T19:00:00Z"));
        assertThat(nudges(p)).hasSize(1);
        assertThat(reminders(p)).contains("PENDING 2027-06-11");

        // A session on the 12th, then three days without: a new gap, a new nudge.
        programStatus(programService, p.id, active(3, "2027-06-12"));
        planner.planPatients(Instant.parse("2027-06-15T19:00:00Z"));
        assertThat(nudges(p))
                .containsExactly("PENDING since-2027-06-07 2027-06-10", "PENDING since-2027-06-12 2027-06-15");
        assertThat(reminders(p)).contains("SKIPPED 2027-06-15 NUDGE_SENT");

        // Never logged at all: the gap counts from the program's start.
        Patient never = patient(em, keycloak, true);
        Map<String, Object> fresh = active(5, null);
        fresh.put("startedOn", "2027-06-10");
        programStatus(programService, never.id, fresh);
        planner.planPatients(Instant.parse("2027-06-15T19:00:00Z"));
        assertThat(nudges(never)).containsExactly("PENDING since-2027-06-10 2027-06-15");
    }

    @Test
    void theDigestDailyToPhysiosWithOpenAlertsAndTheSummaryOnMondaysToAdmins() {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                        "DELETE FROM notice_cursor WHERE feed IN ('digest-planned', 'weekly-planned')")
                .executeUpdate());
        given().contentType(ContentType.JSON)
                .body(Map.of(
                        "physios",
                        List.of(
                                Map.of("physio", "physio2", "open", 2, "urgent", 0, "byType", List.of()),
                                Map.of("physio", "physio3", "open", 1, "urgent", 1, "byType", List.of()))))
                .put(programService + "/_fake/open-alerts")
                .then()
                .statusCode(204);

        // Monday 4 January 2027, before and after 07:00 in London.
        assertThat(planner.planStaff(Instant.parse("2027-01-04T06:59:00Z"))).isZero();
        assertThat(planner.planStaff(Instant.parse("2027-01-04T07:01:00Z"))).isEqualTo(2);
        assertThat(planner.planStaff(Instant.parse("2027-01-04T09:00:00Z"))).isZero();
        assertThat(staffRows("2027-01-04"))
                .containsExactlyInAnyOrder("ALERT_DIGEST physio2 null", "WEEKLY_SUMMARY admin week-2026-12-28");

        // Tuesday: the digest again, no summary.
        assertThat(planner.planStaff(Instant.parse("2027-01-05T07:30:00Z"))).isEqualTo(1);
        assertThat(staffRows("2027-01-05")).containsExactly("ALERT_DIGEST physio2 null");
    }

    private static Map<String, Object> active(int daysWithoutLog, String lastLogOn) {
        Map<String, Object> s = new HashMap<>();
        s.put("status", "ACTIVE");
        s.put("programId", 1);
        s.put("carePhysio", "physio");
        s.put("startedOn", "2027-01-01");
        s.put("lastLogOn", lastLogOn);
        s.put("loggedOnLocalDate", false);
        s.put("daysWithoutLog", daysWithoutLog);
        s.put("measuresDue", List.of());
        return s;
    }

    private List<String> reminders(Patient p) {
        return rowsOf(em, p.id).stream()
                .filter(n -> n.kind == NotificationKind.EXERCISE_REMINDER)
                .map(n -> n.status + " " + n.localDay + (n.reason == null ? "" : " " + n.reason))
                .toList();
    }

    private List<String> nudges(Patient p) {
        return rowsOf(em, p.id).stream()
                .filter(n -> n.kind == NotificationKind.INACTIVITY_NUDGE)
                .map(n -> n.status + " " + n.ref + " " + n.localDay)
                .toList();
    }

    private List<String> staffRows(String day) {
        return QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                        "select n from Notification n where n.recipient is not null and n.localDay = :d"
                                + " and n.kind in (:kinds) order by n.id",
                        Notification.class)
                .setParameter("d", LocalDate.parse(day))
                .setParameter("kinds", List.of(NotificationKind.ALERT_DIGEST, NotificationKind.WEEKLY_SUMMARY))
                .getResultStream()
                .map(n -> n.kind + " " + n.recipient + " " + n.ref)
                .toList());
    }
}
