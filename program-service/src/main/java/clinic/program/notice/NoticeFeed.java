package clinic.program.notice;

import clinic.program.alert.AlertRaised;
import clinic.program.prescription.Program;
import clinic.program.prescription.ProgramDischarged;
import clinic.program.prescription.ProgramHeld;
import clinic.program.prescription.ProgramResumed;
import clinic.program.prescription.ProgramRevised;
import clinic.rules.AlertRules;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

/**
 * The transactional notice feed (migration V18, {@code notice_event}): each event that patient-service may have to
 * tell someone about by e-mail is one row, inserted by the observers below in the transaction of the change itself
 * (they observe the change's event synchronously), so a committed change always has its notice and a rolled-back one
 * never has. patient-service reads the rows by cursor ({@link #after}); nothing is pushed, so nothing is lost while
 * it is down. A row names the patient, program and care physio by id and user name, and codes only: no message, no
 * pain score, no red-flag symptom.
 */
@ApplicationScoped
public class NoticeFeed {

    public static final String URGENT_ALERT = "URGENT_ALERT";
    public static final String PROGRAM_CHANGED = "PROGRAM_CHANGED";
    public static final String PROGRAM_PAUSED = "PROGRAM_PAUSED";
    public static final String PROGRAM_RESUMED = "PROGRAM_RESUMED";
    public static final String PROGRAM_DISCHARGED = "PROGRAM_DISCHARGED";

    private final EntityManager em;

    public NoticeFeed(EntityManager em) {
        this.em = em;
    }

    /** An URGENT alert (a red flag in a log or a screening): the care physio is told at once. Ref: the alert id. */
    void onAlertRaised(@Observes AlertRaised event) {
        var alert = event.alert();
        if (alert.severity == AlertRules.Severity.URGENT) {
            write(
                    URGENT_ALERT,
                    alert.patientId,
                    alert.programId,
                    alert.carePhysio,
                    String.valueOf(alert.id),
                    alert.type);
        }
    }

    /** A physio's change of a running program. Ref: {@code r<revision>}; detail: the kind of change. */
    void onRevised(@Observes ProgramRevised event) {
        Program p = event.program();
        write(PROGRAM_CHANGED, p, "r" + p.currentRevision, event.change());
    }

    /** A hold. Ref: {@code h<revision of the hold>}; detail: its source (SESSION_LOG or SCREENING). */
    void onHeld(@Observes ProgramHeld event) {
        Program p = event.program();
        write(PROGRAM_PAUSED, p, "h" + p.currentRevision, event.source());
    }

    /** A resume. Ref: the ref of the hold it ends, {@code h<revision of the hold>}. */
    void onResumed(@Observes ProgramResumed event) {
        write(PROGRAM_RESUMED, event.program(), "h" + event.holdRevision(), null);
    }

    /** A discharge. Ref: the program id; detail: the discharge reason code. */
    void onDischarged(@Observes ProgramDischarged event) {
        Program p = event.program();
        write(PROGRAM_DISCHARGED, p, String.valueOf(p.id), p.dischargeReason);
    }

    private void write(String kind, Program p, String ref, String detail) {
        write(kind, p.patientId, p.id, p.carePhysio, ref, detail);
    }

    /** Inserts one row in the caller's (the change's) transaction. */
    private void write(String kind, long patientId, long programId, String carePhysio, String ref, String detail) {
        em.createNativeQuery("insert into notice_event"
                        + " (kind, patient_id, program_id, care_physio, ref, detail, occurred_at)"
                        + " values (?, ?, ?, ?, ?, ?, ?)")
                .setParameter(1, kind)
                .setParameter(2, patientId)
                .setParameter(3, programId)
                .setParameter(4, carePhysio)
                .setParameter(5, ref)
                .setParameter(6, detail)
                .setParameter(7, Timestamp.from(Instant.now()))
                .executeUpdate();
    }

    /** The events after the cursor {@code after}, oldest first, at most {@code limit}: one primary-key range read. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<NoticeViews.Notice> after(long after, int limit) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select id, kind, patient_id, program_id, care_physio, ref, detail,"
                        + " occurred_at from notice_event where id > ? order by id limit ?")
                .setParameter(1, after)
                .setParameter(2, limit)
                .getResultList();
        return rows.stream()
                .map(r -> new NoticeViews.Notice(
                        ((Number) r[0]).longValue(),
                        (String) r[1],
                        ((Number) r[2]).longValue(),
                        ((Number) r[3]).longValue(),
                        (String) r[4],
                        (String) r[5],
                        (String) r[6],
                        instant(r[7])))
                .toList();
    }

    private static Instant instant(Object value) {
        if (value instanceof Timestamp t) {
            return t.toInstant();
        }
        if (value instanceof java.time.LocalDateTime l) {
            return Timestamp.valueOf(l).toInstant();
        }
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof java.time.OffsetDateTime o) {
            return o.toInstant();
        }
        throw new IllegalStateException("unexpected time value " + value.getClass());
    }
}
