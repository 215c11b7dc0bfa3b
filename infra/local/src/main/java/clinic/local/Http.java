package clinic.local;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;

/** Small helpers for waiting on processes over HTTP and for checking ports. */
public final class Http {

    private static final HttpClient CLIENT =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private Http() {}

    /** Status of a GET, or -1 if nothing answered. */
    public static int status(String url) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                    .timeout(Duration.ofSeconds(5))
                    .GET()
                    .build();
            return CLIENT.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /**
     * Polls until the URL answers 200 or the time is up.
     *
     * @param alive polled too: when it turns false the process has died and waiting is pointless
     */
    public static void awaitOk(String what, String url, Duration timeout, BooleanSupplier alive) {
        awaitOk(what, url, timeout, alive, 250);
    }

    /**
     * As {@link #awaitOk(String, String, Duration, BooleanSupplier)}, polling every {@code pollMillis}: a short
     * interval where the moment of readiness is itself measured.
     */
    public static void awaitOk(String what, String url, Duration timeout, BooleanSupplier alive, long pollMillis) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (status(url) == 200) {
                return;
            }
            if (!alive.getAsBoolean()) {
                throw new IllegalStateException(what + " exited before it was ready");
            }
            sleep(pollMillis);
        }
        throw new IllegalStateException(what + " was not ready within " + timeout.toSeconds() + " s (" + url + ")");
    }

    /** True when nothing listens on the port on loopback. */
    public static boolean portFree(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress("127.0.0.1", port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Ports handed out by {@link #freePort()} or claimed by {@link #reserve}, in this JVM. */
    private static final Set<Integer> TAKEN = ConcurrentHashMap.newKeySet();

    /**
     * A port that is free right now and was not handed out before in this JVM, nor {@linkplain #reserve reserved}.
     *
     * <p>The ports picked here are bound only later, by another process, sometimes a minute later (the replicas of
     * the last service start after everything else). Two things can take a port in that window, and both come from
     * the kernel's ephemeral range: another bind to port 0, which may answer a port just closed (a CI run lost a
     * clinic to a management interface on the database's port), and the local end of an outgoing connection (a CI
     * run lost a replica whose port had become a client socket's: "Port ... seems to be in use"). So on Linux the
     * pick is a random port below that range, which the kernel never hands out by itself, checked by binding it and
     * remembered. Where the range cannot be read the kernel's own pick is used, remembered the same way.
     */
    public static int freePort() {
        Optional<int[]> below = belowEphemeral();
        if (below.isPresent()) {
            int from = below.get()[0];
            int span = below.get()[1] - from;
            for (int attempt = 0; attempt < 1_000; attempt++) {
                int port = from + RANDOM.nextInt(span);
                if (!TAKEN.contains(port) && bindable(port) && TAKEN.add(port)) {
                    return port;
                }
            }
        }
        for (int attempt = 0; attempt < 100; attempt++) {
            try (ServerSocket socket = new ServerSocket(0)) {
                int port = socket.getLocalPort();
                if (TAKEN.add(port)) {
                    return port;
                }
            } catch (IOException e) {
                throw new IllegalStateException("no free port", e);
            }
        }
        throw new IllegalStateException("no free port that was not handed out already");
    }

    private static final Random RANDOM = new Random();

    /** Where the kernel's ephemeral ports are on this machine. */
    static final Path EPHEMERAL_RANGE = Path.of("/proc/sys/net/ipv4/ip_local_port_range");

    /**
     * The ports {@link #freePort()} picks from: up to 12,000 ports just below the ephemeral range and above 10,000
     * (clear of the well-known and usual service ports), as {@code [from, to)}; empty where the range is not known or
     * leaves no room below it.
     */
    static Optional<int[]> belowEphemeral() {
        return ephemeralRange().flatMap(range -> {
            int to = range[0];
            int from = Math.max(10_000, to - 12_000);
            return to - from >= 1_000 ? Optional.of(new int[] {from, to}) : Optional.empty();
        });
    }

    /** The kernel's ephemeral range {@code [low, high]}, where it can be read. */
    static Optional<int[]> ephemeralRange() {
        try {
            // Not readString: it trusts the size a /proc file reports (0) and answers the first byte alone.
            String[] parts =
                    String.join(" ", Files.readAllLines(EPHEMERAL_RANGE)).trim().split("\\s+");
            return Optional.of(new int[] {Integer.parseInt(parts[0]), Integer.parseInt(parts[1])});
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** True when a server could listen on the port on every address now. */
    private static boolean bindable(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Whether {@link #freePort()} will never answer this port. */
    static boolean taken(int port) {
        return TAKEN.contains(port);
    }

    /** Keeps ports that the clinic was told to use (its configuration) out of {@link #freePort()}'s answers. */
    public static void reserve(int... ports) {
        for (int port : ports) {
            TAKEN.add(port);
        }
    }

    /**
     * Sends the request with a 30-second timeout and answers the response whatever its status; a failure to get one
     * becomes an {@link IllegalStateException} that says what was being done ({@code what}: "get a token for physio").
     */
    public static HttpResponse<String> send(HttpClient client, HttpRequest request, String what) {
        try {
            return client.send(
                    HttpRequest.newBuilder(request, (n, v) -> true)
                            .timeout(Duration.ofSeconds(30))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("could not " + what + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while trying to " + what, e);
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
