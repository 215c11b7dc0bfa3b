package clinic.program.outcome;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A program's questionnaires as the progress page shows them: one trend per outcome instrument answered, the
 * stratification screen's group, and the disability index's baseline and latest follow-up for the progress rule.
 */
public record Outcomes(List<Trend> measures, Stratification stratification, Disability disability) {

    public static final Outcomes NONE = new Outcomes(List.of(), null, null);

    /** One outcome instrument's scores over the program. */
    public record Trend(
            String instrument,
            String instrumentName,
            boolean higherIsBetter,
            double scoreMin,
            double scoreMax,
            Instrument.Mic mic,
            List<Point> points,
            BigDecimal baselineScore,
            BigDecimal latestScore,
            BigDecimal changeFromBaseline,
            Boolean micReached) {}

    public record Point(String timepoint, LocalDate completedOn, BigDecimal score) {}

    /** The stratification screen's group and what it usually means for the plan. */
    public record Stratification(String instrument, String riskGroup, String meaning, LocalDate completedOn) {}

    /**
     * The disability index (RMDQ) at baseline and at its latest follow-up, with its minimal important change; null
     * until both exist.
     */
    public record Disability(String instrument, double baseline, double latest, double micPoints, Double micPercent) {}
}
