package clinic.rules;

import java.util.Locale;

/**
 * How the disability index (the Roland-Morris Disability Questionnaire, 0-24, higher = more disability) joins the
 * progress suggestion (docs/clinical-rules.md, "Progress, progression and referral"). It is applied after
 * {@link ProgressRules#suggest}, only when the program has a baseline and a later follow-up:
 *
 * <ol>
 *   <li>The safety rules and the data rule keep their answer: a referral (severe or disabling symptoms, no important
 *       pain improvement), a step back (everything aggravates, nerve-pain flags) and "not enough data" are never
 *       changed, so the referrals report still agrees with every progress page.
 *   <li>{@link ProgressRules.Rule#DISABILITY_WORSENED}: the latest score is worse than the baseline by at least the
 *       minimal important change in points (5 RMDQ points; Ostelo et al. 2008) → hold and review with the patient
 *       instead of advancing or any other hold. Only the points are used for worsening: Ostelo's 30 % is defined
 *       for improvement, and 30 % of a low baseline (3 → 4) is within the questionnaire's measurement error.
 *   <li>An advance stays an advance; when the disability also improved by the minimal important change (5 points or
 *       30 % of the baseline) the explanation says so. An improvement never makes an advance on its own: the
 *       protocol's pain and adherence criteria must hold.
 * </ol>
 */
public final class DisabilityRules {

    /**
     * The disability index at baseline and at its latest follow-up.
     *
     * @param instrument its short name (RMDQ)
     * @param micPoints the minimal important change in points
     * @param micPercent the minimal important improvement as a whole percentage of the baseline, or null
     */
    public record Disability(String instrument, double baseline, double latest, double micPoints, Double micPercent) {

        /** Points worse than the baseline (negative: better). */
        public double worsening() {
            return ProgressRules.round(latest - baseline);
        }

        public boolean worseByMic() {
            return worsening() >= micPoints;
        }

        /** An improvement of at least the points, or of the percentage of the baseline (an exact 30 % counts). */
        public boolean improvedByMic() {
            double better = -worsening();
            if (better >= micPoints) {
                return true;
            }
            return micPercent != null && baseline > 0 && Math.round(100.0 * better / baseline) >= micPercent;
        }
    }

    private DisabilityRules() {}

    /** The suggestion after the disability rule; {@code disability} null (no baseline or no follow-up) changes none. */
    public static ProgressRules.Suggestion apply(ProgressRules.Suggestion suggestion, Disability disability) {
        if (disability == null) {
            return suggestion;
        }
        ProgressRules.Action action = suggestion.action();
        if (action == ProgressRules.Action.CONSIDER_REFERRAL
                || action == ProgressRules.Action.STEP_BACK
                || action == ProgressRules.Action.NOT_ENOUGH_DATA) {
            return suggestion;
        }
        if (disability.worseByMic()) {
            return new ProgressRules.Suggestion(
                    ProgressRules.Action.HOLD,
                    ProgressRules.Rule.DISABILITY_WORSENED,
                    disability.instrument() + " went from " + fmt(disability.baseline()) + " at baseline to "
                            + fmt(disability.latest()) + ", " + fmt(disability.worsening())
                            + " points worse (the minimal important change is " + fmt(disability.micPoints())
                            + "): review with the patient before progressing.");
        }
        if (action == ProgressRules.Action.ADVANCE && disability.improvedByMic()) {
            return new ProgressRules.Suggestion(
                    action,
                    suggestion.rule(),
                    suggestion.explanation() + " " + disability.instrument() + " improved from "
                            + fmt(disability.baseline()) + " to " + fmt(disability.latest())
                            + " (at least the minimal important change), which supports the move.");
        }
        return suggestion;
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.format(Locale.ROOT, "%.1f", v);
    }
}
