package clinic.program.library;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * An exercise's patient-facing words in one language other than English, for its current revision (the English row
 * stays the source and the fallback). {@code language} is set by the service on answers and ignored on input.
 */
public record ExerciseTranslation(
        String language,
        @NotBlank @Size(max = 120) String name,
        @NotBlank @Size(max = 4000) String instructions,
        @Size(max = 2000) String shouldFeel,
        @Size(max = 2000) String precautions,
        @Size(max = 2000) String commonMistakes,
        @Size(max = 2000) String progression,
        @Size(max = 2000) String cautionReason) {}
