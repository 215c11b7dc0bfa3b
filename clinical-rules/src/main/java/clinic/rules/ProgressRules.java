package clinic.rules;

import java.util.ArrayList;
import java.util.List;
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
 *   <li>advance to the next phase of the program's protocol when its entry criteria ({@link Entry}) are met: the
 *       last 7 days' mean pain at most the phase's maximum, adherence in the current phase at least its minimum, no
 *       nerve-pain flag if it asks for none ({@link Rule#ADVANCE_TO_2}, {@link Rule#ADVANCE_TO_3}, {@link
 *       Rule#ADVANCE} for a later phase). The seed protocol's criteria: phase 2 at a mean ≤ 4 with no nerve-pain
 *       flag, phase 3 at a mean ≤ 2 with phase-2 adherence ≥ 70 %;
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

    /**
     * The numeric entry criteria of a protocol phase (null or false: no such criterion).
     *
     * @param maxMeanPain the last 7 days' mean pain (0-10) at most this
     * @param minAdherence adherence (percent of days logged) in the phase before at least this
     * @param noNerveFlags no nerve-pain flag in the last 7 days
     */
    public record Entry(Double maxMeanPain, Integer minAdherence, boolean noNerveFlags) {

        /** Whether there is any numeric criterion; a phase without one is never suggested by the system. */
        public boolean any() {
            return maxMeanPain != null || minAdherence != null || noNerveFlags;
        }

        /**
         * The seed protocol's entry criteria ({@link Thresholds#DEFAULTS}): of phase 2 after phase 1, of phase 3 after
         * phase 2, none after phase 3 (the last).
         */
        public static Entry seedAfter(int phase) {
            Thresholds d = Thresholds.DEFAULTS;
            return switch (phase) {
                case 1 -> new Entry(d.advanceToTwoMean(), null, true);
                case 2 -> new Entry(d.advanceToThreeMean(), d.advanceToThreeAdherence(), false);
                default -> null;
            };
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
        /** Advance to a phase after 3 (protocols of more than three phases). */
        ADVANCE,
        LAST_PHASE,
        /** The next phase has no numeric entry criteria: the physio judges by its text. */
        NO_ENTRY_CRITERIA,
        NO_RECENT_LOG,
        THRESHOLDS_NOT_MET,
        /** The disability index (RMDQ) is worse than its baseline by the minimal important change ({@link DisabilityRules}). */
        DISABILITY_WORSENED
    }

    /**
     * What the rules need to know about a program.
     *
     * @param weeksOn whole weeks since the program started
     * @param baseline mean pain-before of the first logs, or null without logs
     * @param recentMean mean pain-before in the recent window, or null without logs there
     * @param nerveFlagsRecent logs with a nerve-pain flag in the recent window
     * @param phaseAdherence percent of days logged since the current phase began
     * @param logsInJudgementWindow logs in the judgement window
     * @param disablingRecent a log in the recent window said the pain stops sleep or work
     * @param aggravatedOfLastSessions how many of the last sessions (up to {@code aggravatedOfLast}) had a nerve-pain or
     *     lasting-pain flag
     * @param next the entry criteria of the protocol's next phase, or null at its last phase
     */
    public record Facts(
            int phase,
            long weeksOn,
            Double baseline,
            Double recentMean,
            int nerveFlagsRecent,
            int phaseAdherence,
            int logsInJudgementWindow,
            boolean disablingRecent,
            int aggravatedOfLastSessions,
            Entry next) {

        /** Facts of a program of the seed protocol (three phases, its entry criteria: {@link Entry#seedAfter}). */
        public Facts(
                int phase,
                long weeksOn,
                Double baseline,
                Double recentMean,
                int nerveFlagsRecent,
                int phaseAdherence,
                int logsInJudgementWindow,
                boolean disablingRecent,
                int aggravatedOfLastSessions) {
            this(
                    phase,
                    weeksOn,
                    baseline,
                    recentMean,
                    nerveFlagsRecent,
                    phaseAdherence,
                    logsInJudgementWindow,
                    disablingRecent,
                    aggravatedOfLastSessions,
                    Entry.seedAfter(phase));
        }
    }

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
        Suggestion advance = advance(f);
        if (advance != null) {
            return advance;
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
        if (f.next() == null) {
            return new Suggestion(
                    Action.HOLD, Rule.LAST_PHASE, "Phase " + f.phase() + " is the last phase; keep going.");
        }
        if (!f.next().any()) {
            return new Suggestion(
                    Action.HOLD,
                    Rule.NO_ENTRY_CRITERIA,
                    "Phase " + (f.phase() + 1) + " has no numeric entry criteria: judge by its entry criteria text.");
        }
        return new Suggestion(
                Action.HOLD,
                Rule.THRESHOLDS_NOT_MET,
                "Advance thresholds not met (mean pain " + fmt(f.recentMean()) + ", nerve-pain flags "
                        + f.nerveFlagsRecent() + ").");
    }

    /**
     * Advance when the next phase's entry criteria are all met (at least one, and a recent mean pain to judge by); the
     * explanation names each criterion with its figure.
     */
    private Suggestion advance(Facts f) {
        Entry next = f.next();
        if (next == null || !next.any() || f.recentMean() == null) {
            return null;
        }
        int to = f.phase() + 1;
        List<String> met = new ArrayList<>();
        if (next.maxMeanPain() != null) {
            if (f.recentMean() > next.maxMeanPain()) {
                return null;
            }
            met.add("mean pain " + fmt(f.recentMean()) + " ≤ " + fmt(next.maxMeanPain())
                    + (next.maxMeanPain() <= t.painFreeBaseline() ? " (largely pain-free)" : "")
                    + " in the last " + t.recentDays() + " days");
        }
        if (next.noNerveFlags()) {
            if (f.nerveFlagsRecent() > 0) {
                return null;
            }
            met.add("no nerve-pain flag");
        }
        if (next.minAdherence() != null) {
            if (f.phaseAdherence() < next.minAdherence()) {
                return null;
            }
            met.add("phase-" + f.phase() + " adherence " + f.phaseAdherence() + " % ≥ " + next.minAdherence() + " %");
        }
        Rule rule = to == 2 ? Rule.ADVANCE_TO_2 : to == 3 ? Rule.ADVANCE_TO_3 : Rule.ADVANCE;
        return new Suggestion(
                Action.ADVANCE, rule, "Phase " + f.phase() + " → " + to + ": " + String.join(" and ", met) + ".");
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
