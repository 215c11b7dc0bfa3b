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

    /** The reasons {@link #decide} gives; a protocol that asks for no screening reads them. */
    public static final String DISCHARGED = "The patient is discharged.";

    public static final String NO_SCREENING = "No screening on record; screen the patient first.";
    public static final String RED_FLAG = "The latest screening found a red flag: urgent referral, no program.";
    public static final String NEEDS_ASSESSMENT =
            "The latest screening needs assessment; a physio override with a reason is required.";
    public static final String EXPIRED_PREFIX = "The latest screening expired on ";

    private ClearanceRules() {}

    /**
     * May a program of a protocol that asks for no red-flag screening start? Yes when cleared, and when the only
     * obstacle is the screening itself (none on record, expired, or a referral for assessment, which judges the
     * sciatica signs); never for a discharged patient or when the latest screening found a red flag, and never for
     * a reason this rule does not know.
     */
    public static boolean permitsWithoutScreening(boolean cleared, String reason) {
        if (cleared) {
            return true;
        }
        return reason != null
                && (reason.equals(NO_SCREENING)
                        || reason.equals(NEEDS_ASSESSMENT)
                        || reason.startsWith(EXPIRED_PREFIX));
    }

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
            return new Decision(false, DISCHARGED);
        }
        if (latest == null) {
            return new Decision(false, NO_SCREENING);
        }
        // A red flag recorded on a screening blocks whatever outcome was stored (old rows that had constant severe
        // pain as an "other" sign were stored as CLEAR).
        if (latest.outcome() == ScreeningOutcome.URGENT_REFERRAL
                || (latest.redFlags() != null && !latest.redFlags().isEmpty())) {
            return new Decision(false, RED_FLAG);
        }
        boolean permits = latest.outcome() == ScreeningOutcome.CLEAR
                || (latest.outcome() == ScreeningOutcome.REFER_FOR_ASSESSMENT && latest.overridden());
        if (!permits) {
            return new Decision(false, NEEDS_ASSESSMENT);
        }
        if (today.isAfter(latest.validUntil())) {
            return new Decision(false, EXPIRED_PREFIX + latest.validUntil() + "; screen again.");
        }
        return new Decision(
                true,
                latest.overridden()
                        ? "Cleared by a physio override of a referral for assessment."
                        : "Cleared by screening.");
    }
}
