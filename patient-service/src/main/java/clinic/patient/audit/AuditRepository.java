package clinic.patient.audit;

import clinic.kit.contract.AuditEntry;
import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.List;
import java.util.TimeZone;
import javax.sql.DataSource;

@ApplicationScoped
public class AuditRepository implements PanacheRepository<AuditEvent> {

    static final String SERVICE = "patient-service";

    private static final String INSERT_ROWS = "INSERT INTO audit_event (occurred_at, actor, actor_role, action,"
            + " patient_id, request_id, trace_id, outcome, reason) VALUES ";

    private static final TimeZone UTC = TimeZone.getTimeZone("UTC");

    private final DataSource dataSource;

    public AuditRepository(DataSource dataSource) {
        this.dataSource = dataSource;
    }

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
     * Writes the events with one plain prepared INSERT (one row each) on a connection of its own in autocommit, so
     * they are committed when this returns, whatever transaction the caller is or is not in. The instant is bound as
     * Hibernate binds an {@link Instant} (UTC wall time in the DATETIME(6) column). Throws if any row is not written.
     */
    void insertNow(List<AuditEvent> rows) {
        StringBuilder sql = new StringBuilder(INSERT_ROWS);
        for (int i = 0; i < rows.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append("(?, ?, ?, ?, ?, ?, ?, ?, ?)");
        }
        try (Connection c = dataSource.getConnection();
                PreparedStatement insert = c.prepareStatement(sql.toString())) {
            Calendar utc = Calendar.getInstance(UTC);
            int p = 0;
            for (AuditEvent e : rows) {
                insert.setTimestamp(++p, Timestamp.from(e.occurredAt), utc);
                insert.setString(++p, e.actor);
                insert.setString(++p, e.actorRole);
                insert.setString(++p, e.action.name());
                if (e.patientId == null) {
                    insert.setNull(++p, Types.BIGINT);
                } else {
                    insert.setLong(++p, e.patientId);
                }
                insert.setString(++p, e.requestId);
                insert.setString(++p, e.traceId);
                insert.setString(++p, e.outcome.name());
                insert.setString(++p, e.reason);
            }
            if (insert.executeUpdate() != rows.size()) {
                throw new IllegalStateException("The audit rows were not all written");
            }
        } catch (SQLException ex) {
            throw new IllegalStateException("The audit rows could not be written", ex);
        }
    }
}
