package clinic.program.prescription;

/**
 * A physio changed a running program (a phase move, an exercise moved to its newest revision, a re-assignment): its
 * revision {@code program.currentRevision} was added. Fired in the changing transaction; not fired for the first
 * revision of a new program, nor for the revisions of a hold, a resume or a discharge (they have events of their own).
 *
 * @param change PHASE_MOVE, EXERCISE_UPDATE or REASSIGNED
 */
public record ProgramRevised(Program program, String change) {

    public static final String PHASE_MOVE = "PHASE_MOVE";
    public static final String EXERCISE_UPDATE = "EXERCISE_UPDATE";
    public static final String REASSIGNED = "REASSIGNED";
}
