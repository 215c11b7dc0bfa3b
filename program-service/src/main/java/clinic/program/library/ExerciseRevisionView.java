package clinic.program.library;

import java.time.LocalDateTime;

/** One revision of an exercise: who made it, when, whether it is the current one, and its content then. */
public record ExerciseRevisionView(
        int revision, String createdBy, LocalDateTime createdAt, boolean current, ExerciseView exercise) {

    static ExerciseRevisionView of(Exercise e) {
        return new ExerciseRevisionView(e.revision, e.createdBy, e.createdAt, e.current(), ExerciseView.of(e));
    }
}
