package clinic.program.outcome;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * One completed questionnaire with its score read against the baseline of the same instrument:
 * {@code changeFromBaseline} is score minus baseline (signed, raw), {@code improved} whether it moved in the
 * instrument's better direction, {@code micReached} whether that improvement reaches the minimal important change
 * (these three are null for the baseline itself or without a baseline; {@code micReached} also without an MIC).
 */
public record MeasureView(
        long id,
        long programId,
        String instrument,
        String instrumentName,
        String instrumentVersion,
        String timepoint,
        LocalDate completedOn,
        String enteredBy,
        String enteredByRole,
        List<MeasureResponse.Answer> answers,
        BigDecimal score,
        double scoreMax,
        BigDecimal subscore,
        String riskGroup,
        String riskMeaning,
        boolean higherIsBetter,
        BigDecimal baselineScore,
        BigDecimal changeFromBaseline,
        Boolean micReached,
        Boolean improved) {}
