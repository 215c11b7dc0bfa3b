package clinic.patient.audit;

import clinic.kit.web.RequestId;
import clinic.kit.web.TraceId;
import io.quarkus.arc.Arc;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * Who read or changed which patient record, when, and whether it was allowed. {@link #record} joins the caller's
 * transaction ({@code MANDATORY}): an audited change and its audit row commit or roll back together. A refusal is
 * written in a transaction of its own ({@link #refused}), because the refused request rolls back its own. A read that
 * changes nothing may instead write its row at once, in autocommit ({@link #recordRead}).
 */
@ApplicationScoped
public class AuditTrail {

    static final String SYSTEM = "system";
    static final String ANONYMOUS = "anonymous";
    static final int MAX_REASON = 500;
    private static final List<String> ROLES = List.of("physio", "admin", "patient");

    private final AuditRepository events;
    private final SecurityIdentity identity;
    private final RequestId requestId;

    public AuditTrail(AuditRepository events, SecurityIdentity identity, RequestId requestId) {
        this.events = events;
        this.identity = identity;
        this.requestId = requestId;
    }

    /** Records an allowed action by the current caller (or by {@code system} when there is no caller). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(AuditAction action, Long patientId) {
        record(action, patientId, null);
    }

    /** Records an allowed action with its reason (break the glass, a care-team change). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(AuditAction action, Long patientId, String reason) {
        events.persist(event(action, patientId, AuditOutcome.ALLOWED, reason, now()));
    }

    /**
     * Records an allowed change made without a login, in the name of what allowed it (an e-mail's signed unsubscribe
     * link: actor {@code unsubscribe-link}, role {@code anonymous}); joins the caller's transaction like {@link
     * #record}.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordWithoutLogin(String actor, AuditAction action, Long patientId, String reason) {
        AuditEvent e = event(action, patientId, AuditOutcome.ALLOWED, reason, now());
        e.actor = actor;
        e.actorRole = ANONYMOUS;
        events.persist(e);
    }

    /**
     * Records an allowed read by the current caller, outside any transaction: one prepared INSERT in autocommit,
     * durable when it returns (no transaction begin, commit or autocommit switches). Called before the answer is
     * built; if the row cannot be written this throws, and the read fails instead of going unaudited.
     */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public void recordRead(AuditAction action, Long patientId) {
        events.insertNow(List.of(event(action, patientId, AuditOutcome.ALLOWED, null, now())));
    }

    /**
     * Records one row per patient disclosed by a list read outside any transaction: one multi-row INSERT in autocommit, committed when
     * this returns; called before the answer is built, and if the rows cannot be written this throws and the list
     * fails instead of going unaudited. Nothing is written for an empty list.
     */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public void recordEachRead(AuditAction action, Collection<Long> patientIds) {
        if (patientIds.isEmpty()) {
            return;
        }
        Instant at = now();
        events.insertNow(patientIds.stream()
                .map(id -> event(action, id, AuditOutcome.ALLOWED, null, at))
                .toList());
    }

    /**
     * Records a refused access (403 not in care team, 404 on a patient's data) in its own transaction, so the row
     * stays although the refused request rolls back.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void refused(AuditAction action, Long patientId, String reason) {
        events.persist(event(action, patientId, AuditOutcome.REFUSED, reason, now()));
    }

    /** Events newest first for the admin's audit view. */
    @Transactional
    public AuditPage search(AuditRepository.Filter filter, int page, int size) {
        return events.search(filter, page, size);
    }

    /**
     * What staff did with the record linked to this patient login, newest first; empty when no record is linked.
     */
    @Transactional
    public List<AuditMine> staffAccessesToOwnRecord(String accountUsername, int max) {
        return events.staffAccessesToAccount(accountUsername, max);
    }

    private AuditEvent event(AuditAction action, Long patientId, AuditOutcome outcome, String reason, Instant at) {
        AuditEvent e = new AuditEvent();
        e.occurredAt = at;
        boolean caller = !identity.isAnonymous();
        e.actor = caller ? identity.getPrincipal().getName() : SYSTEM;
        e.actorRole =
                caller ? ROLES.stream().filter(identity::hasRole).findFirst().orElse("other") : SYSTEM;
        e.action = action;
        e.patientId = patientId;
        e.requestId = currentRequestId();
        e.traceId = TraceId.current();
        e.outcome = outcome;
        e.reason = reason == null || reason.length() <= MAX_REASON ? reason : reason.substring(0, MAX_REASON);
        return e;
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    private String currentRequestId() {
        // Scheduled jobs run without an HTTP request; they still get an id so their events can be grouped.
        if (Arc.container().requestContext().isActive()) {
            return requestId.value();
        }
        return "job-" + UUID.randomUUID();
    }
}
