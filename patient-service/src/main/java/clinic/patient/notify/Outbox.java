package clinic.patient.notify;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

/**
 * Writes rows into the outbox under their unique key: a row planned twice (two replicas, a job run again, a notice
 * read twice) is stored once, the second insert ignored by the database ({@code INSERT IGNORE} on the unique {@code
 * dedupe_key}), with no error that would spoil the caller's transaction.
 */
@ApplicationScoped
public class Outbox {

    /** Why a row was cancelled: the patient's program was discharged. */
    public static final String DISCHARGED = "DISCHARGED";

    private final EntityManager em;

    public Outbox(EntityManager em) {
        this.em = em;
    }

    /** One row to write: its key, kind, who it is for (a patient or a staff login) and the day it belongs to. */
    public record Row(
            String key,
            NotificationKind kind,
            Long patientId,
            String recipient,
            LocalDate localDay,
            String ref,
            String status,
            String reason) {

        public static Row pending(
                String key, NotificationKind kind, Long patientId, String recipient, LocalDate day, String ref) {
            return new Row(key, kind, patientId, recipient, day, ref, Notification.PENDING, null);
        }

        public Row skipped(String why) {
            return new Row(key, kind, patientId, recipient, localDay, ref, Notification.SKIPPED, why);
        }
    }

    /** Stores the row unless one with its key exists; true when stored now. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean add(Row row, Instant now) {
        Instant at = now.truncatedTo(ChronoUnit.MILLIS);
        int inserted = em.createNativeQuery("INSERT IGNORE INTO notification (dedupe_key, kind, patient_id,"
                        + " recipient, local_day, ref, status, reason, attempts, next_attempt_at, created_at,"
                        + " version) VALUES (:key, :kind, :patient, :recipient, :day, :ref, :status, :reason, 0,"
                        + " :at, :at, 0)")
                .unwrap(org.hibernate.query.NativeQuery.class)
                .setParameter("key", row.key(), String.class)
                .setParameter("kind", row.kind().name(), String.class)
                .setParameter("patient", row.patientId(), Long.class)
                .setParameter("recipient", row.recipient(), String.class)
                .setParameter("day", row.localDay(), LocalDate.class)
                .setParameter("ref", row.ref(), String.class)
                .setParameter("status", row.status(), String.class)
                .setParameter("reason", row.reason(), String.class)
                .setParameter("at", at, Instant.class)
                .executeUpdate();
        return inserted == 1;
    }

    /** Cancels every notification still waiting to go to this patient (their own, not staff ones about them). */
    @Transactional(Transactional.TxType.MANDATORY)
    public int cancelPatientPending(long patientId, String reason) {
        return em.createQuery("update Notification n set n.status = :cancelled, n.reason = :reason,"
                        + " n.version = n.version + 1 where n.patientId = :patient and n.recipient is null"
                        + " and n.status = :pending")
                .setParameter("cancelled", Notification.CANCELLED)
                .setParameter("reason", reason)
                .setParameter("patient", patientId)
                .setParameter("pending", Notification.PENDING)
                .executeUpdate();
    }

    /** A zone id as stored in a preference, or the clinic's when none or not a valid one. */
    public static ZoneId zone(String stored, ZoneId clinic) {
        if (stored == null || stored.isBlank()) {
            return clinic;
        }
        try {
            return ZoneId.of(stored);
        } catch (java.time.DateTimeException e) {
            return clinic;
        }
    }
}
