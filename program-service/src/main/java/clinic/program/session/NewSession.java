package clinic.program.session;

import clinic.rules.RedFlag;
import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;

/**
 * A session as the patient logs it. {@code redFlagSymptoms} is a list of {@link RedFlag} codes; an empty list or null
 * means none. {@code painStopsSleepOrWork}: the pain stops the patient sleeping or working.
 */
public record NewSession(
        @NotNull @PastOrPresent(message = "must not be in the future") LocalDate date,
        @NotNull @Min(0) @Max(10) Integer painBefore,
        @NotNull @Min(0) @Max(10) Integer painAfter,
        @Size(max = 40) List<@Valid @NotNull ExerciseDone> exercises,
        Boolean painLastedHoursAfter,
        @Size(max = 5) List<@NotNull RedFlag> redFlagSymptoms,
        @Size(max = 2000) String notes,
        // Left out of the request fingerprint when absent, so keys stored before the field existed still match.
        @JsonInclude(JsonInclude.Include.NON_NULL) Boolean painStopsSleepOrWork) {

    /** One exercise of the session. */
    public record ExerciseDone(
            @NotBlank @Size(max = 80) String exercise,
            Boolean completed,
            @Min(1) @Max(20) Integer sets,
            @Min(1) @Max(100) Integer reps,
            @Pattern(regexp = "LEFT|RIGHT|BOTH", message = "must be LEFT, RIGHT or BOTH") String side,
            Boolean nervePain) {}
}
