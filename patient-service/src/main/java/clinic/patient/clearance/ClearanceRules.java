package clinic.patient.clearance;

import clinic.patient.patient.PatientStatus;
import clinic.patient.screening.Outcome;
import clinic.patient.screening.Screening;
import java.time.LocalDate;

/**
 * The clearance decision of docs/CLINICAL.md, free of I/O: a program may run only for an ACTIVE patient whose latest
 * screening is CLEAR (or an overridden referral for assessment) and still valid today.
 */
public final class ClearanceRules {

    private ClearanceRules() {}

    /** The decision and its reason, in words a physio can act on. */
    public record Decision(boolean cleared, String reason) {}

    public static Decision decide(PatientStatus status, Screening latest, LocalDate today) {
        if (status != PatientStatus.ACTIVE) {
            return new Decision(false, "The patient is discharged.");
        }
        if (latest == null) {
            return new Decision(false, "No screening on record; screen the patient first.");
        }
        if (latest.outcome == Outcome.URGENT_REFERRAL) {
            return new Decision(false, "The latest screening found a red flag: urgent referral, no program.");
        }
        if (!latest.permitsProgram()) {
            return new Decision(
                    false, "The latest screening needs assessment; a physio override with a reason is required.");
        }
        if (today.isAfter(latest.validUntil)) {
            return new Decision(false, "The latest screening expired on " + latest.validUntil + "; screen again.");
        }
        return new Decision(
                true,
                latest.overridden
                        ? "Cleared by a physio override of a referral for assessment."
                        : "Cleared by screening.");
    }
}
