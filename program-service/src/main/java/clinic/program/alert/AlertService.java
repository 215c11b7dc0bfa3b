package clinic.program.alert;

import clinic.program.audit.Audit;
import clinic.program.common.DomainException;
import clinic.program.program.Program;
import clinic.program.program.ProgramExercise;
import clinic.program.session.SessionLog;
import clinic.program.session.SessionRepository;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * The pain rules of CLINICAL.md applied to every session log, and the inactivity check. Each rule raises one alert
 * type:
 *
 * <ul>
 *   <li>{@code RED_FLAG} (URGENT): any red-flag symptom in the log; the patient also gets emergency advice.
 *   <li>{@code NERVE_PAIN} (HIGH): nerve pain during an exercise; that exercise is marked for review.
 *   <li>{@code PAIN_PERSISTED} (HIGH): pain lasting hours after a session twice within 7 days; suggests a step back.
 *   <li>{@code SEVERE_PAIN} (HIGH): pain after the session of 7 or more.
 *   <li>{@code PAIN_INCREASE} (MEDIUM): pain before or after the session 2+ points above the baseline (mean pain
 *       before of the program's first 3 logs).
 *   <li>{@code NO_RECENT_LOG} (LOW): an active program with no log for 3 days.
 * </ul>
 */
@ApplicationScoped
public class AlertService {

    private static final Logger LOG = Logger.getLogger(AlertService.class);

    static final int SEVERE_PAIN = 7;
    static final int PAIN_RISE = 2;
    static final int INACTIVE_DAYS = 3;

    private final AlertRepository alerts;
    private final SessionRepository sessions;
    private final Audit audit;
    private final EntityManager em;

    public AlertService(AlertRepository alerts, SessionRepository sessions, Audit audit, EntityManager em) {
        this.alerts = alerts;
        this.sessions = sessions;
        this.audit = audit;
        this.em = em;
    }

    /** Applies the pain rules to a freshly stored log; joins the logging transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<AlertView> evaluate(Program program, SessionLog log, List<ProgramExercise> prescribed) {
        List<Alert> raised = new ArrayList<>();
        if (!log.redFlags().isEmpty()) {
            raised.add(alert(
                    program,
                    log,
                    "RED_FLAG",
                    Severity.URGENT,
                    "Patient reported red-flag symptoms ("
                            + log.redFlags().stream()
                                    .map(flag -> flag.name().replace('_', ' ').toLowerCase())
                                    .collect(Collectors.joining(", "))
                            + ") on " + log.sessionDate + ". Contact them now; emergency advice was shown."));
        }
        Map<String, ProgramExercise> bySlug =
                prescribed.stream().collect(Collectors.toMap(pe -> pe.exercise.slug, pe -> pe, (a, b) -> a));
        log.exercises.stream().filter(e -> e.nervePain).forEach(e -> {
            ProgramExercise pe = bySlug.get(e.exerciseSlug);
            if (pe != null) {
                pe.markedForReview = true;
            }
            raised.add(alert(
                    program,
                    log,
                    "NERVE_PAIN",
                    Severity.HIGH,
                    "Nerve pain during '" + (pe != null ? pe.exercise.name : e.exerciseSlug) + "' on "
                            + log.sessionDate
                            + ". The exercise is marked for review."));
        });
        if (log.painLastedHoursAfter) {
            long lasting = sessions.countPainLasted(program.id, log.sessionDate.minusDays(6), log.sessionDate);
            if (lasting >= 2) {
                raised.add(alert(
                        program,
                        log,
                        "PAIN_PERSISTED",
                        Severity.HIGH,
                        "Pain stayed raised for hours after " + lasting
                                + " sessions in 7 days. Suggestion: step back a phase or ease the dosage."));
            }
        }
        if (log.painAfter >= SEVERE_PAIN) {
            raised.add(alert(
                    program,
                    log,
                    "SEVERE_PAIN",
                    Severity.HIGH,
                    "Pain after the session was " + log.painAfter + "/10 on " + log.sessionDate + "."));
        }
        List<SessionLog> first = sessions.firstBefore(program.id, log.id, 3);
        if (!first.isEmpty()) {
            double baseline =
                    first.stream().mapToInt(s -> s.painBefore).average().orElse(0);
            int worst = Math.max(log.painBefore, log.painAfter);
            if (worst - baseline >= PAIN_RISE) {
                raised.add(alert(
                        program,
                        log,
                        "PAIN_INCREASE",
                        Severity.MEDIUM,
                        String.format(
                                java.util.Locale.ROOT,
                                "Pain %d/10 is %.1f points above the baseline of %.1f.",
                                worst,
                                worst - baseline,
                                baseline)));
            }
        }
        raised.forEach(alerts::persist);
        return raised.stream().map(AlertView::of).toList();
    }

    private static Alert alert(Program program, SessionLog log, String type, Severity severity, String message) {
        Alert a = new Alert();
        a.programId = program.id;
        a.patientId = program.patientId;
        a.carePhysio = program.carePhysio;
        a.sessionLogId = log == null ? null : log.id;
        a.type = type;
        a.severity = severity;
        a.severityRank = severity.rank();
        a.message = message;
        a.status = Alert.OPEN;
        a.createdAt = LocalDateTime.now();
        return a;
    }

    /** Alerts raised by one log (for replaying an idempotent request). */
    public List<AlertView> forSession(long sessionId) {
        return alerts.forSession(sessionId).stream().map(AlertView::of).toList();
    }

    /** Alerts with a status, the caller's own patients first, then most severe, then newest. */
    @Transactional
    public List<AlertView> list(String status, String physio) {
        List<AlertView> result =
                alerts.byStatus(status, physio, 500).stream().map(AlertView::of).toList();
        audit.record("ALERTS_READ", null, null);
        return result;
    }

    /** Marks an alert acknowledged by the physio with an optional note; 409 if it already was. */
    @Transactional
    public AlertView acknowledge(long id, String note, String physio) {
        Alert alert =
                alerts.findByIdOptional(id).orElseThrow(() -> new DomainException.NotFound("No alert " + id + "."));
        if (!Alert.OPEN.equals(alert.status)) {
            throw new DomainException.Conflict("The alert was already acknowledged.");
        }
        alert.status = Alert.ACKNOWLEDGED;
        alert.acknowledgedBy = physio;
        alert.acknowledgedAt = LocalDateTime.now();
        alert.note = note;
        alerts.flush();
        audit.record("ALERT_ACKNOWLEDGED", alert.patientId, alert.programId);
        return AlertView.of(alert);
    }

    /** Daily: flags active programs that have run for 3 days (today included) without a single log in them. */
    @Scheduled(cron = "{clinic.alerts.inactivity-cron}", identity = "inactivity-check")
    @Transactional
    void scheduledInactivityCheck() {
        int raised = checkInactivity(LocalDate.now());
        LOG.infof("Inactivity check raised %d alerts", raised);
    }

    /**
     * Raises one {@code NO_RECENT_LOG} alert per active program without a log in the 3 days up to and including
     * {@code today} (and started no later than the first of them), unless one is still open. One query finds the programs. Returns how many alerts were raised.
     */
    @Transactional
    public int checkInactivity(LocalDate today) {
        LocalDate since = today.minusDays(INACTIVE_DAYS - 1L);
        List<Program> quiet = em.createQuery(
                        "select p from Program p where p.status = :active and p.startedOn <= :started"
                                + " and not exists (select 1 from SessionLog s where s.programId = p.id"
                                + " and s.sessionDate >= :since)"
                                + " and not exists (select 1 from Alert a where a.programId = p.id"
                                + " and a.type = 'NO_RECENT_LOG' and a.status = 'OPEN')",
                        Program.class)
                .setParameter("active", Program.ACTIVE)
                .setParameter("started", since)
                .setParameter("since", since)
                .getResultList();
        for (Program p : quiet) {
            alerts.persist(alert(
                    p,
                    null,
                    "NO_RECENT_LOG",
                    Severity.LOW,
                    "No session logged for " + INACTIVE_DAYS + " days up to " + today + "."));
        }
        return quiet.size();
    }
}
