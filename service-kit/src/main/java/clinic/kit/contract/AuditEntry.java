package clinic.kit.contract;

import java.time.Instant;

/**
 * One audit event as an audit API shows it, the same in every service, so the portal merges both trails into one
 * list: {@code service} says whose trail it is, {@code programId} is null where the service has no programs, and
 * {@code outcome} is ALLOWED, REFUSED or BREAK_GLASS. {@code traceId} is the W3C trace id of the request that wrote the
 * event (null for events written before it was recorded, or without tracing).
 */
public record AuditEntry(
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
        String requestId,
        String traceId) {}
