package clinic.portal;

import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Tiny HTTP servers standing in for patient-service and program-service, so the real REST clients (JSON mapping,
 * problem+json parsing, Retry-After) are exercised over the wire. Tests register canned answers under
 * "METHOD /path?query", optionally for one service ({@link #answerFrom}) and/or one user ({@link #answerAs}; the user
 * comes from the bearer token that {@link StubTokens} gives a {@code @TestSecurity} user). The most specific answer
 * wins. Every request is recorded with its body ({@link #received}).
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

    /** One request as a service received it. */
    public record Received(String service, String user, String request, String body) {}

    public static final String PATIENT_SERVICE = "patient-service";
    public static final String PROGRAM_SERVICE = "program-service";

    private static final Map<String, Answer> ANSWERS = new ConcurrentHashMap<>();
    private static final List<Received> RECEIVED = new CopyOnWriteArrayList<>();
    private final List<HttpServer> servers = new ArrayList<>();

    public static void answer(String request, Answer answer) {
        ANSWERS.put(request, answer);
    }

    /** An answer of one service only (both serve {@code /api/audit}, for example). */
    public static void answerFrom(String service, String request, Answer answer) {
        ANSWERS.put(service + " " + request, answer);
    }

    /** An answer to one user only, as a service decides per caller. */
    public static void answerAs(String user, String request, Answer answer) {
        ANSWERS.put("@" + user + " " + request, answer);
    }

    /** The bodies the services received for "METHOD /path?query", oldest first. */
    public static List<Received> received(String request) {
        return RECEIVED.stream().filter(r -> r.request().equals(request)).toList();
    }

    @Override
    public Map<String, String> start() {
        return Map.of(
                "quarkus.rest-client.patient-service.url", serve(PATIENT_SERVICE),
                "quarkus.rest-client.program-service.url", serve(PROGRAM_SERVICE));
    }

    private String serve(String service) {
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/", exchange -> {
            String query = exchange.getRequestURI().getRawQuery();
            String key = exchange.getRequestMethod() + " "
                    + exchange.getRequestURI().getPath() + (query == null ? "" : "?" + query);
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            String user = authorization != null && authorization.startsWith("Bearer " + StubTokens.PREFIX)
                    ? authorization.substring(("Bearer " + StubTokens.PREFIX).length())
                    : null;
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            RECEIVED.add(new Received(service, user, key, body));
            Answer answer = null;
            for (String candidate :
                    List.of(service + " @" + user + " " + key, service + " " + key, "@" + user + " " + key, key)) {
                answer = ANSWERS.get(candidate);
                if (answer != null) {
                    break;
                }
            }
            if (answer == null) {
                answer = Answer.problem(
                        404,
                        "{\"type\":\"about:blank\",\"title\":\"Not Found\",\"status\":404,\"detail\":\"No stub\"}",
                        Map.of());
            }
            byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", answer.contentType());
            answer.headers().forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
            exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.start();
        servers.add(server);
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @Override
    public void stop() {
        servers.forEach(server -> server.stop(0));
    }
}
