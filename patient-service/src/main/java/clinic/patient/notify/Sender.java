package clinic.patient.notify;

import clinic.kit.jobs.JobClaims;
import clinic.patient.registry.Patient;
import clinic.patient.registry.PatientStatus;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.ScheduledExecution;
import io.vertx.ext.mail.SMTPException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Sends the outbox's due notifications, each at most once (docs/notifications.md "Exactly once").
 *
 * <p>A run reserves a batch of due PENDING rows ({@code FOR UPDATE SKIP LOCKED}, so two replicas or two runs never
 * take the same row), marks them SENDING with one more attempt and commits; only then is each one checked again and
 * sent. Checked again at sending time: a patient's kind must still be wanted (preferences) and the patient still
 * active; a patient's quiet hours put the row back until they end (the attempt not counted); the address must be
 * verified ({@link Recipients}; a refusal is SKIPPED with its code, Keycloak down is retried). An SMTP failure puts the
 * row back to PENDING after a backoff (30 s doubling up to 30 min) and FAILED after {@code clinic.notify.max-attempts}.
 * A row still SENDING after {@link #STALE} (the replica died between the commit and the SMTP answer) becomes
 * UNCERTAIN and is never sent again by itself: the e-mail may or may not have left, and twice is worse than none for
 * an automatic message; admins see it and may send it again by hand.
 *
 * <p>Nothing about the recipient is logged: only row ids, kinds and error classes.
 */
@ApplicationScoped
public class Sender {

    private static final Logger LOG = Logger.getLogger(Sender.class);

    static final String JOB = "notification-sender";
    /** The ref prefix of a PROGRAM_PAUSED row that says the program resumed. */
    static final String RESUMED = "resumed-";

    static final int BATCH = 20;
    /** Batches per run at most. */
    static final int MAX_BATCHES = 10;

    static final Duration FIRST_BACKOFF = Duration.ofSeconds(30);
    static final Duration MAX_BACKOFF = Duration.ofMinutes(30);
    static final Duration STALE = Duration.ofMinutes(5);

    /** Reasons kept on a row. */
    static final String OPTED_OUT = "OPTED_OUT";

    static final String NOTHING_OPEN = "NOTHING_OPEN";
    static final String MAX_ATTEMPTS = "MAX_ATTEMPTS";
    static final String INTERRUPTED = "SEND_INTERRUPTED";

    private final EntityManager em;
    private final Mailer mailer;
    private final Recipients recipients;
    private final MailComposer composer;
    private final JobClaims jobs;
    private final MeterRegistry metrics;
    private final ZoneId clinicZone;
    private final int maxAttempts;
    private final String every;

    public Sender(
            EntityManager em,
            Mailer mailer,
            Recipients recipients,
            MailComposer composer,
            JobClaims jobs,
            MeterRegistry metrics,
            @ConfigProperty(name = "clinic.notify.zone") String zone,
            @ConfigProperty(name = "clinic.notify.max-attempts") int maxAttempts,
            @ConfigProperty(name = "clinic.notify.send-every") String every) {
        this.em = em;
        this.mailer = mailer;
        this.recipients = recipients;
        this.composer = composer;
        this.jobs = jobs;
        this.metrics = metrics;
        this.clinicZone = ZoneId.of(zone);
        this.maxAttempts = maxAttempts;
        this.every = every;
    }

    void onStart(@Observes StartupEvent event) {
        try {
            markUncertain(Instant.now());
        } catch (RuntimeException e) {
            LOG.warnf(
                    "Stale notifications not checked at start (%s)",
                    e.getClass().getSimpleName());
        }
    }

    @Scheduled(
            identity = JOB,
            every = "${clinic.notify.send-every}",
            delayed = "${clinic.notify.send-delay}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick(ScheduledExecution execution) {
        if (!jobs.claim(JOB, execution.getScheduledFireTime(), JobClaims.period(every))) {
            return;
        }
        try {
            sendDue(Instant.now());
        } catch (RuntimeException e) {
            LOG.warnf("Notifications not sent this time (%s)", e.getClass().getSimpleName());
        }
    }

    /**
     * One run: rows left SENDING too long become UNCERTAIN, then every row due at {@code now} is tried once. Safe to
     * call from several threads or replicas at once. Answers how many rows were tried.
     */
    public int sendDue(Instant now) {
        markUncertain(Instant.now());
        int tried = 0;
        for (int batch = 0; batch < MAX_BATCHES; batch++) {
            List<Long> ids = QuarkusTransaction.requiringNew().call(() -> reserve(now));
            for (Long id : ids) {
                sendOne(id, now);
            }
            tried += ids.size();
            if (ids.size() < BATCH) {
                break;
            }
        }
        return tried;
    }

    /** Rows SENDING since before {@link #STALE}: UNCERTAIN, never sent again by the job. */
    int markUncertain(Instant now) {
        return QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<Number> stale = em.createNativeQuery("SELECT id FROM notification WHERE status = 'SENDING'"
                            + " AND sending_at < ?1 FOR UPDATE SKIP LOCKED")
                    .setParameter(1, now.minus(STALE))
                    .getResultList();
            for (Number id : stale) {
                Notification n = em.find(Notification.class, id.longValue());
                n.status = Notification.UNCERTAIN;
                n.reason = INTERRUPTED;
                count(n.kind, "uncertain");
                LOG.warnf("Notification %d (%s) was left sending: UNCERTAIN, not sent again", n.id, n.kind);
            }
            return stale.size();
        });
    }

    /** Takes a batch of due rows: SENDING, one more attempt, committed before anything is sent. */
    private List<Long> reserve(Instant now) {
        @SuppressWarnings("unchecked")
        List<Number> due = em.createNativeQuery("SELECT id FROM notification WHERE status = 'PENDING'"
                        + " AND next_attempt_at <= ?1 ORDER BY next_attempt_at, id LIMIT " + BATCH
                        + " FOR UPDATE SKIP LOCKED")
                .setParameter(1, now)
                .getResultList();
        Instant at = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        List<Long> ids = new ArrayList<>();
        for (Number id : due) {
            Notification n = em.find(Notification.class, id.longValue());
            n.status = Notification.SENDING;
            n.attempts++;
            n.sendingAt = at;
            ids.add(n.id);
        }
        return ids;
    }

    /** What the checks in the database decided for a reserved row. */
    private record Ready(MailComposer.Subject subject, Patient patient, String language) {}

    private void sendOne(long id, Instant now) {
        Ready ready;
        try {
            ready = QuarkusTransaction.requiringNew().call(() -> check(id, now));
        } catch (RuntimeException e) {
            retry(id, now, rootName(e));
            return;
        }
        if (ready == null) {
            return; // skipped or put back by the checks
        }
        Recipients.Lookup to;
        try {
            to = ready.patient() != null && ready.subject().kind().audience() == NotificationKind.Audience.PATIENT
                    ? recipients.patient(ready.patient())
                    : recipients.staff(ready.subject().recipient());
        } catch (Recipients.DirectoryUnavailable e) {
            retry(id, now, "DirectoryUnavailable");
            return;
        }
        if (to.address().isEmpty()) {
            finish(id, Notification.SKIPPED, to.refusal(), null);
            return;
        }
        Mail mail;
        try {
            mail = composer.compose(
                    ready.subject(),
                    to.address().get().email(),
                    to.address().get().greeting(),
                    ready.language());
        } catch (RuntimeException e) {
            // program-service's counts for a digest or summary could not be read.
            retry(id, now, "Compose:" + rootName(e));
            return;
        }
        if (mail == null) {
            finish(id, Notification.SKIPPED, NOTHING_OPEN, null);
            return;
        }
        try {
            mailer.send(mail);
        } catch (RuntimeException e) {
            retry(id, now, smtpError(e));
            return;
        }
        finish(id, Notification.SENT, null, composer.messageId(id));
    }

    /** The checks at sending time; null when the row was settled (skipped) or put back (quiet hours). */
    private Ready check(long id, Instant now) {
        Notification n = em.find(Notification.class, id);
        if (n == null || !Notification.SENDING.equals(n.status)) {
            return null;
        }
        Patient patient = n.patientId == null ? null : em.find(Patient.class, n.patientId);
        String clinicNumber = patient == null ? null : patient.clinicNumber;
        MailComposer.Subject subject =
                new MailComposer.Subject(n.id, n.kind, n.patientId, n.recipient, n.ref, clinicNumber);
        if (n.kind.audience() == NotificationKind.Audience.STAFF) {
            StaffPreference pref = em.find(StaffPreference.class, n.recipient);
            if (pref == null) {
                pref = StaffPreference.defaults(n.recipient);
            }
            if (!pref.wants(n.kind)) {
                settle(n, Notification.SKIPPED, OPTED_OUT);
                return null;
            }
            if (patient != null) {
                em.detach(patient);
            }
            return new Ready(subject, patient, pref.language);
        }
        if (patient == null || patient.status != PatientStatus.ACTIVE) {
            settle(n, Notification.SKIPPED, Recipients.PATIENT_INACTIVE);
            return null;
        }
        NotificationPreference pref = em.find(NotificationPreference.class, patient.id);
        if (pref == null) {
            pref = NotificationPreference.defaults(patient.id);
        }
        if (!pref.wants(n.kind)) {
            settle(n, Notification.SKIPPED, OPTED_OUT);
            return null;
        }
        ZonedDateTime local = now.atZone(Outbox.zone(pref.timeZone, clinicZone));
        if (quiet(local.toLocalTime(), pref.quietStart, pref.quietEnd)) {
            n.status = Notification.PENDING;
            n.attempts--;
            n.sendingAt = null;
            n.nextAttemptAt = quietEnd(local, pref.quietEnd).truncatedTo(ChronoUnit.MILLIS);
            return null;
        }
        em.detach(patient);
        return new Ready(subject, patient, pref.language);
    }

    /** Whether {@code t} is within quiet hours from {@code start} (inclusive) to {@code end}; may wrap midnight. */
    static boolean quiet(LocalTime t, LocalTime start, LocalTime end) {
        if (start == null || end == null || start.equals(end)) {
            return false;
        }
        if (start.isBefore(end)) {
            return !t.isBefore(start) && t.isBefore(end);
        }
        return !t.isBefore(start) || t.isBefore(end);
    }

    /** The next time the quiet hours end after {@code local}. */
    static Instant quietEnd(ZonedDateTime local, LocalTime end) {
        ZonedDateTime at = ZonedDateTime.of(local.toLocalDate(), end, local.getZone());
        if (!at.isAfter(local)) {
            at = ZonedDateTime.of(local.toLocalDate().plusDays(1), end, local.getZone());
        }
        return at.toInstant();
    }

    private void settle(Notification n, String status, String reason) {
        n.status = status;
        n.reason = reason;
        count(n.kind, status.toLowerCase(java.util.Locale.ROOT));
    }

    /** A sent or skipped row. */
    private void finish(long id, String status, String reason, String messageId) {
        QuarkusTransaction.requiringNew().run(() -> {
            Notification n = em.find(Notification.class, id);
            if (n == null || !Notification.SENDING.equals(n.status)) {
                return;
            }
            settle(n, status, reason);
            if (messageId != null) {
                n.messageId = messageId;
                n.sentAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
                n.lastError = null;
            }
        });
    }

    /** A failed attempt: PENDING again after the backoff, or FAILED after the last one. */
    private void retry(long id, Instant now, String error) {
        QuarkusTransaction.requiringNew().run(() -> {
            Notification n = em.find(Notification.class, id);
            if (n == null || !Notification.SENDING.equals(n.status)) {
                return;
            }
            n.lastError = error.length() > 300 ? error.substring(0, 300) : error;
            n.sendingAt = null;
            if (n.attempts >= maxAttempts) {
                n.status = Notification.FAILED;
                n.reason = MAX_ATTEMPTS;
                count(n.kind, "failed");
                LOG.warnf("Notification %d (%s) failed after %d attempts (%s)", n.id, n.kind, n.attempts, n.lastError);
                return;
            }
            n.status = Notification.PENDING;
            n.nextAttemptAt = now.plus(backoff(n.attempts)).truncatedTo(ChronoUnit.MILLIS);
            LOG.infof(
                    "Notification %d (%s) not sent (attempt %d: %s); next try at %s",
                    n.id, n.kind, n.attempts, n.lastError, n.nextAttemptAt);
        });
    }

    /** 30 s after the first failure, doubling, at most 30 min. */
    static Duration backoff(int attempts) {
        long seconds = FIRST_BACKOFF.toSeconds() << Math.min(Math.max(attempts - 1, 0), 16);
        return seconds >= MAX_BACKOFF.toSeconds() ? MAX_BACKOFF : Duration.ofSeconds(seconds);
    }

    private void count(NotificationKind kind, String outcome) {
        metrics.counter("clinic.notifications", "kind", kind.name(), "outcome", outcome)
                .increment();
    }

    /** The failure's class and SMTP reply code, never its message (it may quote an address). */
    static String smtpError(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SMTPException smtp) {
                return "SMTPException " + smtp.getReplyCode();
            }
        }
        return rootName(e);
    }

    private static String rootName(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName();
    }
}
