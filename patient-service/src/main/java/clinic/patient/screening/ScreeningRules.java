package clinic.patient.screening;

import java.util.Set;

/**
 * The screening decision of docs/CLINICAL.md, in one place and free of I/O so it is tested directly:
 *
 * <ol>
 *   <li>any red flag: {@link Outcome#URGENT_REFERRAL};
 *   <li>"mostly other": more other signs than sciatica signs (which includes other signs with no sciatica sign):
 *       {@link Outcome#REFER_FOR_ASSESSMENT};
 *   <li>otherwise {@link Outcome#CLEAR}.
 * </ol>
 */
public final class ScreeningRules {

    private ScreeningRules() {}

    public static Outcome outcome(Set<RedFlag> redFlags, Set<SciaticaSign> sciatica, Set<OtherSign> other) {
        if (!redFlags.isEmpty()) {
            return Outcome.URGENT_REFERRAL;
        }
        if (other.size() > sciatica.size()) {
            return Outcome.REFER_FOR_ASSESSMENT;
        }
        return Outcome.CLEAR;
    }

    /** Only a referral for assessment may be overridden; an urgent referral never, and a clear result needs none. */
    public static boolean overridable(Outcome outcome) {
        return outcome == Outcome.REFER_FOR_ASSESSMENT;
    }
}
