package clinic.patient.audit;

import java.time.Instant;

/**
 * One audit event as the API shows it; the same shape in both services ({@code service} says which, {@code programId}
 * is always null here).
 */
public record AuditView(
        Long id,
        String service,
        Instant at,
        String user,
        String role,
        String action,
        Long patientId,
        Long programId,
        String outcome,
        String reason,
        String requestId) {

    static final String SERVICE = "patient-service";

    static AuditView of(AuditEvent e) {
        return new AuditView(
                e.id,
                SERVICE,
                e.occurredAt,
                e.actor,
                e.actorRole,
                e.action.name(),
                e.patientId,
                null,
                e.outcome == null ? AuditOutcome.ALLOWED.name() : e.outcome.name(),
                e.reason,
                e.requestId);
    }
}
