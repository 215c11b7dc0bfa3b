package clinic.rules;

import java.time.LocalDate;
import java.util.Collection;

/**
 * May an exercise program start or go on (docs/clinical-rules.md, "Clearance")? Only for an active patient whose
 * latest screening is CLEAR (or an overridden referral for assessment), records no red flag, and is still valid today.
 */
public final class ClearanceRules {

    /** Days a screening stays valid unless a clinic sets another figure. */
    public static final int DEFAULT_VALIDITY_DAYS = 90;

    private ClearanceRules() {}

    /** The decision and its reason, in words a physio can act on. */
    public record Decision(boolean cleared, String reason) {}

    /** The latest screening as the rule needs it. */
    public record Latest(
            ScreeningOutcome outcome, boolean overridden, Collection<RedFlag> redFlags, LocalDate validUntil) {}

    /**
     * @param patientActive false for a discharged patient
     * @param latest the patient's latest screening, or null for none
     */
    public static Decision decide(boolean patientActive, Latest latest, LocalDate today) {
        if (!patientActive) {
            return new Decision(false, "The patient is discharged.");
        }
        if (latest == null) {
            return new Decision(false, "No screening on record; screen the patient first.");
        }
        // A red flag recorded on a screening blocks whatever outcome was stored (old rows that had constant severe
        // pain as an "other" sign were stored as CLEAR).
        if (latest.outcome() == ScreeningOutcome.URGENT_REFERRAL
                || (latest.redFlags() != null && !latest.redFlags().isEmpty())) {
            return new Decision(false, "The latest screening found a red flag: urgent referral, no program.");
        }
        boolean permits = latest.outcome() == ScreeningOutcome.CLEAR
                || (latest.outcome() == ScreeningOutcome.REFER_FOR_ASSESSMENT && latest.overridden());
        if (!permits) {
            return new Decision(
                    false, "The latest screening needs assessment; a physio override with a reason is required.");
        }
        if (today.isAfter(latest.validUntil())) {
            return new Decision(false, "The latest screening expired on " + latest.validUntil() + "; screen again.");
        }
        return new Decision(
                true,
                latest.overridden()
                        ? "Cleared by a physio override of a referral for assessment."
                        : "Cleared by screening.");
    }
}
