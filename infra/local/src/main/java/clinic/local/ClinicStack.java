package clinic.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The whole clinic on one machine: database, Keycloak and the three services, started in dependency order and
 * stopped in reverse. Used by the launcher and by the system tests.
 */
public final class ClinicStack implements AutoCloseable {

    /** The services, in start order. Each is the module of the same name. */
    public enum Service {
        PATIENT("patient-service", "patients"),
        PROGRAM("program-service", "programs"),
        PORTAL("web-portal", null);

        public final String module;
        /** Schema it owns, or null. */
        public final String schema;

        Service(String module, String schema) {
            this.module = module;
            this.schema = schema;
        }
    }

    /** Keycloak's first start builds itself; on a busy shared machine that alone has taken over four minutes. */
    private static final Duration KEYCLOAK_TIMEOUT = Duration.ofSeconds(480);

    private static final Duration SERVICE_TIMEOUT = Duration.ofSeconds(90);
    private static final Duration MAIL_TIMEOUT = Duration.ofSeconds(60);

    private final StackConfig config;
    private final ServiceJvm jvm = ServiceJvm.fromEnvironment(System.getenv());
    private final java.util.Set<Service> described = java.util.EnumSet.noneOf(Service.class);
    private final Map<Service, ManagedProcess> services = new LinkedHashMap<>();
    private EmbeddedDatabase embeddedDb;
    private KeycloakServer keycloak;
    private MailServer mail;
    private final Map<String, Duration> startTimes = java.util.Collections.synchronizedMap(new LinkedHashMap<>());
    private final Map<String, Long> memory = new LinkedHashMap<>();

    public ClinicStack(StackConfig config) {
        this.config = config;
    }

    /** Starts everything; on any failure stops what was started and rethrows. */
    public ClinicStack start() {
        try {
            long t0 = System.nanoTime();
            CompletableFuture<Void> db = CompletableFuture.runAsync(this::startDatabase);
            CompletableFuture<Void> kc = CompletableFuture.runAsync(this::startKeycloak);
            CompletableFuture<Void> smtp = CompletableFuture.runAsync(this::startMail);
            CompletableFuture.allOf(db, kc, smtp).join();
            // One after another: each JVM then has both cores to itself and is ready in a third of the time it
            // takes when three start at once, and the clinic as a whole is ready no later (measured in
            // docs/performance.md "Start-up and memory").
            for (Service service : Service.values()) {
                startService(service);
                awaitService(service);
            }
            for (Service service : Service.values()) {
                ManagedProcess process = services.get(service);
                process.rssBytes().ifPresent(rss -> memory.put(service.module, rss));
            }
            startTimes.put("clinic", Duration.ofNanos(System.nanoTime() - t0));
            return this;
        } catch (RuntimeException e) {
            close();
            Throwable cause =
                    e.getCause() != null && e instanceof java.util.concurrent.CompletionException ? e.getCause() : e;
            throw cause instanceof RuntimeException re ? re : new IllegalStateException(cause);
        }
    }

    private void startDatabase() {
        if (config.externalDb().isPresent()) {
            return;
        }
        long t0 = System.nanoTime();
        List<String> schemas = new ArrayList<>();
        for (Service s : Service.values()) {
            if (s.schema != null) {
                schemas.add(s.schema);
            }
        }
        embeddedDb = EmbeddedDatabase.start(
                config.dataDir().resolve("mariadb"), config.ports().database(), schemas);
        startTimes.put("database", Duration.ofNanos(System.nanoTime() - t0));
    }

    private void startKeycloak() {
        if (config.externalKeycloak().isPresent()) {
            return;
        }
        long t0 = System.nanoTime();
        Path realm = demoRealm();
        // The realm file's smtpServer reads these placeholders at import (Keycloak's own substitution), so the
        // same file serves the demo and, with the clinic's values, production.
        Map<String, String> smtp = Map.of(
                "CLINIC_SMTP_HOST", "127.0.0.1",
                "CLINIC_SMTP_PORT", String.valueOf(config.ports().smtp()),
                "CLINIC_MAIL_FROM", "clinic@localhost");
        keycloak = KeycloakServer.start(
                keycloakZip(),
                config.dataDir().resolve("keycloak"),
                realm,
                config.ports().keycloak(),
                config.inMemoryKeycloak(),
                smtp,
                logFile("keycloak"),
                KEYCLOAK_TIMEOUT);
        startTimes.put("keycloak", Duration.ofNanos(System.nanoTime() - t0));
    }

    /**
     * The demo mail server, only next to the Keycloak started here: a Keycloak of the user's own sends through the
     * mail server its realm names.
     */
    private void startMail() {
        if (config.externalKeycloak().isPresent()) {
            return;
        }
        long t0 = System.nanoTime();
        mail = MailServer.start(
                config.root().resolve("infra/local/target/dist/greenmail-standalone.jar"),
                config.ports().smtp(),
                config.ports().mail(),
                logFile("mail"),
                MAIL_TIMEOUT);
        startTimes.put("mail", Duration.ofNanos(System.nanoTime() - t0));
    }

    /** Where the demo clinic's mail is read (GreenMail's web API), or empty when no mail server was started. */
    public java.util.Optional<String> mailUrl() {
        return java.util.Optional.ofNullable(mail).map(MailServer::apiUrl);
    }

    /**
     * The realm file with the portal's redirect addresses set to the port actually in use. {@code CLINIC_REALM_FILE}
     * names another export to import instead (the system tests add clients that issue expired and other-audience
     * tokens that way, without putting them in the demo realm).
     */
    private Path demoRealm() {
        String override = System.getenv("CLINIC_REALM_FILE");
        Path source = override == null || override.isBlank()
                ? config.root().resolve("infra/keycloak/clinic-realm.json")
                : Path.of(override);
        try {
            String realm = Files.readString(source);
            realm = realm.replace("http://localhost:8080", portalUrl());
            Path out = config.dataDir().resolve("clinic-realm.json");
            Files.createDirectories(out.getParent());
            Files.writeString(out, realm);
            return out;
        } catch (IOException e) {
            throw new IllegalStateException("could not read the realm file " + source + ": " + e.getMessage(), e);
        }
    }

    private Path keycloakZip() {
        Path zip = config.root().resolve("infra/local/target/dist/keycloak.zip");
        if (!Files.exists(zip)) {
            throw new IllegalStateException(zip
                    + " is missing: build the project first (./clinic run builds it; or ./mvnw install -DskipTests)");
        }
        return zip;
    }

    /** Starts (or restarts) one service process without waiting for it to be ready. */
    public void startService(Service service) {
        Path jar = config.root().resolve(service.module + "/target/quarkus-app/quarkus-run.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar
                    + " is missing: build the project first (./clinic run builds it; or ./mvnw install -DskipTests)");
        }
        Path appDir = jar.getParent();
        // Which Java and which start-up cache: JDK 25+ with its AOT cache (trained here once per build), else this
        // Java with the build's AppCDS archive (ServiceJvm; docs/operations.md "Start-up").
        if (jvm.needsTraining(appDir)) {
            long trainingStart = System.nanoTime();
            jvm.train(
                    service.module,
                    appDir,
                    environment(service),
                    managementUrl(service) + "/q/health/ready",
                    logFile(service.module + "-aot-training"),
                    AotTraining.workload(this, service));
            // Part of the clinic's start, once per build; named so that a reader of the start times can take it out.
            startTimes.put(service.module + " AOT training", Duration.ofNanos(System.nanoTime() - trainingStart));
        }
        ServiceJvm.Launch launch = jvm.launch(appDir);
        if (described.add(service)) {
            System.out.println(launch.describe(service.module));
        }
        List<String> command = launch.command();
        ManagedProcess process = ManagedProcess.start(
                service.module,
                command,
                environment(service),
                // The archive names its jars relative to target/quarkus-app, so the JVM must run from there.
                appDir.toFile(),
                logFile(service.module));
        services.put(service, process);
    }

    /**
     * Waits until the service's readiness check answers 200. Its start time is from the process start to that first
     * ready answer (polled every 20 ms, so it is at most that late).
     */
    public void awaitService(Service service) {
        ManagedProcess process = services.get(service);
        Http.awaitOk(service.module, managementUrl(service) + "/q/health/ready", SERVICE_TIMEOUT, process::isAlive, 20);
        startTimes.putIfAbsent(service.module, Duration.ofNanos(System.nanoTime() - process.startedNanos()));
    }

    /** Stops one service gracefully (for failure tests and restarts). */
    public void stopService(Service service) {
        ManagedProcess process = services.remove(service);
        if (process != null) {
            process.close();
        }
    }

    /** Kills one service with SIGKILL, as a crash would. */
    public void killService(Service service) {
        ManagedProcess process = services.remove(service);
        if (process != null) {
            process.kill();
        }
    }

    Map<String, String> environment(Service service) {
        Map<String, String> env = new HashMap<>();
        env.put("QUARKUS_HTTP_PORT", String.valueOf(port(service)));
        // Health and metrics: on the management interface only (docs/operations.md "Ports").
        env.put("QUARKUS_MANAGEMENT_PORT", String.valueOf(managementPort(service)));
        // The demo shows the API documents and Swagger UI; production leaves them off (CLINIC_API_DOCS=false here
        // turns them off for a local run too).
        env.put("CLINIC_API_DOCS", System.getenv().getOrDefault("CLINIC_API_DOCS", "true"));
        env.put("QUARKUS_OIDC_AUTH_SERVER_URL", keycloakRealmUrl());
        env.put("CLINIC_KEYCLOAK_URL", keycloakUrl());
        env.put("PATIENT_SERVICE_URL", url(Service.PATIENT));
        env.put("PROGRAM_SERVICE_URL", url(Service.PROGRAM));
        env.put("PORTAL_URL", portalUrl());
        if (service.schema != null) {
            env.put("QUARKUS_DATASOURCE_JDBC_URL", jdbcUrl(service.schema));
            env.put("QUARKUS_DATASOURCE_USERNAME", dbUser());
            env.put("QUARKUS_DATASOURCE_PASSWORD", dbPassword());
            if (config.demoData()) {
                env.put("CLINIC_DEMO_DATA", "true");
            }
        }
        return env;
    }

    public String jdbcUrl(String schema) {
        return config.externalDb().map(db -> db.baseUrl() + "/" + schema).orElseGet(() -> embeddedDb.jdbcUrl(schema));
    }

    public String dbUser() {
        return config.externalDb().map(StackConfig.ExternalDatabase::user).orElse(EmbeddedDatabase.USER);
    }

    public String dbPassword() {
        return config.externalDb().map(StackConfig.ExternalDatabase::password).orElse(EmbeddedDatabase.PASSWORD);
    }

    public int port(Service service) {
        return switch (service) {
            case PATIENT -> config.ports().patientService();
            case PROGRAM -> config.ports().programService();
            case PORTAL -> config.ports().portal();
        };
    }

    public String url(Service service) {
        return "http://localhost:" + port(service);
    }

    /** Port of the service's management interface: health ({@code /q/health/*}) and metrics ({@code /q/metrics}). */
    public int managementPort(Service service) {
        return switch (service) {
            case PATIENT -> config.ports().patientServiceManagement();
            case PROGRAM -> config.ports().programServiceManagement();
            case PORTAL -> config.ports().portalManagement();
        };
    }

    public String managementUrl(Service service) {
        return "http://localhost:" + managementPort(service);
    }

    public String portalUrl() {
        return url(Service.PORTAL);
    }

    public String keycloakUrl() {
        return config.externalKeycloak()
                .orElse("http://localhost:" + config.ports().keycloak());
    }

    public String keycloakRealmUrl() {
        return keycloakUrl() + "/realms/" + KeycloakServer.REALM;
    }

    public Path logFile(String name) {
        return config.dataDir().resolve("logs").resolve(name + ".log");
    }

    /** How long each part took to become ready, in start order; "clinic" is the whole. */
    public Map<String, Duration> startTimes() {
        return startTimes;
    }

    /** Which Java the services run on and with which start-up cache, for the banner. */
    public String serviceJava() {
        return jvm.summary();
    }

    /** Resident memory (bytes) of each service when the clinic became ready, in start order; Linux only. */
    public Map<String, Long> memory() {
        return memory;
    }

    /** Process ids of everything this stack started, for checks that nothing is left running. */
    public List<Long> pids() {
        List<Long> pids = new ArrayList<>();
        services.values().forEach(p -> pids.add(p.pid()));
        if (keycloak != null) {
            pids.add(keycloak.process().pid());
        }
        if (mail != null) {
            pids.add(mail.process().pid());
        }
        return pids;
    }

    /** Stops the services, then Keycloak and the mail server, then the database. Safe to call more than once. */
    @Override
    public synchronized void close() {
        List<Service> reverse = new ArrayList<>(services.keySet());
        java.util.Collections.reverse(reverse);
        List<CompletableFuture<Void>> stopping = new ArrayList<>();
        for (Service service : reverse) {
            ManagedProcess process = services.remove(service);
            stopping.add(CompletableFuture.runAsync(process::close));
        }
        if (keycloak != null) {
            KeycloakServer kc = keycloak;
            keycloak = null;
            stopping.add(CompletableFuture.runAsync(kc::close));
        }
        if (mail != null) {
            MailServer smtp = mail;
            mail = null;
            stopping.add(CompletableFuture.runAsync(smtp::close));
        }
        stopping.forEach(f -> {
            try {
                f.join();
            } catch (RuntimeException ignored) {
                // keep stopping the rest
            }
        });
        if (embeddedDb != null) {
            try {
                embeddedDb.close();
            } catch (RuntimeException ignored) {
                // the process is gone either way
            }
            embeddedDb = null;
        }
    }
}
