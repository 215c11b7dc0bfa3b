package clinic.patient.audit;

import java.time.Instant;

/** One access by staff to the caller's own record ({@code GET /api/audit/me}). */
public record AuditMine(Instant at, String user, String role, String action, String outcome, String reason) {

    static AuditMine of(AuditEvent e) {
        return new AuditMine(
                e.occurredAt,
                e.actor,
                e.actorRole,
                e.action.name(),
                e.outcome == null ? AuditOutcome.ALLOWED.name() : e.outcome.name(),
                e.reason);
    }
}
