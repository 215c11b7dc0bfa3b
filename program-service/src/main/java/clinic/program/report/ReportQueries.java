package clinic.program.report;

import clinic.program.progress.ProgressConfig;
import clinic.program.progress.ProgressService;
import clinic.rules.ProgressRules;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The reports' SQL: every figure is aggregated by the database in one statement per query, whatever the number of
 * programs or logs (no query per row). Written for MySQL 8 and MariaDB 10.2+ (CTEs and window functions).
 *
 * <p>The per-program figures ({@link #RATED}) follow {@link ProgressService} to the letter, with its thresholds and
 * {@link ProgressConfig} bound as parameters rather than copied:
 *
 * <ul>
 *   <li>baseline: mean pain-before of a program's first 3 logs (by date, then id);
 *   <li>recent: mean pain-before of the logs in the 7 days ending on the as-of day;
 *   <li>change = round(baseline − recent, 1); clinically important when change ≥ 2 points or round(100 · change /
 *       baseline, 1) ≥ 30 %;
 *   <li>adherence: days with at least one log against days prescribed ({@code prescribed-per-week} / 7 per day),
 *       counted from the later of the period's start and the program's start up to the as-of day, capped at 100.
 * </ul>
 */
@ApplicationScoped
public class ReportQueries {

    /** A limit no clinic reaches: it makes the database materialize a CTE rather than merge it (see RATED). */
    private static final String MATERIALIZE = "LIMIT 1000000000";

    /**
     * Active programs in scope, each with its figures, from the stored aggregates (migration V4, kept by {@link
     * ReportAggregates}): never the raw logs. Ends with the CTE {@code rated}.
     *
     * <ul>
     *   <li>{@code days}: days with a log between the window start and the as-of day, from the weekly day masks, one
     *       range scan grouped once (the period's first week keeps the weekdays from its start on, the as-of week those
     *       up to the as-of day; no log is dated before its program's start, {@code SessionService} refuses it, so
     *       masking by the period's start is masking by the window's);
     *   <li>{@code recent}: the mean pain of the last 7 days' logs, through the covering (date, program, pain) index;
     *   <li>baseline: the first three logs (stored with their dates) that were written by the as-of day;
     *   <li>week-4 and week-8 means: stored sums, complete whenever a report counts them (the program then started
     *       27 or 55 days before the as-of day or earlier).
     * </ul>
     *
     * <p>Measured on the generated clinic (10,202 active programs, 1,000,000 logs; docs/performance.md), each choice
     * worth tens of milliseconds per report:
     *
     * <ul>
     *   <li>{@code days} and {@code recent} are grouped separately: one UNION of their 130,000 rows grouped together
     *       cost twice as much, all of it spent writing the union into a temporary table;
     *   <li>{@value #MATERIALIZE} on a CTE keeps the database from merging it into the statement that uses it. For
     *       {@code days} and {@code recent} that stops MariaDB from evaluating them again for every program ("split
     *       materialized", 3.4 s for the caseload); for {@code measured} it computes the baseline and means once per
     *       program, where the merged statement repeated their expressions in every figure that uses them (170 against
     *       230 ms). No report has that many programs, so nothing is cut off;
     *   <li>the weekday masks come computed ({@code :firstMask}, {@code :lastMask}), not derived from dates per row.
     * </ul>
     */
    private static final String RATED =
            """
            WITH scope AS (
                SELECT p.id, p.patient_id, p.care_physio, p.phase, p.started_on,
                       GREATEST(p.started_on, :periodFrom) AS window_start
                FROM program p
                WHERE p.status IN ('ACTIVE', 'ON_HOLD') AND p.started_on <= :asOf /*physio:p*/ /*only:p*/
            ),
            days AS (
                SELECT w.program_id,
                       SUM(BIT_COUNT(w.days_mask
                           & CASE WHEN w.week_start < :periodFrom THEN :firstMask ELSE 127 END
                           & CASE WHEN w.week_start = :asOfMonday THEN :lastMask ELSE 127 END)) AS logged_days
                FROM /*from:w*/program_week w/*on:w*/
                WHERE w.week_start > :periodFrom - INTERVAL 7 DAY AND w.week_start <= :asOf
                GROUP BY w.program_id
                /*materialize*/
            ),
            recent AS (
                SELECT s.program_id, AVG(s.pain_before) AS recent
                FROM /*from:s*/session_log s/*on:s*/
                WHERE s.session_date BETWEEN :weekAgo AND :asOf
                GROUP BY s.program_id
                /*materialize*/
            ),
            measured AS (
                SELECT sc.id, sc.patient_id, sc.care_physio, sc.phase, sc.started_on,
                       COALESCE(d.logged_days, 0) AS logged_days,
                       GREATEST(0, ROUND(:perWeek * (DATEDIFF(:asOf, sc.window_start) + 1) / 7)) AS prescribed,
                       (CASE WHEN o.first1_on <= :asOf THEN o.first1_pain ELSE 0 END
                        + CASE WHEN o.first2_on <= :asOf THEN o.first2_pain ELSE 0 END
                        + CASE WHEN o.first3_on <= :asOf THEN o.first3_pain ELSE 0 END)
                       / NULLIF(CASE WHEN o.first1_on <= :asOf THEN 1 ELSE 0 END
                                + CASE WHEN o.first2_on <= :asOf THEN 1 ELSE 0 END
                                + CASE WHEN o.first3_on <= :asOf THEN 1 ELSE 0 END, 0) AS baseline,
                       r.recent,
                       o.week4_pain_sum / NULLIF(o.week4_logs, 0) AS week4,
                       o.week8_pain_sum / NULLIF(o.week8_logs, 0) AS week8
                FROM scope sc
                LEFT JOIN days d ON d.program_id = sc.id
                LEFT JOIN recent r ON r.program_id = sc.id
                LEFT JOIN program_outcome o ON o.program_id = sc.id
                /*materialize*/
            ),
            rated AS (
                SELECT m.*,
                       CASE WHEN m.prescribed <= 0 THEN 0
                            ELSE LEAST(100, ROUND(100 * m.logged_days / m.prescribed)) END AS adherence,
                       ROUND(m.baseline - m.recent, 1) AS pain_change,
                       %s AS improved,
                       %s AS improved_w4,
                       %s AS improved_w8
                FROM measured m
            )
            """
                    .formatted(important("m.recent"), important("m.week4"), important("m.week8"))
                    .replace("/*materialize*/", MATERIALIZE);

    private static final String PHASES =
            """
            SELECT p.phase, COUNT(*), COUNT(DISTINCT p.patient_id)
            FROM program p
            WHERE p.status IN ('ACTIVE', 'ON_HOLD') AND p.started_on <= :asOf /*physio:p*/
            GROUP BY p.phase WITH ROLLUP
            """;

    /**
     * Logs per ISO week of the period, keyed by the week's Monday (WEEKDAY: Monday = 0), from the day counts of
     * migration V11 ({@code report_day_logs}, kept by {@link ReportAggregates}): at most days x physios x slots rows
     * whatever the number of programs. (It summed {@code program_week} before, one row per program and week: about
     * 1.3 M rows for 12 weeks at 100,000 programs.) A program's physio never changes, so the physio a log was counted
     * under is the program's physio today, as the filter asks.
     */
    private static final String WEEKS =
            """
            SELECT d.log_date - INTERVAL WEEKDAY(d.log_date) DAY AS week_start, SUM(d.logs)
            FROM report_day_logs d
            WHERE d.log_date BETWEEN :periodFrom AND :periodTo /*physio:d*/
            GROUP BY week_start
            ORDER BY week_start
            """;

    /**
     * {@link #WEEKS} for one protocol: {@code report_day_logs} has no protocol, so the logs of the protocol's programs
     * are counted from {@code session_log} (one statement still, over that protocol's programs only).
     */
    private static final String WEEKS_OF_PROTOCOL =
            """
            SELECT s.session_date - INTERVAL WEEKDAY(s.session_date) DAY AS week_start, COUNT(*)
            FROM session_log s
            JOIN program p ON p.id = s.program_id
            WHERE s.session_date BETWEEN :periodFrom AND :periodTo /*physio:p*/
            GROUP BY week_start
            ORDER BY week_start
            """;

    /** The protocol filter: every version of the protocol with the code, inside the statement (no extra one). */
    private static final String OF_PROTOCOL_P =
            " AND p.protocol_id IN (SELECT pr.id FROM protocol pr WHERE pr.code = :protocol)";

    private static final String OF_PROTOCOL_A = " AND a.program_id IN (SELECT pp.id FROM program pp"
            + " JOIN protocol pr ON pr.id = pp.protocol_id WHERE pr.code = :protocol)";

    /**
     * Buckets, week-4/week-8 milestones and the counts of each pain change in one pass, one row per distinct change
     * (a change has one decimal between -10 and 10: at most 201 rows). The median comes from those counts ({@link
     * ReportService}); a window ranking every program for it cost a fifth of the statement (25 of 128 ms).
     */
    private static final String OVERVIEW = RATED
            + """
            SELECT pain_change, COUNT(*),
                   SUM(CASE WHEN adherence < 25 THEN 1 ELSE 0 END),
                   SUM(CASE WHEN adherence >= 25 AND adherence < 50 THEN 1 ELSE 0 END),
                   SUM(CASE WHEN adherence >= 50 AND adherence < 75 THEN 1 ELSE 0 END),
                   SUM(CASE WHEN adherence >= 75 THEN 1 ELSE 0 END),
                   SUM(CASE WHEN started_on <= :week4Cut THEN 1 ELSE 0 END),
                   SUM(CASE WHEN started_on <= :week4Cut THEN improved_w4 ELSE 0 END),
                   SUM(CASE WHEN started_on <= :week8Cut THEN 1 ELSE 0 END),
                   SUM(CASE WHEN started_on <= :week8Cut THEN improved_w8 ELSE 0 END)
            FROM rated
            GROUP BY pain_change
            """;

    private static final String OPEN_ALERTS =
            """
            SELECT a.severity, COUNT(*)
            FROM alert a
            WHERE a.status = 'OPEN' AND a.created_at < :alertsBefore /*physio:a*/
            GROUP BY a.severity
            """;

    private static final String CASELOAD = RATED
            + """
            SELECT g.care_physio, g.patients, g.programs, g.mean_adherence, COALESCE(al.open_alerts, 0), g.improved
            FROM (
                SELECT care_physio, COUNT(DISTINCT patient_id) AS patients, COUNT(*) AS programs,
                       AVG(adherence) AS mean_adherence, SUM(improved) AS improved
                FROM rated
                GROUP BY care_physio
            ) g
            LEFT JOIN (
                SELECT a.care_physio, COUNT(*) AS open_alerts
                FROM alert a
                WHERE a.status = 'OPEN' AND a.created_at < :alertsBefore /*physio:a*/
                GROUP BY a.care_physio
            ) al ON al.care_physio = g.care_physio
            ORDER BY g.care_physio
            """;

    /** The logs of the referral judgement's 14 days per program: their count and any disabling pain in the last 7. */
    private static final String JUDGED =
            """
            , judged AS (
                SELECT s.program_id, COUNT(*) AS logs,
                       MAX(CASE WHEN s.session_date >= :weekAgo THEN s.pain_stops_sleep_or_work ELSE 0 END) AS disabling
                FROM /*from:s*/session_log s/*on:s*/
                WHERE s.session_date BETWEEN :judgementFrom AND :asOf
                GROUP BY s.program_id
                %s
            )
            """
                    .formatted(MATERIALIZE);

    /** The referral rule's code for a program of {@code rated r} and {@code judged j}; NULL when it does not hold. */
    private static final String REFERRAL_RULE =
            """
            (CASE WHEN COALESCE(j.disabling, 0) = 1 THEN 'SEVERE_OR_DISABLING'
                  WHEN r.improved = 0 AND r.started_on <= :referralCut AND r.recent IS NOT NULL
                       AND COALESCE(j.logs, 0) >= :judgementLogs AND r.baseline > :painFreeBaseline
                  THEN 'NO_IMPORTANT_IMPROVEMENT' END)""";

    /** The referral list's columns of a program of {@code rated r} and {@code judged j}. */
    private static final String REFERRED_COLUMNS =
            """
            r.id, r.patient_id, r.care_physio, r.phase, r.started_on, ROUND(r.baseline, 1) AS baseline,
                       ROUND(r.recent, 1) AS recent, r.pain_change, r.adherence, %s AS rule_code"""
                    .formatted(REFERRAL_RULE);

    /** The programs of {@code rated} the referral rule holds for. */
    private static final String REFERRED_FROM =
            """
            FROM rated r
                LEFT JOIN judged j ON j.program_id = r.id
                WHERE %s IS NOT NULL"""
                    .formatted(REFERRAL_RULE);

    /**
     * The referral rule of {@code clinic.rules.ProgressRules} for every program at once: pain that stops sleep or work
     * reported in the last 7 days, whatever the week (SEVERE_OR_DISABLING); or, from the referral week on, no
     * clinically important improvement with enough data to judge (3 or more logs in the last 14 days, one in the last
     * 7) and a baseline above the pain-free 2 (NO_IMPORTANT_IMPROVEMENT). {@code judged} reads only the last 14 days'
     * logs through the covering (date, program, pain, disabling) index of migration V6.
     *
     * <p>Oldest first, keyset-paged by (started, id) when a page is asked for. The count of all of them is a window over
     * the materialized list, so a page after a cursor still knows the total.
     */
    private static final String REFERRALS = RATED
            + JUDGED
            + """
            , referred AS (
                SELECT %1$s, COUNT(*) OVER () AS total
                %2$s
                %3$s
            )
            SELECT id, patient_id, care_physio, phase, started_on, baseline, recent, pain_change, adherence, total,
                   rule_code
            FROM referred
            /*after*/
            ORDER BY started_on, id
            /*limit*/
            """
                    .formatted(REFERRED_COLUMNS, REFERRED_FROM, MATERIALIZE);

    /** Keyset page: rows after the cursor (adherence, id), never OFFSET. */
    private static final String ADHERENCE = RATED
            + """
            SELECT id, patient_id, care_physio, phase, started_on, logged_days, prescribed, adherence
            FROM rated
            /*after*/
            ORDER BY adherence, id
            LIMIT %d
            """;

    /**
     * Every program in scope with its figures and referral rule code (NULL when the rule does not hold), as the
     * summary job stores them in {@code program_figures} (migration V20, {@link ReportSummary}).
     */
    static final String FIGURES = RATED
            + JUDGED
            + """
            SELECT r.id, r.patient_id, r.care_physio, r.phase, r.started_on, r.logged_days, r.prescribed, r.baseline,
                   r.recent, r.adherence, r.pain_change, r.improved, r.improved_w4, r.improved_w8, %s
            FROM rated r
            LEFT JOIN judged j ON j.program_id = r.id
            """
                    .formatted(REFERRAL_RULE);

    /**
     * What {@code figure_sums} sums per (physio, phase, pain change), as (column, value of one program {@code x}):
     * the overview's buckets and milestones, the caseload's adherence and improved programs.
     */
    static final List<String[]> SUMMED = List.of(
            new String[] {"programs", "1"},
            new String[] {"adherence_sum", "x.adherence"},
            new String[] {"adh_lt_25", "CASE WHEN x.adherence < 25 THEN 1 ELSE 0 END"},
            new String[] {"adh_25_50", "CASE WHEN x.adherence >= 25 AND x.adherence < 50 THEN 1 ELSE 0 END"},
            new String[] {"adh_50_75", "CASE WHEN x.adherence >= 50 AND x.adherence < 75 THEN 1 ELSE 0 END"},
            new String[] {"adh_75_up", "CASE WHEN x.adherence >= 75 THEN 1 ELSE 0 END"},
            new String[] {"improved", "x.improved"},
            new String[] {"week4", "CASE WHEN x.started_on <= :week4Cut THEN 1 ELSE 0 END"},
            new String[] {"week4_improved", "CASE WHEN x.started_on <= :week4Cut THEN x.improved_w4 ELSE 0 END"},
            new String[] {"week8", "CASE WHEN x.started_on <= :week8Cut THEN 1 ELSE 0 END"},
            new String[] {"week8_improved", "CASE WHEN x.started_on <= :week8Cut THEN x.improved_w8 ELSE 0 END"});

    /** The columns of {@link #SUMMED}, comma-separated. */
    static final String SUMMED_COLUMNS =
            String.join(", ", SUMMED.stream().map(c -> c[0]).toList());

    /** {@code figure_sums} built from {@code program_figures} (the summary job, in its own transaction). */
    static final String BUILD_SUMS = "INSERT INTO figure_sums (care_physio, phase, pain_change, " + SUMMED_COLUMNS
            + ")\nSELECT x.care_physio, x.phase, x.pain_change, "
            + String.join(", ", SUMMED.stream().map(c -> "SUM(" + c[1] + ")").toList())
            + "\nFROM program_figures x\nGROUP BY x.care_physio, x.phase, x.pain_change";

    /**
     * The summary's figures made exact: the sums, minus the stored figures of the programs changed since
     * ({@code program_stale}), plus their figures computed now ({@code rated}, restricted to them). Rows of
     * (physio, phase, pain change, then the {@link #SUMMED} columns), to be grouped by the report.
     */
    private static final String PARTS = RATED
            + """
            , parts AS (
                SELECT f.care_physio, f.phase, f.pain_change, %1$s
                FROM figure_sums f
                WHERE 1 = 1 /*physio:f*/
                UNION ALL
                SELECT x.care_physio, x.phase, x.pain_change, %2$s
                FROM program_stale st
                JOIN program_figures x ON x.program_id = st.program_id
                WHERE 1 = 1 /*physio:x*/
                UNION ALL
                SELECT x.care_physio, x.phase, x.pain_change, %3$s
                FROM rated x
            )
            """
                    .formatted(
                            SUMMED.stream()
                                    .map(c -> "f." + c[0] + " AS " + c[0])
                                    .collect(Collectors.joining(", ")),
                            SUMMED.stream().map(c -> "-(" + c[1] + ")").collect(Collectors.joining(", ")),
                            SUMMED.stream().map(c -> c[1]).collect(Collectors.joining(", ")));

    private static final String SUMMARY_OVERVIEW = PARTS
            + """
            SELECT pain_change, SUM(programs), SUM(adh_lt_25), SUM(adh_25_50), SUM(adh_50_75), SUM(adh_75_up),
                   SUM(week4), SUM(week4_improved), SUM(week8), SUM(week8_improved)
            FROM parts
            GROUP BY pain_change
            HAVING SUM(programs) <> 0
            """;

    /** Patients = programs: the summary is used only while no patient has two programs in scope (V1's unique key). */
    private static final String SUMMARY_PHASES = PARTS
            + """
            SELECT phase, SUM(programs), SUM(programs)
            FROM parts
            GROUP BY phase WITH ROLLUP
            HAVING SUM(programs) <> 0
            """;

    private static final String SUMMARY_CASELOAD = PARTS
            + """
            SELECT g.care_physio, g.programs, g.programs, g.adherence_sum / g.programs, COALESCE(al.open_alerts, 0),
                   g.improved
            FROM (
                SELECT care_physio, SUM(programs) AS programs, SUM(adherence_sum) AS adherence_sum,
                       SUM(improved) AS improved
                FROM parts
                GROUP BY care_physio
                HAVING SUM(programs) <> 0
            ) g
            LEFT JOIN (
                SELECT a.care_physio, COUNT(*) AS open_alerts
                FROM alert a
                WHERE a.status = 'OPEN' AND a.created_at < :alertsBefore /*physio:a*/
                GROUP BY a.care_physio
            ) al ON al.care_physio = g.care_physio
            ORDER BY g.care_physio
            """;

    /**
     * The stored referred programs that did not change since, read in the list's order through {@code (referred,
     * started_on, program_id)} (a page reads its rows, not the whole list), merged with the changed ones judged now;
     * the total counts both.
     */
    private static final String SUMMARY_REFERRALS = RATED
            + JUDGED
            + """
            , fresh AS (
                SELECT %1$s
                %2$s
                %3$s
            )
            , page AS (
                (SELECT f.program_id AS id, f.patient_id, f.care_physio, f.phase, f.started_on,
                        ROUND(f.baseline, 1) AS baseline, ROUND(f.recent, 1) AS recent, f.pain_change, f.adherence,
                        f.referral AS rule_code
                 FROM program_figures f
                 WHERE f.referred = 1 /*physio:f*/ /*afterF*/
                   AND NOT EXISTS (SELECT 1 FROM program_stale st WHERE st.program_id = f.program_id)
                 ORDER BY f.started_on, f.program_id
                 /*limitF*/)
                UNION ALL
                (SELECT * FROM fresh /*after*/)
            )
            SELECT id, patient_id, care_physio, phase, started_on, baseline, recent, pain_change, adherence,
                   (SELECT COUNT(*) FROM program_figures f
                    WHERE f.referred = 1 /*physio:f*/
                      AND NOT EXISTS (SELECT 1 FROM program_stale st WHERE st.program_id = f.program_id))
                   + (SELECT COUNT(*) FROM fresh) AS total,
                   rule_code
            FROM page
            ORDER BY started_on, id
            /*limit*/
            """
                    .formatted(REFERRED_COLUMNS, REFERRED_FROM, MATERIALIZE);

    /**
     * A keyset page of the stored programs that did not change since (through {@code (adherence, program_id)}), and
     * the changed ones computed now, merged.
     */
    private static final String SUMMARY_ADHERENCE = RATED
            + """
            , picked AS (
                (SELECT f.program_id AS id, f.patient_id, f.care_physio, f.phase, f.started_on, f.logged_days,
                        f.prescribed, f.adherence
                 FROM program_figures f
                 WHERE NOT EXISTS (SELECT 1 FROM program_stale st WHERE st.program_id = f.program_id)
                       /*physio:f*/ /*afterF*/
                 ORDER BY f.adherence, f.program_id
                 LIMIT %1$d)
                UNION ALL
                (SELECT id, patient_id, care_physio, phase, started_on, logged_days, prescribed, adherence
                 FROM rated
                 /*after*/)
            )
            SELECT id, patient_id, care_physio, phase, started_on, logged_days, prescribed, adherence
            FROM picked
            ORDER BY adherence, id
            LIMIT %1$d
            """;

    private static final Pattern PARAMETER = Pattern.compile(":([a-zA-Z][a-zA-Z0-9]*)");

    private final EntityManager em;
    private final ProgressConfig config;

    public ReportQueries(EntityManager em, ProgressConfig config) {
        this.em = em;
        this.config = config;
    }

    /**
     * Rows of (phase, programs, patients) with a ROLLUP row (phase null) for the totals; {@code fromSummary}: as
     * {@link #summaryServes} answered in this transaction.
     */
    public List<Object[]> programsByPhase(ReportPeriod period, boolean fromSummary) {
        if (fromSummary) {
            return rows(changedOnly(SUMMARY_PHASES), period, cuts(period));
        }
        return rows(PHASES, period, Map.of());
    }

    /** Rows of (Monday of the ISO week, logs), weeks without a log left out. */
    public List<Object[]> sessionsPerWeek(ReportPeriod period) {
        return rows(period.protocol() == null ? WEEKS : WEEKS_OF_PROTOCOL, period, Map.of());
    }

    /**
     * One row per distinct pain change (null for programs without one): the change, its programs, then over those
     * programs four adherence buckets, week-4 programs and improved, week-8 programs and improved. No row when no
     * program is in scope. {@code fromSummary}: as {@link #summaryServes} answered in this transaction.
     */
    public List<Object[]> overviewFigures(ReportPeriod period, boolean fromSummary) {
        return rows(fromSummary ? changedOnly(SUMMARY_OVERVIEW) : OVERVIEW, period, cuts(period));
    }

    /** The start-day cuts of the week-4 and week-8 milestones: programs started on or before them count. */
    static Map<String, Object> cuts(ReportPeriod period) {
        return Map.of(
                "week4Cut",
                period.asOf().minusDays(27),
                "week8Cut",
                period.asOf().minusDays(55));
    }

    /** Rows of (severity, open alerts created before the end of the period). */
    public List<Object[]> openAlerts(ReportPeriod period) {
        return rows(OPEN_ALERTS, period, Map.of());
    }

    /** Rows of (physio, patients, programs, mean adherence, open alerts, improved). */
    public List<Object[]> caseload(ReportPeriod period) {
        if (summaryServes(period)) {
            return rows(changedOnly(SUMMARY_CASELOAD), period, cuts(period));
        }
        return rows(CASELOAD, period, Map.of());
    }

    /**
     * Rows of (program, patient, physio, phase, started, baseline, recent, change, adherence, count of all), oldest
     * first: all of them without a {@code limit}, else at most {@code limit} after the key (started, id) given.
     */
    public List<Object[]> referrals(ReportPeriod period, LocalDate afterStarted, Long afterId, Integer limit) {
        Map<String, Object> extra = referralValues(period);
        String referrals = summaryServes(period) ? changedOnly(SUMMARY_REFERRALS) : REFERRALS;
        String sql = referrals
                .replace("/*limit*/", limit == null ? "" : "LIMIT " + limit.intValue())
                .replace("/*limitF*/", limit == null ? "" : "LIMIT " + limit.intValue());
        if (afterStarted == null) {
            sql = sql.replace("/*after*/", "").replace("/*afterF*/", "");
        } else {
            sql = sql.replace(
                            "/*after*/",
                            "WHERE started_on > :afterStarted OR (started_on = :afterStarted AND id > :afterId)")
                    .replace(
                            "/*afterF*/",
                            "AND (f.started_on > :afterStarted"
                                    + " OR (f.started_on = :afterStarted AND f.program_id > :afterId))");
            extra.put("afterStarted", afterStarted);
            extra.put("afterId", afterId);
        }
        return rows(sql, period, extra);
    }

    /**
     * Rows of (program, patient, physio, phase, started, logged days, prescribed days, adherence) by ascending
     * adherence then program id, after the given key (both null for the first page), at most {@code limit} rows.
     */
    public List<Object[]> lowestAdherence(ReportPeriod period, Integer afterAdherence, Long afterId, int limit) {
        String sql =
                summaryServes(period) ? changedOnly(SUMMARY_ADHERENCE).formatted(limit) : ADHERENCE.formatted(limit);
        Map<String, Object> extra = new HashMap<>();
        if (afterAdherence == null) {
            sql = sql.replace("/*after*/", "").replace("/*afterF*/", "");
        } else {
            sql = sql.replace(
                            "/*after*/",
                            "WHERE adherence > :afterAdherence OR (adherence = :afterAdherence AND id > :afterId)")
                    .replace(
                            "/*afterF*/",
                            "AND (f.adherence > :afterAdherence"
                                    + " OR (f.adherence = :afterAdherence AND f.program_id > :afterId))");
            extra.put("afterAdherence", afterAdherence);
            extra.put("afterId", afterId);
        }
        return rows(sql, period, extra);
    }

    /** The values the referral rule binds ({@link #REFERRAL_RULE}). */
    Map<String, Object> referralValues(ReportPeriod period) {
        Map<String, Object> extra = new HashMap<>();
        ProgressRules.Thresholds rules = ProgressRules.Thresholds.DEFAULTS;
        extra.put("referralCut", period.asOf().minusWeeks(config.referralWeeks()));
        extra.put("judgementFrom", period.asOf().minusDays(rules.judgementDays() - 1L));
        extra.put("judgementLogs", rules.judgementLogs());
        extra.put("painFreeBaseline", rules.painFreeBaseline());
        return extra;
    }

    /**
     * Whether the summary (migration V20, {@link ReportSummary}) holds this period's figures: the default period as
     * of its day, built at the current epoch under today's settings, with one program per patient in scope, and no
     * protocol filter. Read in the report's own transaction, so the report's statement sees the same summary.
     */
    boolean summaryServes(ReportPeriod period) {
        return serves(period, null);
    }

    /**
     * {@link #summaryServes} for the outcomes report: also stored under {@code outcomeSettings} ({@link
     * OutcomeQueries#settings}, the instruments and weeks its figures depend on).
     */
    boolean summaryServesOutcomes(ReportPeriod period, String outcomeSettings) {
        return serves(period, outcomeSettings);
    }

    private boolean serves(ReportPeriod period, String outcomeSettings) {
        if (period.protocol() != null) {
            return false;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> found = em.createNativeQuery(
                        """
                        SELECT as_of, period_from, settings, outcome_settings FROM report_summary
                        WHERE id = 1 AND built_epoch = epoch AND one_program_per_patient = 1
                        """)
                .getResultList();
        if (found.isEmpty()) {
            return false;
        }
        Object[] summary = found.get(0);
        return period.asOf().equals(date(summary[0]))
                && period.from().equals(date(summary[1]))
                && settings().equals(summary[2])
                && (outcomeSettings == null || outcomeSettings.equals(summary[3]));
    }

    /**
     * The settings the figures depend on, stored with the summary: a summary built under others is not used (a
     * restart with a changed setting rebuilds it).
     */
    String settings() {
        ProgressRules.Thresholds rules = ProgressRules.Thresholds.DEFAULTS;
        return "perWeek=%d;points=%s;percent=%s;referralWeeks=%d;judgement=%d/%d;painFree=%s"
                .formatted(
                        config.prescribedPerWeek(),
                        ProgressService.IMPORTANT_POINTS,
                        ProgressService.IMPORTANT_PERCENT,
                        config.referralWeeks(),
                        rules.judgementDays(),
                        rules.judgementLogs(),
                        rules.painFreeBaseline());
    }

    /**
     * {@code sql} with {@code rated} (and {@code judged}) restricted to the programs in {@code program_stale}, each
     * read from its own rows (program first): what the summary does not hold yet.
     */
    static String changedOnly(String sql) {
        return sql.replace("/*only:p*/", "AND p.id IN (SELECT stp.program_id FROM program_stale stp)")
                .replace("/*from:w*/", "program_stale stw STRAIGHT_JOIN ")
                .replace("/*on:w*/", " ON w.program_id = stw.program_id")
                .replace("/*from:s*/", "program_stale sts STRAIGHT_JOIN ")
                .replace("/*on:s*/", " ON s.program_id = sts.program_id");
    }

    /** The referral setting the referrals report applies. */
    public int referralWeeks() {
        return config.referralWeeks();
    }

    /** SQL for "clinically important improvement from the baseline to {@code recent}" as 1 or 0. */
    private static String important(String recent) {
        return ("CASE WHEN m.baseline IS NOT NULL AND %1$s IS NOT NULL AND (ROUND(m.baseline - %1$s, 1) >= :points"
                        + " OR (m.baseline > 0 AND ROUND(100 * ROUND(m.baseline - %1$s, 1) / m.baseline, 1) >= :percent))"
                        + " THEN 1 ELSE 0 END")
                .formatted(recent);
    }

    /**
     * Runs one report statement with the period, filters and settings bound (only the parameters the text names),
     * with {@code extra} for the statement's own; the physio and protocol filters go where the text has its physio
     * markers (alias p for program, a for alert, d for the day counts).
     */
    @SuppressWarnings("unchecked")
    List<Object[]> rows(String sql, ReportPeriod period, Map<String, Object> extra) {
        String text = period.physio() == null
                ? sql.replace("/*physio:p*/", "")
                        .replace("/*physio:a*/", "")
                        .replace("/*physio:d*/", "")
                        .replace("/*physio:f*/", "")
                        .replace("/*physio:x*/", "")
                : sql.replace("/*physio:p*/", "AND p.care_physio = :physio")
                        .replace("/*physio:a*/", "AND a.care_physio = :physio")
                        .replace("/*physio:d*/", "AND d.care_physio = :physio")
                        .replace("/*physio:f*/", "AND f.care_physio = :physio")
                        .replace("/*physio:x*/", "AND x.care_physio = :physio");
        if (period.protocol() != null) {
            // Inserted before the physio markers are gone: every statement filtered by physio is filtered by protocol.
            text = protocolFiltered(sql, period);
        }
        // Statements of the whole clinic read every program's own rows (the summary's markers of changedOnly unused).
        text = text.replace("/*only:p*/", "")
                .replace("/*from:w*/", "")
                .replace("/*on:w*/", "")
                .replace("/*from:s*/", "")
                .replace("/*on:s*/", "");
        Map<String, Object> values = new HashMap<>(extra);
        values.put("periodFrom", period.from());
        values.put("periodTo", period.to());
        values.put("asOf", period.asOf());
        values.put("weekAgo", period.asOf().minusDays(6));
        values.put("asOfMonday", period.asOf().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)));
        // Bit 0 = Monday: the first week's days from the period's start on, the as-of week's up to the as-of day.
        values.put("firstMask", (127 << (period.from().getDayOfWeek().getValue() - 1)) & 127);
        values.put("lastMask", (2 << (period.asOf().getDayOfWeek().getValue() - 1)) - 1);
        values.put("alertsBefore", LocalDateTime.of(period.to().plusDays(1), java.time.LocalTime.MIDNIGHT));
        values.put("perWeek", config.prescribedPerWeek());
        values.put("points", ProgressService.IMPORTANT_POINTS);
        values.put("percent", ProgressService.IMPORTANT_PERCENT);
        if (period.physio() != null) {
            values.put("physio", period.physio());
        }
        if (period.protocol() != null) {
            values.put("protocol", period.protocol());
        }
        Query query = em.createNativeQuery(text);
        PARAMETER.matcher(text).results().map(m -> m.group(1)).distinct().forEach(name -> {
            if (!values.containsKey(name)) {
                throw new IllegalStateException("No value for report parameter " + name);
            }
            query.setParameter(name, values.get(name));
        });
        return query.getResultList();
    }

    private static String protocolFiltered(String sql, ReportPeriod period) {
        String physioP = period.physio() == null ? "" : " AND p.care_physio = :physio";
        String physioA = period.physio() == null ? "" : " AND a.care_physio = :physio";
        return sql.replace("/*physio:p*/", physioP + OF_PROTOCOL_P).replace("/*physio:a*/", physioA + OF_PROTOCOL_A);
    }

    static LocalDate date(Object value) {
        if (value instanceof LocalDate d) {
            return d;
        }
        if (value instanceof java.sql.Date d) {
            return d.toLocalDate();
        }
        if (value instanceof java.util.Date d) {
            return new java.sql.Date(d.getTime()).toLocalDate();
        }
        return value == null ? null : LocalDate.parse(value.toString().substring(0, 10));
    }
}
