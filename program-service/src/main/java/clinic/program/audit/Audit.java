package clinic.program.audit;

import clinic.kit.web.RequestId;
import clinic.kit.web.TraceId;
import io.quarkus.arc.Arc;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/**
 * Records staff reads, every change and every refusal. A record joins the caller's transaction so the record and the
 * work commit together; a refusal is written in a transaction of its own, because the work it refused rolls back.
 * Times are UTC.
 */
@ApplicationScoped
public class Audit {

    /** The reason on the rows of a request in which a physio reached the patient by breaking the glass. */
    public static final String BREAK_GLASS_REASON = "break-the-glass access";

    /** Patients per multi-row INSERT: 9 parameters a row stays far below MySQL's 65,535 placeholders. */
    static final int ROWS_PER_INSERT = 500;

    /** One patient disclosed by a list, with the program it was about when there is exactly one. */
    public record Shown(long patientId, Long programId) {}

    private final AuditRepository events;
    private final SecurityIdentity identity;
    private final RequestId request;
    private final AccessNotes notes;
    private final EntityManager em;

    public Audit(
            AuditRepository events, SecurityIdentity identity, RequestId request, AccessNotes notes, EntityManager em) {
        this.events = events;
        this.identity = identity;
        this.request = request;
        this.notes = notes;
        this.em = em;
    }

    /** Writes one ALLOWED audit row for the current caller. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(String action, Long patientId, Long programId) {
        events.persist(event(action, patientId, programId, AuditEvent.ALLOWED, accessReason(patientId)));
    }

    /**
     * Writes one ALLOWED row about no patient, naming what changed in {@code subject} (a protocol and its version):
     * changes of clinical content that is not a patient's.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordContent(String action, String subject) {
        events.persist(event(action, null, null, AuditEvent.ALLOWED, subject));
    }

    /**
     * Writes one REFUSED row (403 not in care team, 404 on a patient's data) in its own transaction, so it stays
     * when the refused work rolls back.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void refused(String action, Long patientId, Long programId, String reason) {
        events.persist(event(action, patientId, programId, AuditEvent.REFUSED, reason));
    }

    /**
     * One ALLOWED row per patient a list disclosed (a patient shown twice is one row, with the program only when both
     * were about the same one), in one multi-row INSERT per {@link #ROWS_PER_INSERT} patients (IDENTITY keys keep
     * Hibernate from batching inserts).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordEach(String action, List<Shown> shown) {
        java.util.Map<Long, Shown> byPatient = new java.util.LinkedHashMap<>();
        for (Shown s : shown) {
            byPatient.merge(
                    s.patientId(),
                    s,
                    (a, b) -> java.util.Objects.equals(a.programId(), b.programId())
                            ? a
                            : new Shown(a.patientId(), null));
        }
        List<Shown> rows = List.copyOf(byPatient.values());
        for (int from = 0; from < rows.size(); from += ROWS_PER_INSERT) {
            insert(action, rows.subList(from, Math.min(rows.size(), from + ROWS_PER_INSERT)));
        }
    }

    private void insert(String action, List<Shown> shown) {
        LocalDateTime at = now();
        String actor = actor();
        String role = role();
        String requestId = requestId();
        String traceId = TraceId.current();
        StringBuilder sql = new StringBuilder("insert into audit_event"
                + " (at, actor, role, action, patient_id, program_id, outcome, reason, request_id, trace_id) values ");
        for (int i = 0; i < shown.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append("(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        }
        Query insert = em.createNativeQuery(sql.toString());
        int p = 1;
        for (Shown s : shown) {
            insert.setParameter(p++, at);
            insert.setParameter(p++, actor);
            insert.setParameter(p++, role);
            insert.setParameter(p++, action);
            insert.setParameter(p++, s.patientId());
            insert.setParameter(p++, s.programId());
            insert.setParameter(p++, AuditEvent.ALLOWED);
            insert.setParameter(p++, accessReason(s.patientId()));
            insert.setParameter(p++, requestId);
            insert.setParameter(p++, traceId);
        }
        insert.executeUpdate();
    }

    /**
     * A list read: one row per patient shown, or, when it showed none, one row without a patient so the read itself
     * is on record.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordList(String action, List<Shown> shown) {
        if (shown.isEmpty()) {
            record(action, null, null);
        } else {
            recordEach(action, shown);
        }
    }

    /** Whether the current caller is staff (physio or admin), whose reads are audited. */
    public boolean callerIsStaff() {
        return identity.hasRole("physio") || identity.hasRole("admin");
    }

    private AuditEvent event(String action, Long patientId, Long programId, String outcome, String reason) {
        AuditEvent event = new AuditEvent();
        event.at = now();
        event.actor = actor();
        event.role = role();
        event.action = action;
        event.patientId = patientId;
        event.programId = programId;
        event.outcome = outcome;
        event.reason = reason == null || reason.length() <= 500 ? reason : reason.substring(0, 500);
        event.requestId = requestId();
        event.traceId = TraceId.current();
        return event;
    }

    private static LocalDateTime now() {
        return LocalDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }

    private String actor() {
        return identity.isAnonymous() ? "system" : identity.getPrincipal().getName();
    }

    /** "break-the-glass access" when patient-service said so for this patient in this request. */
    private String accessReason(Long patientId) {
        if (patientId == null || !Arc.container().requestContext().isActive()) {
            return null;
        }
        return "BREAK_GLASS".equals(notes.kind(patientId)) ? BREAK_GLASS_REASON : null;
    }

    private String role() {
        for (String role : new String[] {"physio", "admin", "patient", "clinical-service"}) {
            if (identity.hasRole(role)) {
                return role;
            }
        }
        return "system";
    }

    /** The request's id ({@code X-Request-Id} or generated, see {@link RequestId}); a fresh one outside a request. */
    private String requestId() {
        if (Arc.container().requestContext().isActive()) {
            return request.value();
        }
        // Outside an HTTP request (scheduler): a fresh id is still useful for correlation.
        return UUID.randomUUID().toString();
    }
}
