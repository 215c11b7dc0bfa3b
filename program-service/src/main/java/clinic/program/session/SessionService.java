package clinic.program.session;

import clinic.kit.problem.DomainException;
import clinic.kit.problem.Problem;
import clinic.program.audit.Audit;
import clinic.program.library.ContentLanguage;
import clinic.program.library.ReferenceTexts;
import clinic.program.prescription.Discharged;
import clinic.program.prescription.HoldService;
import clinic.program.prescription.Program;
import clinic.program.prescription.ProgramExercise;
import clinic.program.prescription.ProgramLookup;
import clinic.program.prescription.ProgramRepository;
import clinic.rules.AlertRules;
import clinic.rules.PatientGuidance;
import clinic.rules.ProgressRules;
import clinic.rules.RedFlagAdvice;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Session logs. With an {@code Idempotency-Key} the first result is stored under (program, key): a retry with the
 * same body gets that result again, a retry with another body is refused, and a concurrent duplicate loses on the
 * unique key and is answered from the winner's row (see {@link SessionResource}).
 */
@ApplicationScoped
public class SessionService {

    private final SessionRepository sessions;
    private final ProgramRepository programRows;
    private final ProgramLookup programs;
    private final RaisedAlerts alerts;
    private final SecurityIdentity identity;
    private final Audit audit;
    private final ObjectMapper json;
    private final HoldService holds;
    private final Event<SessionLogging> logging;
    private final Event<SessionLogged> logged;
    private final ReferenceTexts texts;

    /** Refusal of a log while the program is on hold, in the patient's words. */
    static final String PAUSED = "Your program is paused, so no session can be logged now. Follow the advice on"
            + " today's page; your physio will talk to you before you start again.";

    private static final ProgressRules.Thresholds PROGRESS = ProgressRules.Thresholds.DEFAULTS;

    public SessionService(
            SessionRepository sessions,
            ProgramRepository programRows,
            ProgramLookup programs,
            RaisedAlerts alerts,
            SecurityIdentity identity,
            Audit audit,
            ObjectMapper json,
            HoldService holds,
            Event<SessionLogging> logging,
            Event<SessionLogged> logged,
            ReferenceTexts texts) {
        this.texts = texts;
        this.sessions = sessions;
        this.programRows = programRows;
        this.programs = programs;
        this.alerts = alerts;
        this.identity = identity;
        this.audit = audit;
        this.json = json;
        this.holds = holds;
        this.logging = logging;
        this.logged = logged;
    }

    /** A logged session and whether it is a replay of an earlier request with the same key. */
    public record Logged(SessionView session, boolean replayed) {}

    /**
     * Logs a session on the caller's own program and applies the pain rules (alerts, review marks); a red flag puts
     * the program on hold in the same transaction. A program on hold refuses new logs (422). Throws the
     * database's duplicate-key exception when a concurrent request with the same key won; the caller then asks
     * {@link #replay}.
     */
    @Transactional
    public Logged log(long programId, NewSession input, String key) {
        Program program = programs.visible(programId, "SESSION_LOGGED");
        String hash = hash(input);
        if (key != null) {
            var earlier = sessions.findByKey(programId, key);
            if (earlier.isPresent()) {
                return new Logged(answer(program, earlier.get(), hash), true);
            }
        }
        Discharged.refuseIfDischarged(program);
        if (program.isOnHold()) {
            throw new DomainException.Refused(PAUSED);
        }
        if (!program.isActive()) {
            throw new DomainException.Refused("The program is not active.");
        }
        List<ProgramExercise> prescribed = programRows.exercises(programId);
        validate(program, prescribed, input);

        SessionLog log = new SessionLog();
        log.programId = programId;
        log.sessionDate = input.date();
        log.painBefore = input.painBefore();
        log.painAfter = input.painAfter();
        log.painLastedHoursAfter = Boolean.TRUE.equals(input.painLastedHoursAfter());
        log.painStopsSleepOrWork = Boolean.TRUE.equals(input.painStopsSleepOrWork());
        log.redFlagSymptoms = input.redFlagSymptoms() == null
                        || input.redFlagSymptoms().isEmpty()
                ? null
                : input.redFlagSymptoms().stream().distinct().map(Enum::name).collect(Collectors.joining(","));
        log.notes = input.notes();
        log.idempotencyKey = key;
        log.requestHash = hash;
        log.loggedBy = identity.getPrincipal().getName();
        log.createdAt = LocalDateTime.now();
        if (input.exercises() != null) {
            for (NewSession.ExerciseDone done : input.exercises()) {
                SessionExercise e = new SessionExercise();
                e.log = log;
                e.exerciseSlug = done.exercise();
                e.completed = Boolean.TRUE.equals(done.completed());
                e.sets = done.sets();
                e.reps = done.reps();
                e.side = done.side();
                e.nervePain = Boolean.TRUE.equals(done.nervePain());
                log.exercises.add(e);
            }
        }
        log.nervePain = log.exercises.stream().anyMatch(e -> e.nervePain);
        // Observers (the reports' stored figures) count the log in this transaction: if the insert below loses to a
        // concurrent duplicate key, the rollback takes the counts back too. First, so it takes the program's lock
        // first.
        logging.fire(
                new SessionLogging(programId, program.startedOn, program.carePhysio, log.sessionDate, log.painBefore));
        sessions.persist(log);
        // Flush now so a concurrent duplicate key fails here, inside this method, and not at commit.
        sessions.flush();
        // Observers (report figures, then alerts and review marks) run now, in this transaction.
        SessionLogged event = new SessionLogged(program, log, prescribed);
        logged.fire(event);
        if (!log.redFlags().isEmpty()) {
            holds.hold(
                    program,
                    Program.FROM_SESSION_LOG,
                    log.redFlags(),
                    null,
                    HoldService.sessionLogReason(log.sessionDate, log.redFlags()),
                    prescribed);
        }
        audit.record("SESSION_LOGGED", program.patientId, programId);
        return new Logged(posted(program, log, event.raised(), prescribed), false);
    }

    /** The stored answer for a key, after a concurrent duplicate lost the race. */
    @Transactional
    public Logged replay(long programId, NewSession input, String key) {
        Program program = programs.visible(programId, "SESSION_LOGGED");
        SessionLog earlier = sessions.findByKey(programId, key)
                .orElseThrow(() -> new DomainException.Conflict("A request with this Idempotency-Key is in progress."));
        return new Logged(answer(program, earlier, hash(input)), true);
    }

    /** Logs of a program, newest first, between optional dates (staff, or the patient for their own). */
    @Transactional
    public List<SessionView> list(long programId, LocalDate from, LocalDate to) {
        Program program = programs.visible(programId, "SESSIONS_READ");
        programs.auditRead("SESSIONS_READ", program);
        return sessions
                .between(
                        programId,
                        from != null ? from : LocalDate.of(2000, 1, 1),
                        to != null ? to : LocalDate.now().plusDays(1))
                .stream()
                .map(SessionView::of)
                .toList();
    }

    private SessionView answer(Program program, SessionLog earlier, String hash) {
        if (!hash.equals(earlier.requestHash)) {
            throw new DomainException.Refused(
                    "This Idempotency-Key was already used for a different session; use a new key.");
        }
        List<ProgramExercise> prescribed =
                earlier.exercises.stream().anyMatch(e -> e.nervePain) ? programRows.exercises(program.id) : List.of();
        return posted(program, earlier, alerts.of(earlier.id), prescribed);
    }

    /**
     * The answer to a log: alerts as type and severity, and the patient's advice. With a red flag the patient reads
     * only {@link RedFlagAdvice}; otherwise {@link PatientGuidance#afterLog} from the alerts the log raised and
     * whether most of the last sessions aggravated the symptoms ({@link ProgressRules} "everything aggravates").
     */
    private SessionView posted(
            Program program, SessionLog log, List<SessionView.AlertRaised> raised, List<ProgramExercise> prescribed) {
        List<SessionView.AlertRaised> shown = List.copyOf(raised);
        SessionView.Advice advice;
        String language = ContentLanguage.ofCurrentRequest();
        java.util.Locale locale = ContentLanguage.locale(language);
        if (!log.redFlags().isEmpty()) {
            advice = new SessionView.Advice(RedFlagAdvice.forFlags(log.redFlags(), locale), List.of());
        } else {
            Set<String> types =
                    raised.stream().map(SessionView.AlertRaised::type).collect(Collectors.toSet());
            // the exercise's name in the patient's language, as their routine shows it
            Map<String, String> names = prescribed.stream()
                    .collect(Collectors.toMap(
                            pe -> pe.exercise.slug,
                            pe -> {
                                ReferenceTexts.ExerciseText text = texts.exercise(pe.exercise.id, language);
                                return text != null ? text.name() : pe.exercise.name;
                            },
                            (a, b) -> a));
            List<String> nervePain = log.exercises.stream()
                    .filter(e -> e.nervePain)
                    .map(e -> names.getOrDefault(e.exerciseSlug, e.exerciseSlug))
                    .toList();
            int aggravated =
                    sessions.aggravatedOfLast(program.id, log.sessionDate, log.id, PROGRESS.aggravatedOfLast());
            advice = new SessionView.Advice(
                    null,
                    PatientGuidance.afterLog(
                            new PatientGuidance.Logged(
                                    false,
                                    nervePain,
                                    types.contains(AlertRules.Type.PAIN_PERSISTED.name()),
                                    types.contains(AlertRules.Type.SEVERE_PAIN.name()),
                                    log.painStopsSleepOrWork,
                                    aggravated >= PROGRESS.aggravatedSessions()),
                            locale));
        }
        return SessionView.posted(log, shown, advice, program.status);
    }

    private static void validate(Program program, List<ProgramExercise> prescribed, NewSession input) {
        List<Problem.Violation> violations = new ArrayList<>();
        if (input.date().isBefore(program.startedOn)) {
            violations.add(new Problem.Violation("date", "must not be before the program started"));
        }
        if (input.date().isAfter(LocalDate.now())) {
            violations.add(new Problem.Violation("date", "must not be in the future"));
        }
        Set<String> inProgram = prescribed.stream().map(pe -> pe.exercise.slug).collect(Collectors.toSet());
        if (input.exercises() != null) {
            for (int i = 0; i < input.exercises().size(); i++) {
                if (!inProgram.contains(input.exercises().get(i).exercise())) {
                    violations.add(new Problem.Violation(
                            "exercises[" + i + "].exercise", "is not an exercise of this program"));
                }
            }
        }
        if (!violations.isEmpty()) {
            throw new DomainException.Invalid(violations);
        }
    }

    /** A stable fingerprint of the request body: records serialise their fields in declaration order. */
    private String hash(NewSession input) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(json.writeValueAsString(input).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot fingerprint a session", e);
        }
    }
}
