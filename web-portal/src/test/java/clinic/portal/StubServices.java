package clinic.portal;

import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A tiny HTTP server standing in for both services, so the real REST clients (JSON mapping, problem+json parsing,
 * Retry-After) are exercised over the wire. Tests register canned answers under "METHOD /path?query".
 */
public class StubServices implements QuarkusTestResourceLifecycleManager {

    /** One canned answer. */
    public record Answer(int status, String contentType, String body, Map<String, String> headers) {

        public static Answer json(String body) {
            return new Answer(200, "application/json", body, Map.of());
        }

        public static Answer problem(int status, String body, Map<String, String> headers) {
            return new Answer(status, "application/problem+json", body, headers);
        }
    }

    private static final Map<String, Answer> ANSWERS = new ConcurrentHashMap<>();
    private HttpServer server;

    public static void answer(String request, Answer answer) {
        ANSWERS.put(request, answer);
    }

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/", exchange -> {
            String query = exchange.getRequestURI().getRawQuery();
            String key = exchange.getRequestMethod() + " "
                    + exchange.getRequestURI().getPath() + (query == null ? "" : "?" + query);
            exchange.getRequestBody().readAllBytes();
            Answer answer = ANSWERS.getOrDefault(
                    key,
                    Answer.problem(
                            404,
                            "{\"type\":\"about:blank\",\"title\":\"Not Found\",\"status\":404,\"detail\":\"No stub\"}",
                            Map.of()));
            byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", answer.contentType());
            answer.headers().forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
            exchange.sendResponseHeaders(answer.status(), body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        String url = "http://127.0.0.1:" + server.getAddress().getPort();
        return Map.of("quarkus.rest-client.patient-service.url", url, "quarkus.rest-client.program-service.url", url);
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }
}
