package clinic.program.routine;

import clinic.program.session.SessionView;
import clinic.rules.RedFlagAdvice;
import java.time.LocalDate;
import java.util.List;

/**
 * The patient's routine for one day: what to do, how, how much, the pain rules, and what is already logged. On hold
 * ({@code status} ON_HOLD) there are no exercises: {@code advice} is the red-flag advice and {@code message} says the
 * program is paused; both are null while the program is ACTIVE. Texts are in the language asked for where translated:
 * {@code phaseLanguage} and each exercise's {@code language} say which language their words are in (en when a
 * translation is missing), so a page can mark a fallback with {@code lang}.
 */
public record TodayView(
        long programId,
        LocalDate date,
        String status,
        RedFlagAdvice advice,
        String message,
        int phase,
        String phaseName,
        String goal,
        String phaseLanguage,
        List<RoutineExercise> exercises,
        List<String> painRules,
        List<SessionView> loggedToday) {

    /**
     * One exercise of the routine with everything a patient needs to do it safely. For an exercise from the "avoid"
     * list that the physio prescribed anyway ({@code acknowledgedCaution}), {@code instructions} are the physio's and
     * {@code shouldFeel} is null; {@code physioInstructions} are the physio's words for any exercise, or null.
     */
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
            boolean markedForReview,
            boolean acknowledgedCaution,
            String physioInstructions,
            int revision,
            Long imageId,
            String videoUrl,
            String illustration,
            String language) {}
}
