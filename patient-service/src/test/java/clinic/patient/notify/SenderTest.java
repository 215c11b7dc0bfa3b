package clinic.patient.notify;

import static clinic.patient.notify.NotifyTesting.messagesOf;
import static clinic.patient.notify.NotifyTesting.notification;
import static clinic.patient.notify.NotifyTesting.patient;
import static clinic.patient.notify.NotifyTesting.patientRow;
import static clinic.patient.notify.NotifyTesting.row;
import static org.assertj.core.api.Assertions.assertThat;

import clinic.kit.jobs.JobClaims;
import clinic.patient.registry.Patient;
import clinic.patient.registry.PatientStatus;
import com.icegreen.greenmail.util.GreenMail;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.mailer.Mailer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The sender's promises, against a real SMTP server (GreenMail): nothing to an unverified address or after an
 * opt-out, quiet hours in the patient's zone, retry after an SMTP outage and exactly one e-mail after it, FAILED after
 * the last attempt, UNCERTAIN (never resent) for a send interrupted by a crash, and one e-mail per row with two
 * senders on one database.
 */
@QuarkusTest
@TestProfile(NotifyTesting.Profile.class)
class SenderTest {

    static GreenMail mail;

    @Inject
    EntityManager em;

    @Inject
    Outbox outbox;

    @Inject
    Sender sender;

    @Inject
    Mailer mailer;

    @Inject
    Recipients recipients;

    @Inject
    MailComposer composer;

    @Inject
    MeterRegistry metrics;

    @Inject
    DataSource dataSource;

    @ConfigProperty(name = "clinic.keycloak.url")
    String keycloak;

    @BeforeAll
    static void startMail() {
        mail = NotifyTesting.startMail();
    }

    @AfterAll
    static void stopMail() {
        mail.stop();
    }

    @Test
    void anUnverifiedAddressGetsNothing() {
        Patient p = patient(em, keycloak, false);
        long id = row(em, outbox, patientRow(NotificationKind.PROGRAM_CHANGED, p.id, "r2"));
        sender.sendDue(Instant.now());

        Notification n = notification(em, id);
        assertThat(n.status).isEqualTo(Notification.SKIPPED);
        assertThat(n.reason).isEqualTo(Recipients.NOT_VERIFIED);
        assertThat(messagesOf(mail, id)).isEmpty();
        assertThat(addressedTo(p.email)).isZero();
    }

    @Test
    void anOptOutIsSkippedAtSendingTimeAndCounted() {
        Patient p = patient(em, keycloak, true);
        long id = row(em, outbox, patientRow(NotificationKind.MEASURE_DUE, p.id, "PSFS-WEEK_4"));
        // Switched off after the row was planned: the sender asks again.
        NotifyTesting.preferences(em, p.id, pref -> pref.measureDue = false);
        double before = counted(NotificationKind.MEASURE_DUE, "skipped");
        sender.sendDue(Instant.now());

        Notification n = notification(em, id);
        assertThat(n.status).isEqualTo(Notification.SKIPPED);
        assertThat(n.reason).isEqualTo("OPTED_OUT");
        assertThat(messagesOf(mail, id)).isEmpty();
        assertThat(counted(NotificationKind.MEASURE_DUE, "skipped")).isEqualTo(before + 1);

        // The whole channel off stops every kind.
        NotifyTesting.preferences(em, p.id, pref -> {
            pref.measureDue = true;
            pref.emailEnabled = false;
        });
        long other = row(em, outbox, patientRow(NotificationKind.PROGRAM_CHANGED, p.id, "r3"));
        sender.sendDue(Instant.now());
        assertThat(notification(em, other).reason).isEqualTo("OPTED_OUT");
        assertThat(addressedTo(p.email)).isZero();
    }

    @Test
    void aDischargedPatientGetsNothing() {
        Patient p = patient(em, keycloak, true);
        long id = row(em, outbox, patientRow(NotificationKind.PROGRAM_CHANGED, p.id, "r2"));
        QuarkusTransaction.requiringNew().run(() -> em.find(Patient.class, p.id).status = PatientStatus.DISCHARGED);
        sender.sendDue(Instant.now());

        assertThat(notification(em, id).status).isEqualTo(Notification.SKIPPED);
        assertThat(notification(em, id).reason).isEqualTo(Recipients.PATIENT_INACTIVE);
        assertThat(addressedTo(p.email)).isZero();
    }

    @Test
    void quietHoursInThePatientsZoneHoldTheEmailUntilTheyEnd() {
        Patient p = patient(em, keycloak, true);
        ZoneId newYork = ZoneId.of("America/New_York");
        NotifyTesting.quietHours(em, p.id, "America/New_York", "21:00", "07:30");
        long id = row(em, outbox, patientRow(NotificationKind.PROGRAM_CHANGED, p.id, "r5"));

        // 23:00 in New York (04:00 or 05:00 in London, outside nobody's quiet hours but the patient's).
        LocalDate tomorrow = LocalDate.now(newYork).plusDays(1);
        Instant late = ZonedDateTime.of(tomorrow, LocalTime.of(23, 0), newYork).toInstant();
        sender.sendDue(late);

        Notification held = notification(em, id);
        assertThat(held.status).isEqualTo(Notification.PENDING);
        assertThat(held.attempts).as("a held e-mail is not a failed attempt").isZero();
        Instant quietEnd = ZonedDateTime.of(tomorrow.plusDays(1), LocalTime.of(7, 30), newYork)
                .toInstant();
        assertThat(held.nextAttemptAt).isEqualTo(quietEnd);
        assertThat(messagesOf(mail, id)).isEmpty();

        sender.sendDue(quietEnd.minusSeconds(60));
        assertThat(notification(em, id).status).isEqualTo(Notification.PENDING);

        NotifyTesting.sendUntilSettled(sender, em, quietEnd, List.of(id));
        assertThat(notification(em, id).status).isEqualTo(Notification.SENT);
        assertThat(messagesOf(mail, id)).hasSize(1);
    }

    @Test
    void quietHoursMayWrapMidnightOrNot() {
        LocalTime start = LocalTime.of(22, 0);
        LocalTime end = LocalTime.of(7, 0);
        assertThat(Sender.quiet(LocalTime.of(23, 0), start, end)).isTrue();
        assertThat(Sender.quiet(LocalTime.of(6, 59), start, end)).isTrue();
        assertThat(Sender.quiet(LocalTime.of(7, 0), start, end)).isFalse();
        assertThat(Sender.quiet(LocalTime.of(12, 0), start, end)).isFalse();
        assertThat(Sender.quiet(LocalTime.of(13, 0), LocalTime.of(12, 0), LocalTime.of(14, 0)))
                .isTrue();
        assertThat(Sender.quiet(LocalTime.of(14, 0), LocalTime.of(12, 0), LocalTime.of(14, 0)))
                .isFalse();
        assertThat(Sender.quiet(LocalTime.of(13, 0), null, null)).isFalse();
    }

    @Test
    void smtpDownThenUpIsSentOnceAfterRecovery() throws Exception {
        Patient p = patient(em, keycloak, true);
        long id = row(em, outbox, patientRow(NotificationKind.PROGRAM_CHANGED, p.id, "r7"));
        mail.stop();
        Instant now = Instant.now();
        try {
            sender.sendDue(now);
            Notification failed = notification(em, id);
            assertThat(failed.status).isEqualTo(Notification.PENDING);
            assertThat(failed.attempts).isEqualTo(1);
            assertThat(failed.lastError).isNotBlank().doesNotContain("@").doesNotContain(p.givenName);
            assertThat(failed.nextAttemptAt).isEqualTo(now.plusSeconds(30).truncatedTo(ChronoUnit.MILLIS));

            // Not due again before its backoff.
            sender.sendDue(now.plusSeconds(10));
            assertThat(notification(em, id).attempts).isEqualTo(1);
        } finally {
            mail = NotifyTesting.startMail();
        }
        Instant later = now.plusSeconds(31);
        for (int i = 0; i < 5 && !Notification.SENT.equals(notification(em, id).status); i++) {
            sender.sendDue(later);
            later = later.plus(Duration.ofHours(1));
        }
        Notification sent = notification(em, id);
        assertThat(sent.status).isEqualTo(Notification.SENT);
        assertThat(sent.sentAt).isNotNull();
        sender.sendDue(later.plus(Duration.ofDays(1)));
        assertThat(messagesOf(mail, id)).as("sent exactly once").hasSize(1);
        assertThat(addressedTo(p.email)).isEqualTo(1);
    }

    @Test
    void afterTheLastAttemptTheRowIsFailedAndCounted() {
        Patient p = patient(em, keycloak, true);
        long id = row(em, outbox, patientRow(NotificationKind.PROGRAM_CHANGED, p.id, "r8"));
        double before = counted(NotificationKind.PROGRAM_CHANGED, "failed");
        mail.stop();
        try {
            Instant at = Instant.now();
            for (int i = 0; i < 8; i++) {
                sender.sendDue(at);
                at = at.plus(Duration.ofHours(1));
            }
            Notification n = notification(em, id);
            assertThat(n.status).isEqualTo(Notification.FAILED);
            assertThat(n.attempts).isEqualTo(8);
            assertThat(n.reason).isEqualTo("MAX_ATTEMPTS");
            assertThat(counted(NotificationKind.PROGRAM_CHANGED, "failed")).isEqualTo(before + 1);
            sender.sendDue(at.plus(Duration.ofDays(1)));
            assertThat(notification(em, id).attempts).isEqualTo(8);
        } finally {
            mail = NotifyTesting.startMail();
        }
        sender.sendDue(Instant.now().plus(Duration.ofDays(30)));
        assertThat(messagesOf(mail, id)).isEmpty();
    }

    @Test
    void backoffDoublesFromThirtySecondsUpToHalfAnHour() {
        assertThat(Sender.backoff(1)).isEqualTo(Duration.ofSeconds(30));
        assertThat(Sender.backoff(2)).isEqualTo(Duration.ofMinutes(1));
        assertThat(Sender.backoff(5)).isEqualTo(Duration.ofMinutes(8));
        assertThat(Sender.backoff(7)).isEqualTo(Duration.ofMinutes(30));
        assertThat(Sender.backoff(40)).isEqualTo(Duration.ofMinutes(30));
    }

    @Test
    void aSendInterruptedByACrashBecomesUncertainAndIsNeverResent() {
        Patient p = patient(em, keycloak, true);
        long id = row(em, outbox, patientRow(NotificationKind.PROGRAM_CHANGED, p.id, "r9"));
        // What a replica that died between the SENDING commit and the SMTP answer leaves behind.
        QuarkusTransaction.requiringNew().run(() -> {
            Notification n = em.find(Notification.class, id);
            n.status = Notification.SENDING;
            n.attempts = 1;
            n.sendingAt = Instant.now().minus(Duration.ofMinutes(6)).truncatedTo(ChronoUnit.MILLIS);
        });
        double before = counted(NotificationKind.PROGRAM_CHANGED, "uncertain");
        sender.sendDue(Instant.now());
        sender.sendDue(Instant.now().plus(Duration.ofDays(1)));

        Notification n = notification(em, id);
        assertThat(n.status).isEqualTo(Notification.UNCERTAIN);
        assertThat(n.reason).isEqualTo("SEND_INTERRUPTED");
        assertThat(messagesOf(mail, id)).isEmpty();
        assertThat(counted(NotificationKind.PROGRAM_CHANGED, "uncertain")).isEqualTo(before + 1);
    }

    @Test
    void twoSendersOnOneDatabaseSendEachRowOnce() throws Exception {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Patient p = patient(em, keycloak, true);
            for (int r = 1; r <= 8; r++) {
                ids.add(row(em, outbox, patientRow(NotificationKind.PROGRAM_CHANGED, p.id, "r" + r)));
            }
        }
        // A second replica: its own sender and job claims, the same database and SMTP server.
        Sender other = new Sender(
                em,
                mailer,
                recipients,
                composer,
                new JobClaims(dataSource, "replica-b"),
                metrics,
                "Europe/London",
                8,
                "5s");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Integer>> runs = new ArrayList<>();
            for (Sender s : List.of(sender, other, sender, other)) {
                runs.add(pool.submit(() -> {
                    go.await();
                    return s.sendDue(Instant.now());
                }));
            }
            go.countDown();
            int tried = 0;
            for (Future<Integer> run : runs) {
                tried += run.get();
            }
            assertThat(tried).isGreaterThanOrEqualTo(ids.size());
        } finally {
            pool.shutdown();
        }
        NotifyTesting.sendUntilSettled(sender, em, Instant.now(), ids);
        for (long id : ids) {
            assertThat(notification(em, id).status).isEqualTo(Notification.SENT);
            assertThat(messagesOf(mail, id)).as("messages of row " + id).hasSize(1);
        }
    }

    private long addressedTo(String email) {
        return java.util.Arrays.stream(mail.getReceivedMessages())
                .filter(m -> {
                    try {
                        return m.getAllRecipients()[0].toString().equals(email);
                    } catch (jakarta.mail.MessagingException e) {
                        throw new IllegalStateException(e);
                    }
                })
                .count();
    }

    private double counted(NotificationKind kind, String outcome) {
        var counter = metrics.find("clinic.notifications")
                .tag("kind", kind.name())
                .tag("outcome", outcome)
                .counter();
        return counter == null ? 0 : counter.count();
    }
}
