package clinic.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ResultsTest {

    private static LatencyStats stats(long millis, int count, int errors) {
        LatencyStats stats = new LatencyStats();
        for (int i = 0; i < count; i++) {
            stats.recordNanos(millis * 1_000_000);
        }
        for (int i = 0; i < errors; i++) {
            stats.recordError("HTTP 500");
        }
        return stats;
    }

    private static Results.Scenario scenario(String name, double perSecond, String ratioTo, Double target) {
        return new Results.Scenario(
                name,
                "GET /" + name,
                16,
                perSecond,
                stats(5, 100, 0),
                perSecond / 2,
                stats(4, 100, 0),
                ratioTo,
                target);
    }

    private static Results results(List<Results.Scenario> scenarios, List<Results.Startup> startups) {
        Map<String, String> machine = new LinkedHashMap<>();
        machine.put("CPU", "2 cores");
        return new Results(
                machine,
                Duration.ofMillis(31_400),
                Map.of("database", Duration.ofSeconds(12)),
                startups,
                scenarios,
                "Not run: no synthetic clinic.",
                List.of("a note"));
    }

    @Test
    void ratioIsSaturationThroughputOverTheNamedScenarios() {
        Results.Scenario ref = scenario("ref", 1000, null, null);
        Results.Scenario api = scenario("api", 550, "ref", 0.6);
        Results results = results(List.of(ref, api), List.of());
        assertThat(results.ratio(api)).get().satisfies(r -> assertThat(r).isCloseTo(0.55, within(1e-9)));
        assertThat(results.ratio(ref)).isEmpty();
        assertThat(results.render("t"))
                .contains(
                        "| api | GET /api | 16 | 550.0 | 275.0 | 4.00 | 4.00 | 4.00 | 0.00 % | 0.55 of ref | ≥ 0.6: **no** |");
    }

    @Test
    void aRatioAboveTargetIsMetAndAMissingBaseIsNotMeasured() {
        Results.Scenario ref = scenario("ref", 1000, null, null);
        Results.Scenario api = scenario("api", 700, "ref", 0.6);
        Results.Scenario orphan = scenario("orphan", 10, "absent", 0.5);
        String table = results(List.of(ref, api, orphan), List.of()).render("t");
        assertThat(table).contains("| 0.70 of ref | ≥ 0.6: yes |");
        assertThat(table).contains("| n/a | ≥ 0.5: not measured |");
    }

    @Test
    void errorPercentageCountsBothRuns() {
        Results.Scenario s =
                new Results.Scenario("writes", "POST /x", 16, 100, stats(5, 90, 10), 50, stats(5, 95, 5), null, null);
        assertThat(results(List.of(s), List.of()).render("t")).contains("| 7.50 % |");
    }

    @Test
    void startupRowsShowMedianAllRunsRssAndVerdicts() {
        Results.Startup fast = new Results.Startup(
                "patient-service",
                List.of(Duration.ofMillis(1_900), Duration.ofMillis(900), Duration.ofMillis(950)),
                150L * 1024,
                230L * 1024);
        Results.Startup slow =
                new Results.Startup("program-service", List.of(Duration.ofMillis(2_600)), 210L * 1024, null);
        String table = results(List.of(), List.of(fast, slow)).render("Benchmark results");
        assertThat(table).startsWith("# Benchmark results\n");
        assertThat(table).contains("| patient-service | 0.95 (1.90, 0.90, 0.95) | yes | 150 | 230 | yes |");
        assertThat(table).contains("| program-service | 2.60 (2.60) | **no** | 210 | n/a | **no** |");
        assertThat(table).contains("| patient-service: process start to ready, median of 3 | ≤ 1.0 s | 0.95 s | yes |");
        assertThat(table).contains("| program-service: RSS at rest | ≤ 150 MB | 210 MB | **no** |");
        assertThat(table).contains("| whole clinic (database 12.0) | 31.4 | yes (target ≤ 45 s) |");
        assertThat(table).contains("## Reports\n\nNot run: no synthetic clinic.");
        assertThat(table).contains("- a note\n");
    }

    @Test
    void medianOfAnEvenCountIsTheLowerMiddle() {
        Results.Startup s = new Results.Startup(
                "x",
                List.of(Duration.ofSeconds(4), Duration.ofSeconds(1), Duration.ofSeconds(3), Duration.ofSeconds(2)),
                null,
                null);
        assertThat(s.median()).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void theTargetsTableGivesEveryTargetItsFigureAndVerdict() {
        Results.Scenario ref = scenario("ref", 3000, null, null);
        Results.Scenario routine = new Results.Scenario(
                "routine", "GET /r", 16, 1_800, stats(5, 100, 0), 900, stats(60, 100, 0), "ref", 0.6, 1_500.0, 50.0);
        Soak.Outcome soak = new Soak.Outcome(
                Duration.ofMinutes(6),
                400,
                200,
                stats(5, 1000, 2),
                List.of(
                        minute(1, 100_000),
                        minute(2, 100_000),
                        minute(3, 100_000),
                        minute(4, 100_000),
                        minute(5, 120_000),
                        minute(6, 126_000)));
        Results results = new Results(
                Map.of(),
                null,
                Map.of(),
                List.of(),
                List.of(ref, routine),
                "table",
                List.of(new ReportsBench.Row("GET /api/reports/overview", 312.4, 300)),
                soak,
                List.of());
        String table = results.render("t");
        assertThat(table).contains("| routine: saturation throughput over ref's | ≥ 0.6 | 0.60 (1800 req/s) | yes |");
        assertThat(table).contains("| routine: throughput at saturation | ≥ 1,500 req/s | 1,800 req/s | yes |");
        assertThat(table).contains("| routine: p99 at half of saturation (900 req/s) | ≤ 50.0 ms | 60.0 ms | **no** |");
        assertThat(table).contains("| `GET /api/reports/overview` p95 | ≤ 300 ms | 312.4 ms | **no** |");
        assertThat(table).contains("| soak 6 min at 200 req/s: errors | 0 | 2 of 1,002 | **no** |");
        assertThat(table).contains("| soak: svc RSS growth from minute 5 to the end | < 10 % | +5.0 % | yes |");
        assertThat(table.indexOf("## Targets")).isLessThan(table.indexOf("## Start-up and memory"));
    }

    private static Soak.Minute minute(int m, long rssKb) {
        return new Soak.Minute(m, stats(5, 10, 0), Map.of("svc", rssKb));
    }
}
