package clinic.program.audit;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.TypedQuery;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

@ApplicationScoped
public class AuditRepository implements PanacheRepository<AuditEvent> {

    /** Filters of the admin's audit search; null means "any". Times are UTC, {@code to} exclusive. */
    public record Filter(Long patientId, String user, String action, LocalDateTime from, LocalDateTime to) {}

    /** One page of matching rows, newest first. */
    public List<AuditEvent> search(Filter filter, int page, int size) {
        List<Object> params = new ArrayList<>();
        TypedQuery<AuditEvent> query = getEntityManager()
                .createQuery(
                        "select e from AuditEvent e" + where(filter, params) + " order by e.at desc, e.id desc",
                        AuditEvent.class);
        for (int i = 0; i < params.size(); i++) {
            query.setParameter(i + 1, params.get(i));
        }
        return query.setFirstResult(page * size).setMaxResults(size).getResultList();
    }

    /** How many rows match, whatever the page. */
    public long total(Filter filter) {
        List<Object> params = new ArrayList<>();
        TypedQuery<Long> query =
                getEntityManager().createQuery("select count(e) from AuditEvent e" + where(filter, params), Long.class);
        for (int i = 0; i < params.size(); i++) {
            query.setParameter(i + 1, params.get(i));
        }
        return query.getSingleResult();
    }

    /** Staff (physio, admin) rows about these patients, newest first, at most {@code limit}. */
    public List<AuditEvent> staffAccessTo(Collection<Long> patientIds, int limit) {
        if (patientIds.isEmpty()) {
            return List.of();
        }
        return getEntityManager()
                .createQuery(
                        "select e from AuditEvent e where e.patientId in :ids and e.role in ('physio', 'admin')"
                                + " order by e.at desc, e.id desc",
                        AuditEvent.class)
                .setParameter("ids", patientIds)
                .setMaxResults(limit)
                .getResultList();
    }

    private static String where(Filter f, List<Object> params) {
        List<String> clauses = new ArrayList<>();
        if (f.patientId() != null) {
            params.add(f.patientId());
            clauses.add("e.patientId = ?" + params.size());
        }
        if (f.user() != null) {
            params.add(f.user());
            clauses.add("e.actor = ?" + params.size());
        }
        if (f.action() != null) {
            params.add(f.action());
            clauses.add("e.action = ?" + params.size());
        }
        if (f.from() != null) {
            params.add(f.from());
            clauses.add("e.at >= ?" + params.size());
        }
        if (f.to() != null) {
            params.add(f.to());
            clauses.add("e.at < ?" + params.size());
        }
        return clauses.isEmpty() ? "" : " where " + String.join(" and ", clauses);
    }
}
