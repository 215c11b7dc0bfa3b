package clinic.patient.screening;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Set;

/**
 * A screening as the physio records it ({@code POST /api/patients/{id}/screenings}). Absent lists mean "none found".
 * The outcome is never taken from the client: the service computes it.
 */
public record NewScreening(
        Set<@NotNull RedFlag> redFlags,
        Set<@NotNull SciaticaSign> sciaticaSigns,
        Set<@NotNull OtherSign> otherSigns,
        @Size(max = 4000) String notes,
        @Valid Override override) {

    /** A physio's decision to start a program despite a referral for assessment, with the clinical reason. */
    public record Override(@NotBlank @Size(max = 1000) String reason) {}
}
