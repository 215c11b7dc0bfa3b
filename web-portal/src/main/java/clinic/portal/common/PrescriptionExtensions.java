package clinic.portal.common;

import clinic.portal.client.ProgramApi.Prescription;
import io.quarkus.qute.TemplateExtension;
import java.util.ArrayList;
import java.util.List;

/** {@code {exercise.dosage}} in templates. */
@TemplateExtension
public class PrescriptionExtensions {

    /** "3 sets × 10 reps, hold 20 s, 2 times a day, each side": the dosage in one readable line. */
    public static String dosage(Prescription p) {
        List<String> parts = new ArrayList<>();
        if (p.sets() != null && p.reps() != null) {
            parts.add(p.sets() + " sets × " + p.reps() + " reps");
        } else if (p.reps() != null) {
            parts.add(p.reps() + " reps");
        } else if (p.sets() != null) {
            parts.add(p.sets() + " sets");
        }
        if (p.holdSeconds() != null) {
            parts.add("hold " + p.holdSeconds() + " s");
        }
        if (p.minutes() != null) {
            parts.add(p.minutes() + " min");
        }
        if (p.timesPerDay() != null) {
            parts.add(p.timesPerDay() + (p.timesPerDay() == 1 ? " time" : " times") + " a day");
        }
        if (Boolean.TRUE.equals(p.perSide())) {
            parts.add("each side");
        }
        return String.join(", ", parts);
    }
}
