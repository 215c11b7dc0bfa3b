package clinic.patient.access;

import java.time.Instant;
import java.util.List;

/** The caller's access to one patient ({@code GET /api/patients/{id}/access}); {@code expiresAt} for BREAK_GLASS. */
public record AccessView(
        Long patientId, String carePhysio, List<String> careTeam, AccessKind access, Instant expiresAt) {}
