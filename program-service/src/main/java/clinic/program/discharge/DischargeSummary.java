package clinic.program.discharge;

import java.time.LocalDate;
import java.util.List;

/**
 * The episode of a discharged program, filled in from its data: dates, phases with dates (from the revisions),
 * adherence (as the progress page counts it, up to the discharge day), pain and questionnaire scores first and last
 * with their change, alerts and holds, and the exercises as prescribed at discharge. {@code reason} is the {@code
 * DischargeReason} code, {@code reasonText} its words; {@code summary} is the physio's text.
 *
 * <p>Every {@code change} is last minus first: a pain change of -3 is three points less pain; a questionnaire's
 * direction is in {@code higherIsBetter}.
 */
public record DischargeSummary(
        long programId,
        long patientId,
        ProtocolRef protocol,
        String carePhysio,
        LocalDate startedOn,
        LocalDate dischargedOn,
        String dischargedBy,
        String reason,
        String reasonText,
        String summary,
        List<Phase> phases,
        Adherence adherence,
        Pain pain,
        List<Measure> measures,
        Stratification stratification,
        List<AlertItem> alerts,
        List<HoldItem> holds,
        List<ExerciseItem> exercises) {

    public record ProtocolRef(String code, String name) {}

    /** A phase the program was in, from the day it began to the day before the next one (or the discharge day). */
    public record Phase(int phase, String name, LocalDate from, LocalDate to) {}

    /** Days with a log against days prescribed, from the start to the discharge day. */
    public record Adherence(int percent, int logged, int prescribed) {}

    /**
     * Mean 0-10 pain before the sessions of the first 7 days with logs (from the first log) and of the last 7 days
     * (up to the last log); null without logs.
     */
    public record Pain(Double first, Double last, Double change) {}

    /**
     * One outcome questionnaire: its first and last completed scores (last null when it was completed once), the
     * change, the minimal important change in points ({@code mic}, null when the instrument gives a percentage, see
     * {@code micRule}) and whether it was reached in the better direction (null without two scores).
     */
    public record Measure(
            String instrument,
            String instrumentName,
            boolean higherIsBetter,
            Score first,
            Score last,
            Double change,
            Double mic,
            String micRule,
            Boolean micReached) {}

    public record Score(double score, LocalDate completedOn) {}

    /** The risk group of a stratification screen (the STarT Back Tool) at the start, if one was completed. */
    public record Stratification(String instrument, String instrumentName, String riskGroup, LocalDate completedOn) {}

    /** An alert raised in the episode and its status now (OPEN or ACKNOWLEDGED). */
    public record AlertItem(String type, String severity, LocalDate raisedOn, String status) {}

    /** A red-flag hold: from the day it began to the day it was resumed (or the discharge day), and its red flags. */
    public record HoldItem(LocalDate from, LocalDate to, List<String> flags) {}

    /** An exercise as prescribed at discharge, its dosage in words. */
    public record ExerciseItem(String slug, String name, String dosage) {}
}
