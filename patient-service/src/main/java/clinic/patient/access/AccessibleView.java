package clinic.patient.access;

import java.time.Instant;
import java.util.List;

/**
 * The patients the calling physio may reach now ({@code GET /api/patients/accessible}), and how: {@code patientIds}
 * is all of them, ascending; each is in exactly one of {@code carePhysio}, {@code careTeam} (care team member, not the
 * care physio) and {@code breakGlass} (an unexpired grant and no care), which is what {@code GET
 * /api/patients/{id}/access} would answer for it. program-service keeps the whole answer for a few seconds, so a
 * physio moving from one patient to the next does not ask about each.
 */
public record AccessibleView(
        List<Long> patientIds, List<Long> carePhysio, List<Long> careTeam, List<Grant> breakGlass) {

    /** A break-the-glass grant's patient and the end of its access. */
    public record Grant(long patientId, Instant expiresAt) {}
}
