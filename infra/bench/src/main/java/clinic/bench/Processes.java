package clinic.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;

/** Process facts the benchmark reads from the operating system: which process runs a service, its RSS, its start. */
final class Processes {

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofMillis(500))
            .build();

    private Processes() {}

    /**
     * The newest process started by this JVM (or its children) that runs the module's {@code quarkus-run.jar}. Found
     * by command line so the launcher's code needs no change to tell its process ids.
     */
    static Optional<ProcessHandle> service(String module) {
        String jar = "/" + module + "/target/quarkus-app/quarkus-run.jar";
        return ProcessHandle.current()
                .descendants()
                .filter(ProcessHandle::isAlive)
                .filter(p -> p.info()
                        .arguments()
                        .map(args -> java.util.Arrays.stream(args).anyMatch(a -> a.endsWith(jar)))
                        .orElse(false))
                .max(Comparator.comparing(p -> p.info().startInstant().orElse(Instant.EPOCH)));
    }

    /** Resident set size in kB from {@code /proc/<pid>/status} (VmRSS), or null when it cannot be read. */
    static Long rssKb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return parseKb(line);
                }
            }
        } catch (IOException | RuntimeException e) {
            return null;
        }
        return null;
    }

    /** "VmRSS:	  184312 kB" to 184312. */
    static long parseKb(String statusLine) {
        String digits = statusLine.replaceAll("[^0-9]", "");
        if (digits.isEmpty()) {
            throw new IllegalArgumentException("no number in " + statusLine);
        }
        return Long.parseLong(digits);
    }

    /**
     * Polls the URL every {@code everyMillis} until it answers 200 and answers the instant it did. Gives up when the
     * process dies or after {@code timeout}.
     */
    static Instant awaitReady(String url, ProcessHandle process, Duration timeout, long everyMillis) {
        Instant deadline = Instant.now().plus(timeout);
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(2))
                .GET()
                .build();
        while (Instant.now().isBefore(deadline)) {
            try {
                if (HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return Instant.now();
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
            if (!process.isAlive()) {
                throw new IllegalStateException("process " + process.pid() + " exited before " + url + " was ready");
            }
            LockSupport.parkNanos(Duration.ofMillis(everyMillis).toNanos());
        }
        throw new IllegalStateException(url + " was not ready within " + timeout.toSeconds() + " s");
    }

    /** The 1-, 5- and 15-minute load averages from /proc/loadavg, or "?" off Linux. */
    static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException | RuntimeException e) {
            return "?";
        }
    }
}
