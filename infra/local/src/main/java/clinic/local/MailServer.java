package clinic.local;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The demo clinic's mail server: GreenMail standalone (from Maven Central), a real SMTP server that accepts mail for
 * any address and keeps it in memory, with a web API to read it. Keycloak sends the patients' invitations to it and
 * patient-service the clinic's reminders and alerts; {@code ./clinic mail} and the system tests read them back.
 * Nothing leaves the machine.
 */
public final class MailServer implements AutoCloseable {

    private final ManagedProcess process;
    private final int smtpPort;
    private final int apiPort;

    private MailServer(ManagedProcess process, int smtpPort, int apiPort) {
        this.process = process;
        this.smtpPort = smtpPort;
        this.apiPort = apiPort;
    }

    /**
     * @param jar greenmail-standalone
     * @param smtpPort where Keycloak and patient-service send mail
     * @param apiPort GreenMail's web API (messages per address under {@code /api/user/{address}/messages/INBOX})
     * @param started told of the process as soon as it runs, before it is ready, so that a stop meanwhile can end it
     */
    public static MailServer start(
            Path jar, int smtpPort, int apiPort, Path log, Duration timeout, Consumer<ManagedProcess> started) {
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar
                    + " is missing: build the project first (./clinic run builds it; or ./mvnw install -DskipTests)");
        }
        List<String> command = List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xms16m",
                "-Xmx96m",
                "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1",
                // Loopback only: the demo mail server is for this machine.
                "-Dgreenmail.smtp.hostname=127.0.0.1",
                "-Dgreenmail.smtp.port=" + smtpPort,
                "-Dgreenmail.api.hostname=127.0.0.1",
                "-Dgreenmail.api.port=" + apiPort,
                // Any sender, any recipient, no login: every address gets its own mailbox on first mail.
                "-Dgreenmail.auth.disabled",
                "-jar",
                jar.toString());
        ManagedProcess process =
                ManagedProcess.start("mail", command, Map.of(), jar.getParent().toFile(), log);
        MailServer server = new MailServer(process, smtpPort, apiPort);
        try {
            started.accept(process);
            Http.awaitOk("mail server", server.apiUrl() + "/api/service/readiness", timeout, process::isAlive);
        } catch (RuntimeException e) {
            process.close();
            throw e;
        }
        return server;
    }

    public int smtpPort() {
        return smtpPort;
    }

    /** GreenMail's web API (and its API explorer at {@code /}). */
    public String apiUrl() {
        return "http://localhost:" + apiPort;
    }

    public ManagedProcess process() {
        return process;
    }

    @Override
    public void close() {
        process.close();
    }
}
