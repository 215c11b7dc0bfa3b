package clinic.program.prescription;

import clinic.program.protocol.ProtocolInput;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * Assign a protocol phase to a patient. {@code exercises}, when given, replaces the phase's defaults; a missing
 * dosage field falls back to the phase's (or the library's) default. {@code reason} is kept on the revision.
 */
public record NewProgram(
        @NotNull @Positive Long patientId,
        @NotBlank @Size(max = 60) String protocol,
        @NotNull @Min(1) @Max(ProtocolInput.MAX_PHASES) Integer phase,
        @Size(max = 30) List<@Valid @NotNull ExerciseChoice> exercises,
        @Size(max = 30) List<@Valid @NotNull Acknowledgement> acknowledgements,
        @Size(max = 2000) String reason) {

    /** One prescribed exercise with optional dosage overrides. */
    public record ExerciseChoice(
            @NotBlank @Size(max = 80) String exercise,
            @Min(1) @Max(20) Integer sets,
            @Min(1) @Max(100) Integer reps,
            @Min(0) @Max(600) Integer holdSeconds,
            @Min(0) @Max(120) Integer minutes,
            @Min(1) @Max(24) Integer timesPerDay,
            Boolean perSide) {}

    /**
     * The physio's reason for including an exercise anyway where its caution or its phases say otherwise, and what
     * the patient is told about it ({@code instructions}: required for an exercise with a caution).
     */
    public record Acknowledgement(
            @NotBlank @Size(max = 80) String exercise,
            @NotBlank @Size(max = 2000) String reason,
            @Size(max = 2000) String instructions) {}
}
