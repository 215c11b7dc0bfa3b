package clinic.program.library;

import java.util.List;

/**
 * An exercise as the API shows it; dosage fields are flat, as in the contract. {@code imageId} is the uploaded
 * picture ({@code /api/media/{id}}), {@code illustration} the key of the project's line drawing, both null when
 * absent.
 */
public record ExerciseView(
        String slug,
        String name,
        String category,
        List<Integer> phases,
        String instructions,
        String shouldFeel,
        String precautions,
        String commonMistakes,
        String progression,
        Integer sets,
        Integer reps,
        Integer holdSeconds,
        Integer minutes,
        Integer timesPerDay,
        boolean perSide,
        CautionView caution,
        boolean builtIn,
        int revision,
        boolean retired,
        Long imageId,
        String videoUrl,
        String illustration) {

    /** Why and when to avoid an exercise, and what to do instead. */
    public record CautionView(List<Integer> avoidInPhases, String reason, List<String> alternatives) {}

    public static ExerciseView of(Exercise e) {
        CautionView caution =
                e.hasCaution() ? new CautionView(e.avoidInPhases(), e.cautionReason, e.alternatives()) : null;
        return new ExerciseView(
                e.slug,
                e.name,
                e.category,
                e.phaseList(),
                e.instructions,
                e.shouldFeel,
                e.precautions,
                e.commonMistakes,
                e.progression,
                e.dosage.sets(),
                e.dosage.reps(),
                e.dosage.holdSeconds(),
                e.dosage.minutes(),
                e.dosage.timesPerDay(),
                e.dosage.eachSide(),
                caution,
                e.builtIn,
                e.revision,
                e.retired(),
                e.imageId,
                e.videoUrl,
                e.illustration);
    }
}
