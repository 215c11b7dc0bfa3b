package clinic.bench;

/** Command-line options of {@code ./clinic bench}. */
record Options(
        int patients,
        int durationSeconds,
        int warmupSeconds,
        int concurrency,
        int portalSessions,
        int startupRuns,
        int reportRequests,
        boolean reset,
        boolean generate,
        int scale,
        java.time.Duration soak,
        String driver,
        boolean help) {

    static final String USAGE =
            """
            Usage: ./clinic bench [options]

            Starts its own clinic (data in .clinic-data-bench, ports as for ./clinic run), measures start-up and
            memory, authenticated reads against their reference, portal pages, session-log writes and, when the
            1,000,000-log clinic is present, the reports; prints a Markdown table and writes it to
            infra/bench/target/bench/results-<time>.md. docs/performance.md explains the figures.

              --patients=200        bench patients (each with its own Keycloak login and token)
              --duration=15         seconds of each measured run (saturation, then fixed rate)
              --warmup=5            seconds of warm-up before each scenario
              --concurrency=16      closed-loop workers for the saturation run
              --portal-sessions=20  patients logged in to the portal through Keycloak's form
              --startup-runs=3      timed starts of each service, one service at a time
              --report-requests=100 requests per report endpoint in the reports benchmark (enough for a p95)
              --generate            first fill the bench clinic with the 1,000,000-log synthetic clinic
                                    (./clinic generate; about 3 minutes) so the reports are measured
              --scale=1             with --generate: the synthetic clinic's size (10: 100,000 patients and
                                    10,000,000 logs; the reports are measured at the scale the clinic holds)
              --soak=30m            after the scenarios, a soak of that length (s, m or h) at half of saturation
                                    on a mix of reads and writes: errors and RSS growth from minute 5 to the end
              --driver=auto         saturation runs of the GET scenarios: wrk (when on PATH: it needs far less CPU
                                    than the clinic it measures), java (the harness's own client), auto = wrk if found
              --reset               start from an empty bench database and Keycloak

            Environment: PORTAL_PORT, PATIENT_SERVICE_PORT, PROGRAM_SERVICE_PORT, KEYCLOAK_PORT, DB_PORT,
            PORTAL_MANAGEMENT_PORT, PATIENT_SERVICE_MANAGEMENT_PORT, PROGRAM_SERVICE_MANAGEMENT_PORT (as for
            ./clinic run), CLINIC_BENCH_DATA_DIR (default .clinic-data-bench), CLINIC_RATE_LIMIT_WRITES_PER_MINUTE
            and CLINIC_RATE_LIMIT_SENSITIVE_PER_MINUTE (./clinic bench raises both to 1000000).
            """;

    static Options parse(String... args) {
        int patients = 200;
        int duration = 15;
        int warmup = 5;
        int concurrency = 16;
        int portalSessions = 20;
        int startupRuns = 3;
        int reportRequests = 100;
        boolean reset = false;
        boolean generate = false;
        int scale = 1;
        java.time.Duration soak = java.time.Duration.ZERO;
        String driver = "auto";
        boolean help = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            String value = arg.contains("=") ? arg.substring(arg.indexOf('=') + 1) : null;
            // "--soak 30m" as well as "--soak=30m" for the options that take a value
            if (value == null && TAKES_VALUE.contains(name) && i + 1 < args.length && !args[i + 1].startsWith("--")) {
                value = args[++i];
            }
            switch (name) {
                case "--patients" -> patients = positive(name, value);
                case "--duration" -> duration = positive(name, value);
                case "--warmup" -> warmup = nonNegative(name, value);
                case "--concurrency" -> concurrency = positive(name, value);
                case "--portal-sessions" -> portalSessions = positive(name, value);
                case "--startup-runs" -> startupRuns = positive(name, value);
                case "--report-requests" -> reportRequests = positive(name, value);
                case "--reset" -> reset = flag(name, value);
                case "--generate" -> generate = flag(name, value);
                case "--scale" -> scale = positive(name, value);
                case "--soak" -> soak = duration(name, value);
                case "--driver" -> driver = oneOf(name, value, "auto", "wrk", "java");
                case "-h", "--help" -> help = true;
                default -> throw new IllegalArgumentException("Unknown option " + arg);
            }
        }
        if (portalSessions > patients) {
            throw new IllegalArgumentException("--portal-sessions cannot exceed --patients");
        }
        return new Options(
                patients,
                duration,
                warmup,
                concurrency,
                portalSessions,
                startupRuns,
                reportRequests,
                reset,
                generate,
                scale,
                soak,
                driver,
                help);
    }

    private static final java.util.Set<String> TAKES_VALUE = java.util.Set.of(
            "--patients",
            "--duration",
            "--warmup",
            "--concurrency",
            "--portal-sessions",
            "--startup-runs",
            "--report-requests",
            "--scale",
            "--soak",
            "--driver");

    /** "90s", "30m", "1h" or plain seconds. */
    static java.time.Duration duration(String name, String value) {
        if (value == null || !value.trim().matches("\\d+[smh]?")) {
            throw new IllegalArgumentException(name + " needs a length such as 90s, 30m or 1h, not '" + value + "'");
        }
        String v = value.trim();
        boolean bare = Character.isDigit(v.charAt(v.length() - 1));
        char unit = bare ? 's' : v.charAt(v.length() - 1);
        long n = Long.parseLong(bare ? v : v.substring(0, v.length() - 1));
        java.time.Duration d =
                switch (unit) {
                    case 'm' -> java.time.Duration.ofMinutes(n);
                    case 'h' -> java.time.Duration.ofHours(n);
                    default -> java.time.Duration.ofSeconds(n);
                };
        if (d.compareTo(java.time.Duration.ofMinutes(1)) < 0) {
            throw new IllegalArgumentException(name + " must be at least a minute (RSS is sampled once a minute)");
        }
        return d;
    }

    private static String oneOf(String name, String value, String... allowed) {
        for (String a : allowed) {
            if (a.equals(value)) {
                return a;
            }
        }
        throw new IllegalArgumentException(
                name + " must be one of " + String.join(", ", allowed) + ", not '" + value + "'");
    }

    private static int positive(String name, String value) {
        int n = nonNegative(name, value);
        if (n == 0) {
            throw new IllegalArgumentException(name + " must be at least 1");
        }
        return n;
    }

    private static int nonNegative(String name, String value) {
        if (value == null) {
            throw new IllegalArgumentException(name + " needs a value, e.g. " + name + "=10");
        }
        try {
            int n = Integer.parseInt(value.trim());
            if (n < 0) {
                throw new IllegalArgumentException(name + " must not be negative");
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number, not '" + value + "'");
        }
    }

    private static boolean flag(String name, String value) {
        if (value != null) {
            throw new IllegalArgumentException(name + " takes no value");
        }
        return true;
    }
}
