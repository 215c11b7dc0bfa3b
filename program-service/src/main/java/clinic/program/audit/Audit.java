package clinic.program.audit;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.LocalDateTime;
import java.util.UUID;

/** Records staff reads and every change. Joins the caller's transaction so the record and the work commit together. */
@ApplicationScoped
public class Audit {

    private final AuditRepository events;
    private final SecurityIdentity identity;
    private final CurrentVertxRequest request;

    public Audit(AuditRepository events, SecurityIdentity identity, CurrentVertxRequest request) {
        this.events = events;
        this.identity = identity;
        this.request = request;
    }

    /** Writes one audit row for the current caller. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(String action, Long patientId, Long programId) {
        AuditEvent event = new AuditEvent();
        event.at = LocalDateTime.now();
        event.actor =
                identity.isAnonymous() ? "system" : identity.getPrincipal().getName();
        event.role = role();
        event.action = action;
        event.patientId = patientId;
        event.programId = programId;
        event.requestId = requestId();
        events.persist(event);
    }

    /** Whether the current caller is staff (physio or admin), whose reads are audited. */
    public boolean callerIsStaff() {
        return identity.hasRole("physio") || identity.hasRole("admin");
    }

    private String role() {
        for (String role : new String[] {"physio", "admin", "patient", "clinical-service"}) {
            if (identity.hasRole(role)) {
                return role;
            }
        }
        return "system";
    }

    private String requestId() {
        try {
            if (request.getCurrent() != null) {
                String id = request.getCurrent().request().getHeader("X-Request-Id");
                if (id != null && !id.isBlank()) {
                    return id.length() > 100 ? id.substring(0, 100) : id;
                }
            }
        } catch (RuntimeException e) {
            // Outside an HTTP request (scheduler): a fresh id is still useful for correlation.
        }
        return UUID.randomUUID().toString();
    }
}
