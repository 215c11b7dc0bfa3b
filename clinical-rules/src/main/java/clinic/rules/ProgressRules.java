package clinic.rules;

import java.util.Locale;

/**
 * Phase suggestions and referral (docs/clinical-rules.md, "Progress, progression and referral"). The system suggests;
 * a physio decides. Rules in order, first match wins:
 *
 * <ol>
 *   <li>{@link Rule#SEVERE_OR_DISABLING}: the patient reported pain that stops them sleeping or working in the
 *       recent window → consider referral, at any time;
 *   <li>{@link Rule#EVERYTHING_AGGRAVATES}: nerve-pain or lasting-pain flags in 3 or more of the last 7 sessions →
 *       step back to walking and pelvic tilts, and see the physio or a doctor;
 *   <li>{@link Rule#NERVE_PAIN_FLAGS}: 2 or more nerve-pain flags in the last 7 days in phase 2 or 3 → step back;
 *   <li>after the referral weeks (default 6): fewer than 3 logs in the last 14 days or none in the last 7 →
 *       {@link Rule#NOT_ENOUGH_DATA}; a baseline of 2 or less is {@link Rule#PAIN_FREE_BASELINE} (nothing to improve,
 *       no referral); no clinically important improvement → {@link Rule#NO_IMPORTANT_IMPROVEMENT}, consider referral;
 *   <li>{@link Rule#ADVANCE_TO_2}: phase 1, last 7 days' mean pain ≤ 4, no nerve-pain flag;
 *   <li>{@link Rule#ADVANCE_TO_3}: phase 2, mean ≤ 2 and phase-2 adherence ≥ 70 %;
 *   <li>otherwise hold, with the reason.
 * </ol>
 *
 * Clinically important change: 2 points or 30 % on the NPRS (Farrar et al. 2001; Ostelo et al. 2008).
 */
public final class ProgressRules {

    /**
     * The thresholds, tunable per clinic; {@link #DEFAULTS} are the documented figures.
     *
     * @param referralWeeks weeks on a program before "no improvement" suggests referral (the guide: 6-8)
     * @param importantPoints a clinically important NPRS change in points
     * @param importantPercent the same as a whole percentage of the baseline
     * @param advanceToTwoMean mean pain at or below which phase 1 may advance
     * @param advanceToThreeMean mean pain at or below which phase 2 may advance ("largely pain-free")
     * @param advanceToThreeAdherence phase-2 adherence (percent) needed to advance to phase 3
     * @param stepBackNerveFlags nerve-pain flags in the recent window that suggest a step back
     * @param recentDays the recent window in days (today included)
     * @param judgementDays the window in which enough logs are needed to judge improvement
     * @param judgementLogs logs needed in that window
     * @param painFreeBaseline a baseline mean pain at or below this has nothing to improve
     * @param aggravatedSessions sessions with a nerve-pain or lasting-pain flag ...
     * @param aggravatedOfLast ... among this many last sessions mean everything aggravates
     * @param baselineLogs the baseline is the mean pain-before of this many first logs
     */
    public record Thresholds(
            int referralWeeks,
            double importantPoints,
            double importantPercent,
            double advanceToTwoMean,
            double advanceToThreeMean,
            int advanceToThreeAdherence,
            int stepBackNerveFlags,
            int recentDays,
            int judgementDays,
            int judgementLogs,
            double painFreeBaseline,
            int aggravatedSessions,
            int aggravatedOfLast,
            int baselineLogs) {

        public static final Thresholds DEFAULTS = new Thresholds(6, 2.0, 30.0, 4.0, 2.0, 70, 2, 7, 14, 3, 2.0, 3, 7, 3);

        public Thresholds withReferralWeeks(int weeks) {
            return new Thresholds(
                    weeks,
                    importantPoints,
                    importantPercent,
                    advanceToTwoMean,
                    advanceToThreeMean,
                    advanceToThreeAdherence,
                    stepBackNerveFlags,
                    recentDays,
                    judgementDays,
                    judgementLogs,
                    painFreeBaseline,
                    aggravatedSessions,
                    aggravatedOfLast,
                    baselineLogs);
        }
    }

    /** What the system suggests. */
    public enum Action {
        ADVANCE,
        HOLD,
        STEP_BACK,
        CONSIDER_REFERRAL,
        NOT_ENOUGH_DATA
    }

    /** The rule that fired. */
    public enum Rule {
        SEVERE_OR_DISABLING,
        EVERYTHING_AGGRAVATES,
        NERVE_PAIN_FLAGS,
        NOT_ENOUGH_DATA,
        PAIN_FREE_BASELINE,
        NO_IMPORTANT_IMPROVEMENT,
        ADVANCE_TO_2,
        ADVANCE_TO_3,
        LAST_PHASE,
        NO_RECENT_LOG,
        THRESHOLDS_NOT_MET
    }

    /**
     * What the rules need to know about a program.
     *
     * @param weeksOn whole weeks since the program started
     * @param baseline mean pain-before of the first logs, or null without logs
     * @param recentMean mean pain-before in the recent window, or null without logs there
     * @param nerveFlagsRecent logs with a nerve-pain flag in the recent window
     * @param phaseTwoAdherence percent of days logged since phase 2 began (0 outside phase 2)
     * @param logsInJudgementWindow logs in the judgement window
     * @param disablingRecent a log in the recent window said the pain stops sleep or work
     * @param aggravatedOfLastSessions how many of the last sessions (up to {@code aggravatedOfLast}) had a nerve-pain or
     *     lasting-pain flag
     */
    public record Facts(
            int phase,
            long weeksOn,
            Double baseline,
            Double recentMean,
            int nerveFlagsRecent,
            int phaseTwoAdherence,
            int logsInJudgementWindow,
            boolean disablingRecent,
            int aggravatedOfLastSessions) {}

    /** The suggestion, the rule that fired, and that rule in a physio's words. */
    public record Suggestion(Action action, Rule rule, String explanation) {}

    private final Thresholds t;

    public ProgressRules(Thresholds thresholds) {
        this.t = thresholds;
    }

    public Thresholds thresholds() {
        return t;
    }

    /** A drop from the baseline of 2 points or 30 % (whole percentages, so an exact 30 % counts). */
    public boolean importantImprovement(Double baseline, Double recentMean) {
        if (baseline == null || recentMean == null) {
            return false;
        }
        double change = round(baseline - recentMean);
        Double percent = baseline > 0 ? round(100.0 * change / baseline) : null;
        return change >= t.importantPoints() || (percent != null && percent >= t.importantPercent());
    }

    /** Enough logs to judge improvement. */
    public boolean enoughData(Facts f) {
        return f.logsInJudgementWindow() >= t.judgementLogs() && f.recentMean() != null;
    }

    /** Whether the program should be flagged "consider referral" (the report uses the same answer). */
    public boolean considerReferral(Facts f) {
        return suggest(f).action() == Action.CONSIDER_REFERRAL;
    }

    public Suggestion suggest(Facts f) {
        if (f.disablingRecent()) {
            return new Suggestion(
                    Action.CONSIDER_REFERRAL,
                    Rule.SEVERE_OR_DISABLING,
                    "The patient reported pain that stops them sleeping or working in the last " + t.recentDays()
                            + " days: severe or disabling symptoms call for referral whatever the week"
                            + " (physiotherapist review, GP, orthopaedics or neurology).");
        }
        if (f.aggravatedOfLastSessions() >= t.aggravatedSessions()) {
            return new Suggestion(
                    Action.STEP_BACK,
                    Rule.EVERYTHING_AGGRAVATES,
                    f.aggravatedOfLastSessions() + " of the last " + t.aggravatedOfLast()
                            + " sessions had nerve pain or pain lasting hours (rule: " + t.aggravatedSessions()
                            + " or more): step back to walking and pelvic tilts; the patient has been told to see"
                            + " their physio or doctor.");
        }
        if (f.nerveFlagsRecent() >= t.stepBackNerveFlags() && f.phase() > 1) {
            return new Suggestion(
                    Action.STEP_BACK,
                    Rule.NERVE_PAIN_FLAGS,
                    f.nerveFlagsRecent() + " nerve-pain flags in the last " + t.recentDays() + " days (rule: "
                            + t.stepBackNerveFlags() + " or more → step back a phase).");
        }
        if (f.weeksOn() >= t.referralWeeks()) {
            if (!enoughData(f)) {
                return new Suggestion(
                        Action.NOT_ENOUGH_DATA,
                        Rule.NOT_ENOUGH_DATA,
                        f.logsInJudgementWindow() + " logs in the last " + t.judgementDays() + " days"
                                + (f.recentMean() == null ? ", none in the last " + t.recentDays() : "")
                                + ": not enough data to judge improvement (needs " + t.judgementLogs()
                                + "). Ask the patient to log their sessions.");
            }
            if (f.baseline() != null && f.baseline() <= t.painFreeBaseline()) {
                // Falls through to the phase rules: a largely pain-free patient has nothing to improve.
            } else if (!importantImprovement(f.baseline(), f.recentMean())) {
                return new Suggestion(
                        Action.CONSIDER_REFERRAL,
                        Rule.NO_IMPORTANT_IMPROVEMENT,
                        f.weeksOn() + " weeks on the program and mean pain went from " + fmt(f.baseline()) + " to "
                                + fmt(f.recentMean()) + ": no clinically important improvement ("
                                + fmt(t.importantPoints()) + " points or " + fmt(t.importantPercent())
                                + " %). Consider referral (physiotherapist review, GP, orthopaedics or neurology).");
            }
        }
        if (f.phase() == 1
                && f.recentMean() != null
                && f.recentMean() <= t.advanceToTwoMean()
                && f.nerveFlagsRecent() == 0) {
            return new Suggestion(
                    Action.ADVANCE,
                    Rule.ADVANCE_TO_2,
                    "Phase 1 → 2: mean pain " + fmt(f.recentMean()) + " ≤ " + fmt(t.advanceToTwoMean())
                            + " in the last " + t.recentDays() + " days and no nerve-pain flag.");
        }
        if (f.phase() == 2
                && f.recentMean() != null
                && f.recentMean() <= t.advanceToThreeMean()
                && f.phaseTwoAdherence() >= t.advanceToThreeAdherence()) {
            return new Suggestion(
                    Action.ADVANCE,
                    Rule.ADVANCE_TO_3,
                    "Phase 2 → 3: mean pain " + fmt(f.recentMean()) + " ≤ " + fmt(t.advanceToThreeMean())
                            + " (largely pain-free) and phase-2 adherence " + f.phaseTwoAdherence() + " % ≥ "
                            + t.advanceToThreeAdherence() + " %.");
        }
        if (f.weeksOn() >= t.referralWeeks() && f.baseline() != null && f.baseline() <= t.painFreeBaseline()) {
            return new Suggestion(
                    Action.HOLD,
                    Rule.PAIN_FREE_BASELINE,
                    "Baseline mean pain " + fmt(f.baseline()) + " ≤ " + fmt(t.painFreeBaseline())
                            + ": largely pain-free from the start, so no referral for lack of improvement.");
        }
        if (f.recentMean() == null) {
            return new Suggestion(Action.HOLD, Rule.NO_RECENT_LOG, "No log in the last " + t.recentDays() + " days.");
        }
        if (f.phase() >= 3) {
            return new Suggestion(Action.HOLD, Rule.LAST_PHASE, "Phase 3 is the last phase; keep going.");
        }
        return new Suggestion(
                Action.HOLD,
                Rule.THRESHOLDS_NOT_MET,
                "Advance thresholds not met (mean pain " + fmt(f.recentMean()) + ", nerve-pain flags "
                        + f.nerveFlagsRecent() + ").");
    }

    static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }

    private static String fmt(Double v) {
        if (v == null) {
            return "-";
        }
        return v == Math.rint(v) ? String.valueOf(v.longValue()) : String.format(Locale.ROOT, "%.1f", v);
    }
}
