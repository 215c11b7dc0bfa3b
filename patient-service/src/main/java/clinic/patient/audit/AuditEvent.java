package clinic.patient.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One row of the audit trail. Written once, never updated or deleted (the entity has no setters in use). */
@Entity
@Table(name = "audit_event")
public class AuditEvent {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "occurred_at", nullable = false, updatable = false)
    public Instant occurredAt;

    /** User name of the caller, or {@code system} for scheduled work. */
    @Column(name = "actor", nullable = false, updatable = false, length = 100)
    public String actor;

    @Column(name = "actor_role", nullable = false, updatable = false, length = 20)
    public String actorRole;

    @Enumerated(EnumType.STRING)
    @Column(name = "action", nullable = false, updatable = false, length = 40)
    public AuditAction action;

    /** Null for events about no single patient, such as a list. */
    @Column(name = "patient_id", updatable = false)
    public Long patientId;

    @Column(name = "request_id", nullable = false, updatable = false, length = 100)
    public String requestId;

    /** The W3C trace id of the request (OpenTelemetry), null where none was active. */
    @Column(name = "trace_id", updatable = false, length = 32)
    public String traceId;

    /** ALLOWED, or REFUSED for a 403 (not in care team) or 404 on a patient's data. */
    @Enumerated(EnumType.STRING)
    @Column(name = "outcome", nullable = false, updatable = false, length = 10)
    public AuditOutcome outcome;

    /** Why: the break-the-glass reason, what a care-team change changed, why a request was refused. */
    @Column(name = "reason", updatable = false, length = 500)
    public String reason;
}
