package clinic.program.protocol;

import java.util.List;

/** A protocol with its phases and their ordered exercises. */
public record ProtocolView(String code, String name, String description, List<Phase> phases) {

    /** One phase. */
    public record Phase(int number, String name, String goal, String entryCriteria, List<PhaseExercise> exercises) {}

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
