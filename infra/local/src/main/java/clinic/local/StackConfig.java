package clinic.local;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Where and how the local clinic runs.
 *
 * @param root the repository root (holds the modules' build output and infra/keycloak)
 * @param dataDir database files, the unpacked Keycloak and the logs
 * @param externalDb a MySQL the user already has (JDBC base URL, user, password); empty: start the embedded one
 * @param externalKeycloak base URL of a Keycloak the user already runs, with the clinic realm imported; empty:
 *     start Keycloak's distribution
 * @param inMemoryKeycloak true for tests: the realm is imported afresh at each start
 * @param demoData load the demo patients and programs
 * @param replicas instances of each service (1: each on its public port; more: behind a round-robin {@link TcpProxy}
 *     on the public port, each instance on a port of its own)
 */
public record StackConfig(
        Path root,
        Path dataDir,
        Ports ports,
        Optional<ExternalDatabase> externalDb,
        Optional<String> externalKeycloak,
        boolean inMemoryKeycloak,
        boolean demoData,
        int replicas) {

    /** The most instances of each service the launcher starts: each is a JVM of about 150-200 MB. */
    public static final int MAX_REPLICAS = 4;

    public StackConfig {
        if (replicas < 1 || replicas > MAX_REPLICAS) {
            throw new IllegalArgumentException("replicas must be 1 to " + MAX_REPLICAS + ", not " + replicas);
        }
    }

    /** One instance of each service. */
    public StackConfig(
            Path root,
            Path dataDir,
            Ports ports,
            Optional<ExternalDatabase> externalDb,
            Optional<String> externalKeycloak,
            boolean inMemoryKeycloak,
            boolean demoData) {
        this(root, dataDir, ports, externalDb, externalKeycloak, inMemoryKeycloak, demoData, 1);
    }

    /**
     * The run command's options: {@code --reset}, {@code --replicas N} (or {@code --replicas=N}), {@code -h}/{@code
     * --help}.
     */
    public record RunOptions(boolean reset, int replicas, boolean help) {

        /** @throws IllegalArgumentException with a message for the user, for an unknown option or a bad count */
        public static RunOptions parse(String... args) {
            boolean reset = false;
            boolean help = false;
            int replicas = 1;
            for (int i = 0; i < args.length; i++) {
                String arg = args[i];
                if (arg.equals("--reset")) {
                    reset = true;
                } else if (arg.equals("-h") || arg.equals("--help")) {
                    help = true;
                } else if (arg.equals("--replicas")) {
                    if (i + 1 >= args.length) {
                        throw new IllegalArgumentException("--replicas needs a number, e.g. --replicas 2");
                    }
                    replicas = replicas(args[++i]);
                } else if (arg.startsWith("--replicas=")) {
                    replicas = replicas(arg.substring("--replicas=".length()));
                } else {
                    throw new IllegalArgumentException("Unknown option: " + arg);
                }
            }
            return new RunOptions(reset, replicas, help);
        }

        private static int replicas(String value) {
            try {
                int n = Integer.parseInt(value.trim());
                if (n >= 1 && n <= MAX_REPLICAS) {
                    return n;
                }
            } catch (NumberFormatException e) {
                // said below
            }
            throw new IllegalArgumentException(
                    "--replicas must be a number from 1 to " + MAX_REPLICAS + ", not '" + value + "'");
        }
    }

    /**
     * TCP ports of the processes: the three services, Keycloak, the database, the demo mail server (SMTP, which
     * Keycloak sends to, and its web API, where the mail is read), and the three services' management interfaces
     * (health and metrics, never on the public port).
     */
    public record Ports(
            int portal,
            int patientService,
            int programService,
            int keycloak,
            int database,
            int smtp,
            int mail,
            int portalManagement,
            int patientServiceManagement,
            int programServiceManagement) {

        public static Ports defaults(Map<String, String> env) {
            return new Ports(
                    port(env, "PORTAL_PORT", 8080),
                    port(env, "PATIENT_SERVICE_PORT", 8081),
                    port(env, "PROGRAM_SERVICE_PORT", 8082),
                    port(env, "KEYCLOAK_PORT", 8180),
                    port(env, "DB_PORT", 3306),
                    port(env, "CLINIC_SMTP_PORT", 3025),
                    port(env, "CLINIC_MAIL_PORT", 8025),
                    port(env, "PORTAL_MANAGEMENT_PORT", 9080),
                    port(env, "PATIENT_SERVICE_MANAGEMENT_PORT", 9081),
                    port(env, "PROGRAM_SERVICE_MANAGEMENT_PORT", 9082));
        }

        /** Free ports picked at random, for tests that must not collide with a running clinic. */
        public static Ports random() {
            return new Ports(
                    Http.freePort(),
                    Http.freePort(),
                    Http.freePort(),
                    Http.freePort(),
                    Http.freePort(),
                    Http.freePort(),
                    Http.freePort(),
                    Http.freePort(),
                    Http.freePort(),
                    Http.freePort());
        }

        private static int port(Map<String, String> env, String name, int fallback) {
            String value = env.get(name);
            if (value == null || value.isBlank()) {
                return fallback;
            }
            try {
                return Integer.parseInt(value.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(name + " must be a port number, not '" + value + "'");
            }
        }
    }

    /** {@code CLINIC_KEYCLOAK_URL}, e.g. https://sso.example.org, when the user has a Keycloak already. */
    public static Optional<String> externalKeycloak(Map<String, String> env) {
        String url = env.get("CLINIC_KEYCLOAK_URL");
        return url == null || url.isBlank() ? Optional.empty() : Optional.of(url.replaceAll("/+$", ""));
    }

    /** A MySQL server configured by the user: {@code jdbc:mysql://host:3306} plus credentials. */
    public record ExternalDatabase(String baseUrl, String user, String password) {

        public static Optional<ExternalDatabase> fromEnv(Map<String, String> env) {
            String url = env.get("CLINIC_DB_URL");
            if (url == null || url.isBlank()) {
                return Optional.empty();
            }
            return Optional.of(new ExternalDatabase(
                    url.replaceAll("/+$", ""),
                    env.getOrDefault("CLINIC_DB_USER", "clinic"),
                    env.getOrDefault("CLINIC_DB_PASSWORD", "")));
        }
    }
}
