package clinic.program.outbound;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.List;

/**
 * The patients the calling physio may reach now ({@code GET /api/patients/accessible}): all their ids, and the same
 * ids by kind of access (care physio, care team, break-the-glass grant until its {@code expiresAt}), each under the
 * kind {@code GET /api/patients/{id}/access} would answer. The kinds are null from a patient-service that does not
 * send them.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Accessible(List<Long> patientIds, List<Long> carePhysio, List<Long> careTeam, List<Grant> breakGlass) {

    /** A grant's patient and the end of its access. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Grant(Long patientId, Instant expiresAt) {}

    /** Whether the answer says how each patient is reached (every id under one kind, every grant with its end). */
    public boolean hasKinds() {
        if (carePhysio == null || careTeam == null || breakGlass == null) {
            return false;
        }
        if (breakGlass.stream().anyMatch(g -> g == null || g.patientId() == null || g.expiresAt() == null)) {
            return false;
        }
        return carePhysio.size() + careTeam.size() + breakGlass.size() == patientIds.size();
    }
}
