package clinic.program.outcome;

/**
 * A questionnaire was recorded for a program: fired synchronously in the recording transaction. The reports' summary
 * marks the program as changed (its questionnaire completion and, once discharged, its outcome may have moved).
 */
public record MeasureRecorded(long programId) {}
