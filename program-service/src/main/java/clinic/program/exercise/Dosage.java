package clinic.program.exercise;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/** How much of an exercise: any field may be null when it does not apply (a walk has minutes, not reps). */
public record Dosage(
        @Min(1) @Max(20) Integer sets,
        @Min(1) @Max(100) Integer reps,
        @Min(0) @Max(600) Integer holdSeconds,
        @Min(0) @Max(120) Integer minutes,
        @Min(1) @Max(24) Integer timesPerDay,
        Boolean perSide) {

    /** This dosage with every null field taken from {@code fallback}. */
    public Dosage orElse(Dosage fallback) {
        return new Dosage(
                sets != null ? sets : fallback.sets,
                reps != null ? reps : fallback.reps,
                holdSeconds != null ? holdSeconds : fallback.holdSeconds,
                minutes != null ? minutes : fallback.minutes,
                timesPerDay != null ? timesPerDay : fallback.timesPerDay,
                perSide != null ? perSide : fallback.perSide);
    }
}
