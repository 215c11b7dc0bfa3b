package clinic.program.progress;

import clinic.program.outcome.Outcomes;
import java.time.LocalDate;
import java.util.List;

/**
 * Adherence, pain trend, phase history and the rule-based suggestion for one program, with its questionnaires: one
 * trend per outcome instrument answered ({@code measures}) and the stratification screen's group
 * ({@code stratification}, null until answered).
 */
public record ProgressView(
        long programId,
        int phase,
        LocalDate startedOn,
        LocalDate asOf,
        Adherence adherence,
        PainTrend pain,
        List<PhaseStep> phaseHistory,
        Suggestion suggestion,
        List<Outcomes.Trend> measures,
        Outcomes.Stratification stratification) {

    /** Days with a log against days prescribed, overall and per week since the start. */
    public record Adherence(int prescribedPerWeek, int logged, int prescribed, int percent, List<Week> weeks) {}

    /** One 7-day block from the program's start. */
    public record Week(LocalDate weekStart, int logged, int prescribed, int percent) {}

    /** NPRS trend: baseline (first 3 logs' pain before) against the last 7 days' mean pain before. */
    public record PainTrend(
            Double baseline,
            Double last7DaysMean,
            Double change,
            Double changePercent,
            boolean clinicallyImportantImprovement,
            int nervePainFlagsLast7Days) {}

    /** A revision that set a phase. */
    public record PhaseStep(int revision, int phase, LocalDate effectiveOn, String changedBy, String reason) {}

    /**
     * ADVANCE, HOLD, STEP_BACK, CONSIDER_REFERRAL or NOT_ENOUGH_DATA ({@code ProgressRules.Action}); {@code rule} is
     * the rule that fired in words, {@code ruleCode} its {@code ProgressRules.Rule} name. The system suggests; a
     * physio decides.
     */
    public record Suggestion(String action, String rule, String ruleCode) {}
}
