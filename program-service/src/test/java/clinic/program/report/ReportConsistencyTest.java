package clinic.program.report;

import static clinic.program.testing.Fixtures.TOKENS;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import clinic.program.progress.ProgressService;
import clinic.program.testing.Fixtures;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The reports read stored aggregates (migration V4, kept by {@code report/ReportAggregates} with each log). Here
 * sessions are logged through the API, in and out of date order, twice on a day, replayed with an idempotency key,
 * concurrently, and on both sides of the week-4 and week-8 boundaries; then every report figure is compared with a
 * plain computation from the raw logs in this test (the definitions of {@code ReportQueries}), for several periods,
 * and the stored rows with the migration's backfill query over the same logs.
 */
@QuarkusTest
class ReportConsistencyTest {

    private static final LocalDate TODAY = LocalDate.now();

    @Inject
    EntityManager em;

    private Fixtures.Assigned programStarted(int daysAgo, String physio) {
        return Fixtures.programStarted(em, daysAgo, physio);
    }

    private static int log(Fixtures.Assigned a, int daysAgo, int pain, String key) {
        var request = given().auth().oauth2(a.patientToken()).contentType(ContentType.JSON);
        if (key != null) {
            request = request.header("Idempotency-Key", key);
        }
        return request.body(Map.of(
                        "date",
                        TODAY.minusDays(daysAgo).toString(),
                        "painBefore",
                        pain,
                        "painAfter",
                        Math.max(0, pain - 1),
                        "exercises",
                        List.of()))
                .post("/api/programs/{id}/sessions", a.programId())
                .then()
                .extract()
                .statusCode();
    }

    private static void log(Fixtures.Assigned a, int daysAgo, int pain) {
        assertThat(log(a, daysAgo, pain, null)).isEqualTo(201);
    }

    @Test
    void reportFiguresEqualTheRawLogDefinitionForEveryPeriod() throws Exception {
        String physio = "consistency-" + System.nanoTime();

        // Week 4 is days 21-27 of a program, week 8 days 49-55: logs on both sides of each boundary.
        Fixtures.Assigned boundaries = programStarted(60, physio);
        int[][] days = {
            {0, 7}, {1, 7}, {2, 6}, {20, 1}, {21, 5}, {21, 3}, {27, 4}, {28, 0}, {48, 0}, {49, 4}, {55, 3}, {56, 0},
            {59, 3}, {60, 2}
        };
        for (int[] d : days) {
            log(boundaries, 60 - d[0], d[1]);
        }

        // Logged out of date order: each late log dated before the third changes the baseline.
        Fixtures.Assigned backdated = programStarted(50, physio);
        log(backdated, 40, 6);
        log(backdated, 30, 5);
        log(backdated, 2, 2);
        log(backdated, 45, 8);
        log(backdated, 50, 9);
        log(backdated, 30, 4);
        log(backdated, 1, 2);

        // An idempotent replay and concurrent duplicates of one request count once.
        Fixtures.Assigned replayed = programStarted(44, physio);
        log(replayed, 44, 7);
        log(replayed, 43, 7);
        String key = "replay-" + System.nanoTime();
        assertThat(log(replayed, 42, 6, key)).isEqualTo(201);
        assertThat(log(replayed, 42, 6, key)).isEqualTo(201);
        String racing = "race-" + System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Integer>> same = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                same.add(() -> log(replayed, 3, 3, racing));
            }
            for (Future<Integer> f : pool.invokeAll(same)) {
                assertThat(f.get()).isEqualTo(201);
            }

            // Different logs of one new program at once: the first three must still be the first three.
            Fixtures.Assigned concurrent = programStarted(30, physio);
            List<Callable<Integer>> different = new ArrayList<>();
            int[][] burst = {{30, 6}, {29, 6}, {28, 5}, {10, 3}, {5, 2}, {0, 2}};
            for (int[] b : burst) {
                different.add(() -> log(concurrent, b[0], b[1], null));
            }
            for (Future<Integer> f : pool.invokeAll(different)) {
                assertThat(f.get()).isEqualTo(201);
            }
        } finally {
            pool.shutdownNow();
        }

        programStarted(30, physio); // no log at all
        Fixtures.Assigned two = programStarted(10, physio); // a baseline of two logs
        log(two, 9, 5);
        log(two, 0, 3);

        Map<Long, Program> programs = load(physio);
        assertThat(programs).hasSize(6);
        assertThat(programs.get(replayed.programId()).logs).hasSize(4);

        List<Map<String, String>> periods = List.of(
                Map.of(),
                Map.of("from", TODAY.minusDays(20).toString(), "to", TODAY.toString()),
                Map.of(
                        "from",
                        TODAY.minusDays(90).toString(),
                        "to",
                        TODAY.minusDays(45).toString()),
                Map.of(
                        "from",
                        TODAY.minusDays(70).toString(),
                        "to",
                        TODAY.minusDays(59).toString()),
                Map.of(
                        "from",
                        TODAY.minusDays(40).toString(),
                        "to",
                        TODAY.minusDays(4).toString()),
                Map.of(
                        "from",
                        TODAY.minusDays(6).toString(),
                        "to",
                        TODAY.plusDays(10).toString()));
        for (Map<String, String> period : periods) {
            LocalDate to = period.containsKey("to") ? LocalDate.parse(period.get("to")) : TODAY;
            LocalDate from = period.containsKey("from") ? LocalDate.parse(period.get("from")) : to.minusWeeks(12);
            LocalDate asOf = to.isAfter(TODAY) ? TODAY : to;
            List<Expected> expected = programs.values().stream()
                    .filter(p -> !p.startedOn.isAfter(asOf))
                    .map(p -> Expected.of(p, from, asOf))
                    .toList();
            Map<String, Object> query = new HashMap<>(period);
            query.put("physio", physio);
            compare(query, from, to, expected, asOf);
        }

        assertStoredRowsEqualTheBackfill(programs.keySet());
        assertDayCountsEqualTheBackfill(physio);
    }

    private void compare(
            Map<String, Object> query, LocalDate from, LocalDate to, List<Expected> expected, LocalDate asOf) {
        String at = " for " + query;

        Map<String, Object> page = new HashMap<>(query);
        page.put("size", 100);
        JsonPath adherence = report("adherence", page);
        List<Expected> byAdherence = expected.stream()
                .sorted(Comparator.comparingInt((Expected e) -> e.adherence).thenComparingLong(e -> e.program.id))
                .toList();
        assertThat(adherence.getList("items.programId", Long.class))
                .as("adherence order" + at)
                .containsExactlyElementsOf(
                        byAdherence.stream().map(e -> e.program.id).toList());
        assertThat(adherence.getList("items.loggedDays", Long.class))
                .as("logged days" + at)
                .containsExactlyElementsOf(
                        byAdherence.stream().map(e -> e.loggedDays).toList());
        assertThat(adherence.getList("items.prescribedDays", Long.class))
                .as("prescribed days" + at)
                .containsExactlyElementsOf(
                        byAdherence.stream().map(e -> e.prescribed).toList());
        assertThat(adherence.getList("items.adherence", Integer.class))
                .as("adherence" + at)
                .containsExactlyElementsOf(
                        byAdherence.stream().map(e -> e.adherence).toList());

        JsonPath referrals = report("referrals", query);
        LocalDate cut = asOf.minusWeeks(6);
        // ProgressRules' referral: enough logs to judge (3 in the last 14 days, one in the last 7) and a baseline
        // above the pain-free 2; these logs never say the pain stops sleep or work.
        List<Expected> referred = expected.stream()
                .filter(e -> !e.improved
                        && !e.program.startedOn.isAfter(cut)
                        && e.recent != null
                        && e.logsLast14Days >= 3
                        && e.baseline.compareTo(BigDecimal.valueOf(2)) > 0)
                .sorted(Comparator.comparing((Expected e) -> e.program.startedOn)
                        .thenComparingLong(e -> e.program.id))
                .toList();
        assertThat(referrals.getList("items.programId", Long.class))
                .as("referrals" + at)
                .containsExactlyElementsOf(
                        referred.stream().map(e -> e.program.id).toList());
        for (int i = 0; i < referred.size(); i++) {
            Expected e = referred.get(i);
            assertThat(referrals.getString("items[" + i + "].baseline"))
                    .as("baseline of %d%s", e.program.id, at)
                    .isEqualTo(text(round1(e.baseline)));
            assertThat(referrals.getString("items[" + i + "].last7DaysMean"))
                    .as("7-day mean of %d%s", e.program.id, at)
                    .isEqualTo(text(round1(e.recent)));
            assertThat(referrals.getString("items[" + i + "].painChange"))
                    .as("change of %d%s", e.program.id, at)
                    .isEqualTo(text(e.change));
        }

        JsonPath overview = report("overview", query);
        assertThat(overview.getInt("activePrograms")).as("programs" + at).isEqualTo(expected.size());
        int[] buckets = new int[4];
        expected.forEach(e -> buckets[Math.min(3, e.adherence / 25)]++);
        assertThat(overview.getList("adherenceDistribution.programs", Integer.class))
                .as("buckets" + at)
                .containsExactly(buckets[0], buckets[1], buckets[2], buckets[3]);
        List<BigDecimal> changes = expected.stream()
                .map(e -> e.change)
                .filter(c -> c != null)
                .sorted()
                .toList();
        Double median = changes.isEmpty()
                ? null
                : round(changes.get((changes.size() - 1) / 2)
                        .add(changes.get(changes.size() / 2))
                        .divide(BigDecimal.valueOf(2))
                        .doubleValue());
        assertThat(overview.getString("medianPainChange")).as("median" + at).isEqualTo(text(median));
        long week4 = expected.stream()
                .filter(e -> !e.program.startedOn.isAfter(asOf.minusDays(27)))
                .count();
        long week4Improved = expected.stream()
                .filter(e -> !e.program.startedOn.isAfter(asOf.minusDays(27)) && e.improvedWeek4)
                .count();
        long week8 = expected.stream()
                .filter(e -> !e.program.startedOn.isAfter(asOf.minusDays(55)))
                .count();
        long week8Improved = expected.stream()
                .filter(e -> !e.program.startedOn.isAfter(asOf.minusDays(55)) && e.improvedWeek8)
                .count();
        assertThat(overview.getList("improvement.programs", Long.class))
                .as("milestone programs" + at)
                .containsExactly(week4, week8);
        assertThat(overview.getList("improvement.improved", Long.class))
                .as("milestone improved" + at)
                .containsExactly(week4Improved, week8Improved);
        long logsInPeriod = expected.stream()
                .flatMap(e -> e.program.logs.stream())
                .filter(l -> !l.date.isBefore(from) && !l.date.isAfter(to))
                .count();
        assertThat(overview.getList("sessionsPerWeek.sessions", Long.class).stream()
                        .mapToLong(Long::longValue)
                        .sum())
                .as("sessions per week" + at)
                .isEqualTo(logsInPeriod);
        Map<LocalDate, Long> perWeek = new HashMap<>();
        for (Expected e : expected) {
            for (RawLog l : e.program.logs) {
                if (!l.date.isBefore(from) && !l.date.isAfter(to)) {
                    perWeek.merge(l.date.minusDays(l.date.getDayOfWeek().getValue() - 1), 1L, Long::sum);
                }
            }
        }
        List<String> weeks = overview.getList("sessionsPerWeek.weekStart", String.class);
        for (int i = 0; i < weeks.size(); i++) {
            assertThat(overview.getLong("sessionsPerWeek[" + i + "].sessions"))
                    .as("week %s%s", weeks.get(i), at)
                    .isEqualTo(perWeek.getOrDefault(LocalDate.parse(weeks.get(i)), 0L));
        }

        JsonPath caseload = report("caseload", query);
        long improved = expected.stream().filter(e -> e.improved).count();
        assertThat(caseload.getLong("items[0].improved")).as("improved" + at).isEqualTo(improved);
        assertThat(caseload.getLong("items[0].activePrograms"))
                .as("caseload programs" + at)
                .isEqualTo(expected.size());
    }

    private static JsonPath report(String name, Map<String, ?> query) {
        return given().auth()
                .oauth2(TOKENS.admin("admin"))
                .queryParams(query)
                .accept(ContentType.JSON)
                .get("/api/reports/{name}", name)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    /** The stored rows equal what migration V4's backfill computes from the same logs. */
    private void assertStoredRowsEqualTheBackfill(java.util.Set<Long> ids) {
        String in = ids.stream().map(String::valueOf).collect(Collectors.joining(","));
        QuarkusTransaction.requiringNew().run(() -> {
            List<String> stored = strings(em.createNativeQuery(
                            "SELECT program_id, week_start, days_mask, logs FROM program_week WHERE program_id IN ("
                                    + in + ") ORDER BY program_id, week_start")
                    .getResultList());
            List<String> backfill = strings(em.createNativeQuery(
                            """
                            SELECT s.program_id, s.session_date - INTERVAL WEEKDAY(s.session_date) DAY AS wk,
                                   BIT_OR(1 << WEEKDAY(s.session_date)), COUNT(*)
                            FROM session_log s WHERE s.program_id IN (%s)
                            GROUP BY s.program_id, wk ORDER BY s.program_id, wk
                            """
                                    .formatted(in))
                    .getResultList());
            assertThat(stored).isNotEmpty().containsExactlyElementsOf(backfill);

            List<String> outcomes = strings(em.createNativeQuery(
                            """
                            SELECT program_id, logs, first1_on, first1_pain, first2_on, first2_pain, first3_on,
                                   first3_pain, week4_logs, week4_pain_sum, week8_logs, week8_pain_sum
                            FROM program_outcome WHERE program_id IN (%s) ORDER BY program_id
                            """
                                    .formatted(in))
                    .getResultList());
            List<String> expected = strings(em.createNativeQuery(
                            """
                            SELECT r.program_id, COUNT(*),
                                   MAX(CASE WHEN r.rn = 1 THEN r.session_date END),
                                   MAX(CASE WHEN r.rn = 1 THEN r.pain_before END),
                                   MAX(CASE WHEN r.rn = 2 THEN r.session_date END),
                                   MAX(CASE WHEN r.rn = 2 THEN r.pain_before END),
                                   MAX(CASE WHEN r.rn = 3 THEN r.session_date END),
                                   MAX(CASE WHEN r.rn = 3 THEN r.pain_before END),
                                   SUM(CASE WHEN r.day BETWEEN 21 AND 27 THEN 1 ELSE 0 END),
                                   SUM(CASE WHEN r.day BETWEEN 21 AND 27 THEN r.pain_before ELSE 0 END),
                                   SUM(CASE WHEN r.day BETWEEN 49 AND 55 THEN 1 ELSE 0 END),
                                   SUM(CASE WHEN r.day BETWEEN 49 AND 55 THEN r.pain_before ELSE 0 END)
                            FROM (
                                SELECT s.program_id, s.session_date, s.pain_before,
                                       DATEDIFF(s.session_date, p.started_on) AS day,
                                       ROW_NUMBER() OVER (PARTITION BY s.program_id ORDER BY s.session_date, s.id)
                                           AS rn
                                FROM session_log s JOIN program p ON p.id = s.program_id
                                WHERE s.program_id IN (%s)
                            ) r
                            GROUP BY r.program_id ORDER BY r.program_id
                            """
                                    .formatted(in))
                    .getResultList());
            assertThat(outcomes).hasSize(5).containsExactlyElementsOf(expected);
        });
    }

    /**
     * The weekly series' day counts (migration V11), kept by the log path through the replays, the concurrent
     * duplicates that roll back and the out-of-order logs above, equal what V11's backfill computes from the same
     * logs (the physio is this test's own, so no other test's logs are in its rows).
     */
    private void assertDayCountsEqualTheBackfill(String physio) {
        QuarkusTransaction.requiringNew().run(() -> {
            List<String> stored = strings(em.createNativeQuery(
                            """
                            SELECT log_date, slot, logs FROM report_day_logs WHERE care_physio = ?1
                            ORDER BY log_date, slot
                            """)
                    .setParameter(1, physio)
                    .getResultList());
            List<String> backfill = strings(em.createNativeQuery(
                            """
                            SELECT s.session_date, MOD(s.program_id, 4) AS slot, COUNT(*)
                            FROM session_log s JOIN program p ON p.id = s.program_id
                            WHERE p.care_physio = ?1
                            GROUP BY s.session_date, slot ORDER BY s.session_date, slot
                            """)
                    .setParameter(1, physio)
                    .getResultList());
            assertThat(stored).isNotEmpty().containsExactlyElementsOf(backfill);
        });
    }

    private static List<String> strings(List<?> rows) {
        return rows.stream()
                .map(r -> java.util.Arrays.stream((Object[]) r)
                        .map(v -> v == null
                                ? "null"
                                : v instanceof Number n ? String.valueOf(n.longValue()) : v.toString())
                        .collect(Collectors.joining("|")))
                .toList();
    }

    // ---------------------------------------------------------------- the raw-log definition, plainly

    private record RawLog(long id, LocalDate date, int pain) {}

    private static final class Program {
        long id;
        LocalDate startedOn;
        final List<RawLog> logs = new ArrayList<>();
    }

    private Map<Long, Program> load(String physio) {
        Map<Long, Program> programs = new LinkedHashMap<>();
        QuarkusTransaction.requiringNew().run(() -> {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery(
                            """
                            SELECT p.id, p.started_on, s.id, s.session_date, s.pain_before
                            FROM program p LEFT JOIN session_log s ON s.program_id = p.id
                            WHERE p.care_physio = ?1 ORDER BY p.id, s.session_date, s.id
                            """)
                    .setParameter(1, physio)
                    .getResultList();
            for (Object[] r : rows) {
                Program p = programs.computeIfAbsent(((Number) r[0]).longValue(), id -> new Program());
                p.id = ((Number) r[0]).longValue();
                p.startedOn = date(r[1]);
                if (r[2] != null) {
                    p.logs.add(new RawLog(((Number) r[2]).longValue(), date(r[3]), ((Number) r[4]).intValue()));
                }
            }
        });
        return programs;
    }

    private static LocalDate date(Object v) {
        return v instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) v;
    }

    /** A program's figures for a period, as the report definitions state them over the raw logs. */
    private static final class Expected {
        Program program;
        BigDecimal baseline;
        BigDecimal recent;
        BigDecimal change;
        boolean improved;
        boolean improvedWeek4;
        boolean improvedWeek8;
        long logsLast14Days;
        long loggedDays;
        long prescribed;
        int adherence;

        static Expected of(Program p, LocalDate from, LocalDate asOf) {
            Expected e = new Expected();
            e.program = p;
            List<RawLog> upTo =
                    p.logs.stream().filter(l -> !l.date.isAfter(asOf)).toList();
            e.baseline = mean(upTo.stream().limit(3).toList());
            e.recent = mean(upTo.stream()
                    .filter(l -> !l.date.isBefore(asOf.minusDays(6)))
                    .toList());
            BigDecimal week4 = mean(between(upTo, p.startedOn.plusDays(21), p.startedOn.plusDays(27)));
            BigDecimal week8 = mean(between(upTo, p.startedOn.plusDays(49), p.startedOn.plusDays(55)));
            e.change = e.baseline == null || e.recent == null ? null : round1(e.baseline.subtract(e.recent));
            e.logsLast14Days = between(upTo, asOf.minusDays(13), asOf).size();
            e.improved = important(e.baseline, e.recent);
            e.improvedWeek4 = important(e.baseline, week4);
            e.improvedWeek8 = important(e.baseline, week8);
            LocalDate windowStart = p.startedOn.isAfter(from) ? p.startedOn : from;
            e.loggedDays = new TreeSet<>(between(upTo, windowStart, asOf).stream()
                            .map(RawLog::date)
                            .toList())
                    .size();
            e.prescribed = Math.max(0, ChronoUnit.DAYS.between(windowStart, asOf) + 1);
            e.adherence = e.prescribed <= 0
                    ? 0
                    : (int) Math.min(
                            100,
                            BigDecimal.valueOf(100 * e.loggedDays)
                                    .divide(BigDecimal.valueOf(e.prescribed), 4, RoundingMode.HALF_UP)
                                    .setScale(0, RoundingMode.HALF_UP)
                                    .longValue());
            return e;
        }

        private static List<RawLog> between(List<RawLog> logs, LocalDate first, LocalDate last) {
            return logs.stream()
                    .filter(l -> !l.date.isBefore(first) && !l.date.isAfter(last))
                    .toList();
        }

        /** The database's mean of integers: a decimal with 4 places. */
        private static BigDecimal mean(List<RawLog> logs) {
            if (logs.isEmpty()) {
                return null;
            }
            return BigDecimal.valueOf(logs.stream().mapToInt(RawLog::pain).sum())
                    .divide(BigDecimal.valueOf(logs.size()), 4, RoundingMode.HALF_UP);
        }

        private static boolean important(BigDecimal baseline, BigDecimal later) {
            if (baseline == null || later == null) {
                return false;
            }
            BigDecimal change = round1(baseline.subtract(later));
            if (change.doubleValue() >= ProgressService.IMPORTANT_POINTS) {
                return true;
            }
            return baseline.signum() > 0
                    && round1(change.multiply(BigDecimal.valueOf(100)).divide(baseline, 5, RoundingMode.HALF_UP))
                                    .doubleValue()
                            >= ProgressService.IMPORTANT_PERCENT;
        }
    }

    private static BigDecimal round1(BigDecimal v) {
        return v == null ? null : v.setScale(1, RoundingMode.HALF_UP);
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }

    private static String text(BigDecimal v) {
        return v == null ? null : String.valueOf(v.doubleValue());
    }

    private static String text(Double v) {
        return v == null ? null : String.valueOf(v);
    }
}
