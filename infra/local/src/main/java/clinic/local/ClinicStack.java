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
    /** The running instances of each service, in instance order (one unless {@code replicas} > 1). */
    private final Map<Service, List<ManagedProcess>> services = new LinkedHashMap<>();
    /** With replicas: each service's instances and the proxy on its public port; set before any instance starts. */
    private final Map<Service, List<Instance>> instances = new LinkedHashMap<>();

    private final Map<Service, TcpProxy> proxies = new LinkedHashMap<>();
    private volatile boolean closed;

    /**
     * Keycloak's and the mail server's processes from the moment they run, not only once ready: Keycloak's first start
     * takes a minute or more, and a Ctrl-C in that minute must end it too (it used to outlive the launcher).
     */
    private final List<ManagedProcess> helpers = new java.util.concurrent.CopyOnWriteArrayList<>();
    /** Shared by every portal instance, so a session or login begun on one goes on at another. */
    private final Map<String, String> portalSecrets = portalSecrets();

    private EmbeddedDatabase embeddedDb;
    private KeycloakServer keycloak;
    private MailServer mail;
    private final Map<String, Duration> startTimes = java.util.Collections.synchronizedMap(new LinkedHashMap<>());
    private final Map<String, Long> memory = new LinkedHashMap<>();

    public ClinicStack(StackConfig config) {
        this.config = config;
        StackConfig.Ports ports = config.ports();
        Http.reserve(
                ports.portal(),
                ports.patientService(),
                ports.programService(),
                ports.keycloak(),
                ports.database(),
                ports.smtp(),
                ports.mail(),
                ports.portalManagement(),
                ports.patientServiceManagement(),
                ports.programServiceManagement());
        for (Service service : Service.values()) {
            List<Instance> list = new ArrayList<>();
            for (int i = 0; i < config.replicas(); i++) {
                // One instance: the public and management ports themselves (as always). More: the public port is the
                // proxy's, and each instance listens on free ports of its own; the first keeps the configured
                // management port, so health is where it always was.
                boolean alone = config.replicas() == 1;
                int port = alone ? publicPort(service) : Http.freePort();
                int management = i == 0 ? configuredManagementPort(service) : Http.freePort();
                list.add(new Instance(service, i + 1, port, management));
            }
            instances.put(service, List.copyOf(list));
        }
    }

    /**
     * One process of a service: its number (1, 2, ...), the port it serves on and its management port (health,
     * metrics). With one instance the port is the service's public port.
     */
    public record Instance(Service service, int number, int port, int managementPort) {

        /** The module name, numbered when there are several ({@code program-service#2}). */
        public String name(int replicas) {
            return replicas == 1 ? service.module : service.module + "#" + number;
        }

        public String url() {
            return "http://localhost:" + port;
        }

        public String managementUrl() {
            return "http://localhost:" + managementPort;
        }
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
            // With replicas, also each instance after the other (the services call each other through the proxies,
            // which skip an instance that is not up yet).
            for (Service service : Service.values()) {
                startProxy(service);
                for (Instance instance : instances.get(service)) {
                    startService(service, instance.number());
                    awaitService(service, instance.number());
                }
            }
            for (Service service : Service.values()) {
                List<ManagedProcess> running = services.get(service);
                for (int i = 0; i < running.size(); i++) {
                    String name = instances.get(service).get(i).name(config.replicas());
                    running.get(i).rssBytes().ifPresent(rss -> memory.put(name, rss));
                }
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
                KEYCLOAK_TIMEOUT,
                this::adoptHelper);
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
                MAIL_TIMEOUT,
                this::adoptHelper);
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

    /** With several instances, the round-robin proxy on the service's public port. */
    private void startProxy(Service service) {
        if (config.replicas() == 1 || proxies.containsKey(service)) {
            return;
        }
        proxies.put(
                service,
                TcpProxy.start(
                        service.module,
                        publicPort(service),
                        instances.get(service).stream().map(Instance::port).toList()));
    }

    /** Starts (or restarts) every instance of a service without waiting for them to be ready. */
    public void startService(Service service) {
        startProxy(service);
        for (Instance instance : instances.get(service)) {
            startService(service, instance.number());
        }
    }

    /** Starts (or restarts) instance {@code number} (1, 2, ...) of a service without waiting for it to be ready. */
    public synchronized void startService(Service service, int number) {
        if (closed) {
            // Stopped (Ctrl-C) while still starting: start nothing more, or it would outlive the stop.
            throw new IllegalStateException("the clinic is stopping");
        }
        Instance instance = instances.get(service).get(number - 1);
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
                    environment(service, instance),
                    instance.managementUrl() + "/q/health/ready",
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
        String name = instance.name(config.replicas());
        ManagedProcess process = ManagedProcess.start(
                name,
                command,
                environment(service, instance),
                // The archive names its jars relative to target/quarkus-app, so the JVM must run from there.
                appDir.toFile(),
                logFile(name.replace('#', '-')));
        List<ManagedProcess> running = services.computeIfAbsent(service, s -> new ArrayList<>());
        while (running.size() < number) {
            running.add(null);
        }
        running.set(number - 1, process);
    }

    /** Waits until every instance of the service is ready. */
    public void awaitService(Service service) {
        for (Instance instance : instances.get(service)) {
            awaitService(service, instance.number());
        }
    }

    /**
     * Waits until the instance's readiness check answers 200. Its start time is from the process start to that first
     * ready answer (polled every 20 ms, so it is at most that late).
     */
    public void awaitService(Service service, int number) {
        Instance instance = instances.get(service).get(number - 1);
        ManagedProcess process = services.get(service).get(number - 1);
        String name = instance.name(config.replicas());
        Http.awaitOk(name, instance.managementUrl() + "/q/health/ready", SERVICE_TIMEOUT, process::isAlive, 20);
        startTimes.putIfAbsent(name, Duration.ofNanos(System.nanoTime() - process.startedNanos()));
    }

    /** Stops every instance of one service gracefully (for failure tests and restarts). */
    public void stopService(Service service) {
        List<ManagedProcess> running = services.remove(service);
        if (running != null) {
            running.stream().filter(p -> p != null).forEach(ManagedProcess::close);
        }
    }

    /** Kills every instance of one service with SIGKILL, as a crash would. */
    public void killService(Service service) {
        List<ManagedProcess> running = services.remove(service);
        if (running != null) {
            running.stream().filter(p -> p != null).forEach(ManagedProcess::kill);
        }
    }

    /** The instances of a service: one, or {@code replicas} behind the proxy on its public port. */
    public List<Instance> instances(Service service) {
        return instances.get(service);
    }

    public int replicas() {
        return config.replicas();
    }

    /** The environment of a service's only (or first) instance. */
    Map<String, String> environment(Service service) {
        return environment(service, instances.get(service).get(0));
    }

    Map<String, String> environment(Service service, Instance instance) {
        Map<String, String> env = new HashMap<>();
        env.put("QUARKUS_HTTP_PORT", String.valueOf(instance.port()));
        // Health and metrics: on the management interface only (docs/operations.md "Ports").
        env.put("QUARKUS_MANAGEMENT_PORT", String.valueOf(instance.managementPort()));
        // The demo shows the API documents and Swagger UI; production leaves them off (CLINIC_API_DOCS=false here
        // turns them off for a local run too).
        env.put("CLINIC_API_DOCS", System.getenv().getOrDefault("CLINIC_API_DOCS", "true"));
        env.put("QUARKUS_OIDC_AUTH_SERVER_URL", keycloakRealmUrl());
        env.put("CLINIC_KEYCLOAK_URL", keycloakUrl());
        env.put("PATIENT_SERVICE_URL", url(Service.PATIENT));
        env.put("PROGRAM_SERVICE_URL", url(Service.PROGRAM));
        env.put("PORTAL_URL", portalUrl());
        if (service == Service.PORTAL) {
            env.putAll(portalSecrets);
        }
        if (service == Service.PATIENT) {
            env.putAll(notifySettings());
        }
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

    /** The service's public port: its only instance's, or the proxy's in front of its instances. */
    public int port(Service service) {
        return publicPort(service);
    }

    private int publicPort(Service service) {
        return switch (service) {
            case PATIENT -> config.ports().patientService();
            case PROGRAM -> config.ports().programService();
            case PORTAL -> config.ports().portal();
        };
    }

    public String url(Service service) {
        return "http://localhost:" + port(service);
    }

    /**
     * Port of the service's management interface: health ({@code /q/health/*}) and metrics ({@code /q/metrics}); with
     * replicas, the first instance's ({@link #instances} has each one's).
     */
    public int managementPort(Service service) {
        return configuredManagementPort(service);
    }

    private int configuredManagementPort(Service service) {
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
        services.values().forEach(list -> list.stream().filter(p -> p != null).forEach(p -> pids.add(p.pid())));
        if (keycloak != null) {
            pids.add(keycloak.process().pid());
        }
        if (mail != null) {
            pids.add(mail.process().pid());
        }
        return pids;
    }

    /**
     * The portal's session-cookie key, login-state key and CSRF key, made once per launcher run and given to every
     * portal instance alike (docs/operations.md "Replicas"), unless the environment sets them (then the instances
     * inherit those).
     */
    private static Map<String, String> portalSecrets() {
        Map<String, String> secrets = new HashMap<>();
        java.security.SecureRandom random = new java.security.SecureRandom();
        for (String name : List.of(
                "QUARKUS_OIDC_TOKEN_STATE_MANAGER_ENCRYPTION_SECRET",
                "QUARKUS_OIDC_AUTHENTICATION_STATE_SECRET",
                "CLINIC_PORTAL_CSRF_KEY")) {
            String set = System.getenv(name);
            if (set == null || set.isBlank()) {
                byte[] key = new byte[32];
                random.nextBytes(key);
                secrets.put(name, java.util.HexFormat.of().formatHex(key));
            }
        }
        return secrets;
    }

    /**
     * What patient-service's e-mail notifications need (docs/notifications.md): the demo mail server as its SMTP server
     * (the same one Keycloak sends the invitations to; none when the user's own Keycloak is used, then the
     * environment's {@code SMTP_*} are inherited), and the key that signs the unsubscribe links, the same for every
     * instance and every run on this data directory (a link in a mail sent yesterday still works today).
     */
    private Map<String, String> notifySettings() {
        Map<String, String> env = new HashMap<>();
        if (config.externalKeycloak().isEmpty()) {
            env.put("SMTP_HOST", "127.0.0.1");
            env.put("SMTP_PORT", String.valueOf(config.ports().smtp()));
        }
        String set = System.getenv(NOTIFY_SIGNING_KEY);
        if (set == null || set.isBlank()) {
            env.put(NOTIFY_SIGNING_KEY, notifySigningKey());
        }
        return env;
    }

    private static final String NOTIFY_SIGNING_KEY = "CLINIC_NOTIFY_SIGNING_KEY";

    /** The file under the data directory that keeps the demo clinic's unsubscribe-link key (never in git). */
    static final String NOTIFY_KEY_FILE = "notify-signing-key";

    private String notifyKey;

    /** Read from the data directory, or made there once (32 random bytes, hex; readable by the owner only). */
    private synchronized String notifySigningKey() {
        if (notifyKey != null) {
            return notifyKey;
        }
        Path file = config.dataDir().resolve(NOTIFY_KEY_FILE);
        try {
            if (Files.exists(file)) {
                String kept = Files.readString(file).trim();
                if (kept.length() >= 32) {
                    notifyKey = kept;
                    return kept;
                }
            }
            byte[] key = new byte[32];
            new java.security.SecureRandom().nextBytes(key);
            String made = java.util.HexFormat.of().formatHex(key);
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, made + "\n");
            try {
                Files.setPosixFilePermissions(
                        file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // kept with the file system's default permissions
            }
            notifyKey = made;
            return made;
        } catch (IOException e) {
            throw new IllegalStateException(
                    "could not keep the notification signing key in " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Keeps a helper process for {@link #close()}; one that starts after the stop began is ended at once (close sets
     * {@code closed} before it reads the list, so every helper is ended by one or the other).
     */
    private void adoptHelper(ManagedProcess process) {
        helpers.add(process);
        if (closed) {
            process.close();
        }
    }

    /** Stops the services, then Keycloak and the mail server, then the database. Safe to call more than once. */
    @Override
    public synchronized void close() {
        closed = true;
        List<Service> reverse = new ArrayList<>(services.keySet());
        java.util.Collections.reverse(reverse);
        List<CompletableFuture<Void>> stopping = new ArrayList<>();
        for (Service service : reverse) {
            for (ManagedProcess process : services.remove(service)) {
                if (process != null) {
                    stopping.add(CompletableFuture.runAsync(process::close));
                }
            }
        }
        proxies.values().forEach(TcpProxy::close);
        proxies.clear();
        // Keycloak and the mail server, ready or still starting.
        for (ManagedProcess helper : helpers) {
            stopping.add(CompletableFuture.runAsync(helper::close));
        }
        helpers.clear();
        keycloak = null;
        mail = null;
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
