package clinic.program.prescription;

/**
 * A program has a new revision: any change of it (an assignment, a phase move, a hold, a resume, a discharge, an
 * exercise update) adds one. Fired synchronously in the changing transaction, for every revision, first included (the
 * events of the kinds of change, such as {@link ProgramRevised} or {@link ProgramHeld}, each cover some of them); the
 * reports' summary marks the program as changed.
 */
public record RevisionAdded(long programId) {}
