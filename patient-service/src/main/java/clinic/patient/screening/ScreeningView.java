package clinic.patient.screening;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;

/** A screening as the API shows it. */
public record ScreeningView(
        Long id,
        Long patientId,
        Set<RedFlag> redFlags,
        Set<SciaticaSign> sciaticaSigns,
        Set<OtherSign> otherSigns,
        String notes,
        Outcome outcome,
        boolean overridden,
        String overrideReason,
        String overriddenBy,
        Instant screenedAt,
        String screenedBy,
        LocalDate validUntil) {

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
                s.validUntil);
    }
}
