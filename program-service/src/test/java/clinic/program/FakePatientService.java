package clinic.program;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A stand-in for patient-service's clearance endpoint: answers per patient id from a map the tests fill, records
 * the Authorization header it received, and can drop the connection or answer too slowly to play "down".
 */
public class FakePatientService implements QuarkusTestResourceLifecycleManager {

    private static final Pattern CLEARANCE = Pattern.compile("/api/patients/(\\d+)/clearance");
    private static final Map<Long, Behaviour> ANSWERS = new ConcurrentHashMap<>();
    private static final Map<Long, String> AUTHORIZATION = new ConcurrentHashMap<>();
    private static final Map<Long, Integer> CALLS = new ConcurrentHashMap<>();
    private static final AtomicLong IDS = new AtomicLong(System.nanoTime() % 1_000_000_000L * 10 + 1_000);
    private static HttpServer server;

    private sealed interface Behaviour permits Json, Drop, Slow {}

    private record Json(int status, String body) implements Behaviour {}

    private record Drop() implements Behaviour {}

    private record Slow(long millis) implements Behaviour {}

    /** A fresh patient id no other test uses. */
    public static long newPatientId() {
        return IDS.incrementAndGet();
    }

    /** The patient is cleared, with the given account and care physio, by a screening made a day ago. */
    public static void cleared(long id, String account, String physio) {
        cleared(id, account, physio, Instant.now().minus(1, ChronoUnit.DAYS));
    }

    /** The patient is cleared by a screening made at {@code screenedAt}. */
    public static void cleared(long id, String account, String physio, Instant screenedAt) {
        ANSWERS.put(
                id,
                new Json(
                        200,
                        "{\"patientId\":" + id + ",\"cleared\":true,\"reason\":\"Valid CLEAR screening\","
                                + "\"screeningId\":5,\"validUntil\":\"2099-01-01\",\"patientAccount\":\"" + account
                                + "\",\"carePhysio\":\"" + physio + "\",\"screenedAt\":\"" + screenedAt
                                + "\",\"futureField\":1}"));
    }

    /** The patient exists but may not start a program. */
    public static void notCleared(long id, String reason) {
        ANSWERS.put(
                id,
                new Json(
                        200,
                        "{\"patientId\":" + id + ",\"cleared\":false,\"reason\":\"" + reason + "\","
                                + "\"screeningId\":null,\"validUntil\":null,\"patientAccount\":null,"
                                + "\"carePhysio\":\"physio\",\"screenedAt\":\"" + Instant.now() + "\"}"));
    }

    /** patient-service drops the connection for this patient, as if it went down mid-request. */
    public static void dropConnection(long id) {
        ANSWERS.put(id, new Drop());
    }

    /** patient-service answers after the given delay (longer than the client's timeout). */
    public static void slow(long id, long millis) {
        ANSWERS.put(id, new Slow(millis));
    }

    /** The Authorization header of the last clearance request for this patient, or null. */
    public static String authorizationSeen(long id) {
        return AUTHORIZATION.get(id);
    }

    public static int calls(long id) {
        return CALLS.getOrDefault(id, 0);
    }

    @Override
    public synchronized Map<String, String> start() {
        if (server == null) {
            try {
                server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            server.setExecutor(Executors.newFixedThreadPool(4));
            server.createContext("/", FakePatientService::handle);
            server.start();
        }
        return Map.of(
                "quarkus.rest-client.patient-service.url",
                "http://127.0.0.1:" + server.getAddress().getPort());
    }

    @Override
    public void stop() {
        // Shared by the JVM like the database: Quarkus may restart between test classes.
    }

    private static void handle(HttpExchange exchange) throws IOException {
        Matcher m = CLEARANCE.matcher(exchange.getRequestURI().getPath());
        if (!m.matches()) {
            send(exchange, 404, "{}");
            return;
        }
        long id = Long.parseLong(m.group(1));
        String auth = exchange.getRequestHeaders().getFirst("Authorization");
        if (auth != null) {
            AUTHORIZATION.put(id, auth);
        }
        CALLS.merge(id, 1, Integer::sum);
        Behaviour b = ANSWERS.get(id);
        if (b == null) {
            send(exchange, 404, "{\"status\":404,\"title\":\"Not Found\"}");
        } else if (b instanceof Json json) {
            send(exchange, json.status(), json.body());
        } else if (b instanceof Slow slow) {
            try {
                Thread.sleep(slow.millis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            send(exchange, 200, "{\"cleared\":true}");
        } else {
            exchange.getResponseBody().close();
            exchange.close();
        }
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
