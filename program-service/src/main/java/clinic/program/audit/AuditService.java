package clinic.program.audit;

import clinic.kit.contract.AuditEntry;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.List;

/** Reads of the audit trail: the admin's search and a patient's "who accessed my programs". */
@ApplicationScoped
public class AuditService {

    private final AuditRepository events;
    private final SecurityIdentity identity;
    private final EntityManager em;

    public AuditService(AuditRepository events, SecurityIdentity identity, EntityManager em) {
        this.events = events;
        this.identity = identity;
        this.em = em;
    }

    /** A page of rows, newest first, and the number of all matching rows. */
    public AuditViews.Page search(AuditRepository.Filter filter, int page, int size) {
        List<AuditEntry> items =
                events.search(filter, page, size).stream().map(AuditViews::item).toList();
        return new AuditViews.Page(items, page, size, events.total(filter));
    }

    /**
     * Staff accesses (allowed and refused) to the patients whose programs the calling patient's account holds:
     * usually one patient id, found through the programs (the account is copied onto them at assignment).
     */
    public List<AuditViews.MyAccess> staffAccessToCaller(int limit) {
        List<Long> patientIds = em.createQuery(
                        "select distinct p.patientId from Program p where p.patientAccount = :account", Long.class)
                .setParameter("account", identity.getPrincipal().getName())
                .getResultList();
        return events.staffAccessTo(patientIds, limit).stream()
                .map(AuditViews.MyAccess::of)
                .toList();
    }
}
