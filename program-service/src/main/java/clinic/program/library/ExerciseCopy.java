package clinic.program.library;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A copy of an exercise (usually a built-in one) as a new clinic exercise with its own slug and name. */
public record ExerciseCopy(
        @NotBlank
                @Size(max = 80)
                @Pattern(regexp = "[a-z0-9]+(-[a-z0-9]+)*", message = "lower-case words joined by '-'")
                String slug,
        @NotBlank @Size(max = 120) String name) {}
