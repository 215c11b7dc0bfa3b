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
        List<ReportsBench.Row> reportRows,
        Soak.Outcome soak,
        List<String> notes) {

    /** Issue 17's targets (docs/performance.md opens with the table this record renders). */
    static final double SERVICE_START_TARGET_S = 1.0;

    static final long RSS_TARGET_MB = 150;
    static final double CLINIC_START_TARGET_S = 45;
    static final double ROUTINE_TARGET_PER_SECOND = 1_500;
    static final double P99_AT_HALF_TARGET_MS = 50;

    /** The results without a reports table's rows or a soak (tests, and runs that skip them). */
    public Results(
            Map<String, String> machine,
            Duration clinicStart,
            Map<String, Duration> clinicParts,
            List<Startup> startups,
            List<Scenario> scenarios,
            String reports,
            List<String> notes) {
        this(machine, clinicStart, clinicParts, startups, scenarios, reports, List.of(), null, notes);
    }

    /** One line of the targets table: what, the target, the figure measured and the verdict. */
    record Target(String what, String target, String figure, String met) {}

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
            Double ratioTarget,
            Double minPerSecond,
            Double p99TargetMs) {

        /** A scenario with a ratio target only. */
        public Scenario(
                String name,
                String request,
                int concurrency,
                double saturationPerSecond,
                LatencyStats saturation,
                double fixedRate,
                LatencyStats fixed,
                String ratioTo,
                Double ratioTarget) {
            this(
                    name,
                    request,
                    concurrency,
                    saturationPerSecond,
                    saturation,
                    fixedRate,
                    fixed,
                    ratioTo,
                    ratioTarget,
                    null,
                    null);
        }
    }

    /** Every target of the run with its figure and verdict, in the order of the sections below it. */
    List<Target> targets() {
        List<Target> out = new ArrayList<>();
        for (Startup s : startups) {
            double median = seconds(s.median());
            out.add(new Target(
                    s.process() + ": process start to ready, median of "
                            + s.starts().size(),
                    "≤ " + SERVICE_START_TARGET_S + " s",
                    String.format(Locale.ROOT, "%.2f s", median),
                    met(median <= SERVICE_START_TARGET_S)));
        }
        for (Startup s : startups) {
            out.add(new Target(
                    s.process() + ": RSS at rest",
                    "≤ " + RSS_TARGET_MB + " MB",
                    s.rssAfterStartKb() == null ? "n/a" : mb(s.rssAfterStartKb()) + " MB",
                    s.rssAfterStartKb() == null ? "not measured" : met(s.rssAfterStartKb() / 1024 <= RSS_TARGET_MB)));
        }
        if (clinicStart != null) {
            out.add(new Target(
                    "whole clinic ready",
                    "≤ " + (int) CLINIC_START_TARGET_S + " s",
                    String.format(Locale.ROOT, "%.1f s", seconds(clinicStart)),
                    met(seconds(clinicStart) <= CLINIC_START_TARGET_S)));
        }
        for (Scenario s : scenarios) {
            if (s.ratioTarget() != null) {
                Optional<Double> ratio = ratio(s);
                out.add(new Target(
                        s.name() + ": saturation throughput over " + s.ratioTo() + "'s",
                        "≥ " + s.ratioTarget(),
                        ratio.map(r -> String.format(Locale.ROOT, "%.2f (%.0f req/s)", r, s.saturationPerSecond()))
                                .orElse("n/a"),
                        ratio.map(r -> met(r >= s.ratioTarget())).orElse("not measured")));
            }
            if (s.minPerSecond() != null) {
                out.add(new Target(
                        s.name() + ": throughput at saturation",
                        String.format(Locale.ROOT, "≥ %,.0f req/s", s.minPerSecond()),
                        String.format(Locale.ROOT, "%,.0f req/s", s.saturationPerSecond()),
                        met(s.saturationPerSecond() >= s.minPerSecond())));
            }
            if (s.p99TargetMs() != null) {
                double p99 = s.fixed().percentileMillis(99);
                out.add(new Target(
                        s.name() + ": p99 at half of saturation (" + String.format(Locale.ROOT, "%.0f", s.fixedRate())
                                + " req/s)",
                        "≤ " + millis(s.p99TargetMs()) + " ms",
                        millis(p99) + " ms",
                        Double.isNaN(p99)
                                ? "not measured"
                                : met(p99 <= s.p99TargetMs() && s.fixed().errors() == 0)));
            }
        }
        for (ReportsBench.Row r : reportRows) {
            out.add(new Target(
                    "`" + r.label() + "` p95",
                    "≤ " + r.p95TargetMs() + " ms",
                    millis(r.p95Millis()) + " ms",
                    met(r.p95Millis() <= r.p95TargetMs())));
        }
        if (soak != null) {
            long errors = soak.all().errors();
            out.add(new Target(
                    "soak " + soak.length().toMinutes() + " min at " + String.format(Locale.ROOT, "%.0f", soak.rate())
                            + " req/s: errors",
                    "0",
                    String.format(
                            Locale.ROOT,
                            "%d of %,d",
                            errors,
                            errors + soak.all().successes()),
                    met(errors == 0)));
            for (String process : soak.minutes().isEmpty()
                    ? List.<String>of()
                    : soak.minutes().get(0).rssKb().keySet()) {
                Double growth = soak.growthPercent(process);
                out.add(new Target(
                        "soak: " + process + " RSS growth from minute " + soak.fromMinute() + " to the end",
                        "< " + (int) Soak.RSS_GROWTH_TARGET_PERCENT + " %",
                        growth == null ? "n/a" : String.format(Locale.ROOT, "%+.1f %%", growth),
                        growth == null ? "not measured" : met(growth < Soak.RSS_GROWTH_TARGET_PERCENT)));
            }
        }
        return out;
    }

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

        out.append("## Targets\n\n");
        MarkdownTable targetTable = new MarkdownTable("llrl", "figure", "target", "measured", "met");
        for (Target t : targets()) {
            targetTable.row(t.what(), t.target(), t.figure(), t.met());
        }
        out.append(targetTable.render()).append('\n');

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

        out.append("## Reports\n\n").append(reports.strip()).append("\n\n");

        if (soak != null) {
            out.append("## Soak\n\n");
            out.append(String.format(
                    Locale.ROOT,
                    "%d minutes at %.0f req/s (half of the mix's %.0f req/s at saturation), an open loop: of every 20"
                            + " requests 10 today's routines, 3 progress pages, 3 audited patient records and 4 session"
                            + " logs. %,d answered as expected, %d errors; p50 %s ms, p99 %s ms, max %s ms.%n%n",
                    soak.minutes().size(),
                    soak.rate(),
                    soak.saturationPerSecond(),
                    soak.all().successes(),
                    soak.all().errors(),
                    millis(soak.all().percentileMillis(50)),
                    millis(soak.all().percentileMillis(99)),
                    millis(soak.all().maxMillis())));
            MarkdownTable minutes = new MarkdownTable("rrrrl", "minute", "ok", "errors", "p99 ms", "RSS at its end");
            for (Soak.Minute m : soak.minutes()) {
                minutes.row(
                        String.valueOf(m.minute()),
                        String.valueOf(m.stats().successes()),
                        String.valueOf(m.stats().errors()),
                        millis(m.stats().percentileMillis(99)),
                        Soak.rssLine(m.rssKb()));
            }
            out.append(minutes.render()).append('\n');
        }

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
