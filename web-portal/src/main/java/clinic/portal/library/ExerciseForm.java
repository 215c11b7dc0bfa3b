package clinic.portal.library;

import clinic.portal.common.FormValues;
import clinic.portal.outbound.ProblemBody.Violation;
import clinic.portal.outbound.ProgramApi.Caution;
import clinic.portal.outbound.ProgramApi.Exercise;
import clinic.portal.outbound.ProgramApi.ExerciseInput;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jboss.resteasy.reactive.RestForm;

/**
 * The new/edit exercise form as typed, kept as text so a refused submission shows exactly what the physio entered.
 * Field names are the API's JSON names, so the service's violations land next to their field.
 */
public class ExerciseForm {

    @RestForm
    public String slug;

    /** The revision being edited (hidden field), for the service's optimistic check. */
    @RestForm
    public String revision;

    @RestForm
    public String name;

    @RestForm
    public String category;

    @RestForm
    public List<String> phases;

    @RestForm
    public String instructions;

    @RestForm
    public String shouldFeel;

    @RestForm
    public String precautions;

    @RestForm
    public String commonMistakes;

    @RestForm
    public String progression;

    @RestForm
    public String sets;

    @RestForm
    public String reps;

    @RestForm
    public String holdSeconds;

    @RestForm
    public String minutes;

    @RestForm
    public String timesPerDay;

    @RestForm
    public String perSide;

    @RestForm
    public List<String> cautionPhases;

    @RestForm
    public String cautionReason;

    /** Slugs of safer alternatives, separated by commas. */
    @RestForm
    public String cautionAlternatives;

    @RestForm
    public String videoUrl;

    /** The form filled with an exercise's current content (the edit page). */
    static ExerciseForm of(Exercise e) {
        ExerciseForm f = new ExerciseForm();
        f.slug = e.slug();
        f.revision = e.revision() == null ? null : e.revision().toString();
        f.name = e.name();
        f.category = e.category();
        f.phases = e.phases() == null
                ? new ArrayList<>()
                : e.phases().stream().map(String::valueOf).toList();
        f.instructions = e.instructions();
        f.shouldFeel = e.shouldFeel();
        f.precautions = e.precautions();
        f.commonMistakes = e.commonMistakes();
        f.progression = e.progression();
        f.sets = text(e.sets());
        f.reps = text(e.reps());
        f.holdSeconds = text(e.holdSeconds());
        f.minutes = text(e.minutes());
        f.timesPerDay = text(e.timesPerDay());
        f.perSide = Boolean.TRUE.equals(e.perSide()) ? "true" : null;
        if (e.caution() != null) {
            f.cautionPhases = e.caution().avoidInPhases() == null
                    ? new ArrayList<>()
                    : e.caution().avoidInPhases().stream().map(String::valueOf).toList();
            f.cautionReason = e.caution().reason();
            f.cautionAlternatives = e.caution().alternatives() == null
                    ? null
                    : String.join(", ", e.caution().alternatives());
        }
        f.videoUrl = e.videoUrl();
        return f;
    }

    /** Whether phase {@code n} is ticked (for the template). */
    public boolean inPhase(int n) {
        return phases != null && phases.contains(String.valueOf(n));
    }

    /** Whether the caution's phase {@code n} is ticked (for the template). */
    public boolean avoidIn(int n) {
        return cautionPhases != null && cautionPhases.contains(String.valueOf(n));
    }

    public boolean eachSide() {
        return perSide != null && !perSide.isBlank() && !"false".equals(perSide);
    }

    /**
     * The payload: {@code slug} for a new exercise, {@code revision} for an edit. Numbers that are not numbers become
     * violations here (the service checks everything else, and its violations are shown by field).
     */
    ExerciseInput toPayload(boolean edit, List<Violation> violations) {
        Integer rev = edit ? FormValues.integer(revision, "revision", violations) : null;
        List<Integer> phaseNumbers = numbers(phases, "phases", violations);
        Caution caution = null;
        List<Integer> avoid = numbers(cautionPhases, "caution.avoidInPhases", violations);
        String reason = FormValues.blankToNull(cautionReason);
        String alternatives = FormValues.blankToNull(cautionAlternatives);
        if (reason != null || !avoid.isEmpty() || alternatives != null) {
            caution = new Caution(
                    avoid,
                    reason,
                    alternatives == null
                            ? null
                            : Arrays.stream(alternatives.split(","))
                                    .map(String::trim)
                                    .filter(s -> !s.isEmpty())
                                    .toList());
        }
        return new ExerciseInput(
                edit ? null : FormValues.blankToNull(slug),
                rev,
                FormValues.blankToNull(name),
                FormValues.blankToNull(category),
                phaseNumbers,
                FormValues.blankToNull(instructions),
                FormValues.blankToNull(shouldFeel),
                FormValues.blankToNull(precautions),
                FormValues.blankToNull(commonMistakes),
                FormValues.blankToNull(progression),
                FormValues.integer(sets, "sets", violations),
                FormValues.integer(reps, "reps", violations),
                FormValues.integer(holdSeconds, "holdSeconds", violations),
                FormValues.integer(minutes, "minutes", violations),
                FormValues.integer(timesPerDay, "timesPerDay", violations),
                eachSide(),
                caution,
                FormValues.blankToNull(videoUrl));
    }

    private static List<Integer> numbers(List<String> values, String field, List<Violation> violations) {
        List<Integer> result = new ArrayList<>();
        for (String v : FormValues.orEmpty(values)) {
            Integer n = FormValues.integer(v, field, violations);
            if (n != null && !result.contains(n)) {
                result.add(n);
            }
        }
        return result;
    }

    private static String text(Integer n) {
        return n == null ? null : n.toString();
    }
}
