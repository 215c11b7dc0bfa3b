package clinic.patient.notify;

import clinic.kit.jobs.JobClaims;
import clinic.patient.outbound.ProgramNoticesClient;
import clinic.patient.outbound.ProgramNoticesClient.Notice;
import clinic.patient.registry.Patient;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.ScheduledExecution;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

/**
 * Reads program-service's notice feed after this service's cursor ({@code notice_cursor} row {@value #FEED}) and
 * turns each notice into outbox rows: an URGENT alert into a row for the patient's care physio, a program change,
 * pause or resume into a row for the patient, a discharge into the cancellation of the patient's pending rows. The
 * rows and the cursor's move are one transaction, so a notice is never lost nor planned twice (and the rows' unique
 * keys make a page read twice harmless anyway). Right after a page with new rows the sender runs, so an URGENT alert
 * is mailed within seconds.
 */
@ApplicationScoped
public class NoticePoller {

    private static final Logger LOG = Logger.getLogger(NoticePoller.class);

    static final String JOB = "notice-poller";
    static final String FEED = "program-notices";
    static final int PAGE = 200;
    /** Pages per run at most, so one run after a long outage stays bounded. */
    static final int MAX_PAGES = 10;

    private final EntityManager em;
    private final ProgramNoticesClient program;
    private final Outbox outbox;
    private final Sender sender;
    private final JobClaims jobs;
    private final ZoneId clinicZone;
    private final String every;

    public NoticePoller(
            EntityManager em,
            @RestClient ProgramNoticesClient program,
            Outbox outbox,
            Sender sender,
            JobClaims jobs,
            @ConfigProperty(name = "clinic.notify.zone") String zone,
            @ConfigProperty(name = "clinic.notify.poll-every") String every) {
        this.em = em;
        this.program = program;
        this.outbox = outbox;
        this.sender = sender;
        this.jobs = jobs;
        this.clinicZone = ZoneId.of(zone);
        this.every = every;
    }

    @Scheduled(
            identity = JOB,
            every = "${clinic.notify.poll-every}",
            delayed = "${clinic.notify.poll-delay}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick(ScheduledExecution execution) {
        if (!jobs.claim(JOB, execution.getScheduledFireTime(), JobClaims.period(every))) {
            return;
        }
        try {
            pollAndSend();
        } catch (RuntimeException e) {
            // program-service or the database down: the cursor has not moved, the next tick reads the same notices.
            LOG.warnf("Notices not read this time (%s)", e.getClass().getSimpleName());
        }
    }

    /** One tick: the new notices, then, when they made rows, the sender at once (an URGENT alert waits no tick). */
    public int pollAndSend() {
        int written = poll();
        if (written > 0) {
            sender.sendDue(Instant.now());
        }
        return written;
    }

    /** Reads and plans every notice after the cursor (a bounded number of pages); answers the rows written. */
    public int poll() {
        int written = 0;
        for (int page = 0; page < MAX_PAGES; page++) {
            long cursor = QuarkusTransaction.requiringNew().call(this::cursor);
            ProgramNoticesClient.NoticePage read = program.notices(cursor, PAGE);
            List<Notice> notices = read.notices() == null ? List.of() : read.notices();
            if (notices.isEmpty()) {
                break;
            }
            Integer rows = QuarkusTransaction.requiringNew().call(() -> plan(cursor, notices));
            if (rows == null) {
                break; // another replica moved the cursor meanwhile: it has this page
            }
            written += rows;
            if (notices.size() < PAGE) {
                break;
            }
        }
        return written;
    }

    private long cursor() {
        em.createNativeQuery("INSERT IGNORE INTO notice_cursor (feed, last_id, updated_at) VALUES (?1, 0, ?2)")
                .setParameter(1, FEED)
                .setParameter(2, Instant.now().truncatedTo(ChronoUnit.MILLIS))
                .executeUpdate();
        return ((Number) em.createNativeQuery("SELECT last_id FROM notice_cursor WHERE feed = ?1")
                        .setParameter(1, FEED)
                        .getSingleResult())
                .longValue();
    }

    /** One page in one transaction: the rows, then the cursor; null when the cursor is no longer where it was. */
    private Integer plan(long from, List<Notice> notices) {
        long current = ((Number) em.createNativeQuery("SELECT last_id FROM notice_cursor WHERE feed = ?1 FOR UPDATE")
                        .setParameter(1, FEED)
                        .getSingleResult())
                .longValue();
        if (current != from) {
            return null;
        }
        Instant now = Instant.now();
        int rows = 0;
        long last = from;
        for (Notice n : notices) {
            last = Math.max(last, n.id());
            rows += planOne(n, now);
        }
        em.createNativeQuery("UPDATE notice_cursor SET last_id = ?1, updated_at = ?2 WHERE feed = ?3")
                .setParameter(1, last)
                .setParameter(2, now.truncatedTo(ChronoUnit.MILLIS))
                .setParameter(3, FEED)
                .executeUpdate();
        return rows;
    }

    private int planOne(Notice n, Instant now) {
        if (n.patientId() == null || n.kind() == null) {
            return 0;
        }
        long patientId = n.patientId();
        String ref = n.ref() == null ? String.valueOf(n.id()) : n.ref();
        switch (n.kind()) {
            case "URGENT_ALERT" -> {
                Patient patient = em.find(Patient.class, patientId);
                String physio = patient != null ? patient.carePhysio : n.carePhysio();
                if (physio == null) {
                    return 0;
                }
                String alert = "A" + ref;
                return add(
                        Outbox.Row.pending(
                                NotificationKeys.staffRef(NotificationKind.URGENT_ALERT, physio, alert),
                                NotificationKind.URGENT_ALERT,
                                patientId,
                                physio,
                                LocalDate.ofInstant(now, clinicZone),
                                alert),
                        now);
            }
            case "PROGRAM_CHANGED" -> {
                return patientRow(
                        NotificationKind.PROGRAM_CHANGED, patientId, ref.startsWith("r") ? ref : "r" + ref, now);
            }
            case "PROGRAM_PAUSED" -> {
                return patientRow(
                        NotificationKind.PROGRAM_PAUSED, patientId, ref.startsWith("h") ? ref : "h" + ref, now);
            }
            case "PROGRAM_RESUMED" -> {
                return patientRow(NotificationKind.PROGRAM_PAUSED, patientId, Sender.RESUMED + ref, now);
            }
            case "PROGRAM_DISCHARGED" -> {
                outbox.cancelPatientPending(patientId, Outbox.DISCHARGED);
                return 0;
            }
            default -> {
                return 0; // a kind this version does not know: skipped, the cursor moves on
            }
        }
    }

    private int patientRow(NotificationKind kind, long patientId, String ref, Instant now) {
        NotificationPreference pref = em.find(NotificationPreference.class, patientId);
        ZoneId zone = Outbox.zone(pref == null ? null : pref.timeZone, clinicZone);
        return add(
                Outbox.Row.pending(
                        NotificationKeys.patientRef(kind, patientId, ref),
                        kind,
                        patientId,
                        null,
                        LocalDate.ofInstant(now, zone),
                        ref),
                now);
    }

    private int add(Outbox.Row row, Instant now) {
        return outbox.add(row, now) ? 1 : 0;
    }
}
