package clinic.program.outcome;

/**
 * A score against the baseline, read in the instrument's direction (PSFS: up is better; RMDQ: down is better), and
 * whether the improvement reaches the minimal important change: at least {@code mic.points}, or at least
 * {@code mic.percent} of the baseline in whole percentages (so an exact 30 % counts), as ProgressRules does for pain.
 */
public final class Change {

    private Change() {}

    /** The improvement in the instrument's direction (positive = better). */
    public static double improvement(Instrument.Scoring scoring, double baseline, double score) {
        return scoring.higherIsBetter() ? score - baseline : baseline - score;
    }

    /** Whether an improvement from the baseline reaches the minimal important change; null without an MIC. */
    public static Boolean micReached(Instrument instrument, double baseline, double score) {
        Instrument.Mic mic = instrument.mic();
        if (mic == null || (mic.points() == null && mic.percent() == null)) {
            return null;
        }
        double better = round(improvement(instrument.scoring(), baseline, score));
        if (mic.points() != null && better >= mic.points()) {
            return true;
        }
        return mic.percent() != null && baseline > 0 && Math.round(100.0 * better / baseline) >= mic.percent();
    }

    /** Whether the score is worse than the baseline by at least the MIC's points (used by the progress rule). */
    public static boolean worseByMic(Instrument instrument, double baseline, double score) {
        Instrument.Mic mic = instrument.mic();
        return mic != null
                && mic.points() != null
                && round(-improvement(instrument.scoring(), baseline, score)) >= mic.points();
    }

    /** A stored score as the API shows it: 12.00 as 12, 2.50 as 2.5 (never in exponent form); null stays null. */
    public static java.math.BigDecimal plain(java.math.BigDecimal v) {
        if (v == null) {
            return null;
        }
        java.math.BigDecimal s = v.stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0) : s;
    }

    public static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
