package clinic.patient.audit;

import clinic.patient.common.PageRequest;
import clinic.patient.common.RequestId;
import io.quarkus.arc.Arc;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/**
 * Who read or changed which patient record, when. {@link #record} joins the caller's transaction
 * ({@code MANDATORY}): an audited change and its audit row commit or roll back together.
 */
@ApplicationScoped
public class AuditTrail {

    static final String SYSTEM = "system";
    private static final List<String> ROLES = List.of("physio", "admin", "patient");

    private final AuditRepository events;
    private final SecurityIdentity identity;
    private final RequestId requestId;

    public AuditTrail(AuditRepository events, SecurityIdentity identity, RequestId requestId) {
        this.events = events;
        this.identity = identity;
        this.requestId = requestId;
    }

    /** Records an action by the current caller (or by {@code system} when there is no caller). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(AuditAction action, Long patientId) {
        AuditEvent e = new AuditEvent();
        e.occurredAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        boolean caller = !identity.isAnonymous();
        e.actor = caller ? identity.getPrincipal().getName() : SYSTEM;
        e.actorRole =
                caller ? ROLES.stream().filter(identity::hasRole).findFirst().orElse("other") : SYSTEM;
        e.action = action;
        e.patientId = patientId;
        e.requestId = currentRequestId();
        events.persist(e);
    }

    /** Events newest first for the admin's audit view. */
    @Transactional
    public AuditPage search(Long patientId, Instant from, Instant to, PageRequest page) {
        return events.search(patientId, from, to, page.page(), page.size());
    }

    private String currentRequestId() {
        // Scheduled jobs run without an HTTP request; they still get an id so their events can be grouped.
        if (Arc.container().requestContext().isActive()) {
            return requestId.value();
        }
        return "job-" + UUID.randomUUID();
    }
}
