package clinic.program.outcome;

import java.time.LocalDate;
import java.util.List;

/**
 * A completed questionnaire as posted. {@code timepoint} null: the one open now; {@code completedOn} null: today (a
 * physio may give an earlier day of the program, a patient only today).
 */
public record NewMeasure(
        String instrument, String timepoint, LocalDate completedOn, List<MeasureResponse.Answer> answers) {}
