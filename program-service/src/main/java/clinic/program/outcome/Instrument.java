package clinic.program.outcome;

import java.util.List;

/**
 * A standard questionnaire as data: its items and answer options, how it is scored, the change that matters to a
 * patient, and the terms it may be used under. Loaded from {@code instruments/<code>.json}; the wording of items and
 * options is kept exactly as the source publishes it where its licence asks for that.
 *
 * @param code short upper-case code used in the API and the database (PSFS, RMDQ, SBST)
 * @param kind OUTCOME (measures change over the episode) or STRATIFICATION (groups the patient at the start)
 * @param enabledByDefault false where the licence needs a permission the clinic must obtain first
 */
public record Instrument(
        String code,
        String name,
        String version,
        String kind,
        String description,
        String instructions,
        List<Item> items,
        Scoring scoring,
        Mic mic,
        Licence licence,
        boolean enabledByDefault) {

    public static final String OUTCOME = "OUTCOME";

    public static final String STRATIFICATION = "STRATIFICATION";

    /**
     * One question.
     *
     * @param type CHOICE (pick one option), RATING (a whole number from min to max), TEXT (free text, e.g. a PSFS
     *     activity)
     * @param required false for items a patient may leave out without it counting as skipped (PSFS's 4th and 5th
     *     activity)
     */
    public record Item(
            String code,
            String text,
            String type,
            List<Option> options,
            Integer min,
            Integer max,
            String minLabel,
            String maxLabel,
            boolean required) {}

    public record Option(int value, String text) {}

    /**
     * How the answers become a score.
     *
     * @param method a short key the scorer switches on (MEAN_OF_RATINGS, COUNT_YES, SBST)
     * @param higherIsBetter true for PSFS (ability), false for disability indexes
     */
    public record Scoring(
            String method,
            double min,
            double max,
            boolean higherIsBetter,
            String unit,
            Integer maxSkipped,
            String description) {}

    /** Minimal important change: an absolute change of {@code points}, or a relative one of {@code percent}. */
    public record Mic(Double points, Double percent, String rule, String source) {}

    public record Licence(String holder, String terms, String permissionNeeded, String source) {}
}
