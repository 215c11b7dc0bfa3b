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
                WHERE p.status IN ('ACTIVE', 'ON_HOLD') AND p.started_on <= :asOf /*physio:p*/
            ),
            days AS (
                SELECT w.program_id,
                       SUM(BIT_COUNT(w.days_mask
                           & CASE WHEN w.week_start < :periodFrom THEN :firstMask ELSE 127 END
                           & CASE WHEN w.week_start = :asOfMonday THEN :lastMask ELSE 127 END)) AS logged_days
                FROM program_week w
                WHERE w.week_start > :periodFrom - INTERVAL 7 DAY AND w.week_start <= :asOf
                GROUP BY w.program_id
                /*materialize*/
            ),
            recent AS (
                SELECT s.program_id, AVG(s.pain_before) AS recent
                FROM session_log s
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
            + """
            , judged AS (
                SELECT s.program_id, COUNT(*) AS logs,
                       MAX(CASE WHEN s.session_date >= :weekAgo THEN s.pain_stops_sleep_or_work ELSE 0 END) AS disabling
                FROM session_log s
                WHERE s.session_date BETWEEN :judgementFrom AND :asOf
                GROUP BY s.program_id
                %1$s
            )
            , referred AS (
                SELECT r.id, r.patient_id, r.care_physio, r.phase, r.started_on, ROUND(r.baseline, 1) AS baseline,
                       ROUND(r.recent, 1) AS recent, r.pain_change, r.adherence,
                       CASE WHEN COALESCE(j.disabling, 0) = 1 THEN 'SEVERE_OR_DISABLING'
                            ELSE 'NO_IMPORTANT_IMPROVEMENT' END AS rule_code,
                       COUNT(*) OVER () AS total
                FROM rated r
                LEFT JOIN judged j ON j.program_id = r.id
                WHERE COALESCE(j.disabling, 0) = 1
                   OR (r.improved = 0 AND r.started_on <= :referralCut AND r.recent IS NOT NULL
                       AND COALESCE(j.logs, 0) >= :judgementLogs AND r.baseline > :painFreeBaseline)
                %1$s
            )
            SELECT id, patient_id, care_physio, phase, started_on, baseline, recent, pain_change, adherence, total,
                   rule_code
            FROM referred
            /*after*/
            ORDER BY started_on, id
            /*limit*/
            """
                    .formatted(MATERIALIZE);

    /** Keyset page: rows after the cursor (adherence, id), never OFFSET. */
    private static final String ADHERENCE = RATED
            + """
            SELECT id, patient_id, care_physio, phase, started_on, logged_days, prescribed, adherence
            FROM rated
            /*after*/
            ORDER BY adherence, id
            LIMIT %d
            """;

    private static final Pattern PARAMETER = Pattern.compile(":([a-zA-Z][a-zA-Z0-9]*)");

    private final EntityManager em;
    private final ProgressConfig config;

    public ReportQueries(EntityManager em, ProgressConfig config) {
        this.em = em;
        this.config = config;
    }

    /** Rows of (phase, programs, patients) with a ROLLUP row (phase null) for the totals. */
    public List<Object[]> programsByPhase(ReportPeriod period) {
        return rows(PHASES, period, Map.of());
    }

    /** Rows of (Monday of the ISO week, logs), weeks without a log left out. */
    public List<Object[]> sessionsPerWeek(ReportPeriod period) {
        return rows(period.protocol() == null ? WEEKS : WEEKS_OF_PROTOCOL, period, Map.of());
    }

    /**
     * One row per distinct pain change (null for programs without one): the change, its programs, then over those
     * programs four adherence buckets, week-4 programs and improved, week-8 programs and improved. No row when no
     * program is in scope.
     */
    public List<Object[]> overviewFigures(ReportPeriod period) {
        return rows(
                OVERVIEW,
                period,
                Map.of(
                        "week4Cut", period.asOf().minusDays(27),
                        "week8Cut", period.asOf().minusDays(55)));
    }

    /** Rows of (severity, open alerts created before the end of the period). */
    public List<Object[]> openAlerts(ReportPeriod period) {
        return rows(OPEN_ALERTS, period, Map.of());
    }

    /** Rows of (physio, patients, programs, mean adherence, open alerts, improved). */
    public List<Object[]> caseload(ReportPeriod period) {
        return rows(CASELOAD, period, Map.of());
    }

    /**
     * Rows of (program, patient, physio, phase, started, baseline, recent, change, adherence, count of all), oldest
     * first: all of them without a {@code limit}, else at most {@code limit} after the key (started, id) given.
     */
    public List<Object[]> referrals(ReportPeriod period, LocalDate afterStarted, Long afterId, Integer limit) {
        Map<String, Object> extra = new HashMap<>();
        ProgressRules.Thresholds rules = ProgressRules.Thresholds.DEFAULTS;
        extra.put("referralCut", period.asOf().minusWeeks(config.referralWeeks()));
        extra.put("judgementFrom", period.asOf().minusDays(rules.judgementDays() - 1L));
        extra.put("judgementLogs", rules.judgementLogs());
        extra.put("painFreeBaseline", rules.painFreeBaseline());
        String sql = REFERRALS.replace("/*limit*/", limit == null ? "" : "LIMIT " + limit.intValue());
        if (afterStarted == null) {
            sql = sql.replace("/*after*/", "");
        } else {
            sql = sql.replace(
                    "/*after*/", "WHERE started_on > :afterStarted OR (started_on = :afterStarted AND id > :afterId)");
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
        String sql = ADHERENCE.formatted(limit);
        Map<String, Object> extra = new HashMap<>();
        if (afterAdherence == null) {
            sql = sql.replace("/*after*/", "");
        } else {
            sql = sql.replace(
                    "/*after*/",
                    "WHERE adherence > :afterAdherence OR (adherence = :afterAdherence AND id > :afterId)");
            extra.put("afterAdherence", afterAdherence);
            extra.put("afterId", afterId);
        }
        return rows(sql, period, extra);
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
                ? sql.replace("/*physio:p*/", "").replace("/*physio:a*/", "").replace("/*physio:d*/", "")
                : sql.replace("/*physio:p*/", "AND p.care_physio = :physio")
                        .replace("/*physio:a*/", "AND a.care_physio = :physio")
                        .replace("/*physio:d*/", "AND d.care_physio = :physio");
        if (period.protocol() != null) {
            // Inserted before the physio markers are gone: every statement filtered by physio is filtered by protocol.
            text = protocolFiltered(sql, period);
        }
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
