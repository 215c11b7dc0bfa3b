package clinic.program.library;

import java.util.List;

/**
 * The fields a physio writes for an exercise, shared by a new one ({@link NewExercise}) and an edit
 * ({@link ExerciseEdit}); {@link ExerciseService} applies them to a row the same way for both.
 */
public interface ExerciseContent {

    /** A video link: https only (the page shows it as a link, and mixed content is blocked). */
    String HTTPS_LINK = "https://[^\\s/?#]+[^\\s]*";

    String HTTPS_MESSAGE = "must be an https:// link";

    String name();

    String category();

    List<Integer> phases();

    String instructions();

    String shouldFeel();

    String precautions();

    String commonMistakes();

    String progression();

    Integer sets();

    Integer reps();

    Integer holdSeconds();

    Integer minutes();

    Integer timesPerDay();

    Boolean perSide();

    NewExercise.Caution caution();

    String videoUrl();
}
