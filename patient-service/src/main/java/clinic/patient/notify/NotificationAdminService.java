package clinic.patient.notify;

import clinic.kit.problem.DomainException;
import clinic.kit.web.PageRequest;
import clinic.patient.audit.AuditAction;
import clinic.patient.audit.AuditTrail;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The outbox as admins see it: what was sent, skipped, failed or is uncertain, newest first, with the patient's clinic
 * number (never a name or address), and the counts of the last 7 days. Listing rows is a staff read of the patients
 * they are about: audited per patient ({@code NOTIFICATIONS_LISTED}); the counts disclose no patient.
 */
@ApplicationScoped
public class NotificationAdminService {

    static final List<String> STATUSES = List.of(
            Notification.PENDING,
            Notification.SENDING,
            Notification.SENT,
            Notification.FAILED,
            Notification.UNCERTAIN,
            Notification.CANCELLED,
            Notification.SKIPPED);
    static final Duration SUMMARY_PERIOD = Duration.ofDays(7);

    /** One outbox row. {@code recipient} is a staff login (staff kinds); a patient's kinds name only the patient. */
    public record Row(
            long id,
            String kind,
            Long patientId,
            String clinicNumber,
            String recipient,
            LocalDate localDay,
            String status,
            String reason,
            int attempts,
            String lastError,
            Instant createdAt,
            Instant sentAt) {}

    public record Page(List<Row> items, int page, int size, long total) {}

    public record Summary(Instant since, int days, Map<String, Long> counts, long total) {}

    private final EntityManager em;
    private final AuditTrail audit;

    public NotificationAdminService(EntityManager em, AuditTrail audit) {
        this.em = em;
        this.audit = audit;
    }

    /**
     * A page of rows, newest first.
     *
     * @param statuses comma-separated statuses (any when blank)
     * @param kinds comma-separated kinds (any when blank)
     * @throws DomainException.Invalid 400 for an unknown status or kind
     */
    public Page list(String statuses, String kinds, PageRequest page) {
        List<String> wantedStatuses = parse("status", statuses, STATUSES);
        List<NotificationKind> wantedKinds =
                parse(
                                "kind",
                                kinds,
                                Arrays.stream(NotificationKind.values())
                                        .map(Enum::name)
                                        .toList())
                        .stream()
                        .map(NotificationKind::valueOf)
                        .toList();
        Page result = QuarkusTransaction.joiningExisting().call(() -> query(wantedStatuses, wantedKinds, page));
        audit.recordEachRead(
                AuditAction.NOTIFICATIONS_LISTED,
                result.items().stream()
                        .map(Row::patientId)
                        .filter(Objects::nonNull)
                        .distinct()
                        .toList());
        return result;
    }

    /** Rows created in the last 7 days, counted by status (every status, 0 included). */
    public Summary summary() {
        Instant since = Instant.now().minus(SUMMARY_PERIOD).truncatedTo(ChronoUnit.MILLIS);
        List<Object[]> rows = QuarkusTransaction.joiningExisting().call(() -> em.createQuery(
                        "select n.status, count(n) from Notification n where n.createdAt >= :since group by n.status",
                        Object[].class)
                .setParameter("since", since)
                .getResultList());
        Map<String, Long> counts = new LinkedHashMap<>();
        STATUSES.forEach(s -> counts.put(s, 0L));
        long total = 0;
        for (Object[] row : rows) {
            long n = ((Number) row[1]).longValue();
            counts.merge((String) row[0], n, Long::sum);
            total += n;
        }
        return new Summary(since, (int) SUMMARY_PERIOD.toDays(), counts, total);
    }

    private Page query(List<String> statuses, List<NotificationKind> kinds, PageRequest page) {
        StringBuilder where = new StringBuilder(" where 1 = 1");
        if (!statuses.isEmpty()) {
            where.append(" and n.status in :statuses");
        }
        if (!kinds.isEmpty()) {
            where.append(" and n.kind in :kinds");
        }
        TypedQuery<Notification> select = em.createQuery(
                "select n from Notification n" + where + " order by n.createdAt desc, n.id desc", Notification.class);
        TypedQuery<Long> count = em.createQuery("select count(n) from Notification n" + where, Long.class);
        if (!statuses.isEmpty()) {
            select.setParameter("statuses", statuses);
            count.setParameter("statuses", statuses);
        }
        if (!kinds.isEmpty()) {
            select.setParameter("kinds", kinds);
            count.setParameter("kinds", kinds);
        }
        List<Notification> found = select.setFirstResult(page.page() * page.size())
                .setMaxResults(page.size())
                .getResultList();
        List<Long> patientIds = found.stream()
                .map(n -> n.patientId)
                .filter(Objects::nonNull)
                .distinct()
                .toList();
        Map<Long, String> numbers = new HashMap<>();
        if (!patientIds.isEmpty()) {
            em.createQuery("select p.id, p.clinicNumber from Patient p where p.id in :ids", Object[].class)
                    .setParameter("ids", patientIds)
                    .getResultList()
                    .forEach(r -> numbers.put((Long) r[0], (String) r[1]));
        }
        List<Row> items = new ArrayList<>();
        for (Notification n : found) {
            items.add(new Row(
                    n.id,
                    n.kind.name(),
                    n.patientId,
                    n.patientId == null ? null : numbers.get(n.patientId),
                    n.recipient,
                    n.localDay,
                    n.status,
                    n.reason,
                    n.attempts,
                    n.lastError,
                    n.createdAt,
                    n.sentAt));
        }
        return new Page(items, page.page(), page.size(), count.getSingleResult());
    }

    private static List<String> parse(String field, String value, List<String> allowed) {
        if (value == null || value.isBlank()) {
            return List.of();
        }
        List<String> wanted = new ArrayList<>();
        for (String part : value.split(",")) {
            String v = part.strip().toUpperCase(Locale.ROOT);
            if (v.isEmpty()) {
                continue;
            }
            if (!allowed.contains(v)) {
                throw new DomainException.Invalid(field, "must be one or more of " + String.join(", ", allowed));
            }
            wanted.add(v);
        }
        return wanted;
    }
}
