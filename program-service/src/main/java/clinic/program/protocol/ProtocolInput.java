package clinic.program.protocol;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * A new protocol ({@code POST /api/protocols}: {@code code} required) or its next version ({@code PUT
 * /api/protocols/{code}}: the code is the path's, {@code version} the one the editor saw, required). 1 to 6 phases in
 * order; each phase's exercises in order, chosen from the library by slug, with an optional dosage (a missing field
 * falls back to the library's default).
 */
public record ProtocolInput(
        @Size(max = 60) @Pattern(regexp = "[a-z0-9]+(-[a-z0-9]+)*", message = "lower-case words joined by '-'")
                String code,
        @NotBlank @Size(max = 120) String name,
        @Size(max = 4000) String description,
        Boolean requiresScreening,
        @NotNull @Size(min = 1, max = ProtocolInput.MAX_PHASES, message = "1 to 6 phases")
                List<@Valid @NotNull Phase> phases,
        @Min(1) Integer version) {

    public static final int MAX_PHASES = 6;

    /** One phase: the numeric entry proxies are optional (null or false: no such criterion). */
    public record Phase(
            @NotBlank @Size(max = 120) String name,
            @NotBlank @Size(max = 2000) String goal,
            @Size(max = 2000) String entryCriteria,
            @DecimalMin("0") @DecimalMax("10") Double entryMaxMeanPain,
            @Min(0) @Max(100) Integer entryMinAdherence,
            Boolean entryNoNerveFlags,
            @Size(max = 30) List<@Valid @NotNull ExerciseRow> exercises) {}

    /** An exercise of a phase by slug, with the phase's dosage. */
    public record ExerciseRow(
            @NotBlank @Size(max = 80) String exercise,
            @Min(1) @Max(20) Integer sets,
            @Min(1) @Max(100) Integer reps,
            @Min(0) @Max(600) Integer holdSeconds,
            @Min(0) @Max(120) Integer minutes,
            @Min(1) @Max(24) Integer timesPerDay,
            Boolean perSide) {}

    /** A copy of a protocol under a new code (and optionally a new name). */
    public record Copy(
            @NotBlank
                    @Size(max = 60)
                    @Pattern(regexp = "[a-z0-9]+(-[a-z0-9]+)*", message = "lower-case words joined by '-'")
                    String code,
            @Size(max = 120) String name) {}
}
