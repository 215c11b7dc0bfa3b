package clinic.program.protocol;

import java.time.LocalDateTime;
import java.util.List;

/**
 * One version of a protocol with its phases and their ordered exercises. {@code current} is false on a superseded
 * version; {@code retired} protocols are not offered for new programs; {@code builtIn} ones are read-only (copy them).
 */
public record ProtocolView(
        String code,
        String name,
        String description,
        int version,
        boolean current,
        boolean requiresScreening,
        boolean builtIn,
        boolean retired,
        String createdBy,
        LocalDateTime createdAt,
        int phaseCount,
        List<Phase> phases) {

    /**
     * One phase; the entry proxies (null or false: no such criterion) are what the progress rules compare: the last 7
     * days' mean pain at most {@code entryMaxMeanPain}, adherence in the phase before at least {@code
     * entryMinAdherence} percent, no nerve-pain flag when {@code entryNoNerveFlags}.
     */
    public record Phase(
            int number,
            String name,
            String goal,
            String entryCriteria,
            Double entryMaxMeanPain,
            Integer entryMinAdherence,
            boolean entryNoNerveFlags,
            List<PhaseExercise> exercises) {}

    /** An exercise of a phase with the phase's dosage. */
    public record PhaseExercise(
            int position,
            String exercise,
            String name,
            Integer sets,
            Integer reps,
            Integer holdSeconds,
            Integer minutes,
            Integer timesPerDay,
            boolean perSide) {}
}
