package clinic.program.template;

import java.time.LocalDateTime;
import java.util.List;

/**
 * A template as the API shows it. {@code mine}: the caller owns it. Each exercise says whether it can be prescribed
 * now ({@code retired}: retired since the template was saved; {@code missing}: no longer in the library), so a
 * form pre-filled from the template leaves those out and says so.
 */
public record TemplateView(
        long id,
        String name,
        String description,
        String protocol,
        int phase,
        String visibility,
        String owner,
        boolean mine,
        LocalDateTime createdAt,
        LocalDateTime updatedAt,
        long version,
        List<TemplateExerciseView> exercises) {

    /** One exercise with its dosage and the library's current name. */
    public record TemplateExerciseView(
            int position,
            String exercise,
            String name,
            Integer sets,
            Integer reps,
            Integer holdSeconds,
            Integer minutes,
            Integer timesPerDay,
            boolean perSide,
            boolean retired,
            boolean missing) {}
}
