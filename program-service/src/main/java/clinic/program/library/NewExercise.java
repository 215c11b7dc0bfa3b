package clinic.program.library;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/** A clinic-specific exercise a physio adds to the library. */
public record NewExercise(
        @NotBlank
                @Size(max = 80)
                @Pattern(regexp = "[a-z0-9]+(-[a-z0-9]+)*", message = "lower-case words joined by '-'")
                String slug,
        @NotBlank @Size(max = 120) String name,
        @NotBlank @Size(max = 40) @Pattern(regexp = "[a-z-]+", message = "lower-case letters and '-'") String category,
        @NotEmpty List<@Min(1) @Max(6) Integer> phases,
        @NotBlank @Size(max = 4000) String instructions,
        @Size(max = 2000) String shouldFeel,
        @Size(max = 2000) String precautions,
        @Size(max = 2000) String commonMistakes,
        @Size(max = 2000) String progression,
        @Min(1) @Max(20) Integer sets,
        @Min(1) @Max(100) Integer reps,
        @Min(0) @Max(600) Integer holdSeconds,
        @Min(0) @Max(120) Integer minutes,
        @Min(1) @Max(24) Integer timesPerDay,
        Boolean perSide,
        @Valid Caution caution,
        @Size(max = 500) @Pattern(regexp = ExerciseContent.HTTPS_LINK, message = ExerciseContent.HTTPS_MESSAGE)
                String videoUrl)
        implements ExerciseContent {

    /** Optional caution for a clinic exercise. */
    public record Caution(
            @NotEmpty List<@Min(1) @Max(6) Integer> avoidInPhases,
            @NotBlank @Size(max = 2000) String reason,
            List<@NotBlank String> alternatives) {}
}
