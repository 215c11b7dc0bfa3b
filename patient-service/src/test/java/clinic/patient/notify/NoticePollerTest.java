package clinic.patient.notify;

import static clinic.patient.notify.NotifyTesting.messagesOf;
import static clinic.patient.notify.NotifyTesting.notices;
import static clinic.patient.notify.NotifyTesting.patient;
import static clinic.patient.notify.NotifyTesting.patientRow;
import static clinic.patient.notify.NotifyTesting.row;
import static clinic.patient.notify.NotifyTesting.rowsOf;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import clinic.patient.registry.Patient;
import com.icegreen.greenmail.util.GreenMail;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * program-service's notices become outbox rows, once, with the cursor moved in the same transaction: an URGENT alert
 * mailed to the care physio in the same run, program changes, pauses and resumes for the patient, and a discharge
 * cancelling what still waits for the patient.
 */
@QuarkusTest
@TestProfile(NotifyTesting.Profile.class)
class NoticePollerTest {

    static GreenMail mail;

    @Inject
    EntityManager em;

    @Inject
    NoticePoller poller;

    @Inject
    Outbox outbox;

    @ConfigProperty(name = "clinic.keycloak.url")
    String keycloak;

    @ConfigProperty(name = "quarkus.rest-client.program-service.url")
    String programService;

    @BeforeAll
    static void startMail() {
        mail = NotifyTesting.startMail();
    }

    @AfterAll
    static void stopMail() {
        mail.stop();
    }

    @Test
    void anUrgentAlertIsMailedToThePatientsCarePhysioInTheSameRun() throws Exception {
        Patient p = patient(em, keycloak, true);
        // The record's care physio decides, whatever the program says.
        notices(programService, List.of(notice("URGENT_ALERT", p.id, "9" + p.id, "physio4")));

        assertThat(poller.pollAndSend()).isEqualTo(1);

        Notification n = single(p.id, NotificationKind.URGENT_ALERT);
        assertThat(n.recipient).isEqualTo("physio");
        assertThat(n.ref).isEqualTo("A9" + p.id);
        assertThat(n.dedupeKey).isEqualTo("URGENT_ALERT|U:physio|A9" + p.id);
        assertThat(n.status).isEqualTo(Notification.SENT);
        var messages = messagesOf(mail, n.id);
        assertThat(messages).hasSize(1);
        assertThat(messages.get(0).getAllRecipients()[0].toString()).isEqualTo("physio@staff.clinic.test");
        assertThat(messages.get(0).getSubject()).contains(p.clinicNumber);

        List<Map<String, Object>> calls = given().get(programService + "/_fake/notice-calls")
                .then()
                .extract()
                .path("findAll { it.path == '/api/notices' }");
        assertThat(calls).isNotEmpty().allSatisfy(c -> assertThat(c.get("authorization"))
                .isEqualTo("Bearer fake-service-account-token"));
    }

    @Test
    void programChangesPausesAndResumesAreForThePatientAndAPageReadTwiceIsPlannedOnce() {
        Patient p = patient(em, keycloak, true);
        notices(
                programService,
                List.of(
                        notice("PROGRAM_CHANGED", p.id, "r2", "physio"),
                        notice("PROGRAM_PAUSED", p.id, "h5", "physio"),
                        notice("PROGRAM_RESUMED", p.id, "h5", "physio"),
                        notice("SOMETHING_NEW", p.id, "x", "physio")));
        poller.poll();

        List<String> rows = rowsOf(em, p.id).stream()
                .map(n -> n.dedupeKey + " " + n.status + " " + (n.recipient == null ? "" : n.recipient))
                .toList();
        assertThat(rows)
                .containsExactly(
                        "PROGRAM_CHANGED|P" + p.id + "|r2 PENDING ",
                        "PROGRAM_PAUSED|P" + p.id + "|h5 PENDING ",
                        "PROGRAM_PAUSED|P" + p.id + "|resumed-h5 PENDING ");
        long last = cursor();
        assertThat(last).isEqualTo(lastNoticeId());

        // The cursor set back (a replica that read the page but died before its commit is the same case): the same
        // notices again, the same rows.
        QuarkusTransaction.requiringNew()
                .run(() -> em.createNativeQuery("UPDATE notice_cursor SET last_id = 0 WHERE feed = 'program-notices'")
                        .executeUpdate());
        poller.poll();
        assertThat(rowsOf(em, p.id)).hasSize(3);
        assertThat(cursor()).isEqualTo(last);
    }

    @Test
    void aDischargeCancelsWhatStillWaitsForThePatient() {
        Patient p = patient(em, keycloak, true);
        long reminder = row(em, outbox, patientRow(NotificationKind.EXERCISE_REMINDER, p.id, "d1"));
        notices(
                programService,
                List.of(
                        notice("PROGRAM_CHANGED", p.id, "r3", "physio"),
                        notice("URGENT_ALERT", p.id, "8" + p.id, "physio"),
                        notice("PROGRAM_DISCHARGED", p.id, "1", "physio")));
        poller.poll();

        List<Notification> rows = rowsOf(em, p.id);
        assertThat(rows)
                .filteredOn(n -> n.recipient == null)
                .extracting(n -> n.kind + " " + n.status + " " + n.reason)
                .containsExactlyInAnyOrder(
                        "EXERCISE_REMINDER CANCELLED DISCHARGED", "PROGRAM_CHANGED CANCELLED DISCHARGED");
        assertThat(rows)
                .filteredOn(n -> n.recipient != null)
                .extracting(n -> n.kind + " " + n.status)
                .as("the physio's urgent alert still goes")
                .containsExactly("URGENT_ALERT PENDING");
        assertThat(rows).filteredOn(n -> n.id == reminder).hasSize(1);
    }

    private static Map<String, Object> notice(String kind, long patientId, String ref, String physio) {
        Map<String, Object> n = new HashMap<>();
        n.put("kind", kind);
        n.put("patientId", patientId);
        n.put("programId", 1);
        n.put("carePhysio", physio);
        n.put("ref", ref);
        n.put("detail", "PAIN_SPIKE");
        return n;
    }

    private Notification single(long patientId, NotificationKind kind) {
        List<Notification> found =
                rowsOf(em, patientId).stream().filter(n -> n.kind == kind).toList();
        assertThat(found).hasSize(1);
        return found.get(0);
    }

    private long cursor() {
        return QuarkusTransaction.requiringNew().call(() -> ((Number)
                        em.createNativeQuery("SELECT last_id FROM notice_cursor WHERE feed = 'program-notices'")
                                .getSingleResult())
                .longValue());
    }

    private long lastNoticeId() {
        List<Map<String, Object>> all =
                given().get(programService + "/_fake/notices").then().extract().path("$");
        return ((Number) all.get(all.size() - 1).get("id")).longValue();
    }
}
