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
                List.of(Duration.ofMillis(1_900), Duration.ofMillis(1_400), Duration.ofMillis(1_450)),
                150L * 1024,
                230L * 1024);
        Results.Startup slow =
                new Results.Startup("program-service", List.of(Duration.ofMillis(2_600)), 210L * 1024, null);
        String table = results(List.of(), List.of(fast, slow)).render("Benchmark results");
        assertThat(table).startsWith("# Benchmark results\n");
        assertThat(table).contains("| patient-service | 1.45 (1.90, 1.40, 1.45) | yes | 150 | 230 | yes |");
        assertThat(table).contains("| program-service | 2.60 (2.60) | **no** | 210 | n/a | **no** |");
        assertThat(table).contains("| whole clinic (database 12.0) | 31.4 | yes (target ≤ 45 s) |");
        assertThat(table).contains("## Reports at the 1,000,000-log scale\n\nNot run: no synthetic clinic.");
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
}
