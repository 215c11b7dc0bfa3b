package clinic.program.outcome;

import clinic.kit.problem.Problem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Checks a questionnaire's answers against its instrument before scoring: every item known and given once, every
 * value one of the item's options or within its range, every required item answered or explicitly skipped, no more
 * skips than the instrument allows, and for the PSFS each activity named with its rating. Violations name the field
 * ({@code answers[2].value}) and say what is wrong in words, never echoing the value.
 */
public final class AnswerCheck {

    /** Longest free text (a PSFS activity). */
    public static final int MAX_TEXT = 200;

    /** The answers by item code, or the violations that refuse them. */
    public record Checked(
            Map<String, MeasureResponse.Answer> answers,
            int answered,
            int skipped,
            List<Problem.Violation> violations) {

        public boolean ok() {
            return violations.isEmpty();
        }
    }

    private AnswerCheck() {}

    public static Checked check(Instrument instrument, List<MeasureResponse.Answer> given) {
        List<Problem.Violation> violations = new ArrayList<>();
        Map<String, Instrument.Item> items =
                instrument.items().stream().collect(Collectors.toMap(Instrument.Item::code, i -> i, (a, b) -> a));
        Map<String, MeasureResponse.Answer> answers = new LinkedHashMap<>();
        java.util.Set<String> mentioned = new java.util.HashSet<>();
        if (given == null || given.isEmpty()) {
            violations.add(new Problem.Violation("answers", "are required: answer or skip each question"));
            return new Checked(Map.of(), 0, 0, violations);
        }
        for (int i = 0; i < given.size(); i++) {
            MeasureResponse.Answer a = given.get(i);
            String field = "answers[" + i + "]";
            if (a == null || a.item() == null) {
                violations.add(new Problem.Violation(field + ".item", "is required"));
                continue;
            }
            Instrument.Item item = items.get(a.item());
            if (item == null) {
                violations.add(new Problem.Violation(field + ".item", "is not a question of " + instrument.code()));
                continue;
            }
            if (!mentioned.add(a.item())) {
                violations.add(new Problem.Violation(field + ".item", a.item() + " is answered twice"));
                continue;
            }
            if (a.skipped()) {
                if (a.value() != null || (a.text() != null && !a.text().isBlank())) {
                    violations.add(new Problem.Violation(field, "a skipped question has no answer"));
                    continue;
                }
                answers.put(a.item(), new MeasureResponse.Answer(a.item(), null, null, true));
                continue;
            }
            String problem = valueProblem(item, a);
            if (problem != null) {
                violations.add(
                        new Problem.Violation(field + ("TEXT".equals(item.type()) ? ".text" : ".value"), problem));
                continue;
            }
            answers.put(
                    a.item(),
                    "TEXT".equals(item.type())
                            ? new MeasureResponse.Answer(
                                    a.item(), null, a.text().strip(), false)
                            : new MeasureResponse.Answer(a.item(), a.value(), null, false));
        }
        for (Instrument.Item item : instrument.items()) {
            if (item.required() && !mentioned.contains(item.code())) {
                violations.add(new Problem.Violation("answers", item.code() + " needs an answer, or an explicit skip"));
            }
        }
        int skipped = (int) answers.values().stream()
                .filter(MeasureResponse.Answer::skipped)
                .count();
        int answered = answers.size() - skipped;
        int maxSkipped = instrument.scoring().maxSkipped() == null
                ? 0
                : instrument.scoring().maxSkipped();
        if (violations.isEmpty() && skipped > maxSkipped) {
            violations.add(new Problem.Violation(
                    "answers",
                    skipped + " questions skipped; " + instrument.code() + " can be scored with at most " + maxSkipped
                            + " skipped"));
        }
        if (violations.isEmpty()
                && MeanOfRatingsScorer.METHOD.equals(instrument.scoring().method())) {
            pairActivities(instrument, answers, violations);
        }
        return new Checked(Map.copyOf(answers), answered, skipped, List.copyOf(violations));
    }

    private static String valueProblem(Instrument.Item item, MeasureResponse.Answer a) {
        switch (item.type()) {
            case "TEXT" -> {
                if (a.value() != null) {
                    return "is a text answer, not a number";
                }
                if (a.text() == null || a.text().isBlank()) {
                    return "is required (or skip the question)";
                }
                return a.text().strip().length() > MAX_TEXT ? "must be at most " + MAX_TEXT + " characters" : null;
            }
            case "RATING" -> {
                if (a.value() == null) {
                    return "is required (or skip the question)";
                }
                return a.value() < item.min() || a.value() > item.max()
                        ? "must be a whole number from " + item.min() + " to " + item.max()
                        : null;
            }
            default -> {
                if (a.value() == null) {
                    return "is required (or skip the question)";
                }
                boolean known = item.options().stream().anyMatch(o -> o.value() == a.value());
                return known
                        ? null
                        : "must be one of "
                                + item.options().stream()
                                        .map(o -> o.value() + " (" + o.text() + ")")
                                        .collect(Collectors.joining(", "));
            }
        }
    }

    /** PSFS: an activity named needs its rating, and a rating needs the activity it rates. */
    private static void pairActivities(
            Instrument instrument, Map<String, MeasureResponse.Answer> answers, List<Problem.Violation> violations) {
        for (Instrument.Item item : instrument.items()) {
            if (!"RATING".equals(item.type()) || !item.code().startsWith("rating")) {
                continue;
            }
            String activity = "activity" + item.code().substring("rating".length());
            boolean rated = given(answers.get(item.code()));
            boolean named = given(answers.get(activity));
            if (rated && !named) {
                violations.add(
                        new Problem.Violation("answers", item.code() + " rates an activity not named in " + activity));
            } else if (named && !rated) {
                violations.add(new Problem.Violation("answers", activity + " needs its rating in " + item.code()));
            }
        }
    }

    private static boolean given(MeasureResponse.Answer a) {
        return a != null && !a.skipped() && (a.value() != null || a.text() != null);
    }
}
