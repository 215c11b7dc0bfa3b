package clinic.program.outcome;

import java.math.BigDecimal;
import java.util.Map;

/**
 * The Roland-Morris Disability Questionnaire: the number of statements that describe the patient today (value 1),
 * 0 to 24 (Roland and Morris 1983). As on the paper form, where a statement not ticked scores 0, a skipped statement
 * scores 0; how many may be skipped is the instrument's {@code maxSkipped}, checked before scoring.
 */
public final class CountYesScorer implements Scorer {

    public static final String METHOD = "COUNT_YES";

    @Override
    public Score score(Instrument instrument, Map<String, MeasureResponse.Answer> answers) {
        int yes = 0;
        for (Instrument.Item item : instrument.items()) {
            MeasureResponse.Answer a = answers.get(item.code());
            if (a != null && !a.skipped() && a.value() != null && a.value() == 1) {
                yes++;
            }
        }
        return new Score(BigDecimal.valueOf(yes), null, null);
    }
}
