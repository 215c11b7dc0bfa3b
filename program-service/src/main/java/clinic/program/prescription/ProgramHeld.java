package clinic.program.prescription;

import clinic.rules.RedFlag;
import java.util.Set;

/**
 * A program was put on hold, fired in the transaction that holds it: features that must react (alerts) observe it
 * instead of being called from here, so {@code program} does not import them.
 *
 * @param source {@link Program#FROM_SESSION_LOG} or {@link Program#FROM_SCREENING}
 * @param screeningId the screening that held it, or null for a session log
 */
public record ProgramHeld(Program program, String source, Set<RedFlag> flags, Long screeningId) {}
