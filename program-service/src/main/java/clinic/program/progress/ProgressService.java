package clinic.program.progress;

import clinic.program.program.Program;
import clinic.program.program.ProgramRepository;
import clinic.program.program.ProgramRevision;
import clinic.program.program.ProgramService;
import clinic.program.session.SessionLog;
import clinic.program.session.SessionRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Progress and the phase suggestion (CLINICAL.md "Progress, progression and referral"). Three statements: the
 * program, its logs (columns only, no exercises: the nerve-pain flag is on the log) and its revisions.
 *
 * <p>Rules, first match wins: STEP_BACK on 2+ nerve-pain flags in 7 days (phase 2 or 3); CONSIDER_REFERRAL after
 * {@code clinic.progress.referral-weeks} without a clinically important improvement (a drop of 2 points or 30%);
 * ADVANCE 1→2 when the last 7 days' mean pain is at most 4 with no nerve-pain flag; ADVANCE 2→3 when that mean is at
 * most 2 and phase-2 adherence is at least 70%; otherwise HOLD.
 */
@ApplicationScoped
public class ProgressService {

    /** Clinically important drop in NPRS points (Farrar 2001, Ostelo 2008); reports use the same thresholds. */
    public static final double IMPORTANT_POINTS = 2.0;
    /**
     * Clinically important drop as a percentage of the baseline. Kept as a whole percentage: {@code 100 * 0.30} is
     * 30.000000000000004 in binary floating point, which made an exact 30 % drop count as no improvement.
     */
    public static final double IMPORTANT_PERCENT = 30.0;

    private final ProgramService programs;
    private final ProgramRepository programRows;
    private final SessionRepository sessions;
    private final ProgressConfig config;

    public ProgressService(
            ProgramService programs, ProgramRepository programRows, SessionRepository sessions, ProgressConfig config) {
        this.programs = programs;
        this.programRows = programRows;
        this.sessions = sessions;
        this.config = config;
    }

    /** Progress of a program the caller may see, as of today. */
    @Transactional
    public ProgressView progress(long programId) {
        Program program = programs.visible(programId);
        programs.auditRead("PROGRESS_READ", program);
        return compute(program, sessions.allOf(programId), programRows.revisions(programId), LocalDate.now());
    }

    ProgressView compute(Program program, List<SessionLog> logs, List<ProgramRevision> revisions, LocalDate today) {
        LocalDate weekAgo = today.minusDays(6);
        List<SessionLog> recent = logs.stream()
                .filter(s -> !s.sessionDate.isBefore(weekAgo) && !s.sessionDate.isAfter(today))
                .toList();
        Double baseline = logs.isEmpty()
                ? null
                : logs.stream().limit(3).mapToInt(s -> s.painBefore).average().orElse(0);
        Double recentMean = recent.isEmpty()
                ? null
                : recent.stream().mapToInt(s -> s.painBefore).average().orElse(0);
        Double change = baseline != null && recentMean != null ? round(baseline - recentMean) : null;
        Double changePercent = change != null && baseline > 0 ? round(100.0 * change / baseline) : null;
        boolean important = change != null
                && (change >= IMPORTANT_POINTS || (changePercent != null && changePercent >= IMPORTANT_PERCENT));
        int nerveFlags = (int) recent.stream().filter(s -> s.nervePain).count();

        ProgressView.Adherence adherence = adherence(program.startedOn, today, logs);
        int phaseTwoAdherence = program.phase == 2
                ? percent(daysLogged(logs, program.phaseSince, today), days(program.phaseSince, today))
                : 0;

        ProgressView.Suggestion suggestion;
        long weeksOn = ChronoUnit.DAYS.between(program.startedOn, today) / 7;
        if (nerveFlags >= 2 && program.phase > 1) {
            suggestion = new ProgressView.Suggestion(
                    "STEP_BACK", nerveFlags + " nerve-pain flags in the last 7 days (rule: 2 or more → step back)");
        } else if (weeksOn >= config.referralWeeks() && !important) {
            suggestion = new ProgressView.Suggestion(
                    "CONSIDER_REFERRAL",
                    weeksOn + " weeks on the program without a clinically important improvement (2 points or 30%)");
        } else if (program.phase == 1 && recentMean != null && recentMean <= 4 && nerveFlags == 0) {
            suggestion = new ProgressView.Suggestion(
                    "ADVANCE", "phase 1→2: mean pain " + recentMean + " ≤ 4 in the last 7 days, no nerve-pain flag");
        } else if (program.phase == 2 && recentMean != null && recentMean <= 2 && phaseTwoAdherence >= 70) {
            suggestion = new ProgressView.Suggestion(
                    "ADVANCE",
                    "phase 2→3: mean pain " + recentMean + " ≤ 2 and phase-2 adherence " + phaseTwoAdherence
                            + "% ≥ 70%");
        } else {
            suggestion = new ProgressView.Suggestion("HOLD", holdReason(program.phase, recentMean, nerveFlags));
        }

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
                suggestion);
    }

    private static String holdReason(int phase, Double recentMean, int nerveFlags) {
        if (recentMean == null) {
            return "no log in the last 7 days";
        }
        if (phase == 3) {
            return "phase 3 is the last phase; keep going";
        }
        if (nerveFlags >= 2) {
            return nerveFlags + " nerve-pain flags in phase 1: stay and review the flagged exercises";
        }
        return "advance thresholds not met (mean pain " + recentMean + ", nerve-pain flags " + nerveFlags + ")";
    }

    private ProgressView.Adherence adherence(LocalDate start, LocalDate today, List<SessionLog> logs) {
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
