package clinic.program.program;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/** A program as the API shows it: current phase and exercises, plus its revision history. */
public record ProgramView(
        long id,
        long patientId,
        String patientAccount,
        String carePhysio,
        String protocol,
        int phase,
        String status,
        LocalDate startedOn,
        LocalDate phaseSince,
        int revision,
        long version,
        List<ProgramExerciseView> exercises,
        List<RevisionView> revisions) {

    /** A prescribed exercise with its dosage. */
    public record ProgramExerciseView(
            int position,
            String exercise,
            String name,
            Integer sets,
            Integer reps,
            Integer holdSeconds,
            Integer minutes,
            Integer timesPerDay,
            boolean perSide,
            boolean markedForReview,
            String cautionAcknowledgement) {

        static ProgramExerciseView of(ProgramExercise pe) {
            return new ProgramExerciseView(
                    pe.position,
                    pe.exercise.slug,
                    pe.exercise.name,
                    pe.sets,
                    pe.reps,
                    pe.holdSeconds,
                    pe.minutes,
                    pe.timesPerDay,
                    pe.perSide,
                    pe.markedForReview,
                    pe.cautionAckReason);
        }
    }

    /** Who changed the program, when, why, and to which phase. */
    public record RevisionView(
            int number, int phase, String protocol, String changedBy, LocalDateTime changedAt, String reason) {}
}
