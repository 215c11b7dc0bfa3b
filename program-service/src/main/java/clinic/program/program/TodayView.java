package clinic.program.program;

import clinic.program.session.SessionView;
import java.time.LocalDate;
import java.util.List;

/** The patient's routine for one day: what to do, how, how much, the pain rules, and what is already logged. */
public record TodayView(
        long programId,
        LocalDate date,
        int phase,
        String phaseName,
        String goal,
        List<RoutineExercise> exercises,
        List<String> painRules,
        List<SessionView> loggedToday) {

    /** One exercise of the routine with everything a patient needs to do it safely. */
    public record RoutineExercise(
            String exercise,
            String name,
            String category,
            String instructions,
            String shouldFeel,
            String precautions,
            String commonMistakes,
            Integer sets,
            Integer reps,
            Integer holdSeconds,
            Integer minutes,
            Integer timesPerDay,
            boolean perSide,
            String dosage,
            boolean markedForReview) {}
}
