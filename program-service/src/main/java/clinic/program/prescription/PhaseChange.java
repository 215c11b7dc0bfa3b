package clinic.program.prescription;

import clinic.program.protocol.ProtocolInput;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Move a program to another phase; {@code version} is the one the physio saw. */
public record PhaseChange(
        @NotNull @Min(1) @Max(ProtocolInput.MAX_PHASES) Integer phase,
        @NotBlank @Size(max = 2000) String reason,
        @NotNull @Min(0) Long version) {}
