package clinic.program.prescription;

/**
 * A physio resumed a held program, fired in the resuming transaction.
 *
 * @param holdRevision the revision that put the program on hold (the one this resume ends)
 */
public record ProgramResumed(Program program, int holdRevision) {}
