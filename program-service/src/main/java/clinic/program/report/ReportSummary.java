package clinic.program.report;

import clinic.kit.jobs.JobClaims;
import clinic.program.outcome.MeasureRecorded;
import clinic.program.prescription.RevisionAdded;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.ScheduledExecution;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.Session;
import org.jboss.logging.Logger;

/**
 * The reports' summary (migrations V20 and V21; docs/scaling.md "The summary"): each program's figures for the
 * default period (the {@value ReportPeriod#DEFAULT_WEEKS} weeks up to today) in {@code program_figures}, their sums
 * per (physio, phase, pain change) in {@code figure_sums}, so that a report at 100,000 programs reads a few thousand
 * rows instead of every program ({@link ReportQueries#summaryServes}); and for the outcomes report each program's due
 * and completed questionnaires per time point ({@code completion_figures}) and each episode's outcome ({@code
 * episode_figures}), stored from the statements of {@link OutcomeQueries}.
 *
 * <p><b>Exact between two runs.</b> Every write that changes a program's figures or scope marks the program in {@code
 * program_stale} in its own transaction ({@link #markChanged}: the session log path, every program revision,
 * {@link RevisionAdded}, and every questionnaire recorded, {@link MeasureRecorded}). A
 * report takes the stored figures of the marked programs out of the sums and adds their figures computed live. Each
 * run of this job computes the marked programs again and unmarks a program only when its mark's version is the one it
 * read, all in one transaction and one snapshot, so a log committed meanwhile keeps its program marked.
 *
 * <p><b>When it is built.</b> Only for clinics with at least {@code clinic.reports.summary.min-programs} programs in
 * scope: below that the live statements are exact and fast (about 0.1-0.2 s at 10,000 programs), and the job only
 * clears the marks. A new day, new settings (the progress rules, or the instruments and weeks of the outcomes), or a
 * raised {@code epoch} (writers that bypass the service, such as the generator, raise it) make the job build the
 * whole summary again; until then the reports use the live statements.
 * Runs once per cluster ({@link JobClaims}); the summary row's lock keeps two runs from overlapping anyway.
 */
@ApplicationScoped
public class ReportSummary {

    static final String JOB = "report-summary";

    private static final Logger LOG = Logger.getLogger(ReportSummary.class);

    /** Rows per multi-row INSERT when the figures are written. */
    private static final int INSERT_ROWS = 500;

    private static final String FIGURE_COLUMNS = "program_id, patient_id, care_physio, phase, started_on, logged_days,"
            + " prescribed, baseline, recent, adherence, pain_change, improved, improved_w4, improved_w8, referral,"
            + " referred";

    private static final int FIGURE_COLUMN_COUNT = 16;

    /** The columns of {@code completion_figures} in the order of {@link OutcomeQueries#completionRows}. */
    private static final List<String> COMPLETION_COLUMNS =
            List.of("program_id", "care_physio", "timepoint", "due", "done");

    /** The columns of {@code episode_figures} in the order of {@link OutcomeQueries#episodeRows}. */
    private static final List<String> EPISODE_COLUMNS =
            List.of("program_id", "protocol", "care_physio", "discharge_reason", "with_measures", "reached");

    private static final int BUILD_TIMEOUT_SECONDS = 900;

    /** What a run did. */
    public enum Outcome {
        /** Fewer programs in scope than the threshold: no summary, the marks cleared. */
        NOT_NEEDED,
        /** The whole summary built for today. */
        BUILT,
        /** The marked programs computed again. */
        REFRESHED,
        /** Nothing was marked. */
        UNCHANGED,
        /** Out of date while a bulk writer has paused building it ({@code report_summary.paused_until}). */
        PAUSED
    }

    private final EntityManager em;
    private final ReportQueries queries;
    private final OutcomeQueries outcomes;
    private final JobClaims jobs;
    private final int minPrograms;
    private final String every;

    public ReportSummary(
            EntityManager em,
            ReportQueries queries,
            OutcomeQueries outcomes,
            JobClaims jobs,
            @ConfigProperty(name = "clinic.reports.summary.min-programs", defaultValue = "20000") int minPrograms,
            @ConfigProperty(name = "clinic.reports.summary.every", defaultValue = "60s") String every) {
        this.em = em;
        this.queries = queries;
        this.outcomes = outcomes;
        this.jobs = jobs;
        this.minPrograms = minPrograms;
        this.every = every;
    }

    /**
     * Marks a program's figures as changed, in the caller's transaction (it must have one): the reports compute it
     * live until the next run of the job.
     */
    public void markChanged(long programId) {
        em.createNativeQuery(
                        """
                        INSERT INTO program_stale (program_id, version) VALUES (?1, 1)
                        ON DUPLICATE KEY UPDATE version = version + 1
                        """)
                .setParameter(1, programId)
                .executeUpdate();
    }

    /** A program revision: the program's figures or scope may have changed (in the revising transaction). */
    void onRevised(@Observes RevisionAdded revised) {
        markChanged(revised.programId());
    }

    /** A questionnaire recorded: the program's completion and outcome may have changed (in the recording transaction). */
    void onMeasured(@Observes MeasureRecorded measured) {
        markChanged(measured.programId());
    }

    @Scheduled(
            every = "{clinic.reports.summary.every}",
            identity = JOB,
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduledRefresh(ScheduledExecution execution) {
        if (!jobs.claim(JOB, execution.getScheduledFireTime(), JobClaims.period(every))) {
            return;
        }
        try {
            // A whole build at 100,000 programs takes seconds to tens of seconds: more than the default timeout's
            // share.
            QuarkusTransaction.requiringNew().timeout(BUILD_TIMEOUT_SECONDS).call(() -> refresh(LocalDate.now()));
        } catch (RuntimeException e) {
            // The reports stay exact without the job (they compute what it has not); the next tick tries again.
            LOG.warnf("Report summary not refreshed: %s", e.getClass().getSimpleName());
        }
    }

    /** One run for {@code today}: build the summary, refresh its changed programs, or clear the marks. */
    @Transactional
    public Outcome refresh(LocalDate today) {
        // Locks the summary's row first (a locking read opens no snapshot): the reads below see every commit so far.
        Object[] state = (Object[]) em.createNativeQuery(
                        """
                        SELECT epoch, built_epoch, as_of, period_from, settings,
                               CASE WHEN paused_until > ?1 THEN 1 ELSE 0 END, outcome_settings
                        FROM report_summary WHERE id = 1 FOR UPDATE
                        """)
                .setParameter(1, LocalDateTime.now())
                .getSingleResult();
        long epoch = ((Number) state[0]).longValue();
        ReportPeriod period = new ReportPeriod(today.minusWeeks(ReportPeriod.DEFAULT_WEEKS), today, today, null);
        Object[] scope = (Object[]) em.createNativeQuery(
                        """
                        SELECT COUNT(*), COUNT(DISTINCT p.patient_id) FROM program p
                        WHERE p.status IN ('ACTIVE', 'ON_HOLD') AND p.started_on <= ?1
                        """)
                .setParameter(1, today)
                .getSingleResult();
        long programs = ((Number) scope[0]).longValue();
        // Every run leaves its time: the benchmark waits for a run after a generation before it measures.
        em.createNativeQuery("UPDATE report_summary SET refreshed_at = NOW(6) WHERE id = 1")
                .executeUpdate();
        if (programs < minPrograms) {
            if (state[2] != null) {
                em.createNativeQuery("DELETE FROM figure_sums").executeUpdate();
                em.createNativeQuery("DELETE FROM program_figures").executeUpdate();
                em.createNativeQuery("DELETE FROM completion_figures").executeUpdate();
                em.createNativeQuery("DELETE FROM episode_figures").executeUpdate();
                em.createNativeQuery(
                                "UPDATE report_summary SET built_epoch = NULL, as_of = NULL, period_from = NULL WHERE id = 1")
                        .executeUpdate();
            }
            em.createNativeQuery("DELETE FROM program_stale").executeUpdate();
            return Outcome.NOT_NEEDED;
        }
        boolean current = state[1] != null
                && ((Number) state[1]).longValue() == epoch
                && today.equals(ReportQueries.date(state[2]))
                && period.from().equals(ReportQueries.date(state[3]))
                && queries.settings().equals(state[4])
                && outcomes.settings().equals(state[6]);
        if (!current && ((Number) state[5]).intValue() == 1) {
            // A bulk writer is at work (the generator): building now would be wasted, and out of date at once.
            return Outcome.PAUSED;
        }
        long started = System.nanoTime();
        if (current) {
            Map<Long, Long> marked = marked();
            if (marked.isEmpty()) {
                return Outcome.UNCHANGED;
            }
            List<Object[]> figures = queries.rows(
                    ReportQueries.changedOnly(ReportQueries.FIGURES), period, queries.referralValues(period));
            List<Object[]> completion = outcomes.completionRows(period, true);
            List<Object[]> episodes = outcomes.episodeRows(period, true);
            for (String table : List.of("program_figures", "completion_figures", "episode_figures")) {
                deleteRows(table, marked.keySet());
            }
            insertFigures(figures);
            insertRows("completion_figures", COMPLETION_COLUMNS, completion);
            insertRows("episode_figures", EPISODE_COLUMNS, episodes);
            rebuildSums(period);
            unmark(marked);
            LOG.debugf(
                    "Report summary: %d changed programs computed again in %d ms",
                    marked.size(), Duration.ofNanos(System.nanoTime() - started).toMillis());
            return Outcome.REFRESHED;
        }
        Map<Long, Long> marked = marked();
        List<Object[]> figures = queries.rows(ReportQueries.FIGURES, period, queries.referralValues(period));
        List<Object[]> completion = outcomes.completionRows(period, false);
        List<Object[]> episodes = outcomes.episodeRows(period, false);
        for (String table : List.of("figure_sums", "program_figures", "completion_figures", "episode_figures")) {
            em.createNativeQuery("DELETE FROM " + table).executeUpdate();
        }
        insertFigures(figures);
        insertRows("completion_figures", COMPLETION_COLUMNS, completion);
        insertRows("episode_figures", EPISODE_COLUMNS, episodes);
        rebuildSums(period);
        unmark(marked);
        long patients = ((Number) scope[1]).longValue();
        em.createNativeQuery(
                        """
                        UPDATE report_summary SET built_epoch = ?1, as_of = ?2, period_from = ?3, settings = ?4,
                               one_program_per_patient = ?5, programs = ?6, built_at = ?7, refreshed_at = NOW(6),
                               outcome_settings = ?8
                        WHERE id = 1
                        """)
                .setParameter(1, epoch)
                .setParameter(2, today)
                .setParameter(3, period.from())
                .setParameter(4, queries.settings())
                .setParameter(5, patients == programs ? 1 : 0)
                .setParameter(6, figures.size())
                .setParameter(7, LocalDateTime.now())
                .setParameter(8, outcomes.settings())
                .executeUpdate();
        LOG.infof(
                "Report summary built as of %s: %d programs in %d ms",
                today,
                figures.size(),
                Duration.ofNanos(System.nanoTime() - started).toMillis());
        return Outcome.BUILT;
    }

    /**
     * Makes the summary unused until the job builds it again: for writers that change programs or logs without
     * marking them (bulk loads, repairs by SQL do the same with {@code UPDATE report_summary SET epoch = epoch + 1}).
     */
    @Transactional
    public void invalidate() {
        em.createNativeQuery("UPDATE report_summary SET epoch = epoch + 1 WHERE id = 1")
                .executeUpdate();
    }

    /** The marked programs with their versions, as of this transaction's snapshot. */
    private Map<Long, Long> marked() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT program_id, version FROM program_stale")
                .getResultList();
        Map<Long, Long> marked = new HashMap<>();
        for (Object[] row : rows) {
            marked.put(((Number) row[0]).longValue(), ((Number) row[1]).longValue());
        }
        return marked;
    }

    /** Unmarks each program whose mark is still the version read; a newer mark stays for the next run. */
    private void unmark(Map<Long, Long> marked) {
        if (marked.isEmpty()) {
            return;
        }
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement delete =
                    connection.prepareStatement("DELETE FROM program_stale WHERE program_id = ? AND version = ?")) {
                for (Map.Entry<Long, Long> mark : marked.entrySet()) {
                    delete.setLong(1, mark.getKey());
                    delete.setLong(2, mark.getValue());
                    delete.addBatch();
                }
                delete.executeBatch();
            }
        });
    }

    /** Deletes the rows of the programs from one of the summary's tables keyed by {@code program_id}. */
    private void deleteRows(String table, Iterable<Long> programs) {
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement delete =
                    connection.prepareStatement("DELETE FROM " + table + " WHERE program_id = ?")) {
                for (long id : programs) {
                    delete.setLong(1, id);
                    delete.addBatch();
                }
                delete.executeBatch();
            }
        });
    }

    /**
     * Writes rows as they came from their statement (numbers, strings, nulls) into {@code table}'s {@code columns}, in
     * multi-row INSERTs of {@value #INSERT_ROWS}.
     */
    private void insertRows(String table, List<String> columns, List<Object[]> rows) {
        if (rows.isEmpty()) {
            return;
        }
        String values = "(" + "?, ".repeat(columns.size() - 1) + "?)";
        em.unwrap(Session.class).doWork(connection -> {
            for (int from = 0; from < rows.size(); from += INSERT_ROWS) {
                List<Object[]> chunk = rows.subList(from, Math.min(rows.size(), from + INSERT_ROWS));
                StringBuilder sql =
                        new StringBuilder("INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES ");
                for (int i = 0; i < chunk.size(); i++) {
                    sql.append(i == 0 ? "" : ", ").append(values);
                }
                try (PreparedStatement insert = connection.prepareStatement(sql.toString())) {
                    int p = 1;
                    for (Object[] row : chunk) {
                        for (Object value : row) {
                            if (value == null) {
                                insert.setNull(p++, Types.VARCHAR);
                            } else if (value instanceof Number number) {
                                insert.setLong(p++, number.longValue());
                            } else {
                                insert.setString(p++, value.toString());
                            }
                        }
                    }
                    insert.executeUpdate();
                }
            }
        });
    }

    /** Writes rows of {@link ReportQueries#FIGURES} in multi-row INSERTs of {@value #INSERT_ROWS}. */
    private void insertFigures(List<Object[]> figures) {
        if (figures.isEmpty()) {
            return;
        }
        em.unwrap(Session.class).doWork(connection -> {
            for (int from = 0; from < figures.size(); from += INSERT_ROWS) {
                List<Object[]> chunk = figures.subList(from, Math.min(figures.size(), from + INSERT_ROWS));
                insert(connection, chunk);
            }
        });
    }

    private static void insert(Connection connection, List<Object[]> rows) throws SQLException {
        StringBuilder sql = new StringBuilder("INSERT INTO program_figures (" + FIGURE_COLUMNS + ") VALUES ");
        String values = "(" + "?, ".repeat(FIGURE_COLUMN_COUNT - 1) + "?)";
        for (int i = 0; i < rows.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append(values);
        }
        try (PreparedStatement insert = connection.prepareStatement(sql.toString())) {
            int p = 1;
            for (Object[] row : rows) {
                insert.setLong(p++, ((Number) row[0]).longValue());
                insert.setLong(p++, ((Number) row[1]).longValue());
                insert.setString(p++, (String) row[2]);
                insert.setInt(p++, ((Number) row[3]).intValue());
                insert.setObject(p++, ReportQueries.date(row[4]));
                insert.setLong(p++, ((Number) row[5]).longValue());
                insert.setLong(p++, ((Number) row[6]).longValue());
                decimal(insert, p++, row[7]);
                decimal(insert, p++, row[8]);
                insert.setInt(p++, ((Number) row[9]).intValue());
                decimal(insert, p++, row[10]);
                insert.setInt(p++, ((Number) row[11]).intValue());
                insert.setInt(p++, ((Number) row[12]).intValue());
                insert.setInt(p++, ((Number) row[13]).intValue());
                if (row[14] == null) {
                    insert.setNull(p++, Types.VARCHAR);
                    insert.setInt(p++, 0);
                } else {
                    insert.setString(p++, row[14].toString());
                    insert.setInt(p++, 1);
                }
            }
            insert.executeUpdate();
        }
    }

    private static void decimal(PreparedStatement insert, int index, Object value) throws SQLException {
        if (value == null) {
            insert.setNull(index, Types.DECIMAL);
        } else {
            insert.setBigDecimal(index, new BigDecimal(value.toString()));
        }
    }

    /** {@code figure_sums} again from {@code program_figures}: a few thousand rows. */
    private void rebuildSums(ReportPeriod period) {
        em.createNativeQuery("DELETE FROM figure_sums").executeUpdate();
        em.createNativeQuery(ReportQueries.BUILD_SUMS)
                .setParameter("week4Cut", ReportQueries.cuts(period).get("week4Cut"))
                .setParameter("week8Cut", ReportQueries.cuts(period).get("week8Cut"))
                .executeUpdate();
    }

    /** The programs the summary holds now, for tests and the operations page. */
    List<Long> heldPrograms() {
        @SuppressWarnings("unchecked")
        List<Number> ids = em.createNativeQuery("SELECT program_id FROM program_figures ORDER BY program_id")
                .getResultList();
        List<Long> held = new ArrayList<>();
        ids.forEach(id -> held.add(id.longValue()));
        return held;
    }
}
