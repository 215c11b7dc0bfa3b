package clinic.portal.common;

import clinic.portal.i18n.Msg;
import clinic.portal.i18n.Texts;
import clinic.portal.outbound.ProgramApi.Prescription;
import io.quarkus.qute.TemplateExtension;
import java.util.ArrayList;
import java.util.List;

/** {@code {exercise.dosage}} in templates. */
@TemplateExtension
public class PrescriptionExtensions {

    /**
     * "3 sets × 10 reps, hold 20 s, 2 times a day, each side": the dosage in one readable line, in the request's
     * language ("3 series × 10 repeticiones, mantener 20 s, 2 veces al día, cada lado").
     */
    public static String dosage(Prescription p) {
        Msg msg = Texts.msg();
        List<String> parts = new ArrayList<>();
        String sets = p.sets() == null ? null : count(p.sets(), msg.dose_set(), msg.dose_sets());
        String reps = p.reps() == null ? null : count(p.reps(), msg.dose_rep(), msg.dose_reps());
        if (sets != null && reps != null) {
            parts.add(sets + " × " + reps);
        } else if (reps != null) {
            parts.add(reps);
        } else if (sets != null) {
            parts.add(sets);
        }
        if (p.holdSeconds() != null) {
            parts.add(msg.dose_hold(p.holdSeconds()));
        }
        if (p.minutes() != null) {
            parts.add(p.minutes() + " min");
        }
        if (p.timesPerDay() != null) {
            parts.add(p.timesPerDay() == 1 ? msg.dose_once_a_day() : msg.dose_times_a_day(p.timesPerDay()));
        }
        if (Boolean.TRUE.equals(p.perSide())) {
            parts.add(msg.dose_each_side());
        }
        return String.join(", ", parts);
    }

    private static String count(int n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }
}
