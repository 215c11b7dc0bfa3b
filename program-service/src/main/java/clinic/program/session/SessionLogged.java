package clinic.program.session;

import clinic.program.prescription.Program;
import clinic.program.prescription.ProgramExercise;
import java.util.ArrayList;
import java.util.List;

/**
 * A log was written (and flushed), fired in the logging transaction before it commits: the features that react to a
 * log (the report figures, the alerts) observe it instead of being called from here, so {@code session} imports
 * neither. Observers run synchronously and in the same transaction: a failure in any of them rolls back the log and
 * everything else, so nothing is half-written. An observer that raises alerts names them with {@link #alertRaised},
 * and the patient's answer lists them (type and severity only).
 *
 * @param prescribed the program's current exercises (managed: an observer may mark one for review)
 */
public record SessionLogged(
        Program program, SessionLog log, List<ProgramExercise> prescribed, List<SessionView.AlertRaised> raised) {

    public SessionLogged(Program program, SessionLog log, List<ProgramExercise> prescribed) {
        this(program, log, prescribed, new ArrayList<>());
    }

    /** An alert this log raised, in the order the rules raised them. */
    public void alertRaised(String type, String severity) {
        raised.add(new SessionView.AlertRaised(type, severity));
    }
}
