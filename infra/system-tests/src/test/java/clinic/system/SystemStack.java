package clinic.system;

import clinic.local.Http;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The clinic as the README's run command starts it: the launcher jar in a child process with its own ports and
 * data directory, started once for this test JVM. Its console output is kept for assertions.
 */
final class SystemStack {

    private static SystemStack instance;

    final Path root;
    final Path dataDir;
    final int portalPort;
    final int patientPort;
    final int programPort;
    final int keycloakPort;
    final int dbPort;
    final int smtpPort;
    final int mailPort;
    /** The services' management interfaces: health and metrics live only there. */
    final int portalManagementPort;

    final int patientManagementPort;
    final int programManagementPort;
    private final Process launcher;
    /** When the launcher printed its ready banner (what a user of {@code ./clinic run} sees as "started"). */
    private volatile Instant readyAt;

    private final List<String> output = Collections.synchronizedList(new ArrayList<>());
    /** Processes a test started in place of one of the clinic's (a restarted service); stopped with the clinic. */
    private final List<Process> adopted = Collections.synchronizedList(new ArrayList<>());

    private SystemStack() throws IOException {
        this(Path.of("target", "clinic-data"), List.of(), Map.of(), Duration.ofMinutes(5), true);
    }

    /**
     * A clinic of its own (not the JVM's shared one), started with extra launcher options and environment, e.g.
     * {@code --replicas 2}; stopped with {@link #stop()}.
     */
    static SystemStack own(Path dataDir, List<String> options, Map<String, String> environment, Duration timeout) {
        try {
            return new SystemStack(dataDir, options, environment, timeout, true);
        } catch (IOException e) {
            throw new IllegalStateException("could not start the clinic", e);
        }
    }

    /**
     * A clinic of its own whose start is not waited for: what a user gets who presses Ctrl-C before the ready banner.
     * Stopped with {@link #interrupt} or {@link #stop()}.
     */
    static SystemStack launch(Path dataDir) {
        try {
            return new SystemStack(dataDir, List.of(), Map.of(), Duration.ZERO, false);
        } catch (IOException e) {
            throw new IllegalStateException("could not launch the clinic", e);
        }
    }

    /** Whether the shared clinic of {@link #get()} was started in this JVM. */
    static synchronized boolean sharedStarted() {
        return instance != null;
    }

    private SystemStack(
            Path dataDir, List<String> options, Map<String, String> environment, Duration timeout, boolean waitReady)
            throws IOException {
        root = Path.of(System.getProperty("clinic.root", "../.."))
                .toAbsolutePath()
                .normalize();
        this.dataDir = dataDir.toAbsolutePath();
        portalPort = freePort();
        patientPort = freePort();
        programPort = freePort();
        keycloakPort = freePort();
        dbPort = freePort();
        smtpPort = freePort();
        mailPort = freePort();
        portalManagementPort = freePort();
        patientManagementPort = freePort();
        programManagementPort = freePort();
        Path jar = root.resolve("infra/local/target/clinic-local-0.1.0-SNAPSHOT.jar");
        List<String> command = new java.util.ArrayList<>();
        if (System.getProperty("os.name").startsWith("Linux")) {
            // A suite started in the background (nohup, "&" without job control) runs with SIGINT ignored, and a JVM
            // keeps an ignored SIGINT ignored: the launcher would never see StopTest's Ctrl-C. GNU env execs java in
            // its own place (same pid) with SIGINT handled as usual again.
            command.addAll(List.of("env", "--default-signal=INT"));
        }
        command.addAll(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dclinic.root=" + root,
                "-jar",
                jar.toString(),
                "--reset"));
        command.addAll(options);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        Map<String, String> env = builder.environment();
        env.remove("CLINIC_DB_URL");
        env.put("CLINIC_DATA_DIR", dataDir.toString());
        env.put("PORTAL_PORT", String.valueOf(portalPort));
        env.put("PATIENT_SERVICE_PORT", String.valueOf(patientPort));
        env.put("PROGRAM_SERVICE_PORT", String.valueOf(programPort));
        env.put("KEYCLOAK_PORT", String.valueOf(keycloakPort));
        env.put("DB_PORT", String.valueOf(dbPort));
        env.put("CLINIC_SMTP_PORT", String.valueOf(smtpPort));
        env.put("CLINIC_MAIL_PORT", String.valueOf(mailPort));
        env.put("PORTAL_MANAGEMENT_PORT", String.valueOf(portalManagementPort));
        env.put("PATIENT_SERVICE_MANAGEMENT_PORT", String.valueOf(patientManagementPort));
        env.put("PROGRAM_SERVICE_MANAGEMENT_PORT", String.valueOf(programManagementPort));
        // The services inherit these through the launcher. FuzzTest sends thousands of writes as one user in under
        // a minute, and the failure tests retry writes in tight loops: far above the per-user limits meant for
        // people (120 writes, 10 invitations or break-the-glass a minute). The limits themselves are tested in each
        // service's RateLimitTest.
        env.put("CLINIC_RATE_LIMIT_WRITES_PER_MINUTE", "1000000");
        env.put("CLINIC_RATE_LIMIT_SENSITIVE_PER_MINUTE", "1000000");
        env.remove("CLINIC_API_DOCS");
        // The services run as in CI (the launcher's Java with AppCDS): no AOT training run (about a minute per
        // build) in the suite; ./clinic run and ./clinic bench train and use the JDK 25 AOT cache (ServiceJvm).
        env.put("CLINIC_AOT", "off");
        env.put("CLINIC_REALM_FILE", Tokens.realmWithTestClients(root).toString());
        env.putAll(environment);
        launcher = builder.start();
        Thread reader = new Thread(this::readOutput, "launcher-output");
        reader.setDaemon(true);
        reader.start();
        Runtime.getRuntime().addShutdownHook(new Thread(this::stop));
        if (waitReady) {
            awaitReady(timeout);
        }
    }

    static synchronized SystemStack get() {
        if (instance == null) {
            try {
                instance = new SystemStack();
            } catch (IOException e) {
                throw new IllegalStateException("could not start the clinic", e);
            }
        }
        return instance;
    }

    private void readOutput() {
        try (BufferedReader in =
                new BufferedReader(new InputStreamReader(launcher.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                output.add(line);
                System.out.println("[clinic] " + line);
            }
        } catch (IOException ignored) {
            // the launcher exited
        }
    }

    /** Waits until {@code url} answers 200 (a restarted service's readiness); connection refused counts as not yet. */
    static void awaitUp(String url, Duration timeout) {
        java.time.Instant deadline = java.time.Instant.now().plus(timeout);
        while (java.time.Instant.now().isBefore(deadline)) {
            try {
                if (io.restassured.RestAssured.given().get(url).statusCode() == 200) {
                    return;
                }
            } catch (Exception notYet) {
                // connection refused while it starts (RestAssured rethrows ConnectException unchecked)
            }
            sleep(500);
        }
        throw new AssertionError(url + " did not answer 200 within " + timeout);
    }

    private void awaitReady(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (output().contains("Press Ctrl-C to stop everything.")) {
                readyAt = Instant.now();
                return;
            }
            if (!launcher.isAlive()) {
                throw new IllegalStateException("the clinic did not start:\n" + output() + logs());
            }
            sleep(250);
        }
        throw new IllegalStateException("the clinic was not ready in " + timeout + ":\n" + output() + logs());
    }

    private String logs() {
        StringBuilder out = new StringBuilder();
        try (var files = Files.list(dataDir.resolve("logs"))) {
            for (Path log : files.toList()) {
                List<String> lines = Files.readAllLines(log);
                out.append("\n--- ").append(log.getFileName()).append(" (last lines)\n");
                lines.subList(Math.max(0, lines.size() - 40), lines.size())
                        .forEach(l -> out.append(l).append('\n'));
            }
        } catch (IOException e) {
            out.append("\n(no logs: ").append(e.getMessage()).append(')');
        }
        return out.toString();
    }

    /** When the clinic said it was ready (at most the poll interval, 250 ms, after the banner). */
    Instant readyAt() {
        return readyAt;
    }

    String output() {
        synchronized (output) {
            return String.join("\n", output);
        }
    }

    ProcessHandle launcherProcess() {
        return launcher.toHandle();
    }

    /** A process a test started to replace one of the clinic's; it stays up for later tests. */
    void adopt(Process process) {
        adopted.add(process);
    }

    /** Handles of the processes tests started in place of the clinic's own. */
    List<ProcessHandle> adoptedProcesses() {
        synchronized (adopted) {
            return adopted.stream().map(Process::toHandle).toList();
        }
    }

    /**
     * The live process of one part of the clinic, the launcher's own child or one a test started in its place,
     * found by a piece of its command line (e.g. {@code "program-service/target/quarkus-app"} or {@code "mariadbd"}).
     */
    ProcessHandle find(String commandLinePart) {
        List<ProcessHandle> candidates = new ArrayList<>(launcher.descendants().toList());
        candidates.addAll(adoptedProcesses());
        return candidates.stream()
                .filter(ProcessHandle::isAlive)
                .filter(p -> p.info().commandLine().orElse("").contains(commandLinePart))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no running process with '" + commandLinePart + "'"));
    }

    /**
     * How a running process was started, read from {@code /proc}: command line, working directory and environment,
     * so a test can start the same thing again after stopping or killing it.
     */
    record Recipe(List<String> command, Path workDir, Map<String, String> environment) {

        static Recipe of(ProcessHandle process) {
            Path proc = Path.of("/proc", String.valueOf(process.pid()));
            try {
                List<String> command = List.of(nulSeparated(Files.readAllBytes(proc.resolve("cmdline"))));
                Map<String, String> env = new java.util.HashMap<>();
                for (String entry : nulSeparated(Files.readAllBytes(proc.resolve("environ")))) {
                    int eq = entry.indexOf('=');
                    if (eq > 0) {
                        env.put(entry.substring(0, eq), entry.substring(eq + 1));
                    }
                }
                return new Recipe(command, proc.resolve("cwd").toRealPath(), env);
            } catch (IOException e) {
                throw new IllegalStateException("cannot read how process " + process.pid() + " was started", e);
            }
        }

        private static String[] nulSeparated(byte[] bytes) {
            String all = new String(bytes, StandardCharsets.UTF_8);
            return (all.endsWith("\0") ? all.substring(0, all.length() - 1) : all).split("\0");
        }

        /** Starts the same command again, its output to {@code log}. */
        Process start(Path log) throws IOException {
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(workDir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().clear();
            builder.environment().putAll(environment);
            return builder.start();
        }
    }

    private void stopAdopted() {
        synchronized (adopted) {
            for (Process process : adopted) {
                process.destroy();
                try {
                    process.waitFor(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            adopted.clear();
        }
    }

    /**
     * Sends SIGINT, as Ctrl-C in a terminal does, and waits for the launcher to exit. Processes that tests started
     * themselves are not the launcher's to stop; they are stopped first.
     */
    int interrupt(Duration timeout) throws Exception {
        stopAdopted();
        new ProcessBuilder("kill", "-INT", String.valueOf(launcher.pid()))
                .inheritIO()
                .start()
                .waitFor();
        if (!launcher.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
            throw new IllegalStateException("the launcher did not stop within " + timeout);
        }
        return launcher.exitValue();
    }

    void stop() {
        stopAdopted();
        if (launcher.isAlive()) {
            launcher.destroy();
            try {
                launcher.waitFor(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    String portal() {
        return "http://localhost:" + portalPort;
    }

    String patientService() {
        return "http://localhost:" + patientPort;
    }

    String programService() {
        return "http://localhost:" + programPort;
    }

    /** The demo mail server's web API, where Keycloak's e-mails (the patients' invitations) are read. */
    String mail() {
        return "http://localhost:" + mailPort;
    }

    /** Management interface (health, metrics) of patient-service. */
    String patientServiceManagement() {
        return "http://localhost:" + patientManagementPort;
    }

    String programServiceManagement() {
        return "http://localhost:" + programManagementPort;
    }

    String portalManagement() {
        return "http://localhost:" + portalManagementPort;
    }

    String keycloakRealm() {
        return "http://localhost:" + keycloakPort + "/realms/clinic";
    }

    /** A port picked the launcher's way (below the kernel's ephemeral range, never twice in this JVM). */
    private static int freePort() {
        return Http.freePort();
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
