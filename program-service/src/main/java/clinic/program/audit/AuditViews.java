package clinic.program.audit;

import clinic.kit.contract.AuditEntry;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/** The audit API's answers; the same shape as patient-service's, with {@code service} naming this one. */
public final class AuditViews {

    public static final String SERVICE = "program-service";

    private AuditViews() {}

    /** One row for an admin, in the audit shape both services share. */
    static AuditEntry item(AuditEvent e) {
        return new AuditEntry(
                e.id,
                SERVICE,
                e.at.toInstant(ZoneOffset.UTC),
                e.actor,
                e.role,
                e.action,
                e.patientId,
                e.programId,
                e.outcome,
                e.reason,
                e.requestId,
                e.traceId);
    }

    /** A page of rows, newest first; {@code page} counts from 0, {@code total} counts every matching row. */
    public record Page(List<AuditEntry> items, int page, int size, long total) {}

    /** One staff access to the calling patient's own programs. */
    public record MyAccess(Instant at, String user, String role, String action, String outcome, String reason) {

        static MyAccess of(AuditEvent e) {
            return new MyAccess(e.at.toInstant(ZoneOffset.UTC), e.actor, e.role, e.action, e.outcome, e.reason);
        }
    }
}
