package clinic.patient.notify;

import static clinic.patient.notify.NotifyTesting.PORTAL;
import static clinic.patient.notify.NotifyTesting.bodies;
import static clinic.patient.notify.NotifyTesting.header;
import static clinic.patient.notify.NotifyTesting.messagesOf;
import static clinic.patient.notify.NotifyTesting.notification;
import static clinic.patient.notify.NotifyTesting.patient;
import static clinic.patient.notify.NotifyTesting.patientRow;
import static clinic.patient.notify.NotifyTesting.row;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import clinic.patient.registry.Patient;
import com.icegreen.greenmail.util.GreenMail;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import jakarta.persistence.EntityManager;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What each kind of e-mail says and carries, as received by a real SMTP server (GreenMail): the recipient, the
 * subject, both bodies with their one link, the footer, the headers (one-click unsubscribe on every optional kind,
 * Auto-Submitted, the row's Message-ID), the patient's language - and nothing clinical, nor the patient's name in a
 * staff e-mail.
 */
@QuarkusTest
@TestProfile(NotifyTesting.Profile.class)
class MailContentTest {

    static GreenMail mail;

    @Inject
    EntityManager em;

    @Inject
    Outbox outbox;

    @Inject
    Sender sender;

    @Inject
    UnsubscribeTokens tokens;

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

    record Expected(NotificationKind kind, String ref, String subject, String link, String says) {}

    @Test
    void eachPatientKindInEnglishWithItsLinkFooterAndOneClickUnsubscribe() throws Exception {
        Patient p = patient(em, keycloak, true);
        List<Expected> expected = List.of(
                new Expected(
                        NotificationKind.EXERCISE_REMINDER,
                        "d1",
                        "Your exercises for today",
                        "/me/today",
                        "Your exercises for today are waiting for you"),
                new Expected(
                        NotificationKind.INACTIVITY_NUDGE,
                        "since-2026-11-28",
                        "Your exercises are waiting for you",
                        "/me/today",
                        "We have not seen a session from you for a few days"),
                new Expected(
                        NotificationKind.MEASURE_DUE,
                        "due-WEEK_4",
                        "A short questionnaire is ready for you",
                        "/me/measures",
                        "A short questionnaire about how you are doing"),
                new Expected(
                        NotificationKind.PROGRAM_CHANGED,
                        "r2",
                        "Your exercise program has been updated",
                        "/me/today",
                        "Your physiotherapist has updated your exercise program"),
                new Expected(
                        NotificationKind.PROGRAM_PAUSED,
                        "h4",
                        "Your exercise program is paused",
                        "/me/today",
                        "Please do not continue the exercises until your physiotherapist has been in touch"),
                new Expected(
                        NotificationKind.PROGRAM_PAUSED,
                        "resumed-4",
                        "Your exercise program has resumed",
                        "/me/today",
                        "You can carry on with your exercises"));
        for (Expected e : expected) {
            long id = row(em, outbox, patientRow(e.kind(), p.id, e.ref()));
            NotifyTesting.sendUntilSettled(sender, em, Instant.now(), List.of(id));
            assertThat(notification(em, id).status).as(e.kind() + " " + e.ref()).isEqualTo(Notification.SENT);
            MimeMessage m = single(id);
            assertThat(m.getAllRecipients()[0].toString()).isEqualTo(p.email);
            assertThat(m.getSubject()).isEqualTo(e.subject());
            NotifyTesting.Bodies b = bodies(m);
            for (String body : List.of(b.text(), b.html())) {
                assertThat(body)
                        .contains("Hello " + p.givenName + ",")
                        .contains(e.says())
                        .contains(PORTAL + e.link())
                        .contains("Stop these e-mails")
                        .contains(PORTAL + "/me/preferences");
                nothingClinical(body, p);
                assertThat(body).doesNotContain(p.familyName).doesNotContain(p.clinicNumber);
            }
            assertThat(b.text())
                    .startsWith("Hello " + p.givenName + ",\n\n")
                    .contains(":\n" + PORTAL + e.link() + "\n\n--\n")
                    .doesNotContain("<p>");
            assertThat(b.html()).contains("<a href=\"" + PORTAL + e.link() + "\"");
            oneClickUnsubscribe(m, b, UnsubscribeTokens.Subject.patient(p.id, e.kind()));
            assertThat(header(m, "Auto-Submitted")).isEqualTo("auto-generated");
            assertThat(notification(em, id).messageId).isEqualTo(m.getMessageID());
        }
    }

    @Test
    void aPatientWhoChoseSpanishGetsSpanish() throws Exception {
        Patient p = patient(em, keycloak, true);
        NotifyTesting.preferences(em, p.id, pref -> pref.language = "es");
        long reminder = row(em, outbox, patientRow(NotificationKind.EXERCISE_REMINDER, p.id, "d1"));
        long paused = row(em, outbox, patientRow(NotificationKind.PROGRAM_PAUSED, p.id, "h9"));
        NotifyTesting.sendUntilSettled(sender, em, Instant.now(), List.of(reminder, paused));

        MimeMessage m = single(reminder);
        assertThat(m.getSubject()).isEqualTo("Sus ejercicios de hoy");
        NotifyTesting.Bodies b = bodies(m);
        for (String body : List.of(b.text(), b.html())) {
            assertThat(body)
                    .contains("Hola, " + p.givenName + ":")
                    .contains("Sus ejercicios de hoy le están esperando")
                    .contains("Dejar de recibir estos correos")
                    .contains("Elegir qué correos recibe")
                    .doesNotContain("Hello");
            nothingClinical(body, p);
        }
        assertThat(b.html()).contains("<html lang=\"es\">");
        assertThat(b.text()).doesNotContain("Stop these").doesNotContain("Change what you get");
        MimeMessage pause = single(paused);
        assertThat(pause.getSubject()).isEqualTo("Su programa de ejercicios está en pausa");
        assertThat(bodies(pause).text())
                .contains("no continúe con los ejercicios hasta que su fisioterapeuta se ponga en contacto con usted");
    }

    @Test
    void theUrgentAlertNamesThePatientOnlyByClinicNumberAndCannotBeUnsubscribed() throws Exception {
        Patient p = patient(em, keycloak, false);
        long id = urgentRow("physio", p);
        NotifyTesting.sendUntilSettled(sender, em, Instant.now(), List.of(id));

        MimeMessage m = single(id);
        assertThat(m.getAllRecipients()[0].toString()).isEqualTo("physio@staff.clinic.test");
        assertThat(m.getSubject()).isEqualTo("URGENT alert for patient " + p.clinicNumber);
        NotifyTesting.Bodies b = bodies(m);
        for (String body : List.of(b.text(), b.html())) {
            assertThat(body)
                    .contains(p.clinicNumber)
                    .contains(PORTAL + "/alerts")
                    .contains("Urgent alerts are always sent")
                    .contains(PORTAL + "/settings/notifications")
                    .doesNotContain(p.givenName)
                    .doesNotContain(p.familyName)
                    .doesNotContain(p.email)
                    .doesNotContain("Stop these e-mails")
                    .doesNotContain("unsubscribe");
            nothingClinical(body, p);
        }
        assertThat(b.text()).contains("Urgent alerts are always sent.\nChange what you get: " + PORTAL);
        assertThat(header(m, "List-Unsubscribe")).isNull();
        assertThat(header(m, "List-Unsubscribe-Post")).isNull();
        assertThat(header(m, "Auto-Submitted")).isEqualTo("auto-generated");
    }

    @Test
    void aPhysioWhoChoseSpanishInTheirEmailSettingsGetsTheUrgentAlertInSpanish() throws Exception {
        Patient p = patient(em, keycloak, false);
        QuarkusTransaction.requiringNew().run(() -> {
            StaffPreference pref = StaffPreference.defaults("physio2");
            pref.language = "es";
            pref.updatedAt = Instant.now();
            em.persist(pref);
        });
        long id = urgentRow("physio2", p);
        try {
            NotifyTesting.sendUntilSettled(sender, em, Instant.now(), List.of(id));
        } finally {
            // physio2's other e-mails in this test JVM stay English.
            QuarkusTransaction.requiringNew().run(() -> em.remove(em.find(StaffPreference.class, "physio2")));
        }

        MimeMessage m = single(id);
        assertThat(m.getAllRecipients()[0].toString()).isEqualTo("physio2@staff.clinic.test");
        assertThat(m.getSubject()).isEqualTo("Alerta URGENTE del paciente " + p.clinicNumber);
        NotifyTesting.Bodies b = bodies(m);
        assertThat(b.text()).contains("Las alertas urgentes se envían siempre.").doesNotContain("Urgent alerts");
        assertThat(b.html()).contains("<html lang=\"es\">");
    }

    @Test
    void theDigestCountsThePhysiosOpenAlertsAndIsSkippedWhenNoneAreLeft() throws Exception {
        openAlerts(List.of(Map.of(
                "physio",
                "physio3",
                "open",
                3,
                "urgent",
                1,
                "byType",
                List.of(Map.of("type", "MISSED_SESSIONS", "count", 2)),
                "oldestRaisedOn",
                "2026-11-20")));
        long id = row(em, outbox, staffRow(NotificationKind.ALERT_DIGEST, "physio3", null));
        NotifyTesting.sendUntilSettled(sender, em, Instant.now(), List.of(id));

        MimeMessage m = single(id);
        assertThat(m.getAllRecipients()[0].toString()).isEqualTo("physio3@staff.clinic.test");
        assertThat(m.getSubject()).isEqualTo("Open alerts: 3");
        NotifyTesting.Bodies b = bodies(m);
        assertThat(b.text())
                .contains("You have 3 open alerts (1 of them urgent")
                .contains("- MISSED_SESSIONS: 2")
                .contains("2026-11-20")
                .contains("Review them:\n" + PORTAL + "/alerts\n")
                .contains("patients with open alerts.\nStop these e-mails: " + PORTAL + "/unsubscribe?t=")
                .contains(PORTAL + "/settings/notifications");
        assertThat(b.html())
                .contains("<strong>You have 3 open alerts (1 of them urgent")
                .contains("<li>MISSED_SESSIONS: 2</li>");
        oneClickUnsubscribe(m, b, UnsubscribeTokens.Subject.staff("physio3", NotificationKind.ALERT_DIGEST));

        // Acknowledged meanwhile: nothing to say, nothing sent.
        openAlerts(List.of(Map.of("physio", "physio4", "open", 1, "urgent", 1, "byType", List.of())));
        long none = row(em, outbox, staffRow(NotificationKind.ALERT_DIGEST, "physio4", null));
        NotifyTesting.sendUntilSettled(sender, em, Instant.now(), List.of(none));
        Notification skipped = notification(em, none);
        assertThat(skipped.status).isEqualTo(Notification.SKIPPED);
        assertThat(skipped.reason).isEqualTo("NOTHING_OPEN");
        assertThat(messagesOf(mail, none)).isEmpty();
    }

    @Test
    void theWeeklySummaryGivesTheClinicsCountsToTheAdmin() throws Exception {
        long id = row(em, outbox, staffRow(NotificationKind.WEEKLY_SUMMARY, "admin", "week-2026-11-23"));
        NotifyTesting.sendUntilSettled(sender, em, Instant.now(), List.of(id));

        MimeMessage m = single(id);
        assertThat(m.getAllRecipients()[0].toString()).isEqualTo("admin@staff.clinic.test");
        assertThat(m.getSubject()).isEqualTo("The clinic's week from 2026-11-23");
        NotifyTesting.Bodies b = bodies(m);
        assertThat(b.text())
                .contains("from 2026-11-23 to 2026-11-29")
                .contains("Sessions logged: 123 (by 17 patients)")
                .contains("Alerts raised: 9 (1 urgent); open now: 4")
                .contains(PORTAL + "/admin/reports");
        oneClickUnsubscribe(m, b, UnsubscribeTokens.Subject.staff("admin", NotificationKind.WEEKLY_SUMMARY));
        List<Map<String, Object>> calls = given().get(programService + "/_fake/notice-calls")
                .then()
                .extract()
                .path("findAll { it.path == '/api/notices/week' }");
        assertThat(calls).anySatisfy(c -> {
            assertThat(c.get("query")).isEqualTo("from=2026-11-23&to=2026-11-30");
            assertThat(c.get("authorization")).isEqualTo("Bearer fake-service-account-token");
        });
    }

    private static Outbox.Row staffRow(NotificationKind kind, String who, String ref) {
        LocalDate day = LocalDate.now().plusDays(Math.abs(System.nanoTime() % 3000) + 1);
        return Outbox.Row.pending(NotificationKeys.staffDay(kind, who, day), kind, null, who, day, ref);
    }

    /** An urgent alert's outbox row for a patient's care physio. */
    private long urgentRow(String physio, Patient p) {
        return row(
                em,
                outbox,
                Outbox.Row.pending(
                        NotificationKeys.staffRef(NotificationKind.URGENT_ALERT, physio, "A" + p.id),
                        NotificationKind.URGENT_ALERT,
                        p.id,
                        physio,
                        LocalDate.now(),
                        "A" + p.id));
    }

    private void openAlerts(List<Map<String, Object>> physios) {
        given().contentType(ContentType.JSON)
                .body(Map.of("physios", physios))
                .put(programService + "/_fake/open-alerts")
                .then()
                .statusCode(204);
    }

    private MimeMessage single(long id) {
        List<MimeMessage> found = messagesOf(mail, id);
        assertThat(found).as("messages of notification " + id).hasSize(1);
        return found.get(0);
    }

    /** RFC 8058: the header's URL carries a token that stops this kind for this recipient, and the footer has it. */
    private void oneClickUnsubscribe(MimeMessage m, NotifyTesting.Bodies b, UnsubscribeTokens.Subject expected)
            throws Exception {
        String header = header(m, "List-Unsubscribe");
        assertThat(header).startsWith("<" + PORTAL + "/unsubscribe?t=").endsWith(">");
        assertThat(header(m, "List-Unsubscribe-Post")).isEqualTo("List-Unsubscribe=One-Click");
        String url = header.substring(1, header.length() - 1);
        String token = URLDecoder.decode(url.substring(url.indexOf("?t=") + 3), StandardCharsets.UTF_8);
        assertThat(tokens.verify(token)).contains(expected);
        assertThat(b.text()).contains(url);
        assertThat(b.html()).contains(url.replace("&", "&amp;"));
    }

    /** Registration gave every test patient the condition "Left-sided sciatica". */
    private static void nothingClinical(String body, Patient p) {
        String lower = body.toLowerCase(Locale.ROOT);
        assertThat(lower)
                .doesNotContain("sciatica")
                .doesNotContain("pain")
                .doesNotContain("dolor")
                .doesNotContain("diagnos")
                .doesNotContain("condition")
                .doesNotContain("red flag");
    }
}
