package clinic.patient.audit;

import java.time.Instant;

/** One audit event as the API shows it. */
public record AuditView(
        Long id, Instant occurredAt, String actor, String role, AuditAction action, Long patientId, String requestId) {

    static AuditView of(AuditEvent e) {
        return new AuditView(e.id, e.occurredAt, e.actor, e.actorRole, e.action, e.patientId, e.requestId);
    }
}
