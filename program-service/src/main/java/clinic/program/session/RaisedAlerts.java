package clinic.program.session;

import java.util.List;

/**
 * The alerts an earlier log raised, for answering a replayed request exactly as the first time. Implemented by the
 * feature that stores alerts, so {@code session} does not import it.
 */
public interface RaisedAlerts {

    /** The alerts the log raised, oldest first, as the patient sees them. */
    List<SessionView.AlertRaised> of(long sessionLogId);
}
