package clinic.patient.audit;

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

    /** Events newest first; every filter is optional; {@code to} is exclusive. */
    public AuditPage search(Long patientId, Instant from, Instant to, int page, int size) {
        List<String> where = new ArrayList<>();
        Parameters params = new Parameters();
        if (patientId != null) {
            where.add("patientId = :patientId");
            params.and("patientId", patientId);
        }
        if (from != null) {
            where.add("occurredAt >= :from");
            params.and("from", from);
        }
        if (to != null) {
            where.add("occurredAt < :to");
            params.and("to", to);
        }
        var query = find(
                where.isEmpty() ? "1 = 1" : String.join(" and ", where), Sort.descending("occurredAt", "id"), params);
        long total = query.count();
        List<AuditView> items = query.page(Page.of(page, size)).list().stream()
                .map(AuditView::of)
                .toList();
        return new AuditPage(items, page, size, total);
    }
}
