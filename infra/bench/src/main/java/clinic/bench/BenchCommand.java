package clinic.bench;

import clinic.local.ClinicStack;
import clinic.local.Http;
import clinic.local.KeycloakTokens;
import clinic.local.StackConfig;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

/**
 * {@code ./clinic bench}: starts its own clinic through infra/local's {@link ClinicStack} (as {@code ./clinic run}
 * does, same JVM flags), with the benchmark switch that enables the services' reference reads, then measures
 * start-up and memory, authenticated reads with many patients' real Keycloak tokens against their references, portal
 * pages through real sessions, session-log writes, and the reports when the 1,000,000-log clinic is present. Writes
 * the results table and stops everything it started. A measurement, not a test: nothing fails on a slow answer.
 */
public final class BenchCommand {

    private static final Duration TOKEN_MAX_AGE = Duration.ofSeconds(100);
    private static final long GENERATED_CLINIC_LOGS = 900_000;
    /** Requests written into wrk's script: each scenario's requests cycle through the patients well within it. */
    private static final int WRK_REQUESTS = 1_000;

    private final Options options;
    private final Path root;
    private final StackConfig config;
    private final List<String> notes = new ArrayList<>();
    private final List<String> loadSamples = new ArrayList<>();
    /** Which Java runs the services and with which start-up cache (ServiceJvm's summary). */
    private String serviceJava = "?";

    private final LoadGenerator load = new LoadGenerator();
    /** The saturation driver for GET scenarios, or null for the Java client (--driver). */
    private final Wrk wrk;

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private BenchCommand(Options options, Path root, StackConfig config) {
        this.options = options;
        this.root = root;
        this.config = config;
        this.wrk = switch (options.driver()) {
            case "java" -> null;
            case "wrk" -> Wrk.find()
                    .orElseThrow(() -> new IllegalStateException("--driver=wrk, but wrk is not on the PATH"));
            default -> Wrk.find().orElse(null);
        };
    }

    public static void main(String[] args) throws Exception {
        Options options;
        StackConfig.Ports ports;
        try {
            options = Options.parse(args);
            ports = StackConfig.Ports.defaults(System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.print(Options.USAGE);
            System.exit(2);
            return;
        }
        if (options.help()) {
            System.out.print(Options.USAGE);
            return;
        }
        Path root =
                Path.of(System.getProperty("clinic.root", ".")).toAbsolutePath().normalize();
        Path dataDir = Path.of(System.getenv()
                        .getOrDefault(
                                "CLINIC_BENCH_DATA_DIR",
                                root.resolve(".clinic-data-bench").toString()))
                .toAbsolutePath();
        // Its own Keycloak and database always: the measured clinic is the one this command starts.
        StackConfig config = new StackConfig(root, dataDir, ports, Optional.empty(), Optional.empty(), false, true);
        for (int port : new int[] {
            ports.portal(),
            ports.patientService(),
            ports.programService(),
            ports.keycloak(),
            ports.database(),
            ports.portalManagement(),
            ports.patientServiceManagement(),
            ports.programServiceManagement()
        }) {
            if (!Http.portFree(port)) {
                System.err.println(
                        "Port " + port + " is in use (a clinic running?). The benchmark starts its own"
                                + " clinic: stop the other one or choose ports, e.g. PORTAL_PORT=18080 PATIENT_SERVICE_PORT=18081"
                                + " PROGRAM_SERVICE_PORT=18082 KEYCLOAK_PORT=18180 DB_PORT=4306 PORTAL_MANAGEMENT_PORT=19080"
                                + " PATIENT_SERVICE_MANAGEMENT_PORT=19081 PROGRAM_SERVICE_MANAGEMENT_PORT=19082 ./clinic bench");
                System.exit(3);
            }
        }
        if (!"true".equals(System.getenv("CLINIC_BENCH_REFERENCE_ENDPOINT"))) {
            System.out.println("Note: CLINIC_BENCH_REFERENCE_ENDPOINT is not true, so the services' reference reads"
                    + " stay off and their rows will say so (./clinic bench sets it).");
        }
        if (System.getenv("CLINIC_RATE_LIMIT_WRITES_PER_MINUTE") == null) {
            System.out.println("Note: CLINIC_RATE_LIMIT_WRITES_PER_MINUTE is not set, so the services keep their"
                    + " per-user write limit (120 a minute) and the setup and write runs will meet 429s"
                    + " (./clinic bench raises it).");
        }
        new BenchCommand(options, root, config).run();
    }

    private void run() throws Exception {
        String started = LocalDateTime.now().withNano(0).toString();
        sampleLoad();
        if (options.reset()) {
            System.out.println("Resetting the bench clinic's data in " + config.dataDir());
            deleteTree(config.dataDir().resolve("mariadb"));
            deleteTree(config.dataDir().resolve("keycloak").resolve("data"));
        }
        deleteTree(config.dataDir().resolve("logs"));
        boolean firstStart = !Files.exists(config.dataDir().resolve("keycloak"));
        System.out.println("Starting the bench clinic (data in " + config.dataDir() + ")"
                + (firstStart ? "; Keycloak builds itself once: about a minute more" : "") + "...");
        ClinicStack stack = new ClinicStack(config);
        Thread stopper = new Thread(stack::close, "bench-stop-clinic");
        Runtime.getRuntime().addShutdownHook(stopper);
        try {
            stack.start();
            Duration clinicStart = stack.startTimes().get("clinic");
            Map<String, Duration> parts = new LinkedHashMap<>(stack.startTimes());
            parts.remove("clinic");
            System.out.printf(Locale.ROOT, "Clinic ready in %.1f s.%n", clinicStart.toMillis() / 1000.0);
            if (firstStart) {
                notes.add("The whole-clinic start includes Keycloak's one-time build (first start of this data"
                        + " directory); a later run gives the everyday figure.");
            }
            sampleLoad();
            serviceJava = stack.serviceJava();
            Results results = measure(stack, clinicStart, parts, started);
            String table = results.render("Benchmark results " + started);
            Path out = root.resolve("infra/bench/target/bench/results-"
                    + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + ".md");
            Files.createDirectories(out.getParent());
            Files.writeString(out, table);
            System.out.println();
            System.out.print(table);
            System.out.println("\nWritten to " + out);
        } finally {
            System.out.println("Stopping the bench clinic...");
            stack.close();
            try {
                Runtime.getRuntime().removeShutdownHook(stopper);
            } catch (IllegalStateException shuttingDown) {
                // the hook runs anyway
            }
        }
    }

    private Results measure(ClinicStack stack, Duration clinicStart, Map<String, Duration> parts, String started)
            throws Exception {
        Map<ClinicStack.Service, List<Duration>> starts = startups(stack);
        // Settle, then RSS "at rest": after start, before any load.
        Thread.sleep(5_000);
        Map<ClinicStack.Service, Long> rssAfterStart = rss();

        String patientService = stack.url(ClinicStack.Service.PATIENT);
        String programService = stack.url(ClinicStack.Service.PROGRAM);
        String portal = stack.portalUrl();
        KeycloakTokens keycloak = new KeycloakTokens(http, stack.keycloakUrl() + "/realms/clinic");
        KeycloakTokens.Token physio = keycloak.login("physio", "physio");
        String runId = LocalDateTime.now().format(DateTimeFormatter.ofPattern("MMddHHmmss"));
        System.out.println("Creating " + options.patients() + " bench patients through the API...");
        long t0 = System.nanoTime();
        BenchPatients maker = new BenchPatients(
                http, keycloak, new KeycloakAdmin(http, keycloak, stack.keycloakUrl()), patientService, programService);
        List<BenchPatients.Patient> patients = maker.create(options.patients(), 4, runId, physio);
        if (!maker.failures.isEmpty()) {
            notes.add(maker.failures.size() + " of " + options.patients() + " bench patients could not be set up and"
                    + " were left out; first reason: " + maker.failures.get(0));
        }
        System.out.printf(
                Locale.ROOT,
                "  %d patients with programs, logins and tokens in %.1f s%n",
                patients.size(),
                (System.nanoTime() - t0) / 1e9);
        List<KeycloakTokens.Token> tokens = new ArrayList<>();
        tokens.add(physio);
        patients.forEach(p -> tokens.add(p.token()));
        int n = patients.size();

        boolean references = answers200(patientService + "/bench/reference/patients/"
                        + patients.get(0).id())
                && answers200(programService + "/bench/reference/programs?account="
                        + java.net.URLEncoder.encode(
                                patients.get(0).username(), java.nio.charset.StandardCharsets.UTF_8));
        if (!references) {
            notes.add("The reference reads answered 404: the services ran without the benchmark switch"
                    + " (CLINIC_BENCH_REFERENCE_ENDPOINT=true), so the API/reference ratios are not measured.");
        }

        List<Results.Scenario> scenarios = new ArrayList<>();
        String patientRef = "reference: patient row";
        String patientRead = "patient record";
        String todayRef = "reference: program row";
        String today = "today's routine";
        if (references) {
            scenarios.add(scenario(
                    patientRef,
                    "GET /bench/reference/patients/{id}: no token, audit or mapping",
                    i -> LoadGenerator.get(patientService + "/bench/reference/patients/"
                                    + patients.get((int) (i % n)).id())
                            .build(),
                    tokens,
                    null,
                    null));
        }
        scenarios.add(scenario(
                patientRead,
                "GET /api/patients/{id}: physio token, " + n + " records in turn (audited)",
                i -> LoadGenerator.get(patientService + "/api/patients/"
                                + patients.get((int) (i % n)).id())
                        .header("Authorization", physio.bearer())
                        .build(),
                tokens,
                references ? patientRef : null,
                references ? 0.4 : null,
                null,
                Results.P99_AT_HALF_TARGET_MS));
        if (references) {
            scenarios.add(scenario(
                    todayRef,
                    "GET /bench/reference/programs?account=: no token or mapping",
                    i -> LoadGenerator.get(programService + "/bench/reference/programs?account="
                                    + java.net.URLEncoder.encode(
                                            patients.get((int) (i % n)).username(),
                                            java.nio.charset.StandardCharsets.UTF_8))
                            .build(),
                    tokens,
                    null,
                    null));
        }
        scenarios.add(scenario(
                today,
                "GET /api/programs/me/today: " + n + " patients' tokens in turn",
                i -> LoadGenerator.get(programService + "/api/programs/me/today")
                        .header(
                                "Authorization",
                                patients.get((int) (i % n)).token().bearer())
                        .header("Accept", "application/json")
                        .build(),
                tokens,
                references ? todayRef : null,
                references ? 0.6 : null,
                Results.ROUTINE_TARGET_PER_SECOND,
                Results.P99_AT_HALF_TARGET_MS));

        // Portal sessions last at most the access token's 5 minutes without a refresh: log in right before.
        System.out.println("Logging in " + options.portalSessions() + " patients and the physio to the portal...");
        List<String> patientSessions = loginAll(portal, patients.subList(0, options.portalSessions()));
        String physioSession = PortalSession.login(portal, "/patients", "physio", "physio");
        int k = patientSessions.size();
        scenarios.add(scenario(
                "portal: routine page",
                "GET /me/today: " + k + " patients' portal sessions in turn",
                i -> LoadGenerator.get(portal + "/me/today")
                        .header("Cookie", patientSessions.get((int) (i % k)))
                        .build(),
                tokens,
                today,
                0.5,
                null,
                Results.P99_AT_HALF_TARGET_MS));
        scenarios.add(scenario(
                "portal: patient list",
                "GET /patients: the physio's portal session (" + n + "+ patients in care)",
                i -> LoadGenerator.get(portal + "/patients")
                        .header("Cookie", physioSession)
                        .build(),
                tokens,
                today,
                0.5));

        // Writes last: each log adds to the patient's "logged today" list that the routine read returns.
        scenarios.add(scenario(
                "session-log writes",
                "POST /api/programs/{id}/sessions: " + n + " patients' tokens, a new Idempotency-Key each",
                new LoadGenerator.RequestSource() {
                    @Override
                    public HttpRequest request(long i) {
                        return patients.get((int) (i % n)).sessionLog(programService, "bench");
                    }

                    @Override
                    public int expectedStatus() {
                        return 201;
                    }
                },
                tokens,
                null,
                null));

        Soak.Outcome soak = null;
        if (!options.soak().isZero()) {
            soak = soak(patientService, programService, patients, physio, tokens);
        }

        Map<ClinicStack.Service, Long> rssAfterLoad = rss();
        List<Results.Startup> startups = new ArrayList<>();
        for (ClinicStack.Service s : ClinicStack.Service.values()) {
            startups.add(new Results.Startup(s.module, starts.get(s), rssAfterStart.get(s), rssAfterLoad.get(s)));
        }
        ReportsBench.Outcome reportOutcome = reports(stack);
        String reports = reportOutcome.markdown();
        sampleLoad();
        notes.add("Load average (1/5/15 min) sampled during the run: " + String.join("; ", loadSamples) + ".");
        notes.add("Each scenario: " + options.warmupSeconds() + " s warm-up, " + options.durationSeconds()
                + " s closed loop at the concurrency shown (saturation throughput), then "
                + options.durationSeconds()
                + " s open loop at half that rate: p50/p99/max are from those fixed-rate requests, each timed from"
                + " its intended send time. Errors: any other status, timeout or refused connection in either run.");
        for (Results.Scenario s : scenarios) {
            Map<String, Long> kinds = new LinkedHashMap<>(s.saturation().errorKinds());
            s.fixed().errorKinds().forEach((kind, count) -> kinds.merge(kind, count, Long::sum));
            if (!kinds.isEmpty()) {
                notes.add("Errors of " + s.name() + ": " + kinds + ".");
            }
        }
        notes.add(
                wrk == null
                        ? "Saturation runs: the harness's own Java client ("
                                + (options.driver().equals("java")
                                        ? "--driver=java"
                                        : "wrk is not installed; `apt-get install wrk` lets the GET scenarios use it")
                                + ")."
                        : "Saturation runs of the GET scenarios: wrk (2 threads, the concurrency shown as connections, each"
                                + " request of the scenario in turn); writes and every fixed-rate run: the Java client.");
        return new Results(
                machine(), clinicStart, parts, startups, scenarios, reports, reportOutcome.rows(), soak, notes);
    }

    /** Restarts each service alone, {@code startup-runs} times, timing process start to first ready answer. */
    private Map<ClinicStack.Service, List<Duration>> startups(ClinicStack stack) {
        Map<ClinicStack.Service, List<Duration>> starts = new LinkedHashMap<>();
        for (int run = 1; run <= options.startupRuns(); run++) {
            for (ClinicStack.Service s : ClinicStack.Service.values()) {
                Duration took = timedStart(stack, s);
                starts.computeIfAbsent(s, x -> new ArrayList<>()).add(took);
                System.out.printf(
                        Locale.ROOT,
                        "  %s start %d: ready %.2f s after process start%n",
                        s.module,
                        run,
                        took.toMillis() / 1000.0);
            }
        }
        return starts;
    }

    /**
     * Stops the service and starts it again alone; the time from process start to its first ready answer. A start
     * that dies (its port briefly taken: the ports are in Linux's ephemeral range, so an outgoing connection of
     * another process can hold one) is tried again, up to three times, and noted.
     */
    private Duration timedStart(ClinicStack stack, ClinicStack.Service s) {
        for (int attempt = 1; ; attempt++) {
            stack.stopService(s);
            stack.startService(s);
            ProcessHandle process = Processes.service(s.module)
                    .orElseThrow(() -> new IllegalStateException("cannot find the process of " + s.module));
            try {
                Instant ready = Processes.awaitReady(
                        stack.managementUrl(s) + "/q/health/ready", process, Duration.ofSeconds(90), 10);
                return Duration.between(process.info().startInstant().orElseThrow(), ready);
            } catch (IllegalStateException failed) {
                if (attempt == 3 || process.isAlive()) {
                    throw failed;
                }
                notes.add(s.module + " exited during a timed start (" + failed.getMessage() + "); started again.");
                try {
                    Thread.sleep(2_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw failed;
                }
            }
        }
    }

    private Map<ClinicStack.Service, Long> rss() {
        Map<ClinicStack.Service, Long> rss = new LinkedHashMap<>();
        for (ClinicStack.Service s : ClinicStack.Service.values()) {
            rss.put(
                    s,
                    Processes.service(s.module)
                            .map(p -> Processes.rssKb(p.pid()))
                            .orElse(null));
        }
        return rss;
    }

    /** Warm-up, saturation (closed loop), then half the saturation rate (open loop). */
    private Results.Scenario scenario(
            String name,
            String request,
            LoadGenerator.RequestSource source,
            List<KeycloakTokens.Token> tokens,
            String ratioTo,
            Double ratioTarget)
            throws Exception {
        return scenario(name, request, source, tokens, ratioTo, ratioTarget, null, null);
    }

    private Results.Scenario scenario(
            String name,
            String request,
            LoadGenerator.RequestSource source,
            List<KeycloakTokens.Token> tokens,
            String ratioTo,
            Double ratioTarget,
            Double minPerSecond,
            Double p99TargetMs)
            throws Exception {
        System.out.println("Measuring " + name + " ...");
        renew(tokens);
        if (options.warmupSeconds() > 0) {
            saturate(source, Duration.ofSeconds(options.warmupSeconds()));
        }
        renew(tokens);
        LoadGenerator.Closed saturation = saturate(source, Duration.ofSeconds(options.durationSeconds()));
        double rate = Math.max(1, saturation.perSecond() / 2);
        renew(tokens);
        sampleLoad();
        LatencyStats fixed = load.openLoop(source, rate, Duration.ofSeconds(options.durationSeconds()));
        System.out.printf(
                Locale.ROOT,
                "  saturation %.1f req/s; at %.1f req/s p50 %s ms, p99 %s ms, errors %d%n",
                saturation.perSecond(),
                rate,
                Results.millis(fixed.percentileMillis(50)),
                Results.millis(fixed.percentileMillis(99)),
                saturation.stats().errors() + fixed.errors());
        return new Results.Scenario(
                name,
                request,
                options.concurrency(),
                saturation.perSecond(),
                saturation.stats(),
                rate,
                fixed,
                ratioTo,
                ratioTarget,
                minPerSecond,
                p99TargetMs);
    }

    /** A closed loop at the bench's concurrency: through wrk for GETs when it is there, else the Java client. */
    private LoadGenerator.Closed saturate(LoadGenerator.RequestSource source, Duration duration) throws Exception {
        if (wrk != null && "GET".equals(source.request(0).method())) {
            return wrk.saturate(
                    Wrk.sample(source, WRK_REQUESTS), source.expectedStatus(), options.concurrency(), duration);
        }
        return load.closedLoop(source, options.concurrency(), duration);
    }

    /** The soak (--soak): the mix's saturation first (15 s, Java client), then half that rate for the length asked. */
    private Soak.Outcome soak(
            String patientService,
            String programService,
            List<BenchPatients.Patient> patients,
            KeycloakTokens.Token physio,
            List<KeycloakTokens.Token> tokens)
            throws Exception {
        LoadGenerator.RequestSource mix = Soak.mix(patientService, programService, patients, physio::bearer);
        System.out.println("Soak: the mix's saturation (15 s) ...");
        renew(tokens);
        LoadGenerator.Closed saturation = load.closedLoop(mix, options.concurrency(), Duration.ofSeconds(15));
        double rate = Math.max(1, saturation.perSecond() / 2);
        System.out.printf(
                Locale.ROOT,
                "Soak: %d min at %.0f req/s (saturation %.0f req/s) ...%n",
                options.soak().toMinutes(),
                rate,
                saturation.perSecond());
        sampleLoad();
        Soak.Outcome outcome = Soak.run(
                load,
                mix,
                saturation.perSecond(),
                rate,
                options.soak(),
                () -> {
                    try {
                        renew(tokens);
                    } catch (Exception e) {
                        throw new IllegalStateException("token renewal failed during the soak: " + e.getMessage(), e);
                    }
                },
                () -> {
                    Map<String, Long> byName = new LinkedHashMap<>();
                    rss().forEach((service, kb) -> byName.put(service.module, kb));
                    return byName;
                });
        sampleLoad();
        return outcome;
    }

    private void renew(List<KeycloakTokens.Token> tokens) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (KeycloakTokens.Token t : tokens) {
                done.add(pool.submit(() -> t.renewIfOlderThan(TOKEN_MAX_AGE)));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private List<String> loginAll(String portal, List<BenchPatients.Patient> patients) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> sessions = new ArrayList<>();
            for (BenchPatients.Patient p : patients) {
                sessions.add(pool.submit(() -> PortalSession.login(portal, "/me/today", p.username(), p.password())));
            }
            List<String> cookies = new ArrayList<>();
            for (Future<String> s : sessions) {
                cookies.add(s.get());
            }
            return cookies;
        } finally {
            pool.shutdownNow();
        }
    }

    private boolean answers200(String url) {
        try {
            return http.send(LoadGenerator.get(url).build(), java.net.http.HttpResponse.BodyHandlers.discarding())
                            .statusCode()
                    == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The reports benchmark ({@link ReportsBench}) when the 1,000,000-log clinic is there, else why it was not run. */
    private ReportsBench.Outcome reports(ClinicStack stack) {
        try {
            if (options.generate()) {
                System.out.println("Generating the synthetic clinic at scale " + options.scale()
                        + " (./clinic generate --scale=" + options.scale() + ")...");
                Process generate = new ProcessBuilder(
                                Path.of(System.getProperty("java.home"), "bin", "java")
                                        .toString(),
                                "-Xmx1g",
                                "-cp",
                                System.getProperty("java.class.path"),
                                "clinic.datagen.Generate",
                                "--scale=" + options.scale())
                        .inheritIO()
                        .start();
                if (generate.waitFor() != 0) {
                    return notRun(
                            "Not run: the generator failed (exit code " + generate.exitValue() + ", output above).");
                }
            }
            long logs = sessionLogs(stack);
            if (logs < GENERATED_CLINIC_LOGS) {
                return notRun(String.format(
                        Locale.ROOT,
                        "Not run: the bench clinic holds %,d session logs, not a synthetic clinic of a million or more."
                                + " `./clinic bench --generate` (add `--scale=10` for 10,000,000 logs) creates it once"
                                + " in the bench's data directory; later runs find it and measure the reports.",
                        logs));
            }
            System.out.println("Reports benchmark (ReportsBench) over " + logs + " session logs...");
            ReportsBench.Outcome measured =
                    ReportsBench.measure(new String[] {"--report-requests=" + options.reportRequests(), "--warmup=2"});
            return new ReportsBench.Outcome(
                    "From `ReportsBench` over " + String.format(Locale.ROOT, "%,d", logs) + " session logs:\n\n"
                            + measured.markdown(),
                    measured.rows());
        } catch (Exception e) {
            return notRun("Not run: " + e.getMessage());
        }
    }

    private static ReportsBench.Outcome notRun(String why) {
        return new ReportsBench.Outcome(why, List.of());
    }

    private long sessionLogs(ClinicStack stack) throws Exception {
        try (Connection c = DriverManager.getConnection(stack.jdbcUrl("programs"), stack.dbUser(), stack.dbPassword());
                Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM session_log")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private void sampleLoad() {
        loadSamples.add(LocalDateTime.now().toLocalTime().withNano(0) + " " + Processes.loadAverage());
    }

    private Map<String, String> machine() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("CPU", Runtime.getRuntime().availableProcessors() + " cores (nproc), " + cpuModel());
        m.put("memory", memory());
        m.put(
                "benchmark's Java",
                System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version") + " ("
                        + System.getProperty("java.vendor") + ")");
        m.put("services' Java", serviceJava);
        m.put("services' JVM flags", "as ./clinic run starts them (infra/local ServiceJvm)");
        m.put("load average during the run", loadSummary(loadSamples));
        return m;
    }

    /** "1-min load average 10.7 to 16.0 over 10 samples" from samples "HH:MM:SS one five fifteen". */
    static String loadSummary(List<String> samples) {
        double min = Double.MAX_VALUE;
        double max = -1;
        int count = 0;
        for (String sample : samples) {
            String[] parts = sample.trim().split("\\s+");
            if (parts.length < 2) {
                continue;
            }
            try {
                double one = Double.parseDouble(parts[1]);
                min = Math.min(min, one);
                max = Math.max(max, one);
                count++;
            } catch (NumberFormatException notANumber) {
                // "?" off Linux
            }
        }
        if (count == 0) {
            return "not available";
        }
        return String.format(
                Locale.ROOT,
                "1-min load average %.1f to %.1f over %d samples (each in the notes); 2 cores means 2.0 is full",
                min,
                max,
                count);
    }

    private static String cpuModel() {
        try (Stream<String> lines = Files.lines(Path.of("/proc/cpuinfo"))) {
            return lines.filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).trim())
                    .findFirst()
                    .orElse("model unknown");
        } catch (IOException | RuntimeException e) {
            return "model unknown";
        }
    }

    private static String memory() {
        try (Stream<String> lines = Files.lines(Path.of("/proc/meminfo"))) {
            return lines.filter(l -> l.startsWith("MemTotal"))
                    .map(l -> String.format(Locale.ROOT, "%.1f GiB", Processes.parseKb(l) / 1024.0 / 1024.0))
                    .findFirst()
                    .orElse("?");
        } catch (IOException | RuntimeException e) {
            return "?";
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
