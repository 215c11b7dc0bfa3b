package clinic.portal.common;

import clinic.portal.outbound.ProgramApi.Prescription;
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
            parts.add(count(p.sets(), "set") + " × " + count(p.reps(), "rep"));
        } else if (p.reps() != null) {
            parts.add(count(p.reps(), "rep"));
        } else if (p.sets() != null) {
            parts.add(count(p.sets(), "set"));
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

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
