package clinic.program.prescription;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * Move one exercise of a program to the library's newest revision; {@code version} is the program version the physio
 * saw, {@code reason} goes on the program's new revision.
 */
public record ExerciseRevisionUpdate(@NotBlank @Size(max = 2000) String reason, @NotNull @Min(0) Long version) {}
