package clinic.program.progress;

import clinic.program.outcome.MeasureService;
import clinic.program.outcome.Outcomes;
import clinic.program.prescription.Program;
import clinic.program.prescription.ProgramLookup;
import clinic.program.prescription.ProgramRepository;
import clinic.program.prescription.ProgramRevision;
import clinic.program.protocol.ProtocolRepository;
import clinic.program.session.SessionLog;
import clinic.program.session.SessionRepository;
import clinic.rules.DisabilityRules;
import clinic.rules.ProgressRules;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Progress and the phase suggestion. Three statements: the program, its logs (columns only, no exercises: the
 * nerve-pain, lasting-pain and disabling flags are on the log) and its revisions.
 *
 * <p>The suggestion is {@link ProgressRules} (clinical-rules), first match wins: severe or disabling symptoms,
 * everything aggravates, nerve-pain flags, not enough data / pain-free baseline / no important improvement after the
 * referral weeks, advance by the entry criteria of the protocol's next phase, hold. This class only builds the
 * {@link ProgressRules.Facts} from the logs and the next phase (a fourth statement):
 * recent window 7 days, judgement window 14 days, aggravated = nerve pain or pain lasting hours in the last 7
 * sessions, disabling in the recent window. {@code clinic.progress.referral-weeks} tunes the referral weeks.
 */
@ApplicationScoped
public class ProgressService {

    /** Clinically important drop in NPRS points (Farrar 2001, Ostelo 2008); reports use the same thresholds. */
    public static final double IMPORTANT_POINTS = ProgressRules.Thresholds.DEFAULTS.importantPoints();
    /** Clinically important drop as a whole percentage of the baseline (so an exact 30 % counts). */
    public static final double IMPORTANT_PERCENT = ProgressRules.Thresholds.DEFAULTS.importantPercent();

    private final ProgramLookup programs;
    private final ProgramRepository programRows;
    private final SessionRepository sessions;
    private final ProgressConfig config;
    private final ProgressRules rules;
    private final ProtocolRepository protocols;
    private final MeasureService measures;

    /** Without protocol reads: {@link #compute} with the seed protocol's criteria (unit tests). */
    ProgressService(
            ProgramLookup programs, ProgramRepository programRows, SessionRepository sessions, ProgressConfig config) {
        this(programs, programRows, sessions, config, null, null);
    }

    @jakarta.inject.Inject
    public ProgressService(
            ProgramLookup programs,
            ProgramRepository programRows,
            SessionRepository sessions,
            ProgressConfig config,
            ProtocolRepository protocols,
            MeasureService measures) {
        this.programs = programs;
        this.measures = measures;
        this.protocols = protocols;
        this.programRows = programRows;
        this.sessions = sessions;
        this.config = config;
        this.rules = new ProgressRules(ProgressRules.Thresholds.DEFAULTS.withReferralWeeks(config.referralWeeks()));
    }

    /** Progress of a program the caller may see, as of today (a discharged program: as of its discharge day). */
    @Transactional
    public ProgressView progress(long programId) {
        Program program = programs.visible(programId, "PROGRESS_READ");
        programs.auditRead("PROGRESS_READ", program);
        return compute(
                program,
                sessions.allOf(programId),
                programRows.revisions(programId),
                nextPhase(program),
                program.isDischarged() && program.dischargedOn != null ? program.dischargedOn : LocalDate.now(),
                measures.outcomes(programId));
    }

    /** The entry criteria of the next phase of the program's protocol version, or null at its last phase. */
    ProgressRules.Entry nextPhase(Program program) {
        return protocols
                .phase(program.protocol.id, program.phase + 1)
                .map(p -> new ProgressRules.Entry(
                        p.entryMaxMeanPain == null ? null : p.entryMaxMeanPain.doubleValue(),
                        p.entryMinAdherence,
                        p.entryNoNerveFlags))
                .orElse(null);
    }

    /** {@link #compute} for a program of the seed protocol (its entry criteria: {@link ProgressRules.Entry#seedAfter}). */
    ProgressView compute(Program program, List<SessionLog> logs, List<ProgramRevision> revisions, LocalDate today) {
        return compute(program, logs, revisions, ProgressRules.Entry.seedAfter(program.phase), today);
    }

    /**
     * @param logs the program's logs, oldest first (by date, then id)
     * @param next the entry criteria of the protocol's next phase, null at its last phase
     */
    ProgressView compute(
            Program program,
            List<SessionLog> logs,
            List<ProgramRevision> revisions,
            ProgressRules.Entry next,
            LocalDate today) {
        return compute(program, logs, revisions, next, today, Outcomes.NONE);
    }

    /**
     * As above, with the program's questionnaires: their trends and group are shown, and the disability index's
     * baseline and latest follow-up join the suggestion through {@link DisabilityRules} (docs/clinical-rules.md).
     */
    ProgressView compute(
            Program program,
            List<SessionLog> logs,
            List<ProgramRevision> revisions,
            ProgressRules.Entry next,
            LocalDate today,
            Outcomes outcomes) {
        ProgressRules.Thresholds t = rules.thresholds();
        List<SessionLog> upToToday =
                logs.stream().filter(s -> !s.sessionDate.isAfter(today)).toList();
        List<SessionLog> recent = within(upToToday, today.minusDays(t.recentDays() - 1L), today);
        Double baseline = upToToday.isEmpty()
                ? null
                : upToToday.stream()
                        .limit(t.baselineLogs())
                        .mapToInt(s -> s.painBefore)
                        .average()
                        .orElse(0);
        Double recentMean = recent.isEmpty()
                ? null
                : recent.stream().mapToInt(s -> s.painBefore).average().orElse(0);
        Double change = baseline != null && recentMean != null ? round(baseline - recentMean) : null;
        Double changePercent = change != null && baseline > 0 ? round(100.0 * change / baseline) : null;
        boolean important = rules.importantImprovement(baseline, recentMean);
        int nerveFlags = (int) recent.stream().filter(s -> s.nervePain).count();

        ProgressView.Adherence adherence = adherence(program.startedOn, today, logs);
        // Adherence in the current phase: what the next phase's minimum adherence is compared with.
        int phaseAdherence = percent(daysLogged(logs, program.phaseSince, today), days(program.phaseSince, today));
        List<SessionLog> lastSessions =
                upToToday.subList(Math.max(0, upToToday.size() - t.aggravatedOfLast()), upToToday.size());
        ProgressRules.Facts facts = new ProgressRules.Facts(
                program.phase,
                ChronoUnit.DAYS.between(program.startedOn, today) / 7,
                baseline,
                recentMean,
                nerveFlags,
                phaseAdherence,
                within(upToToday, today.minusDays(t.judgementDays() - 1L), today)
                        .size(),
                recent.stream().anyMatch(s -> s.painStopsSleepOrWork),
                (int) lastSessions.stream().filter(SessionLog::aggravated).count(),
                next);
        Outcomes.Disability d = outcomes.disability();
        ProgressRules.Suggestion suggested = DisabilityRules.apply(
                rules.suggest(facts),
                d == null
                        ? null
                        : new DisabilityRules.Disability(
                                d.instrument(), d.baseline(), d.latest(), d.micPoints(), d.micPercent()));
        ProgressView.Suggestion suggestion = new ProgressView.Suggestion(
                suggested.action().name(),
                suggested.explanation(),
                suggested.rule().name());

        List<ProgressView.PhaseStep> history = new ArrayList<>();
        Integer lastPhase = null;
        for (ProgramRevision r : revisions) {
            if (lastPhase == null || lastPhase != r.phase) {
                history.add(new ProgressView.PhaseStep(r.number, r.phase, r.effectiveOn, r.changedBy, r.reason));
                lastPhase = r.phase;
            }
        }
        return new ProgressView(
                program.id,
                program.phase,
                program.startedOn,
                today,
                adherence,
                new ProgressView.PainTrend(
                        baseline == null ? null : round(baseline),
                        recentMean == null ? null : round(recentMean),
                        change,
                        changePercent,
                        important,
                        nerveFlags),
                history,
                suggestion,
                outcomes.measures(),
                outcomes.stratification());
    }

    private static List<SessionLog> within(List<SessionLog> logs, LocalDate from, LocalDate to) {
        return logs.stream()
                .filter(s -> !s.sessionDate.isBefore(from) && !s.sessionDate.isAfter(to))
                .toList();
    }

    /**
     * Days with a log against days prescribed ({@code clinic.progress.prescribed-per-week}), per 7-day block from
     * {@code start} up to and including {@code today}: the progress page's figure, and the discharge summary's up to
     * the discharge day.
     */
    public ProgressView.Adherence adherence(LocalDate start, LocalDate today, List<SessionLog> logs) {
        List<ProgressView.Week> weeks = new ArrayList<>();
        int perWeek = config.prescribedPerWeek();
        int totalLogged = 0;
        int totalPrescribed = 0;
        for (LocalDate weekStart = start; !weekStart.isAfter(today); weekStart = weekStart.plusDays(7)) {
            LocalDate weekEnd = weekStart.plusDays(6).isAfter(today) ? today : weekStart.plusDays(6);
            int logged = daysLogged(logs, weekStart, weekEnd);
            int prescribed = (int) Math.round(perWeek * days(weekStart, weekEnd) / 7.0);
            weeks.add(new ProgressView.Week(weekStart, logged, prescribed, percent(logged, prescribed)));
            totalLogged += logged;
            totalPrescribed += prescribed;
        }
        return new ProgressView.Adherence(
                perWeek, totalLogged, totalPrescribed, percent(totalLogged, totalPrescribed), weeks);
    }

    /** Days with at least one log: two logs on one day are one session day. */
    private static int daysLogged(List<SessionLog> logs, LocalDate from, LocalDate to) {
        Set<LocalDate> days = new TreeSet<>();
        for (SessionLog s : logs) {
            if (!s.sessionDate.isBefore(from) && !s.sessionDate.isAfter(to)) {
                days.add(s.sessionDate);
            }
        }
        return days.size();
    }

    private static int days(LocalDate from, LocalDate to) {
        return (int) ChronoUnit.DAYS.between(from, to) + 1;
    }

    private static int percent(int part, int whole) {
        return whole <= 0 ? 0 : (int) Math.min(100, Math.round(100.0 * part / whole));
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }
}
