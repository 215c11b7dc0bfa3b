package clinic.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Everything one benchmark run measured, and its rendering as the Markdown results table.
 *
 * @param machine label to value (CPU, memory, Java, load average ...), in display order
 * @param clinicParts database, Keycloak ... as the stack reports them
 * @param reports the reports benchmark's own table, or a sentence saying why it was not run
 */
public record Results(
        Map<String, String> machine,
        Duration clinicStart,
        Map<String, Duration> clinicParts,
        List<Startup> startups,
        List<Scenario> scenarios,
        String reports,
        List<String> notes) {

    static final double SERVICE_START_TARGET_S = 1.5;
    static final long RSS_TARGET_MB = 200;
    static final double CLINIC_START_TARGET_S = 45;

    /** One service's start-up: each timed start (process start to first ready 200) and its RSS. */
    public record Startup(String process, List<Duration> starts, Long rssAfterStartKb, Long rssAfterLoadKb) {

        /** The median start; with an even count the lower of the two middle ones. */
        Duration median() {
            List<Duration> sorted = new ArrayList<>(starts);
            sorted.sort(null);
            return sorted.get((sorted.size() - 1) / 2);
        }
    }

    /**
     * One load scenario: throughput at saturation (closed loop), then latencies at a fixed arrival rate.
     *
     * @param name short, as other rows name it in their ratio
     * @param request what is sent, with which credentials
     * @param ratioTo the scenario whose saturation throughput this one's is compared with, or null
     * @param ratioTarget the lowest acceptable ratio, or null when the row is a reference
     */
    public record Scenario(
            String name,
            String request,
            int concurrency,
            double saturationPerSecond,
            LatencyStats saturation,
            double fixedRate,
            LatencyStats fixed,
            String ratioTo,
            Double ratioTarget) {}

    /** Saturation throughput of {@code scenario} over that of the scenario it is compared with. */
    Optional<Double> ratio(Scenario scenario) {
        if (scenario.ratioTo() == null) {
            return Optional.empty();
        }
        return scenarios.stream()
                .filter(s -> s.name().equals(scenario.ratioTo()))
                .findFirst()
                .filter(base -> base.saturationPerSecond() > 0)
                .map(base -> scenario.saturationPerSecond() / base.saturationPerSecond());
    }

    public String render(String title) {
        StringBuilder out = new StringBuilder("# ").append(title).append("\n\n");

        MarkdownTable machineTable = new MarkdownTable("ll", "machine", "");
        machine.forEach(machineTable::row);
        out.append(machineTable.render()).append('\n');

        out.append("## Start-up and memory\n\n");
        MarkdownTable start = new MarkdownTable(
                "lrlrrl",
                "process",
                "start to ready, s (median; all)",
                "target ≤ " + SERVICE_START_TARGET_S + " s",
                "RSS after start, MB",
                "RSS after load, MB",
                "RSS target ≤ " + RSS_TARGET_MB + " MB");
        for (Startup s : startups) {
            double median = seconds(s.median());
            boolean rssOk = s.rssAfterStartKb() != null && s.rssAfterStartKb() / 1024 <= RSS_TARGET_MB;
            start.row(
                    s.process(),
                    String.format(Locale.ROOT, "%.2f (%s)", median, all(s.starts())),
                    met(median <= SERVICE_START_TARGET_S),
                    mb(s.rssAfterStartKb()),
                    mb(s.rssAfterLoadKb()),
                    s.rssAfterStartKb() == null ? "not measured" : met(rssOk));
        }
        if (clinicStart != null) {
            StringBuilder parts = new StringBuilder();
            clinicParts.forEach((name, d) -> parts.append(parts.isEmpty() ? "" : ", ")
                    .append(name)
                    .append(' ')
                    .append(String.format(Locale.ROOT, "%.1f", seconds(d))));
            start.row(
                    "whole clinic (" + parts + ")",
                    String.format(Locale.ROOT, "%.1f", seconds(clinicStart)),
                    met(seconds(clinicStart) <= CLINIC_START_TARGET_S) + " (target ≤ " + (int) CLINIC_START_TARGET_S
                            + " s)",
                    "",
                    "",
                    "");
        }
        out.append(start.render()).append('\n');

        out.append("## Reads, portal pages and writes\n\n");
        MarkdownTable load = new MarkdownTable(
                "llrrrrrrrll",
                "scenario",
                "request",
                "concurrency",
                "saturation req/s",
                "fixed rate req/s",
                "p50 ms",
                "p99 ms",
                "max ms",
                "errors",
                "ratio",
                "ratio target");
        for (Scenario s : scenarios) {
            Optional<Double> ratio = ratio(s);
            long errors = s.saturation().errors() + s.fixed().errors();
            long total = errors + s.saturation().successes() + s.fixed().successes();
            load.row(
                    s.name(),
                    s.request(),
                    String.valueOf(s.concurrency()),
                    String.format(Locale.ROOT, "%.1f", s.saturationPerSecond()),
                    String.format(Locale.ROOT, "%.1f", s.fixedRate()),
                    millis(s.fixed().percentileMillis(50)),
                    millis(s.fixed().percentileMillis(99)),
                    millis(s.fixed().maxMillis()),
                    String.format(Locale.ROOT, "%.2f %%", total == 0 ? 0 : 100.0 * errors / total),
                    ratio.map(r -> String.format(Locale.ROOT, "%.2f of %s", r, s.ratioTo()))
                            .orElse(s.ratioTo() == null ? "" : "n/a"),
                    s.ratioTarget() == null
                            ? ""
                            : "≥ " + s.ratioTarget() + ": "
                                    + ratio.map(r -> met(r >= s.ratioTarget())).orElse("not measured"));
        }
        out.append(load.render()).append('\n');

        out.append("## Reports at the 1,000,000-log scale\n\n")
                .append(reports.strip())
                .append("\n\n");

        if (!notes.isEmpty()) {
            out.append("## Notes\n\n");
            notes.forEach(n -> out.append("- ").append(n).append('\n'));
        }
        return out.toString();
    }

    static String met(boolean ok) {
        return ok ? "yes" : "**no**";
    }

    static String millis(double ms) {
        return Double.isNaN(ms) ? "n/a" : String.format(Locale.ROOT, ms < 10 ? "%.2f" : "%.1f", ms);
    }

    static String mb(Long kb) {
        return kb == null ? "n/a" : String.valueOf(Math.round(kb / 1024.0));
    }

    private static double seconds(Duration d) {
        return d.toNanos() / 1e9;
    }

    private static String all(List<Duration> starts) {
        StringBuilder out = new StringBuilder();
        for (Duration d : starts) {
            out.append(out.isEmpty() ? "" : ", ").append(String.format(Locale.ROOT, "%.2f", seconds(d)));
        }
        return out.toString();
    }
}
