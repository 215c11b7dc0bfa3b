package clinic.patient.audit;

import clinic.kit.contract.AuditEntry;
import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

@ApplicationScoped
public class AuditRepository implements PanacheRepository<AuditEvent> {

    static final String SERVICE = "patient-service";

    /** Filters of the audit view; null means "any"; {@code to} is exclusive. */
    public record Filter(Long patientId, String user, AuditAction action, Instant from, Instant to) {}

    /** Events newest first. */
    public AuditPage search(Filter filter, int page, int size) {
        List<String> where = new ArrayList<>();
        Parameters params = new Parameters();
        if (filter.patientId() != null) {
            where.add("patientId = :patientId");
            params.and("patientId", filter.patientId());
        }
        if (filter.user() != null) {
            where.add("actor = :user");
            params.and("user", filter.user());
        }
        if (filter.action() != null) {
            where.add("action = :action");
            params.and("action", filter.action());
        }
        if (filter.from() != null) {
            where.add("occurredAt >= :from");
            params.and("from", filter.from());
        }
        if (filter.to() != null) {
            where.add("occurredAt < :to");
            params.and("to", filter.to());
        }
        var query = find(
                where.isEmpty() ? "1 = 1" : String.join(" and ", where), Sort.descending("occurredAt", "id"), params);
        long total = query.count();
        List<AuditEntry> items = query.page(Page.of(page, size)).list().stream()
                .map(AuditRepository::entry)
                .toList();
        return new AuditPage(items, page, size, total);
    }

    /** The event as the audit API shows it, the same shape as program-service's. */
    static AuditEntry entry(AuditEvent e) {
        return new AuditEntry(
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
                e.requestId,
                e.traceId);
    }

    /**
     * Reads and changes by staff (physio, admin) of the record linked to this patient login, newest first; empty when
     * no record is linked. The record is found in the patient table by a subquery, so audit imports nothing of the
     * registry (every feature writes audit events; audit depends on none of them).
     */
    public List<AuditMine> staffAccessesToAccount(String accountUsername, int max) {
        return find(
                        "patientId in (select p.id from Patient p where p.accountUsername = ?1) and actorRole in ?2",
                        Sort.descending("occurredAt", "id"),
                        accountUsername,
                        List.of("physio", "admin"))
                .page(Page.ofSize(max))
                .list()
                .stream()
                .map(AuditMine::of)
                .toList();
    }

    /**
     * Writes the events in one multi-row INSERT (the ids come from AUTO_INCREMENT, which rules out JDBC batching of
     * entity inserts): a page of 100 patients is one statement, not 100.
     */
    void insertAll(List<AuditEvent> rows) {
        StringBuilder hql = new StringBuilder(
                "insert into AuditEvent (occurredAt, actor, actorRole, action, patientId, requestId, traceId, outcome, reason)"
                        + " values ");
        for (int i = 0; i < rows.size(); i++) {
            hql.append(i == 0 ? "" : ", ")
                    .append("(:at")
                    .append(i)
                    .append(", :actor, :role, :action, :p")
                    .append(i)
                    .append(", :requestId, :traceId, :outcome, null)");
        }
        var query = getEntityManager().createQuery(hql.toString());
        AuditEvent first = rows.get(0);
        query.setParameter("actor", first.actor);
        query.setParameter("role", first.actorRole);
        query.setParameter("action", first.action);
        query.setParameter("requestId", first.requestId);
        query.setParameter("traceId", first.traceId);
        query.setParameter("outcome", first.outcome);
        for (int i = 0; i < rows.size(); i++) {
            query.setParameter("at" + i, rows.get(i).occurredAt);
            query.setParameter("p" + i, rows.get(i).patientId);
        }
        query.executeUpdate();
    }
}
