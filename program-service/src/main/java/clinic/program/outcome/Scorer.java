package clinic.program.outcome;

import java.util.Map;

/**
 * One scoring method ({@link Instrument.Scoring#method()}): turns answers already checked against the instrument's
 * items (every value in range, every required item answered or skipped) into a {@link Score}.
 */
public interface Scorer {

    /** @param answers by item code; an item left out is absent, a skipped one has {@code skipped} true */
    Score score(Instrument instrument, Map<String, MeasureResponse.Answer> answers);

    /** The scorer of a method; IllegalArgumentException for a method no scorer knows (a broken instrument file). */
    static Scorer of(String method) {
        return switch (method) {
            case MeanOfRatingsScorer.METHOD -> new MeanOfRatingsScorer();
            case CountYesScorer.METHOD -> new CountYesScorer();
            case StartBackScorer.METHOD -> new StartBackScorer();
            default -> throw new IllegalArgumentException("No scorer for method " + method);
        };
    }
}
