package clinic.rules;

import java.util.Collection;
import java.util.Set;

/**
 * The screening decision (docs/clinical-rules.md, "Screening"), first match wins:
 *
 * <ol>
 *   <li>any red flag: {@link ScreeningOutcome#URGENT_REFERRAL};
 *   <li>no classic sciatica sign: {@link ScreeningOutcome#REFER_FOR_ASSESSMENT}: the guide asks for a proper diagnosis
 *       first, since the pain may be the hip or something else;
 *   <li>as many or more "other" signs as classic signs: {@link ScreeningOutcome#REFER_FOR_ASSESSMENT};
 *   <li>otherwise {@link ScreeningOutcome#CLEAR}.
 * </ol>
 */
public final class ScreeningRules {

    private ScreeningRules() {}

    public static ScreeningOutcome outcome(
            Collection<RedFlag> redFlags, Collection<SciaticaSign> sciatica, Collection<OtherSign> other) {
        if (redFlags != null && !redFlags.isEmpty()) {
            return ScreeningOutcome.URGENT_REFERRAL;
        }
        int classic = sciatica == null ? 0 : Set.copyOf(sciatica).size();
        int elsewhere = other == null ? 0 : Set.copyOf(other).size();
        if (classic == 0 || elsewhere >= classic) {
            return ScreeningOutcome.REFER_FOR_ASSESSMENT;
        }
        return ScreeningOutcome.CLEAR;
    }

    /** Why the outcome came out as it did, in words a physio acts on. */
    public static String explain(
            Collection<RedFlag> redFlags, Collection<SciaticaSign> sciatica, Collection<OtherSign> other) {
        return switch (outcome(redFlags, sciatica, other)) {
            case URGENT_REFERRAL -> "Red flag: " + RedFlagAdvice.clinicalList(redFlags) + ". No exercise program.";
            case REFER_FOR_ASSESSMENT -> sciatica == null || sciatica.isEmpty()
                    ? "No classic sign of sciatica: get a diagnosis first (it may be the hip or something else)."
                    : "As many or more signs point elsewhere as to sciatica: assess before a program.";
            case CLEAR -> "The sciatica pattern, no red flag.";
        };
    }

    /** Only a referral for assessment may be overridden; an urgent referral never, and a clear result needs none. */
    public static boolean overridable(ScreeningOutcome outcome) {
        return outcome == ScreeningOutcome.REFER_FOR_ASSESSMENT;
    }
}
