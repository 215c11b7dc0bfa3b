package clinic.patient.notify;

import clinic.kit.problem.DatabaseFailures;
import clinic.kit.web.RateLimiter;
import clinic.patient.audit.AuditAction;
import clinic.patient.audit.AuditTrail;
import clinic.patient.registry.Patient;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The one-click unsubscribe link of an e-mail (RFC 8058), used without a login: the signed token ({@link
 * UnsubscribeTokens}) says whose e-mails of which kind to stop, and nothing else can be done with it. Stopping is
 * idempotent (the kind stays off; a second click answers the same). An URGENT alert cannot be stopped.
 *
 * <p>Rate limited with the budget of the login-adjacent endpoints ({@code clinic.rate-limit.sensitive-per-minute}):
 * the service-kit filter limits per logged-in user, and these requests have none, so the budget is kept per link
 * (per recipient and kind) for stops, and per client address for links that are not valid.
 */
@ApplicationScoped
public class UnsubscribeService {

    /** The audit actor of a change made through a link. */
    public static final String ACTOR = "unsubscribe-link";

    public record Preview(String kind, String audience, String description) {}

    public record Stopped(String kind, boolean stopped, String audience) {}

    private final UnsubscribeTokens tokens;
    private final EntityManager em;
    private final AuditTrail audit;
    private final RateLimiter limiter = new RateLimiter();
    private final boolean limited;
    private final int perMinute;

    public UnsubscribeService(
            UnsubscribeTokens tokens,
            EntityManager em,
            AuditTrail audit,
            @ConfigProperty(name = "clinic.rate-limit.enabled", defaultValue = "true") boolean limited,
            @ConfigProperty(name = "clinic.rate-limit.sensitive-per-minute", defaultValue = "10") int perMinute) {
        this.tokens = tokens;
        this.em = em;
        this.audit = audit;
        this.limited = limited;
        this.perMinute = perMinute;
    }

    /** What the link would stop, changing nothing. */
    public Preview preview(String token, String client) {
        UnsubscribeTokens.Subject subject = subject(token, client);
        return new Preview(subject.kind().name(), subject.kind().audience().name(), describe(subject.kind()));
    }

    /** Switches the link's kind off for its recipient; audited (actor {@value #ACTOR}). */
    public Stopped stop(String token, String client) {
        UnsubscribeTokens.Subject subject = subject(token, client);
        limit("link|" + (subject.patientId() != null ? "P:" + subject.patientId() : "U:" + subject.username()));
        try {
            QuarkusTransaction.requiringNew().run(() -> apply(subject));
        } catch (PersistenceException e) {
            if (DatabaseFailures.unavailable(e)) {
                throw e;
            }
            // Two first clicks at once: the other one inserted the row; switching it off again is the same answer.
            QuarkusTransaction.requiringNew().run(() -> apply(subject));
        }
        return new Stopped(
                subject.kind().name(), true, subject.kind().audience().name());
    }

    private UnsubscribeTokens.Subject subject(String token, String client) {
        Optional<UnsubscribeTokens.Subject> verified = tokens.verify(token);
        if (verified.isEmpty()) {
            limit("invalid|" + client);
            throw new UnsubscribeRefusal.InvalidLink(
                    "This unsubscribe link is not valid: it may be incomplete or changed. Sign in to change which"
                            + " e-mails you get.");
        }
        UnsubscribeTokens.Subject subject = verified.get();
        if (!subject.kind().optional()) {
            throw new UnsubscribeRefusal.InvalidLink(
                    "Urgent alerts cannot be switched off: they go to the care physio at once.");
        }
        boolean forPatient = subject.patientId() != null;
        if (forPatient != (subject.kind().audience() == NotificationKind.Audience.PATIENT)) {
            throw new UnsubscribeRefusal.InvalidLink("This unsubscribe link is not valid.");
        }
        return subject;
    }

    private void apply(UnsubscribeTokens.Subject subject) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        NotificationKind kind = subject.kind();
        boolean changed;
        if (subject.patientId() != null) {
            if (em.find(Patient.class, subject.patientId()) == null) {
                throw new UnsubscribeRefusal.InvalidLink("This unsubscribe link is not valid.");
            }
            NotificationPreference pref = em.find(NotificationPreference.class, subject.patientId());
            boolean created = pref == null;
            if (created) {
                pref = NotificationPreference.defaults(subject.patientId());
            }
            changed = switchOff(pref, kind);
            if (changed || created) {
                pref.updatedAt = now;
                pref.updatedBy = ACTOR;
            }
            if (created) {
                em.persist(pref);
            }
            audit.recordWithoutLogin(
                    ACTOR, AuditAction.NOTIFICATION_UNSUBSCRIBED, subject.patientId(), reason(kind, changed));
        } else {
            StaffPreference pref = em.find(StaffPreference.class, subject.username());
            boolean created = pref == null;
            if (created) {
                pref = StaffPreference.defaults(subject.username());
            }
            changed = kind == NotificationKind.ALERT_DIGEST ? pref.dailyDigest : pref.weeklySummary;
            if (kind == NotificationKind.ALERT_DIGEST) {
                pref.dailyDigest = false;
            } else {
                pref.weeklySummary = false;
            }
            if (changed || created) {
                pref.updatedAt = now;
            }
            if (created) {
                em.persist(pref);
            }
            audit.recordWithoutLogin(
                    ACTOR,
                    AuditAction.NOTIFICATION_UNSUBSCRIBED,
                    null,
                    reason(kind, changed) + " for " + subject.username());
        }
        em.flush();
    }

    /** Switches the patient's kind off; whether it was on. PROGRAM_CHANGED and PROGRAM_PAUSED share one switch. */
    private static boolean switchOff(NotificationPreference p, NotificationKind kind) {
        boolean was;
        switch (kind) {
            case EXERCISE_REMINDER -> {
                was = p.exerciseReminder;
                p.exerciseReminder = false;
            }
            case INACTIVITY_NUDGE -> {
                was = p.inactivityNudge;
                p.inactivityNudge = false;
            }
            case MEASURE_DUE -> {
                was = p.measureDue;
                p.measureDue = false;
            }
            case PROGRAM_CHANGED, PROGRAM_PAUSED -> {
                was = p.programUpdate;
                p.programUpdate = false;
            }
            default -> throw new IllegalArgumentException(kind + " is not a patient's notification");
        }
        return was;
    }

    private static String reason(NotificationKind kind, boolean changed) {
        return kind.name() + (changed ? "" : " (already off)");
    }

    /** In plain words, for the confirmation page. */
    static String describe(NotificationKind kind) {
        return switch (kind) {
            case EXERCISE_REMINDER -> "The daily reminder to do your exercises.";
            case INACTIVITY_NUDGE -> "The reminder when no session has been logged for a few days.";
            case MEASURE_DUE -> "The notice that a questionnaire is due.";
            case PROGRAM_CHANGED, PROGRAM_PAUSED -> "The notices that your exercise program was changed, paused or"
                    + " resumed.";
            case ALERT_DIGEST -> "The daily digest of your patients' open alerts.";
            case WEEKLY_SUMMARY -> "The weekly summary of the clinic.";
            case URGENT_ALERT -> "Urgent alerts (cannot be switched off).";
        };
    }

    private void limit(String key) {
        if (!limited) {
            return;
        }
        Optional<Duration> wait = limiter.acquire(key, perMinute);
        if (wait.isPresent()) {
            throw new UnsubscribeRefusal.TooMany(Math.max(1, (wait.get().toMillis() + 999) / 1000));
        }
    }
}
