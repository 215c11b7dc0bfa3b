package clinic.program.report;

import clinic.program.outcome.Instrument;
import clinic.program.outcome.InstrumentCatalog;
import clinic.program.outcome.MeasureResponse;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The outcomes report's SQL ({@link ReportService#outcomes}): two set-based statements whatever the number of
 * programs or questionnaires, through the period and filters of {@link ReportQueries}. For the default period of a
 * large clinic the reports' summary ({@link ReportSummary}, migration V21) stores each program's share of both (the
 * {@code *Rows} statements here) and the report sums them, taking the programs changed since live.
 *
 * <p><b>Reaching the minimal important change (MIC).</b> An episode is a program discharged in the period. For each
 * of its OUTCOME-kind instruments that has a MIC in {@link InstrumentCatalog} (the stratification screen never
 * counts), its BASELINE score is compared with its later score: the DISCHARGE one, else the latest follow-up
 * ({@code WEEK_<n>}, by completion date). The change in the instrument's better direction (up where higher is better,
 * down for a disability index) reaches the MIC when it is at least the MIC's points, or at least its percent of the
 * baseline. An episode is <i>with measures</i> when at least one instrument has both scores, and reaches the MIC
 * when at least one of those instruments does. Questionnaires completed after the as-of day are not counted, so a
 * past period gives the same answer tomorrow.
 *
 * <p><b>Completion.</b> A time point is due for a program when its window opened in the period (up to the as-of day)
 * while the program was current: BASELINE on the start day, {@code WEEK_<n>} (n from {@code clinic.measures.weeks},
 * default 4,8) {@value #WINDOW_OPENS_DAYS_BEFORE} days before the start + n weeks, and the program not discharged by
 * then; DISCHARGE for a program discharged in the period. Each instrument the clinic offers is due once at each time
 * point (the stratification screen at BASELINE only); it is completed when that questionnaire was answered.
 */
@ApplicationScoped
public class OutcomeQueries {

    /**
     * The collation of the tables' text columns (V17): values bound as parameters come in the connection's, which
     * MySQL 8 defaults to utf8mb4_0900_ai_ci, and comparing the two is an error.
     */
    private static final String COLLATION = "utf8mb4_unicode_ci";

    /** A week's window opens this many days before the week's day (the measures schedule). */
    static final int WINDOW_OPENS_DAYS_BEFORE = 3;

    /**
     * Discharged episodes grouped by protocol, physio and reason: (protocol code, physio, reason, episodes, with
     * measures, reaching the MIC). The instruments and their MIC come in as {@code inst} rows built from the catalog.
     * {@code later} reads the episodes' questionnaires from the episodes (STRAIGHT_JOIN): left to itself MariaDB read
     * every questionnaire of each instrument ever answered and looked up its program (250,000 lookups, 1.6 s at
     * 100,000 programs, against 0.2 s).
     */
    private static final String EPISODES =
            """
            WITH ep AS (
                SELECT p.id, p.care_physio, pr.code AS protocol, p.discharge_reason
                FROM program p
                JOIN protocol pr ON pr.id = p.protocol_id
                WHERE p.status = 'DISCHARGED' AND p.discharged_on BETWEEN :periodFrom AND :asOf /*physio:p*/ /*only:p*/
            ),
            inst AS (
                /*instruments*/
            ),
            later AS (
                SELECT m.program_id, m.instrument, m.score,
                       ROW_NUMBER() OVER (PARTITION BY m.program_id, m.instrument
                                          ORDER BY CASE WHEN m.timepoint = 'DISCHARGE' THEN 1 ELSE 0 END DESC,
                                                   m.completed_on DESC, m.id DESC) AS rn
                FROM ep
                STRAIGHT_JOIN measure_response m ON m.program_id = ep.id
                JOIN inst i ON i.code = m.instrument
                WHERE m.timepoint <> 'BASELINE' AND m.completed_on <= :asOf
            ),
            judged AS (
                SELECT b.program_id,
                       MAX(CASE WHEN (i.points >= 0 AND /*gain*/ >= i.points)
                                  OR (i.pct >= 0 AND b.score <> 0 AND 100 * /*gain*/ / ABS(b.score) >= i.pct)
                                THEN 1 ELSE 0 END) AS reached
                FROM ep
                JOIN measure_response b ON b.program_id = ep.id AND b.timepoint = 'BASELINE'
                JOIN inst i ON i.code = b.instrument
                JOIN later l ON l.program_id = b.program_id AND l.instrument = b.instrument AND l.rn = 1
                WHERE b.completed_on <= :asOf
                GROUP BY b.program_id
            )
            """
                    // The change in the better direction (MariaDB has no LATERAL to name it once).
                    .replace("/*gain*/", "(CASE WHEN i.higher = 1 THEN l.score - b.score ELSE b.score - l.score END)");

    /** Each episode: (program, protocol code, physio, reason, with measures 0/1, reaching the MIC 0/1). */
    private static final String EPISODE_ROWS =
            """
            SELECT ep.id, ep.protocol, ep.care_physio, ep.discharge_reason,
                   CASE WHEN j.program_id IS NULL THEN 0 ELSE 1 END, COALESCE(j.reached, 0)
            FROM ep
            LEFT JOIN judged j ON j.program_id = ep.id
            """;

    private static final String OUTCOMES = EPISODES
            + """
            SELECT ep.protocol, ep.care_physio, ep.discharge_reason, COUNT(*), COUNT(j.program_id),
                   COALESCE(SUM(j.reached), 0)
            FROM ep
            LEFT JOIN judged j ON j.program_id = ep.id
            GROUP BY ep.protocol, ep.care_physio, ep.discharge_reason
            """;

    /**
     * {@link #OUTCOMES} from the summary ({@code episode_figures}, migration V21): the stored episodes, minus those of
     * the programs changed since, plus theirs computed now ({@code ep} restricted to them by {@link
     * ReportQueries#changedOnly}).
     */
    private static final String SUMMARY_OUTCOMES = EPISODES
            + """
            , parts AS (
                SELECT f.protocol, f.care_physio, f.discharge_reason, 1 AS episodes, f.with_measures AS measured,
                       f.reached
                FROM episode_figures f
                WHERE 1 = 1 /*physio:f*/
                UNION ALL
                SELECT x.protocol, x.care_physio, x.discharge_reason, -1, -x.with_measures, -x.reached
                FROM program_stale st
                JOIN episode_figures x ON x.program_id = st.program_id
                WHERE 1 = 1 /*physio:x*/
                UNION ALL
                SELECT ep.protocol, ep.care_physio, ep.discharge_reason, 1,
                       CASE WHEN j.program_id IS NULL THEN 0 ELSE 1 END, COALESCE(j.reached, 0)
                FROM ep
                LEFT JOIN judged j ON j.program_id = ep.id
            )
            SELECT protocol, care_physio, discharge_reason, SUM(episodes), SUM(measured), SUM(reached)
            FROM parts
            GROUP BY protocol, care_physio, discharge_reason
            HAVING SUM(episodes) <> 0
            """;

    /**
     * Due and completed questionnaires per time point: (time point, due, completed). {@code tp} has the time points
     * with the days after the start their window opens; {@code ti} pairs each time point with the instruments due at it.
     */
    private static final String DUE =
            """
            WITH tp AS (
                /*timepoints*/
            ),
            ti AS (
                /*pairs*/
            ),
            due AS (
                SELECT p.id, p.care_physio, tp.code
                FROM program p
                JOIN tp ON p.started_on BETWEEN :periodFrom - INTERVAL tp.opens DAY AND :asOf - INTERVAL tp.opens DAY
                WHERE (p.discharged_on IS NULL OR p.discharged_on > p.started_on + INTERVAL tp.opens DAY)
                      /*physio:p*/ /*only:p*/
                UNION ALL
                SELECT p.id, p.care_physio, 'DISCHARGE'
                FROM program p
                WHERE p.status = 'DISCHARGED' AND p.discharged_on BETWEEN :periodFrom AND :asOf /*physio:p*/ /*only:p*/
            )
            """;

    /** The due questionnaires with the completed ones: {@code d} the program and time point, {@code m} the answer. */
    private static final String DUE_FROM =
            """
            FROM due d
            JOIN ti ON ti.code = d.code
            LEFT JOIN measure_response m
                   ON m.program_id = d.id AND m.instrument = ti.instrument AND m.timepoint = d.code
                  AND m.completed_on <= :asOf
            """;

    private static final String COMPLETION =
            DUE + "SELECT d.code, COUNT(*), COUNT(m.id)\n" + DUE_FROM + "GROUP BY d.code\n";

    /** Per program and time point due: (program, physio, time point, due, completed). */
    private static final String COMPLETION_ROWS = DUE + "SELECT d.id, d.care_physio, d.code, COUNT(*), COUNT(m.id)\n"
            + DUE_FROM + "GROUP BY d.id, d.care_physio, d.code\n";

    /** {@link #COMPLETION} from the summary ({@code completion_figures}), made exact as {@link #SUMMARY_OUTCOMES}. */
    private static final String SUMMARY_COMPLETION = DUE
            + """
            , parts AS (
                SELECT f.timepoint AS code, f.due, f.done
                FROM completion_figures f
                WHERE 1 = 1 /*physio:f*/
                UNION ALL
                SELECT x.timepoint, -x.due, -x.done
                FROM program_stale st
                JOIN completion_figures x ON x.program_id = st.program_id
                WHERE 1 = 1 /*physio:x*/
                UNION ALL
                SELECT d.code, COUNT(*), COUNT(m.id)
            """
            + DUE_FROM.indent(4)
            + """
                GROUP BY d.code
            )
            SELECT code, SUM(due), SUM(done)
            FROM parts
            GROUP BY code
            HAVING SUM(due) <> 0
            """;

    private final ReportQueries queries;
    private final InstrumentCatalog catalog;
    private final List<Integer> weeks;

    /** {@link #settings()} once computed: the catalog and the weeks are fixed for the service's life. */
    private volatile String settings;

    public OutcomeQueries(
            ReportQueries queries,
            InstrumentCatalog catalog,
            @ConfigProperty(name = "clinic.measures.weeks") Optional<List<Integer>> weeks) {
        this.queries = queries;
        this.catalog = catalog;
        this.weeks = List.copyOf(new TreeSet<>(weeks.orElse(List.of(4, 8)).stream()
                .filter(w -> w != null && w > 0)
                .toList()));
    }

    /** The time points a report lists, in order: BASELINE, each configured week, DISCHARGE. */
    public List<String> timepoints() {
        List<String> codes = new ArrayList<>();
        codes.add(MeasureResponse.BASELINE);
        weeks.forEach(w -> codes.add(MeasureResponse.week(w)));
        codes.add(MeasureResponse.DISCHARGE);
        return codes;
    }

    /**
     * Rows of (protocol code, physio, discharge reason, episodes, with measures, reaching the MIC); {@code
     * fromSummary}: as {@link ReportQueries#summaryServesOutcomes} answered in this transaction.
     */
    public List<Object[]> outcomes(ReportPeriod period, boolean fromSummary) {
        Map<String, Object> extra = new HashMap<>();
        String sql = (fromSummary ? ReportQueries.changedOnly(SUMMARY_OUTCOMES) : OUTCOMES)
                .replace("/*instruments*/", instruments(extra));
        return queries.rows(sql, period, extra);
    }

    /**
     * Rows of (time point, due, completed) for the time points with anything due; none when the clinic offers no
     * instrument. {@code fromSummary}: as {@link ReportQueries#summaryServesOutcomes} answered in this transaction.
     */
    public List<Object[]> completion(ReportPeriod period, boolean fromSummary) {
        Map<String, Object> extra = new HashMap<>();
        String sql = due(fromSummary ? ReportQueries.changedOnly(SUMMARY_COMPLETION) : COMPLETION, extra);
        return sql == null ? List.of() : queries.rows(sql, period, extra);
    }

    /**
     * For the summary job: each episode of the period as (program, protocol code, physio, reason, with measures 0/1,
     * reaching the MIC 0/1); only the programs marked changed when {@code changedOnly}.
     */
    List<Object[]> episodeRows(ReportPeriod period, boolean changedOnly) {
        Map<String, Object> extra = new HashMap<>();
        String sql = (changedOnly ? ReportQueries.changedOnly(EPISODES + EPISODE_ROWS) : EPISODES + EPISODE_ROWS)
                .replace("/*instruments*/", instruments(extra));
        return queries.rows(sql, period, extra);
    }

    /**
     * For the summary job: each program and time point due in the period as (program, physio, time point, due,
     * completed); only the programs marked changed when {@code changedOnly}.
     */
    List<Object[]> completionRows(ReportPeriod period, boolean changedOnly) {
        Map<String, Object> extra = new HashMap<>();
        String sql = due(changedOnly ? ReportQueries.changedOnly(COMPLETION_ROWS) : COMPLETION_ROWS, extra);
        return sql == null ? List.of() : queries.rows(sql, period, extra);
    }

    /**
     * What the outcome figures depend on beyond the period: the instruments with their MIC and direction, those the
     * clinic offers at each time point, and the measures' weeks, as a hash of the values both statements bind. A
     * summary stored under other settings is not used ({@code report_summary.outcome_settings}).
     */
    String settings() {
        String known = settings;
        if (known == null) {
            known = settingsHash();
            settings = known;
        }
        return known;
    }

    private String settingsHash() {
        Map<String, Object> bound = new TreeMap<>();
        String text = instruments(bound) + "|" + due(DUE, bound);
        StringBuilder all = new StringBuilder(text);
        bound.forEach((name, value) -> all.append('|').append(name).append('=').append(value));
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256")
                            .digest(all.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** The {@code inst} rows: the OUTCOME instruments with a MIC, their values put in {@code extra}. */
    private String instruments(Map<String, Object> extra) {
        List<String> selects = new ArrayList<>();
        int n = 0;
        for (Instrument instrument : catalog.all()) {
            if (!Instrument.OUTCOME.equals(instrument.kind())
                    || instrument.mic() == null
                    || instrument.scoring() == null
                    || (instrument.mic().points() == null && instrument.mic().percent() == null)) {
                continue;
            }
            selects.add(("SELECT CAST(:code%1$d AS CHAR(20) CHARACTER SET utf8mb4) COLLATE " + COLLATION
                            + " AS code, :higher%1$d AS higher,"
                            + " CAST(:points%1$d AS DECIMAL(9,2)) AS points, CAST(:pct%1$d AS DECIMAL(9,2)) AS pct")
                    .formatted(n));
            extra.put("code" + n, instrument.code());
            extra.put("higher" + n, instrument.scoring().higherIsBetter() ? 1 : 0);
            // -1: no such threshold (a change is never compared with it).
            extra.put("points" + n, orNone(instrument.mic().points()));
            extra.put("pct" + n, orNone(instrument.mic().percent()));
            n++;
        }
        return selects.isEmpty()
                ? "SELECT CAST(NULL AS CHAR(20) CHARACTER SET utf8mb4) COLLATE " + COLLATION
                        + " AS code, 0 AS higher, -1 AS points, -1 AS pct FROM DUAL WHERE 1 = 0"
                : String.join("\nUNION ALL ", selects);
    }

    /**
     * {@code sql} (one of the statements on {@link #DUE}) with its time points and due instruments, their values put
     * in {@code extra}; null when the clinic offers no instrument.
     */
    private String due(String sql, Map<String, Object> extra) {
        Map<String, List<String>> due = dueInstruments();
        if (due.values().stream().allMatch(List::isEmpty)) {
            return null;
        }
        List<String> timepoints = new ArrayList<>();
        timepoints.add(
                "SELECT CAST(:tp0 AS CHAR(20) CHARACTER SET utf8mb4) COLLATE " + COLLATION + " AS code, 0 AS opens");
        extra.put("tp0", MeasureResponse.BASELINE);
        for (int i = 0; i < weeks.size(); i++) {
            timepoints.add("SELECT :tp%1$d, :opens%1$d".formatted(i + 1));
            extra.put("tp" + (i + 1), MeasureResponse.week(weeks.get(i)));
            extra.put("opens" + (i + 1), weeks.get(i) * 7 - WINDOW_OPENS_DAYS_BEFORE);
        }
        List<String> pairs = new ArrayList<>();
        int n = 0;
        for (Map.Entry<String, List<String>> entry : due.entrySet()) {
            for (String instrument : entry.getValue()) {
                pairs.add((n == 0
                                ? "SELECT CAST(:pt%1$d AS CHAR(20) CHARACTER SET utf8mb4) COLLATE " + COLLATION
                                        + " AS code,"
                                        + " CAST(:pi%1$d AS CHAR(20) CHARACTER SET utf8mb4) COLLATE " + COLLATION
                                        + " AS instrument"
                                : "SELECT :pt%1$d, :pi%1$d")
                        .formatted(n));
                extra.put("pt" + n, entry.getKey());
                extra.put("pi" + n, instrument);
                n++;
            }
        }
        return sql.replace("/*timepoints*/", String.join("\nUNION ALL ", timepoints))
                .replace("/*pairs*/", String.join("\nUNION ALL ", pairs));
    }

    /** Per time point, the codes of the instruments due at it: every offered one, the stratification at BASELINE only. */
    Map<String, List<String>> dueInstruments() {
        Map<String, List<String>> due = new LinkedHashMap<>();
        for (String timepoint : timepoints()) {
            due.put(
                    timepoint,
                    catalog.enabled().stream()
                            .filter(i -> Instrument.OUTCOME.equals(i.kind())
                                    || (Instrument.STRATIFICATION.equals(i.kind())
                                            && MeasureResponse.BASELINE.equals(timepoint)))
                            .map(Instrument::code)
                            .toList());
        }
        return due;
    }

    private static double orNone(Double value) {
        return value == null ? -1 : value;
    }
}
