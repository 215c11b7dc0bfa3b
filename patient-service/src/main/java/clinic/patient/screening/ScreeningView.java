package clinic.patient.screening;

import clinic.rules.OtherSign;
import clinic.rules.RedFlag;
import clinic.rules.SciaticaSign;
import clinic.rules.ScreeningOutcome;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A screening as the API shows it. */
public record ScreeningView(
        Long id,
        Long patientId,
        Set<RedFlag> redFlags,
        Set<SciaticaSign> sciaticaSigns,
        Set<OtherSign> otherSigns,
        String notes,
        ScreeningOutcome outcome,
        boolean overridden,
        String overrideReason,
        String overriddenBy,
        Instant screenedAt,
        String screenedBy,
        LocalDate validUntil,
        @Schema(
                        description = "In the answer to a new screening with a red flag: DELIVERED when program-service"
                                + " has it (the active program is on hold), PENDING while it is not reached (retried until"
                                + " it is); otherwise null")
                String programHold) {

    static ScreeningView of(Screening s) {
        return new ScreeningView(
                s.id,
                s.patientId,
                s.redFlags,
                s.sciaticaSigns,
                s.otherSigns,
                s.notes,
                s.outcome,
                s.overridden,
                s.overrideReason,
                s.overriddenBy,
                s.screenedAt,
                s.screenedBy,
                s.validUntil,
                null);
    }

    /** The same screening with the state of its program hold. */
    ScreeningView withProgramHold(String state) {
        return new ScreeningView(
                id,
                patientId,
                redFlags,
                sciaticaSigns,
                otherSigns,
                notes,
                outcome,
                overridden,
                overrideReason,
                overriddenBy,
                screenedAt,
                screenedBy,
                validUntil,
                state);
    }
}
