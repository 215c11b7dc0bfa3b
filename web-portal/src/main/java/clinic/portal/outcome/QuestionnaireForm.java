package clinic.portal.outcome;

import clinic.portal.common.FormValues;
import clinic.portal.outbound.ProblemBody.Violation;
import clinic.portal.outbound.ProgramApi.Instrument;
import clinic.portal.outbound.ProgramApi.InstrumentItem;
import clinic.portal.outbound.ProgramApi.InstrumentOption;
import clinic.portal.outbound.ProgramApi.MeasureAnswer;
import clinic.portal.outbound.ProgramApi.NewMeasure;
import jakarta.ws.rs.core.MultivaluedMap;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A questionnaire as typed: field {@code a.<item>} holds the chosen value (or {@value #SKIP} for "Prefer not to
 * answer") or the text of a TEXT item, field {@code skip} the codes of TEXT items explicitly skipped. Kept as typed so
 * a refused form comes back with every answer still there.
 */
public class QuestionnaireForm {

    /** The value of the "Prefer not to answer" choice. */
    public static final String SKIP = "skip";

    static final int MAX_TEXT = 200;

    private final Map<String, String> values = new HashMap<>();
    private final Set<String> skipped = new HashSet<>();
    private List<Violation> errors = List.of();

    /** Physio only: the time point entered and the date it was completed (blank: the one due now, today). */
    public String timepoint;

    public String completedOn;

    public static QuestionnaireForm empty() {
        return new QuestionnaireForm();
    }

    public static QuestionnaireForm parse(MultivaluedMap<String, String> in, Instrument instrument) {
        QuestionnaireForm form = new QuestionnaireForm();
        List<String> skips = in.get("skip");
        for (InstrumentItem item : instrument.questions()) {
            String value = in.getFirst("a." + item.code());
            if (value != null) {
                form.values.put(item.code(), value);
            }
            if (SKIP.equals(value) || (skips != null && skips.contains(item.code()))) {
                form.skipped.add(item.code());
            }
        }
        form.timepoint = FormValues.blankToNull(in.getFirst("timepoint"));
        form.completedOn = FormValues.blankToNull(in.getFirst("completedOn"));
        return form;
    }

    /** The typed value of an item ("" when none, or skipped by choice). */
    public String value(String item) {
        String v = values.get(item);
        return v == null || SKIP.equals(v) ? "" : v;
    }

    /** Whether this option was the one chosen. */
    public boolean chosen(String item, String optionValue) {
        return optionValue != null && optionValue.equals(values.get(item));
    }

    /** The form with the messages to show: the portal's own check or the service's 400/422 violations. */
    public QuestionnaireForm withErrors(List<Violation> violations) {
        this.errors = violations == null ? List.of() : violations;
        return this;
    }

    /** The message for one item (or {@code completedOn}); the service may name it {@code answers.<code>} too. */
    public String error(String item) {
        return errors.stream()
                .filter(v -> names(v, item))
                .map(Violation::message)
                .findFirst()
                .orElse(null);
    }

    /** Messages that name no item of the instrument (shown in the error summary as they are). */
    public List<Violation> otherErrors(Instrument instrument) {
        return errors.stream()
                .filter(v -> !names(v, "completedOn")
                        && instrument.questions().stream().noneMatch(q -> names(v, q.code())))
                .toList();
    }

    private static boolean names(Violation v, String item) {
        String field = v.field();
        return field != null && (field.equals(item) || field.endsWith("." + item) || field.startsWith(item + "["));
    }

    public boolean isSkipped(String item) {
        return skipped.contains(item);
    }

    /**
     * Checks every item before anything is sent: each required one answered or explicitly skipped, a value only from
     * the offered answers, texts not too long. Violations name the item's code (the fieldset's id is {@code q-<code>}).
     */
    public List<Violation> check(Instrument instrument) {
        List<Violation> violations = new ArrayList<>();
        for (InstrumentItem item : instrument.questions()) {
            String code = item.code();
            String v = FormValues.blankToNull(values.get(code));
            if (skipped.contains(code)) {
                continue;
            }
            if (v == null) {
                if (item.isRequired()) {
                    violations.add(new Violation(code, "Answer this question or choose “Prefer not to answer”."));
                }
                continue;
            }
            if (item.isText()) {
                if (v.length() > MAX_TEXT) {
                    violations.add(new Violation(code, "Keep this to " + MAX_TEXT + " characters or fewer."));
                }
            } else if (item.choices().stream().map(InstrumentOption::valueText).noneMatch(v::equals)) {
                violations.add(new Violation(code, "Choose one of the answers offered."));
            }
        }
        return violations;
    }

    /** The answers for the API: given ones with their value or text, skipped ones marked, untouched optional ones left out. */
    public NewMeasure toMeasure(Instrument instrument) {
        List<MeasureAnswer> answers = new ArrayList<>();
        for (InstrumentItem item : instrument.questions()) {
            String code = item.code();
            if (skipped.contains(code)) {
                answers.add(new MeasureAnswer(code, null, null, true));
                continue;
            }
            String v = FormValues.blankToNull(values.get(code));
            if (v == null) {
                continue;
            }
            if (item.isText()) {
                answers.add(new MeasureAnswer(code, null, v, null));
            } else {
                answers.add(new MeasureAnswer(code, Integer.valueOf(v), null, null));
            }
        }
        return new NewMeasure(instrument.code(), timepoint, completedOn, answers);
    }
}
