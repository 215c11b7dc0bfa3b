package clinic.bench;

import clinic.datagen.Database;
import clinic.local.KeycloakTokens;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Measures program-service's report endpoints and the per-program progress page against a running clinic (the
 * synthetic one of infra/datagen), with real tokens from its Keycloak (password grant of the public {@code clinic-cli}
 * client, demo users; infra/local's {@link KeycloakTokens}). Sequential requests after a warm-up; prints p50/p95/p99
 * and throughput as a Markdown table and writes it to {@value #RESULTS}, with the machine's load average before and
 * after (the figures mean little without it on a shared machine). A measurement, not a test: nothing fails on a slow
 * answer. {@link BenchCommand} runs it in-process when its bench clinic holds the synthetic clinic.
 *
 * <p>Percentiles are nearest-rank over the measured requests: with fewer than 100 a "p99" is the maximum and with
 * fewer than 20 a "p95" is too, so the default is 100 requests per report; the header says so when a row has fewer.
 *
 * <p>Usage: {@code ./clinic bench reports [--requests=200] [--report-requests=100] [--warmup=30] [--programs=500]}
 */
public final class ReportsBench {

    /** Where the table is written, below the checkout ({@code clinic.root}). */
    static final String RESULTS = "infra/bench/target/bench/reports.md";

    /** Requests per report by default: enough for p95 and p99 to be percentiles, a minute or two per run. */
    static final int DEFAULT_REPORT_REQUESTS = 100;

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final KeycloakTokens keycloak;
    private final String programService;
    private final int requests;
    private final int warmup;
    private final int programs;
    private final int reportRequests;

    private ReportsBench(Map<String, String> env, String[] args) {
        keycloak = new KeycloakTokens(
                http,
                env.getOrDefault("CLINIC_KEYCLOAK_URL", "http://localhost:" + env.getOrDefault("KEYCLOAK_PORT", "8180"))
                                .replaceAll("/+$", "")
                        + "/realms/clinic");
        programService = env.getOrDefault(
                        "PROGRAM_SERVICE_URL", "http://localhost:" + env.getOrDefault("PROGRAM_SERVICE_PORT", "8082"))
                .replaceAll("/+$", "");
        int r = 200;
        int w = 30;
        int p = 500;
        int rr = -1;
        for (String arg : args) {
            String value = arg.substring(arg.indexOf('=') + 1);
            if (arg.startsWith("--requests=")) {
                r = Integer.parseInt(value);
            } else if (arg.startsWith("--warmup=")) {
                w = Integer.parseInt(value);
            } else if (arg.startsWith("--report-requests=")) {
                rr = Integer.parseInt(value);
            } else if (arg.startsWith("--programs=")) {
                p = Integer.parseInt(value);
            } else {
                throw new IllegalArgumentException("Unknown option " + arg
                        + "; usage: ./clinic bench reports [--requests=200] [--report-requests=100] [--warmup=30]"
                        + " [--programs=500]");
            }
        }
        requests = r;
        warmup = w;
        programs = p;
        reportRequests = rr > 0 ? rr : Math.min(r, DEFAULT_REPORT_REQUESTS);
    }

    public static void main(String[] args) throws Exception {
        ReportsBench bench;
        try {
            bench = new ReportsBench(System.getenv(), args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        bench.run();
    }

    /** One measured endpoint's p95 against its target, for the benchmark's targets table. */
    public record Row(String label, double p95Millis, int p95TargetMs) {}

    /** The table as written to {@value #RESULTS}, and its rows. */
    public record Outcome(String markdown, List<Row> rows) {}

    /** Runs the reports benchmark in this process (as {@code ./clinic bench} does) and answers what it measured. */
    static Outcome measure(String[] args) throws Exception {
        return new ReportsBench(System.getenv(), args).run();
    }

    /** One measured endpoint: its label, target p95 in ms, and the paths to request in turn. */
    private record Target(String label, int p95TargetMs, List<String> paths, KeycloakTokens.Token token) {}

    private Outcome run() throws Exception {
        String loadBefore = Processes.loadAverage();
        // Demo realm only: each demo user's password is their user name.
        KeycloakTokens.Token admin = keycloak.login("admin", "admin");
        KeycloakTokens.Token physio = keycloak.login("physio", "physio");
        List<Long> ids = samplePrograms();
        String summary = awaitSummary();
        List<String> progress =
                ids.stream().map(id -> "/api/programs/" + id + "/progress").toList();
        List<Target> targets = List.of(
                new Target("GET /api/reports/overview", 300, List.of("/api/reports/overview"), admin),
                new Target(
                        "GET /api/reports/overview?physio=physio",
                        300,
                        List.of("/api/reports/overview?physio=physio"),
                        admin),
                new Target("GET /api/reports/caseload", 300, List.of("/api/reports/caseload"), admin),
                new Target("GET /api/reports/referrals", 300, List.of("/api/reports/referrals"), admin),
                // The portal's referral list asks for pages of 25; the row above is every row (the spreadsheet).
                new Target("GET /api/reports/referrals?size=25", 300, List.of("/api/reports/referrals?size=25"), admin),
                new Target(
                        "GET /api/reports/adherence?size=100", 300, List.of("/api/reports/adherence?size=100"), admin),
                new Target("GET /api/reports/overview (CSV)", 300, List.of("/api/reports/overview#csv"), admin),
                new Target("GET /api/reports/outcomes", 300, List.of("/api/reports/outcomes"), admin),
                new Target("GET /api/programs/{id}/progress (" + ids.size() + " programs)", 20, progress, physio));

        List<Row> rows = new ArrayList<>();
        StringBuilder table = new StringBuilder();
        table.append("| endpoint | requests | p50 ms | p95 ms | p99 ms | max ms | req/s | p95 target | met |\n");
        table.append("|---|---:|---:|---:|---:|---:|---:|---:|---|\n");
        for (Target t : targets) {
            System.out.println("measuring " + t.label() + " ...");
            for (int i = 0; i < warmup; i++) {
                call(t, i);
            }
            int n = t.p95TargetMs() == 20 ? requests : reportRequests;
            long[] nanos = new long[n];
            long start = System.nanoTime();
            for (int i = 0; i < n; i++) {
                long t0 = System.nanoTime();
                call(t, warmup + i);
                nanos[i] = System.nanoTime() - t0;
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            Arrays.sort(nanos);
            double p95 = ms(percentile(nanos, 95));
            rows.add(new Row(t.label(), p95, t.p95TargetMs()));
            table.append(String.format(
                    Locale.ROOT,
                    "| `%s` | %d | %.1f | %.1f | %.1f | %.1f | %.1f | %d | %s |%n",
                    t.label(),
                    n,
                    ms(percentile(nanos, 50)),
                    p95,
                    ms(percentile(nanos, 99)),
                    ms(nanos[nanos.length - 1]),
                    n / seconds,
                    t.p95TargetMs(),
                    p95 <= t.p95TargetMs() ? "yes" : "**no**"));
        }
        String header = "Measured " + LocalDateTime.now().withNano(0) + " against " + programService
                + ": sequential requests (count per row)" + " after " + warmup + " warm-up requests per endpoint."
                + " Reports' summary: " + summary + "."
                + " Load average (1, 5, 15 min) before: " + loadBefore + "; after: " + Processes.loadAverage() + " ("
                + Runtime.getRuntime().availableProcessors() + " cores)."
                + (Math.min(requests, reportRequests) < 100
                        ? " Rows of fewer than 100 requests: their p99 is their maximum"
                                + (Math.min(requests, reportRequests) < 20 ? ", and below 20 so is their p95." : ".")
                        : "")
                + "\n\n";
        String result = header + table;
        System.out.println();
        System.out.print(result);
        Path out = Path.of(System.getProperty("clinic.root", "."), RESULTS);
        Files.createDirectories(out.getParent());
        Files.writeString(out, result);
        System.out.println("\nWritten to " + out.toAbsolutePath().normalize());
        return new Outcome(result, rows);
    }

    private void call(Target t, int i) throws IOException, InterruptedException {
        // Renewed at half its lifetime (refresh grant), so a slow endpoint never runs into an expired token.
        t.token().renewIfOlderThan(t.token().lifetime().dividedBy(2));
        String path = t.paths().get(i % t.paths().size());
        boolean csv = path.endsWith("#csv");
        if (csv) {
            path = path.substring(0, path.length() - 4);
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create(programService + path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", t.token().bearer())
                .header("Accept", csv ? "text/csv" : "application/json")
                .GET()
                .build();
        HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(path + " answered " + response.statusCode() + ": "
                    + new String(response.body(), StandardCharsets.UTF_8));
        }
    }

    /** Program ids picked at random (seeded) among the demo physio's active programs, for the progress page. */
    private List<Long> samplePrograms() throws Exception {
        Database db = Database.fromEnv(System.getenv());
        List<Long> ids = new ArrayList<>();
        try (Connection c = db.connect("programs");
                PreparedStatement st =
                        c.prepareStatement("SELECT id FROM program WHERE status = 'ACTIVE' AND care_physio = ?"
                                + " ORDER BY RAND(7) LIMIT ?")) {
            // The physio's own patients: the care-team rule answers 403 for anyone else's progress.
            st.setString(1, "physio");
            st.setInt(2, programs);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
        }
        if (ids.isEmpty()) {
            throw new IllegalStateException(
                    "No active programs of the demo physio in the database: run ./clinic generate" + " first.");
        }
        return ids;
    }

    /**
     * Waits for a run of program-service's report summary job that ends after this moment (it runs every minute; a
     * whole build at 100,000 programs takes tens of seconds), so that the reports are measured as the clinic answers
     * them once the job has caught up with a generation, not while the summary is still being built. Answers the
     * summary's state as the header prints it.
     */
    private static String awaitSummary() throws Exception {
        Database db = Database.fromEnv(System.getenv());
        try (Connection c = db.connect("programs")) {
            Timestamp since;
            try (PreparedStatement now = c.prepareStatement("SELECT NOW(6)");
                    ResultSet rs = now.executeQuery()) {
                rs.next();
                since = rs.getTimestamp(1);
            }
            c.commit();
            long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
            System.out.println("waiting for a run of the reports' summary job (at most 5 minutes) ...");
            while (true) {
                try (PreparedStatement st = c.prepareStatement(
                                """
                                SELECT refreshed_at > ?, as_of, built_epoch = epoch, programs
                                FROM report_summary WHERE id = 1
                                """);
                        ResultSet rs = bind(st, since).executeQuery()) {
                    rs.next();
                    boolean ran = rs.getBoolean(1);
                    if (ran || System.nanoTime() > deadline) {
                        String state = rs.getDate(2) == null
                                ? "none (fewer programs than its threshold: live statements)"
                                : rs.getBoolean(3)
                                        ? "as of " + rs.getDate(2) + ", " + rs.getInt(4) + " programs"
                                        : "out of date (live statements)";
                        return ran ? state : state + ", no run of its job seen in 5 minutes";
                    }
                }
                c.commit();
                Thread.sleep(2_000);
            }
        }
    }

    private static PreparedStatement bind(PreparedStatement st, Timestamp since) throws java.sql.SQLException {
        st.setTimestamp(1, since);
        return st;
    }

    private static long percentile(long[] sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }
}
