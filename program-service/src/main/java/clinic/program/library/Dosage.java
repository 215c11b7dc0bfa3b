package clinic.program.library;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * How much of an exercise: any field may be null when it does not apply (a walk has minutes, not reps), except
 * {@code perSide} once stored. Embedded with the same columns in the library's default ({@code exercise}), a protocol
 * phase's ({@code protocol_exercise}) and a prescription's ({@code program_exercise}).
 */
@Embeddable
public record Dosage(
        Integer sets,
        Integer reps,
        @Column(name = "hold_seconds") Integer holdSeconds,
        Integer minutes,
        @Column(name = "times_per_day") Integer timesPerDay,
        @Column(name = "per_side", nullable = false) Boolean perSide) {

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

    /** Whether it is done on each side (an unknown side counts as no). */
    public boolean eachSide() {
        return Boolean.TRUE.equals(perSide);
    }

    /** As stored: {@code perSide} is never null in a row. */
    public Dosage toStore() {
        return new Dosage(sets, reps, holdSeconds, minutes, timesPerDay, eachSide());
    }
}
