package clinic.program.alert;

import clinic.kit.jobs.JobClaims;
import clinic.kit.problem.DomainException;
import clinic.program.audit.Audit;
import clinic.program.metrics.ClinicMetrics;
import clinic.program.prescription.Program;
import clinic.program.prescription.ProgramExercise;
import clinic.program.prescription.ProgramHeld;
import clinic.program.session.RaisedAlerts;
import clinic.program.session.SessionLog;
import clinic.program.session.SessionLogged;
import clinic.program.session.SessionObservers;
import clinic.program.session.SessionRepository;
import clinic.program.session.SessionView;
import clinic.rules.AlertRules;
import clinic.rules.RedFlag;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.ScheduledExecution;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Applies {@link AlertRules} (clinical-rules) to every session log (it observes {@link SessionLogged}, in the logging
 * transaction), raises the alert of a screening's hold (it observes {@link ProgramHeld}), and runs the inactivity check. The rules, their
 * thresholds ({@link AlertConfig}, defaults {@link AlertRules.Thresholds#DEFAULTS}) and the staff messages all live
 * there; this class gathers the facts, stores the alerts and marks nerve-pain exercises for review.
 */
@ApplicationScoped
public class AlertService implements RaisedAlerts {

    private static final Logger LOG = Logger.getLogger(AlertService.class);

    private final AlertRepository alerts;
    private final SessionRepository sessions;
    private final Audit audit;
    private final EntityManager em;
    private final AlertRules rules;
    private final JobClaims jobs;

    @Inject
    ClinicMetrics metrics;

    @Inject
    Event<AlertRaised> raisedEvents;

    public AlertService(
            AlertRepository alerts,
            SessionRepository sessions,
            Audit audit,
            EntityManager em,
            AlertConfig config,
            JobClaims jobs) {
        this.alerts = alerts;
        this.sessions = sessions;
        this.audit = audit;
        this.em = em;
        this.rules = new AlertRules(config.thresholds());
        this.jobs = jobs;
    }

    /** The stored alerts a log raised, and the rules' own answer (for the patient's advice). */
    public record Evaluated(List<Alert> stored, List<AlertRules.Raised> raised) {

        public boolean has(AlertRules.Type type) {
            return raised.stream().anyMatch(r -> r.type() == type);
        }
    }

    /**
     * A screening's red flags put a program on hold: the care physio gets the URGENT alert, in the holding
     * transaction (a session log's red flag raises its own through {@link #evaluate}).
     */
    void onProgramHeld(@Observes ProgramHeld event) {
        if (Program.FROM_SCREENING.equals(event.source()) && event.screeningId() != null) {
            AlertRules.Raised raised = rules.screeningRedFlag(event.screeningId(), event.flags());
            store(alert(event.program(), null, raised.type(), raised.message()));
        }
    }

    /**
     * A session log was written: the pain rules run in the logging transaction (after the report figures), and the
     * alerts they raised go into the patient's answer. A failure here rolls back the log.
     */
    void onSessionLogged(@Observes @Priority(SessionObservers.ALERTS) SessionLogged event) {
        evaluate(event.program(), event.log(), event.prescribed()).stored().stream()
                .forEach(a -> event.alertRaised(a.type, a.severity.name()));
    }

    /** Alerts raised by one log, as the patient saw them (for replaying an idempotent request). */
    @Override
    public List<SessionView.AlertRaised> of(long sessionLogId) {
        return alerts.forSession(sessionLogId).stream()
                .map(a -> new SessionView.AlertRaised(a.type, a.severity.name()))
                .toList();
    }

    /** Applies the pain rules to a freshly stored (and flushed) log; joins the logging transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Evaluated evaluate(Program program, SessionLog log, List<ProgramExercise> prescribed) {
        Map<String, ProgramExercise> bySlug =
                prescribed.stream().collect(Collectors.toMap(pe -> pe.exercise.slug, pe -> pe, (a, b) -> a));
        List<AlertRules.NervePain> nervePain = log.exercises.stream()
                .filter(e -> e.nervePain)
                .map(e -> new AlertRules.NervePain(
                        e.exerciseSlug,
                        bySlug.containsKey(e.exerciseSlug) ? bySlug.get(e.exerciseSlug).exercise.name : e.exerciseSlug))
                .toList();
        AlertRules.Thresholds t = rules.thresholds();
        long lasting = log.painLastedHoursAfter
                ? sessions.countPainLasted(
                        program.id, log.sessionDate.minusDays(t.lastingPainWindowDays() - 1L), log.sessionDate)
                : 0;
        List<SessionLog> first = sessions.firstBefore(program.id, log.id, t.baselineLogs());
        Double baseline = first.isEmpty()
                ? null
                : first.stream().mapToInt(s -> s.painBefore).average().orElse(0);
        List<AlertRules.Raised> raised = rules.evaluate(new AlertRules.LogFacts(
                log.sessionDate,
                log.painBefore,
                log.painAfter,
                RedFlag.setOf(log.redFlags()),
                nervePain,
                log.painLastedHoursAfter,
                lasting,
                baseline,
                log.painStopsSleepOrWork));
        List<Alert> stored = raised.stream()
                .map(r -> {
                    if (r.type() == AlertRules.Type.NERVE_PAIN && bySlug.containsKey(r.exercise())) {
                        bySlug.get(r.exercise()).markedForReview = true;
                    }
                    return alert(program, log, r.type(), r.message());
                })
                .toList();
        stored.forEach(this::store);
        return new Evaluated(stored, raised);
    }

    /**
     * Stores a raised alert (the IDENTITY insert gives it its id at once), counts it and tells the observers of
     * {@link AlertRaised}, in the raising transaction.
     */
    private void store(Alert alert) {
        alerts.persist(alert);
        metrics.alertRaised(alert.type);
        raisedEvents.fire(new AlertRaised(alert));
    }

    private static Alert alert(Program program, SessionLog log, AlertRules.Type type, String message) {
        Alert a = new Alert();
        a.programId = program.id;
        a.patientId = program.patientId;
        a.carePhysio = program.carePhysio;
        a.sessionLogId = log == null ? null : log.id;
        a.type = type.name();
        a.severity = type.severity();
        a.severityRank = a.severity.rank();
        a.message = message;
        a.status = Alert.OPEN;
        a.createdAt = LocalDateTime.now();
        return a;
    }

    /**
     * Alerts with a status, the caller's own patients first, then most severe, then newest; for a physio only the
     * patients patient-service says they may reach ({@code accessible}, empty = not limited). One audit row per
     * patient shown ({@code ALERTS_LISTED}), written in one statement (one without a patient when none is shown).
     */
    @Transactional
    public List<AlertView> list(String status, String physio, java.util.Optional<java.util.Set<Long>> accessible) {
        List<Alert> found = accessible.isPresent()
                ? alerts.byStatusFor(status, physio, accessible.get(), 500)
                : alerts.byStatus(status, physio, 500);
        audit.recordList(
                "ALERTS_LISTED",
                found.stream()
                        .map(a -> new Audit.Shown(a.patientId, a.programId))
                        .toList());
        return found.stream().map(AlertView::of).toList();
    }

    /** The patient and program of an alert, for the care-team check before acknowledging; 404 if none. */
    public Audit.Shown aboutWhom(long alertId) {
        Object[] row = alerts.patientAndProgramOf(alertId).orElse(null);
        if (row == null) {
            audit.refused("ALERT_ACKNOWLEDGED", null, null, "no such alert");
            throw new DomainException.NotFound("No alert " + alertId + ".");
        }
        return new Audit.Shown((Long) row[0], (Long) row[1]);
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

    /**
     * Daily: flags active programs that have run for the inactivity window (today included) without a log. Once per
     * cluster: every replica fires at the cron's instant and the one that claims the tick runs it; the claim is made
     * in this transaction, so the job's row stays locked until the alerts are committed and a run of another tick
     * waits and then sees them.
     */
    @Scheduled(cron = "{clinic.alerts.inactivity-cron}", identity = INACTIVITY_JOB)
    @Transactional
    void scheduledInactivityCheck(ScheduledExecution execution) {
        if (!jobs.claim(INACTIVITY_JOB, execution.getScheduledFireTime(), JobClaims.CRON)) {
            return;
        }
        int raised = checkInactivity(LocalDate.now());
        LOG.infof("Inactivity check raised %d alerts", raised);
    }

    static final String INACTIVITY_JOB = "inactivity-check";

    /**
     * Raises one {@code NO_RECENT_LOG} alert per ACTIVE program (a program on hold is not expected to log) without a
     * log in the inactivity window up to and including {@code today} (and started no later than its first day),
     * unless one is still open. One query finds the programs. Returns how many alerts were raised.
     */
    @Transactional
    public int checkInactivity(LocalDate today) {
        LocalDate since = rules.inactiveSince(today);
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
            store(alert(p, null, AlertRules.Type.NO_RECENT_LOG, rules.inactivityMessage(today)));
        }
        return quiet.size();
    }
}
