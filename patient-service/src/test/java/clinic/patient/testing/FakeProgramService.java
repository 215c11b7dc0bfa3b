package clinic.patient.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A stand-in for program-service's {@code POST /api/programs/holds}: it answers with the status a test sets through
 * {@code POST /_fake/status/{code}} and lists what it received, with the Authorization header, at {@code GET
 * /_fake/holds} (the test and this resource may live in different class loaders).
 */
public class FakeProgramService implements QuarkusTestResourceLifecycleManager {

    private static final ObjectMapper JSON = new ObjectMapper();

    private HttpServer server;
    private volatile int status = 200;
    private final List<Map<String, Object>> received = new CopyOnWriteArrayList<>();

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/", this::handle);
        server.start();
        return Map.of(
                "quarkus.rest-client.program-service.url",
                "http://127.0.0.1:" + server.getAddress().getPort());
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    @SuppressWarnings("unchecked")
    private void handle(HttpExchange ex) throws IOException {
        String method = ex.getRequestMethod();
        String path = ex.getRequestURI().getPath();
        byte[] body = ex.getRequestBody().readAllBytes();
        if (path.startsWith("/_fake/status/") && method.equals("POST")) {
            status = Integer.parseInt(path.substring("/_fake/status/".length()));
            send(ex, 204, null);
            return;
        }
        if (path.equals("/_fake/holds") && method.equals("GET")) {
            send(ex, 200, received);
            return;
        }
        if (path.equals("/api/programs/holds") && method.equals("POST")) {
            Map<String, Object> request = new HashMap<>(JSON.readValue(body, Map.class));
            request.put("authorization", ex.getRequestHeaders().getFirst("Authorization"));
            request.put("answeredWith", status);
            received.add(request);
            if (status >= 300) {
                send(ex, status, Map.of("status", status, "title", "stand-in refusal"));
            } else {
                send(ex, status, Map.of("patientId", request.get("patientId"), "status", "ON_HOLD"));
            }
            return;
        }
        send(ex, 404, null);
    }

    private static void send(HttpExchange ex, int status, Object body) throws IOException {
        if (body == null) {
            ex.sendResponseHeaders(status, -1);
            ex.close();
            return;
        }
        byte[] bytes = JSON.writeValueAsBytes(body);
        ex.getResponseHeaders().add("Content-Type", "application/json");
        ex.sendResponseHeaders(status, bytes.length);
        ex.getResponseBody().write(bytes);
        ex.close();
    }
}
