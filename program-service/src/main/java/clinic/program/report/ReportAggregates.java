package clinic.program.report;

import clinic.program.session.SessionLogged;
import clinic.program.session.SessionLogging;
import clinic.program.session.SessionObservers;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.List;

/**
 * Keeps the reports' stored figures ({@code program_outcome}, {@code program_week}, migration V4; {@code
 * report_day_logs}, migration V11) current with each session log, in the log's own transaction: a log that rolls back (a concurrent duplicate of
 * an idempotent request, a refused log) leaves them untouched, and a replayed request never reaches here.
 *
 * <p>{@link #beforeLog} runs before the log row is inserted ({@link SessionLogging}) and {@link #afterLog} after it
 * ({@link SessionLogged}, before the alerts), both observed in the logging transaction. The first statement
 * locks the program's outcome row, so two logs of one program are counted one after the other; every other writer
 * of that program's logs then waits for the lock, which is why {@link #afterLog} can read the first three logs
 * without missing one being written concurrently.
 */
@ApplicationScoped
public class ReportAggregates {

    /** A program's week 4 is its days 21-27, week 8 its days 49-55 (day 0 = the day it started). */
    static final int WEEK4_FIRST_DAY = 21;

    static final int WEEK8_FIRST_DAY = 49;

    private final EntityManager em;
    private final ReportSummary summary;

    public ReportAggregates(EntityManager em, ReportSummary summary) {
        this.em = em;
        this.summary = summary;
    }

    void onLogging(@Observes SessionLogging event) {
        beforeLog(event.programId(), event.startedOn(), event.carePhysio(), event.date(), event.painBefore());
    }

    void onLogged(@Observes @Priority(SessionObservers.REPORT_FIGURES) SessionLogged event) {
        afterLog(event.program().id, event.log().sessionDate);
    }

    /** Slots a physio's day is split over in {@code report_day_logs} (migration V11): program id mod this. */
    static final int DAY_SLOTS = 4;

    /**
     * Counts a log of {@code painBefore} on {@code date} for a program that started on {@code startedOn}: the log
     * count and the week-4/week-8 sums of its outcome row, its day and its week, and its physio's day, and marks the program
     * changed for the reports' summary. Takes the outcome row's lock.
     */
    public void beforeLog(long programId, LocalDate startedOn, String carePhysio, LocalDate date, int painBefore) {
        long day = ChronoUnit.DAYS.between(startedOn, date);
        int w4 = day >= WEEK4_FIRST_DAY && day < WEEK4_FIRST_DAY + 7 ? 1 : 0;
        int w8 = day >= WEEK8_FIRST_DAY && day < WEEK8_FIRST_DAY + 7 ? 1 : 0;
        em.createNativeQuery(
                        """
                        INSERT INTO program_outcome (program_id, logs, week4_logs, week4_pain_sum, week8_logs,
                                                     week8_pain_sum)
                        VALUES (?1, 1, ?2, ?3, ?4, ?5)
                        ON DUPLICATE KEY UPDATE logs = logs + 1,
                                                week4_logs = week4_logs + VALUES(week4_logs),
                                                week4_pain_sum = week4_pain_sum + VALUES(week4_pain_sum),
                                                week8_logs = week8_logs + VALUES(week8_logs),
                                                week8_pain_sum = week8_pain_sum + VALUES(week8_pain_sum)
                        """)
                .setParameter(1, programId)
                .setParameter(2, w4)
                .setParameter(3, w4 * painBefore)
                .setParameter(4, w8)
                .setParameter(5, w8 * painBefore)
                .executeUpdate();
        LocalDate monday = date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        em.createNativeQuery(
                        """
                        INSERT INTO program_week (program_id, week_start, days_mask, logs) VALUES (?1, ?2, ?3, 1)
                        ON DUPLICATE KEY UPDATE days_mask = days_mask | VALUES(days_mask), logs = logs + 1
                        """)
                .setParameter(1, programId)
                .setParameter(2, monday)
                .setParameter(3, 1 << (date.getDayOfWeek().getValue() - 1))
                .executeUpdate();
        em.createNativeQuery(
                        """
                        INSERT INTO report_day_logs (log_date, care_physio, slot, logs) VALUES (?1, ?2, ?3, 1)
                        ON DUPLICATE KEY UPDATE logs = logs + 1
                        """)
                .setParameter(1, date)
                .setParameter(2, carePhysio)
                .setParameter(3, (int) (programId % DAY_SLOTS))
                .executeUpdate();
        summary.markChanged(programId);
    }

    /**
     * After the log row is written: when the program had fewer than three logs or the new one is dated before the
     * third, the first three logs (by date, then id) change, so they are read again and stored. Otherwise nothing.
     */
    public void afterLog(long programId, LocalDate date) {
        Object[] outcome =
                (Object[]) em.createNativeQuery("SELECT logs, first3_on FROM program_outcome WHERE program_id = ?1")
                        .setParameter(1, programId)
                        .getSingleResult();
        long logs = ((Number) outcome[0]).longValue();
        LocalDate third = ReportQueries.date(outcome[1]);
        if (logs > 3 && third != null && !date.isBefore(third)) {
            return;
        }
        // A locking read sees the latest committed logs, not this transaction's older snapshot.
        @SuppressWarnings("unchecked")
        List<Object[]> first = em.createNativeQuery(
                        """
                        SELECT session_date, pain_before FROM session_log WHERE program_id = ?1
                        ORDER BY session_date, id LIMIT 3 FOR UPDATE
                        """)
                .setParameter(1, programId)
                .getResultList();
        Object[] values = new Object[6];
        for (int i = 0; i < first.size(); i++) {
            values[2 * i] = ReportQueries.date(first.get(i)[0]);
            values[2 * i + 1] = ((Number) first.get(i)[1]).intValue();
        }
        var update = em.createNativeQuery(
                """
                UPDATE program_outcome SET first1_on = ?1, first1_pain = ?2, first2_on = ?3, first2_pain = ?4,
                                           first3_on = ?5, first3_pain = ?6
                WHERE program_id = ?7
                """);
        for (int i = 0; i < 6; i++) {
            update.setParameter(i + 1, values[i]);
        }
        update.setParameter(7, programId).executeUpdate();
    }
}
