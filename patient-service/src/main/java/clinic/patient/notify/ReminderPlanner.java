package clinic.patient.notify;

import clinic.kit.jobs.JobClaims;
import clinic.patient.outbound.KeycloakAdminClient;
import clinic.patient.outbound.ProgramNoticesClient;
import clinic.patient.outbound.ProgramNoticesClient.ProgramStatus;
import clinic.patient.registry.AccountState;
import clinic.patient.registry.PatientStatus;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.ScheduledExecution;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

/**
 * Plans the notifications nobody's action triggers, as outbox rows under their unique keys (so a run repeated, or run
 * by two replicas, plans each once):
 *
 * <ul>
 *   <li>each active patient with a login, once per local day from their reminder time in their time zone: the
 *       exercise reminder when today's session is not logged, a nudge instead after {@code
 *       clinic.notify.inactivity-days} days without a log (once per gap), and one e-mail per questionnaire due. A
 *       patient is asked about at most once a day: a reminder not to send is stored SKIPPED with why;
 *   <li>each physio with open non-URGENT alerts, a daily digest at {@code clinic.notify.digest-time} (clinic zone);
 *   <li>each admin (realm role {@code admin}), the weekly summary on Mondays at the same time.
 * </ul>
 */
@ApplicationScoped
public class ReminderPlanner {

    private static final Logger LOG = Logger.getLogger(ReminderPlanner.class);

    static final String JOB = "reminder-planner";
    static final int STATUS_BATCH = 500;
    /** {@code notice_cursor} rows that remember the last day the staff e-mails were planned (epoch day). */
    static final String DIGEST_MARK = "digest-planned";

    static final String WEEKLY_MARK = "weekly-planned";

    static final String LOGGED_TODAY = "LOGGED_TODAY";
    static final String NO_PROGRAM = "NO_PROGRAM";
    static final String ON_HOLD = "ON_HOLD";
    static final String NUDGE_SENT = "NUDGE_SENT";

    private final EntityManager em;
    private final ProgramNoticesClient program;
    private final KeycloakAdminClient keycloak;
    private final Outbox outbox;
    private final JobClaims jobs;
    private final ZoneId clinicZone;
    private final int inactivityDays;
    private final LocalTime digestTime;
    private final String every;

    public ReminderPlanner(
            EntityManager em,
            @RestClient ProgramNoticesClient program,
            @RestClient KeycloakAdminClient keycloak,
            Outbox outbox,
            JobClaims jobs,
            @ConfigProperty(name = "clinic.notify.zone") String zone,
            @ConfigProperty(name = "clinic.notify.inactivity-days") int inactivityDays,
            @ConfigProperty(name = "clinic.notify.digest-time") String digestTime,
            @ConfigProperty(name = "clinic.notify.plan-every") String every) {
        this.em = em;
        this.program = program;
        this.keycloak = keycloak;
        this.outbox = outbox;
        this.jobs = jobs;
        this.clinicZone = ZoneId.of(zone);
        this.inactivityDays = inactivityDays;
        this.digestTime = LocalTime.parse(digestTime);
        this.every = every;
    }

    @Scheduled(
            identity = JOB,
            every = "${clinic.notify.plan-every}",
            delayed = "${clinic.notify.plan-delay}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick(ScheduledExecution execution) {
        if (!jobs.claim(JOB, execution.getScheduledFireTime(), JobClaims.period(every))) {
            return;
        }
        Instant now = Instant.now();
        try {
            planPatients(now);
        } catch (RuntimeException e) {
            LOG.warnf(
                    "Patient reminders not planned this time (%s)", e.getClass().getSimpleName());
        }
        try {
            planStaff(now);
        } catch (RuntimeException e) {
            LOG.warnf("Staff summaries not planned this time (%s)", e.getClass().getSimpleName());
        }
    }

    /** A patient to ask about: their id, their local day and whether they want reminders at all. */
    record Candidate(long patientId, LocalDate day, NotificationPreference pref) {}

    /** Plans the patients' e-mails due by {@code now}; answers how many patients were asked about. */
    public int planPatients(Instant now) {
        List<Candidate> candidates = QuarkusTransaction.requiringNew().call(() -> candidates(now));
        for (int from = 0; from < candidates.size(); from += STATUS_BATCH) {
            List<Candidate> batch = candidates.subList(from, Math.min(candidates.size(), from + STATUS_BATCH));
            ProgramNoticesClient.StatusAnswer answer =
                    program.status(new ProgramNoticesClient.StatusQuery(batch.stream()
                            .map(c -> new ProgramNoticesClient.PatientDay(c.patientId(), c.day()))
                            .toList()));
            Map<Long, ProgramStatus> byPatient = new HashMap<>();
            if (answer.patients() != null) {
                answer.patients().forEach(s -> byPatient.put(s.patientId(), s));
            }
            QuarkusTransaction.requiringNew().run(() -> {
                for (Candidate c : batch) {
                    plan(c, byPatient.get(c.patientId()), now);
                }
            });
        }
        return candidates.size();
    }

    /** Active patients with a login whose reminder time has come today and who have no reminder row for today. */
    private List<Candidate> candidates(Instant now) {
        List<Long> ids = em.createQuery(
                        "select p.id from Patient p where p.status = :active and p.email is not null"
                                + " and p.account = :login order by p.id",
                        Long.class)
                .setParameter("active", PatientStatus.ACTIVE)
                .setParameter("login", AccountState.ACTIVE)
                .getResultList();
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<Long, NotificationPreference> prefs = new HashMap<>();
        em.createQuery("from NotificationPreference", NotificationPreference.class)
                .getResultStream()
                .forEach(p -> prefs.put(p.patientId, p));
        LocalDate earliest = LocalDate.ofInstant(now, ZoneId.of("UTC")).minusDays(1);
        Set<String> planned = new HashSet<>(em.createQuery(
                        "select n.dedupeKey from Notification n where n.kind = :kind and n.localDay >= :from",
                        String.class)
                .setParameter("kind", NotificationKind.EXERCISE_REMINDER)
                .setParameter("from", earliest)
                .getResultList());
        List<Candidate> out = new ArrayList<>();
        for (Long id : ids) {
            NotificationPreference pref = prefs.getOrDefault(id, NotificationPreference.defaults(id));
            ZonedDateTime local = now.atZone(Outbox.zone(pref.timeZone, clinicZone));
            if (local.toLocalTime().isBefore(pref.reminderTime)) {
                continue;
            }
            LocalDate day = local.toLocalDate();
            if (!planned.contains(NotificationKeys.patientDay(NotificationKind.EXERCISE_REMINDER, id, day))) {
                out.add(new Candidate(id, day, pref));
            }
        }
        return out;
    }

    private void plan(Candidate c, ProgramStatus status, Instant now) {
        long id = c.patientId();
        Outbox.Row reminder = Outbox.Row.pending(
                NotificationKeys.patientDay(NotificationKind.EXERCISE_REMINDER, id, c.day()),
                NotificationKind.EXERCISE_REMINDER,
                id,
                null,
                c.day(),
                null);
        if (status == null || "NONE".equals(status.status())) {
            outbox.add(reminder.skipped(NO_PROGRAM), now);
            return;
        }
        if (!"ACTIVE".equals(status.status())) {
            outbox.add(reminder.skipped(ON_HOLD), now);
            return;
        }
        boolean nudged = false;
        if (status.daysWithoutLog() >= inactivityDays) {
            LocalDate since = status.lastLogOn() != null ? status.lastLogOn() : status.startedOn();
            Outbox.Row nudge = Outbox.Row.pending(
                    NotificationKeys.patientRef(NotificationKind.INACTIVITY_NUDGE, id, "since-" + since),
                    NotificationKind.INACTIVITY_NUDGE,
                    id,
                    null,
                    c.day(),
                    "since-" + since);
            nudged = outbox.add(wanted(nudge, c.pref()), now);
        }
        if (status.measuresDue() != null) {
            // One e-mail per time point, however many questionnaires it has (a baseline asks for two or three):
            // the e-mail only says that something is waiting on the questionnaires page.
            Set<String> timepoints = new LinkedHashSet<>();
            for (ProgramNoticesClient.MeasureDue due : status.measuresDue()) {
                timepoints.add(due.timepoint());
            }
            for (String timepoint : timepoints) {
                String ref = "due-" + timepoint;
                outbox.add(
                        wanted(
                                Outbox.Row.pending(
                                        NotificationKeys.patientRef(NotificationKind.MEASURE_DUE, id, ref),
                                        NotificationKind.MEASURE_DUE,
                                        id,
                                        null,
                                        c.day(),
                                        ref),
                                c.pref()),
                        now);
            }
        }
        if (nudged) {
            outbox.add(reminder.skipped(NUDGE_SENT), now);
        } else if (status.loggedOnLocalDate()) {
            outbox.add(reminder.skipped(LOGGED_TODAY), now);
        } else {
            outbox.add(wanted(reminder, c.pref()), now);
        }
    }

    /** The row as PENDING when the patient wants its kind, else SKIPPED (so it is not asked about again). */
    private static Outbox.Row wanted(Outbox.Row row, NotificationPreference pref) {
        return pref.wants(row.kind()) ? row : row.skipped(Sender.OPTED_OUT);
    }

    /**
     * The physios' digests (daily) and the admins' summary (Mondays), once each day from {@code digest-time} in the
     * clinic's zone; answers how many rows were written.
     */
    public int planStaff(Instant now) {
        ZonedDateTime local = now.atZone(clinicZone);
        if (local.toLocalTime().isBefore(digestTime)) {
            return 0;
        }
        LocalDate today = local.toLocalDate();
        int rows = 0;
        if (mark(DIGEST_MARK) < today.toEpochDay()) {
            ProgramNoticesClient.OpenAlerts open = program.openAlerts();
            rows += QuarkusTransaction.requiringNew().call(() -> {
                if (!advance(DIGEST_MARK, today, now)) {
                    return 0;
                }
                int n = 0;
                for (ProgramNoticesClient.PhysioAlerts p :
                        open.physios() == null ? List.<ProgramNoticesClient.PhysioAlerts>of() : open.physios()) {
                    if (p.physio() != null && p.open() - p.urgent() > 0) {
                        n += outbox.add(
                                        Outbox.Row.pending(
                                                NotificationKeys.staffDay(
                                                        NotificationKind.ALERT_DIGEST, p.physio(), today),
                                                NotificationKind.ALERT_DIGEST,
                                                null,
                                                p.physio(),
                                                today,
                                                null),
                                        now)
                                ? 1
                                : 0;
                    }
                }
                return n;
            });
        }
        if (today.getDayOfWeek() == DayOfWeek.MONDAY && mark(WEEKLY_MARK) < today.toEpochDay()) {
            List<String> admins;
            try {
                admins = keycloak.usersInRole("admin", 0, 500).stream()
                        .filter(u -> u.username() != null && !Boolean.FALSE.equals(u.enabled()))
                        .map(KeycloakAdminClient.User::username)
                        .toList();
            } catch (jakarta.ws.rs.WebApplicationException e) {
                if (e.getResponse().getStatus() != 403) {
                    throw e; // Keycloak not answering well: the next run tries again
                }
                // A configuration fault, not an outage: the service account may not list a role's members (it
                // needs realm-management's view-realm). Said once for the week, not every minute of the day.
                LOG.warn("No weekly summary this week: Keycloak refused the list of admins (403; the"
                        + " patient-service service account needs the realm-management role view-realm)");
                admins = List.of();
            }
            List<String> to = admins;
            String ref = "week-" + today.minusDays(7);
            rows += QuarkusTransaction.requiringNew().call(() -> {
                if (!advance(WEEKLY_MARK, today, now)) {
                    return 0;
                }
                int n = 0;
                for (String admin : to) {
                    n += outbox.add(
                                    Outbox.Row.pending(
                                            NotificationKeys.staffDay(NotificationKind.WEEKLY_SUMMARY, admin, today),
                                            NotificationKind.WEEKLY_SUMMARY,
                                            null,
                                            admin,
                                            today,
                                            ref),
                                    now)
                            ? 1
                            : 0;
                }
                return n;
            });
        }
        return rows;
    }

    /** The last day (epoch day) a staff kind was planned; -1 never. */
    private long mark(String name) {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<?> found = em.createNativeQuery("SELECT last_id FROM notice_cursor WHERE feed = ?1")
                    .setParameter(1, name)
                    .getResultList();
            return found.isEmpty() ? -1L : ((Number) found.get(0)).longValue();
        });
    }

    /** Moves a mark to {@code day} in the caller's transaction; false when it is there already (another replica). */
    private boolean advance(String name, LocalDate day, Instant now) {
        Instant at = now.truncatedTo(ChronoUnit.MILLIS);
        em.createNativeQuery("INSERT IGNORE INTO notice_cursor (feed, last_id, updated_at) VALUES (?1, -1, ?2)")
                .setParameter(1, name)
                .setParameter(2, at)
                .executeUpdate();
        return em.createNativeQuery("UPDATE notice_cursor SET last_id = ?1, updated_at = ?2 WHERE feed = ?3"
                                + " AND last_id < ?1")
                        .setParameter(1, day.toEpochDay())
                        .setParameter(2, at)
                        .setParameter(3, name)
                        .executeUpdate()
                == 1;
    }
}
