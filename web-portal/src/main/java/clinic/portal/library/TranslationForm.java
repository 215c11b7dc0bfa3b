package clinic.portal.library;

import clinic.portal.common.FormValues;
import clinic.portal.outbound.ProblemBody.Violation;
import clinic.portal.outbound.ProgramApi.ExerciseTranslation;
import jakarta.ws.rs.FormParam;
import java.util.ArrayList;
import java.util.List;

/** The translation form as typed: the patient-facing words of an exercise in one language. */
public class TranslationForm {

    @FormParam("name")
    public String name;

    @FormParam("instructions")
    public String instructions;

    @FormParam("shouldFeel")
    public String shouldFeel;

    @FormParam("precautions")
    public String precautions;

    @FormParam("commonMistakes")
    public String commonMistakes;

    @FormParam("progression")
    public String progression;

    static TranslationForm of(ExerciseTranslation t) {
        TranslationForm form = new TranslationForm();
        if (t != null) {
            form.name = t.name();
            form.instructions = t.instructions();
            form.shouldFeel = t.shouldFeel();
            form.precautions = t.precautions();
            form.commonMistakes = t.commonMistakes();
            form.progression = t.progression();
        }
        return form;
    }

    /** The payload, or null with the missing fields in {@code violations} (messages in the page's language). */
    ExerciseTranslation toPayload(String language, String required, List<Violation> violations) {
        List<Violation> found = new ArrayList<>();
        if (FormValues.blankToNull(name) == null) {
            found.add(new Violation("name", required));
        }
        if (FormValues.blankToNull(instructions) == null) {
            found.add(new Violation("instructions", required));
        }
        violations.addAll(found);
        return found.isEmpty()
                ? new ExerciseTranslation(
                        language,
                        name.strip(),
                        instructions.strip(),
                        FormValues.blankToNull(shouldFeel),
                        FormValues.blankToNull(precautions),
                        FormValues.blankToNull(commonMistakes),
                        FormValues.blankToNull(progression),
                        null)
                : null;
    }
}
