package clinic.program.outcome;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;

/**
 * The Patient-Specific Functional Scale: the mean of the activity ratings given, "sum of the activity scores / number
 * of activities" (Stratford et al. 1995), to two decimals. Ratings are the instrument's RATING items; a rating left out
 * or skipped does not count.
 */
public final class MeanOfRatingsScorer implements Scorer {

    public static final String METHOD = "MEAN_OF_RATINGS";

    @Override
    public Score score(Instrument instrument, Map<String, MeasureResponse.Answer> answers) {
        int sum = 0;
        int count = 0;
        for (Instrument.Item item : instrument.items()) {
            MeasureResponse.Answer a = answers.get(item.code());
            if ("RATING".equals(item.type()) && a != null && !a.skipped() && a.value() != null) {
                sum += a.value();
                count++;
            }
        }
        if (count == 0) {
            throw new IllegalArgumentException("no rating to score");
        }
        return new Score(
                BigDecimal.valueOf(sum).divide(BigDecimal.valueOf(count), 2, RoundingMode.HALF_UP), null, null);
    }
}
