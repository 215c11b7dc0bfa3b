package clinic.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

/**
 * {@code ./clinic run}: starts the whole clinic, prints where to go and how to log in, and stops everything on
 * Ctrl-C.
 */
public final class ClinicLauncher {

    private ClinicLauncher() {}

    public static void main(String[] args) throws Exception {
        StackConfig.RunOptions options;
        try {
            options = StackConfig.RunOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            usage();
            System.exit(2);
            return;
        }
        if (options.help()) {
            usage();
            return;
        }
        boolean reset = options.reset();
        Map<String, String> env = System.getenv();
        Path root =
                Path.of(System.getProperty("clinic.root", ".")).toAbsolutePath().normalize();
        Path dataDir = Path.of(env.getOrDefault(
                        "CLINIC_DATA_DIR", root.resolve(".clinic-data").toString()))
                .toAbsolutePath();
        StackConfig.Ports ports;
        try {
            ports = StackConfig.Ports.defaults(env);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        StackConfig config = new StackConfig(
                root,
                dataDir,
                ports,
                StackConfig.ExternalDatabase.fromEnv(env),
                StackConfig.externalKeycloak(env),
                false,
                true,
                options.replicas());

        if (!portsFree(config)) {
            System.exit(3);
        }
        if (reset) {
            // The data goes; the unpacked and built Keycloak stays, so a reset costs no rebuild.
            System.out.println("Resetting: removing the database, Keycloak's data and the logs in " + dataDir);
            deleteTree(dataDir.resolve("mariadb"));
            deleteTree(dataDir.resolve("keycloak").resolve("data"));
            deleteTree(dataDir.resolve("logs"));
        }
        Path startedOnce = dataDir.resolve("keycloak/.started-once");
        boolean firstRun = !Files.exists(startedOnce);
        System.out.println(
                firstRun
                        ? "Starting the clinic for the first time (Keycloak builds itself once: about a minute)..."
                        : "Starting the clinic (data kept in " + dataDir + ")...");
        if (options.replicas() > 1) {
            System.out.println("Each service runs " + options.replicas()
                    + " instances behind a round-robin proxy on its usual port.");
        }

        ClinicStack stack = new ClinicStack(config);
        CountDownLatch stopped = new CountDownLatch(1);
        AtomicBoolean stopAsked = new AtomicBoolean();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stopAsked.set(true);
            System.out.println("\nStopping the clinic...");
            stack.close();
            System.out.println("Stopped. Nothing of the clinic is left running.");
            stopped.countDown();
        }));
        try {
            stack.start();
        } catch (RuntimeException e) {
            if (stopAsked.get()) {
                // Ctrl-C while starting: the shutdown hook is stopping everything and says so.
                stopped.await();
                return;
            }
            System.err.println("The clinic did not start: " + e.getMessage());
            System.err.println("Logs are in " + dataDir.resolve("logs"));
            System.exit(1);
        }
        // With CLINIC_KEYCLOAK_URL no Keycloak folder is made; the marker still needs its folder.
        Files.createDirectories(startedOnce.getParent());
        Files.writeString(startedOnce, "ok");
        printWelcome(stack, config);
        stopped.await();
    }

    private static boolean portsFree(StackConfig config) {
        Map<String, int[]> checks = new LinkedHashMap<>();
        StackConfig.Ports p = config.ports();
        checks.put("web-portal (PORTAL_PORT)", new int[] {p.portal()});
        checks.put("patient-service (PATIENT_SERVICE_PORT)", new int[] {p.patientService()});
        checks.put("program-service (PROGRAM_SERVICE_PORT)", new int[] {p.programService()});
        checks.put("web-portal's health and metrics (PORTAL_MANAGEMENT_PORT)", new int[] {p.portalManagement()});
        checks.put(
                "patient-service's health and metrics (PATIENT_SERVICE_MANAGEMENT_PORT)",
                new int[] {p.patientServiceManagement()});
        checks.put(
                "program-service's health and metrics (PROGRAM_SERVICE_MANAGEMENT_PORT)",
                new int[] {p.programServiceManagement()});
        if (config.externalKeycloak().isEmpty()) {
            checks.put("Keycloak (KEYCLOAK_PORT)", new int[] {p.keycloak()});
            checks.put("demo mail server, SMTP (CLINIC_SMTP_PORT)", new int[] {p.smtp()});
            checks.put("demo mail server, web API (CLINIC_MAIL_PORT)", new int[] {p.mail()});
        }
        if (config.externalDb().isEmpty()) {
            checks.put("embedded database (DB_PORT)", new int[] {p.database()});
        }
        boolean ok = true;
        for (Map.Entry<String, int[]> check : checks.entrySet()) {
            int port = check.getValue()[0];
            if (!Http.portFree(port)) {
                String var = check.getKey().replaceAll(".*\\((.*)\\)", "$1");
                // +10000: +1000 would land on the next group (8080 -> 9080 is the portal's management port).
                System.err.printf(
                        "Port %d, wanted by %s, is already in use. Stop what uses it, or choose another port,"
                                + " for example: %s=%d ./clinic run%n",
                        port, check.getKey(), var, port + 10000);
                ok = false;
            }
        }
        return ok;
    }

    private static void printWelcome(ClinicStack stack, StackConfig config) {
        Map<String, Duration> times = stack.startTimes();
        StringBuilder out = new StringBuilder();
        out.append("\n==============================================================\n");
        out.append(" The clinic is ready in ")
                .append(seconds(times.get("clinic")))
                .append("\n\n");
        out.append("   Portal            ").append(stack.portalUrl()).append("\n");
        // API documents: on for the demo (CLINIC_API_DOCS=true, set by ClinicStack), off in production.
        boolean apiDocs = !"false".equalsIgnoreCase(System.getenv("CLINIC_API_DOCS"));
        for (ClinicStack.Service service : List.of(ClinicStack.Service.PATIENT, ClinicStack.Service.PROGRAM)) {
            out.append(String.format("   %-17s %s", service.module, stack.url(service)))
                    .append(apiDocs ? "/q/swagger-ui   (API docs: demo only, CLINIC_API_DOCS)" : "")
                    .append("\n");
        }
        out.append("   Keycloak          ").append(stack.keycloakRealmUrl()).append("\n");
        stack.mailUrl().ifPresent(mail -> out.append("   Mail (demo)       ")
                .append(mail)
                .append("/api/user/<address>/messages/INBOX\n")
                .append("                     every e-mail the clinic sends stays here: invitations, reminders,\n")
                .append("                     alerts to physios (patient3's nudge arrives within a minute);\n")
                .append("                     read the newest with their links: ./clinic mail [address]\n"));
        // Health and metrics answer only on the management ports, never on the addresses above.
        out.append("   Health, metrics   ");
        for (ClinicStack.Service service : ClinicStack.Service.values()) {
            out.append(stack.managementUrl(service)).append("/q/health  ");
        }
        out.append("(and /q/metrics)\n");
        if (stack.replicas() > 1) {
            // Each instance on its own ports: the public ports above are round-robin proxies in front of them.
            out.append("   Instances         ")
                    .append(stack.replicas())
                    .append(" of each service, round robin behind the addresses above:\n");
            for (ClinicStack.Service service : ClinicStack.Service.values()) {
                for (ClinicStack.Instance instance : stack.instances(service)) {
                    out.append(String.format(
                            "     %-19s %s   health %s/q/health%n",
                            instance.name(stack.replicas()), instance.url(), instance.managementUrl()));
                }
            }
        }
        out.append("   Database          ")
                .append(
                        config.externalDb().isPresent()
                                ? "your MySQL (CLINIC_DB_URL)"
                                : stack.jdbcUrl("patients")
                                        .replaceAll(
                                                "/patients(\\?.*)?$",
                                                " (embedded MariaDB, schemas patients and programs)"))
                .append("\n\n");
        out.append(" Demo accounts (demo realm only; password = user name):\n");
        for (String[] account : List.of(
                new String[] {"physio", "physiotherapist, cares for 'patient'"},
                new String[] {"physio2", "physiotherapist, cares for 'patient2'"},
                new String[] {"patient", "patient on the sciatica program"},
                new String[] {"patient2", "patient on the sciatica program"},
                new String[] {"patient3", "patient of 'physio', no exercise logged for 3 days (gets a nudge)"},
                new String[] {"admin", "clinic admin: reports and audit"})) {
            out.append(String.format("   %-9s %s%n", account[0], account[1]));
        }
        out.append("\n Start times: ");
        for (String name : List.of("database", "keycloak", "mail")) {
            if (times.containsKey(name)) {
                out.append(name).append(' ').append(seconds(times.get(name))).append("  ");
            }
        }
        // The AOT cache's training runs, once per build (ServiceJvm).
        times.forEach((name, took) -> {
            if (name.endsWith(" AOT training")) {
                out.append(name).append(' ').append(seconds(took)).append("  ");
            }
        });
        // Each service from its own process start to its first ready answer, and its resident memory then.
        out.append("\n Services (process start to ready, RSS): ");
        for (ClinicStack.Service service : ClinicStack.Service.values()) {
            for (ClinicStack.Instance instance : stack.instances(service)) {
                String name = instance.name(stack.replicas());
                Duration d = times.get(name);
                out.append(name).append(' ').append(d == null ? "?" : String.format("%.2f s", d.toMillis() / 1000.0));
                Long rss = stack.memory().get(name);
                if (rss != null) {
                    out.append(' ').append(rss / (1024 * 1024)).append(" MB");
                }
                out.append("  ");
            }
        }
        out.append("\n Services run on ").append(stack.serviceJava());
        out.append("\n Logs: ").append(config.dataDir().resolve("logs"));
        out.append("\n Press Ctrl-C to stop everything.\n");
        out.append("==============================================================\n");
        System.out.print(out);
    }

    private static String seconds(Duration d) {
        return d == null ? "?" : String.format("%.1f s", d.toMillis() / 1000.0);
    }

    private static void usage() {
        System.out.println(
                """
                Usage: ./clinic run [--reset] [--replicas N]

                Starts the database, Keycloak, a demo mail server and the three services with demo
                data, then waits.
                Ctrl-C stops everything.

                  --reset         delete the local data (database, Keycloak users, logs) and start afresh
                  --replicas N    N instances (1-4) of each service, behind a round-robin proxy on
                                  each service's port; each instance on ports of its own (listed when
                                  ready); scheduled jobs still run once per tick (default 1)

                Environment:
                  PORTAL_PORT, PATIENT_SERVICE_PORT, PROGRAM_SERVICE_PORT, KEYCLOAK_PORT, DB_PORT
                                       ports (defaults 8080, 8081, 8082, 8180, 3306)
                  CLINIC_SMTP_PORT, CLINIC_MAIL_PORT
                                       the demo mail server: SMTP and web API (defaults 3025, 8025);
                                       Keycloak's invitations and patient-service's reminders go there
                  CLINIC_NOTIFY_SIGNING_KEY
                                       signs the unsubscribe links in the clinic's e-mails (default: made
                                       once per data directory, kept in <data dir>/notify-signing-key)
                  PORTAL_MANAGEMENT_PORT, PATIENT_SERVICE_MANAGEMENT_PORT, PROGRAM_SERVICE_MANAGEMENT_PORT
                                       health and metrics ports (defaults 9080, 9081, 9082)
                  CLINIC_API_DOCS      false: no OpenAPI documents or Swagger UI (default true here)
                  CLINIC_DATA_DIR      where local data is kept (default .clinic-data)
                  CLINIC_DB_URL        use your MySQL instead of the embedded one,
                                       e.g. jdbc:mysql://db.example:3306 (schemas patients, programs)
                  CLINIC_DB_USER, CLINIC_DB_PASSWORD   its credentials
                  CLINIC_KEYCLOAK_URL  use your Keycloak (realm 'clinic' imported from
                                       infra/keycloak/clinic-realm.json) instead of starting one
                  CLINIC_AOT           train (default): run the services on a JDK 25+ with an AOT cache,
                                       trained once per build; use: only a cache trained before;
                                       off: the launcher's Java with AppCDS
                  CLINIC_SERVICE_JAVA_HOME
                                       the JDK to run the services with (default: a JDK 25+ from
                                       JAVA_HOME or /usr/lib/jvm, else the launcher's Java)
                  CLINIC_REALM_FILE    realm export the started Keycloak imports instead of
                                       infra/keycloak/clinic-realm.json (read at a fresh start)
                """);
    }

    static void deleteTree(Path dir) throws IOException {
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
