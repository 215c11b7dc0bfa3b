package clinic.kit.jobs;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLTransactionRollbackException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import javax.sql.DataSource;
import org.jboss.logging.Logger;

/**
 * Scheduled jobs run once per cluster, however many replicas fire them: before each tick a replica claims the tick's
 * slot in the service's own {@code job_claim} table (one row per job: the last slot claimed, by whom, when). The
 * claim is one conditional {@code UPDATE ... WHERE slot < ?}: of replicas claiming the same slot at the same moment
 * the database lets exactly one through, and the next slot is open to any of them (docs/operations.md "Replicas").
 *
 * <p>Called inside the job's own transaction, the claim keeps the job's row locked until that transaction ends, so
 * two runs of the same job never overlap; called outside one, it commits at once and the job must be safe to overlap
 * with a run of the next slot (the clinic's are: they check what exists, or lock their rows).
 *
 * <p>Slots: a cron job's replicas fire at the same nominal instant, so its slot is that instant in whole seconds
 * ({@link #CRON}); an interval job's replicas fire at their own phases, so its slot is the interval the instant falls
 * in (epoch time divided by the interval).
 */
@ApplicationScoped
public class JobClaims {

    /** The slot length of a cron job: its nominal fire time, in whole seconds. */
    public static final Duration CRON = Duration.ofSeconds(1);

    private static final Logger LOG = Logger.getLogger(JobClaims.class);

    private final DataSource dataSource;
    private final String holder;

    @Inject
    public JobClaims(DataSource dataSource) {
        this(dataSource, holderName());
    }

    /** For tests: claimers with names of their own on one database. */
    public JobClaims(DataSource dataSource, String holder) {
        this.dataSource = dataSource;
        this.holder = holder.length() > 100 ? holder.substring(0, 100) : holder;
    }

    /**
     * The period of an interval job from its {@code every} setting ("60s", "5m", ISO-8601 "PT1M"), as the scheduler
     * reads it.
     */
    public static Duration period(String every) {
        return io.quarkus.runtime.configuration.DurationConverter.parseDuration(every.trim());
    }

    /** The slot of a tick: {@code fireTime} divided by {@code period} (milliseconds since the epoch). */
    public static long slot(Instant fireTime, Duration period) {
        if (period.isZero() || period.isNegative()) {
            throw new IllegalArgumentException("a job's period must be positive, not " + period);
        }
        return Math.floorDiv(fireTime.toEpochMilli(), period.toMillis());
    }

    /**
     * Claims the tick of {@code job} that fired (nominally) at {@code fireTime}, for a job that runs every {@code
     * period} ({@link #CRON} for a cron job). True: this replica runs the tick. False: another replica has it (or a
     * later one), or the database could not be asked; the tick is skipped here either way.
     */
    public boolean claim(String job, Instant fireTime, Duration period) {
        return claim(job, slot(fireTime, period));
    }

    /** As {@link #claim(String, Instant, Duration)} for a slot computed by the caller. */
    public boolean claim(String job, long slot) {
        Timestamp now = Timestamp.from(Instant.now());
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement update = c.prepareStatement(
                    "UPDATE job_claim SET slot = ?, holder = ?, claimed_at = ? WHERE job = ? AND slot < ?")) {
                update.setLong(1, slot);
                update.setString(2, holder);
                update.setTimestamp(3, now);
                update.setString(4, job);
                update.setLong(5, slot);
                if (update.executeUpdate() == 1) {
                    LOG.debugf("Job %s: tick %d claimed", job, slot);
                    return true;
                }
            }
            // No row yet (a job's first tick ever), or this slot (or a later one) is claimed already: the insert
            // tells which. Of two replicas inserting at once the primary key lets one through.
            try (PreparedStatement insert =
                    c.prepareStatement("INSERT INTO job_claim (job, slot, holder, claimed_at) VALUES (?, ?, ?, ?)")) {
                insert.setString(1, job);
                insert.setLong(2, slot);
                insert.setString(3, holder);
                insert.setTimestamp(4, now);
                insert.executeUpdate();
                LOG.debugf("Job %s: tick %d claimed", job, slot);
                return true;
            }
        } catch (SQLIntegrityConstraintViolationException | SQLTransactionRollbackException taken) {
            // The row exists (claimed by another replica), or a deadlock between two first inserts was resolved in
            // the other's favour.
            LOG.debugf("Job %s: tick %d taken by another replica", job, slot);
            return false;
        } catch (SQLException e) {
            // Database unreachable: nobody can run the job now; the next tick tries again.
            LOG.warnf("Job %s: tick not claimed, the database did not answer (%s)", job, e.getSQLState());
            return false;
        }
    }

    /** Who holds a claim, as stored: host name and process id, enough to find the replica's log. */
    public String holder() {
        return holder;
    }

    private static String holderName() {
        String host = System.getenv("HOSTNAME");
        if (host == null || host.isBlank()) {
            host = "localhost";
        }
        return host + "/" + ProcessHandle.current().pid();
    }
}
