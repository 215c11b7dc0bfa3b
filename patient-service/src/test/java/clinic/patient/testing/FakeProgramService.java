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
 *
 * <p>And for the notice API ({@code /api/notices...}, docs/api.md "Notices (service account)"): a test appends to the
 * feed with {@code POST /_fake/notices} (a list; ids given in order; {@code GET} lists them), sets a patient's program status with {@code PUT
 * /_fake/program-status/{patientId}} (unknown patients: {@code NONE}), the open alerts with {@code PUT
 * /_fake/open-alerts}; {@code GET /_fake/notice-calls} lists the calls made (path, query or body, Authorization).
 */
public class FakeProgramService implements QuarkusTestResourceLifecycleManager {

    private static final ObjectMapper JSON = new ObjectMapper();

    private HttpServer server;
    private volatile int status = 200;
    private final List<Map<String, Object>> received = new CopyOnWriteArrayList<>();
    private final List<Map<String, Object>> notices = new CopyOnWriteArrayList<>();
    private final Map<Long, Map<String, Object>> programStatus = new java.util.concurrent.ConcurrentHashMap<>();
    private volatile Object openAlerts = Map.of("physios", List.of());
    private final List<Map<String, Object>> noticeCalls = new CopyOnWriteArrayList<>();

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
        if (path.startsWith("/api/notices")
                || path.startsWith("/_fake/notice")
                || path.startsWith("/_fake/program-status/")
                || path.equals("/_fake/open-alerts")) {
            notices(ex, method, path, body);
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

    @SuppressWarnings("unchecked")
    private void notices(HttpExchange ex, String method, String path, byte[] body) throws IOException {
        String query = ex.getRequestURI().getRawQuery();
        if (path.equals("/_fake/notices") && method.equals("POST")) {
            for (Map<String, Object> n : (List<Map<String, Object>>) JSON.readValue(body, List.class)) {
                Map<String, Object> notice = new HashMap<>(n);
                notice.putIfAbsent("id", (long) notices.size() + 1);
                notice.putIfAbsent("occurredAt", java.time.Instant.now().toString());
                notices.add(notice);
            }
            send(ex, 204, null);
            return;
        }
        if (path.equals("/_fake/notices") && method.equals("GET")) {
            send(ex, 200, notices);
            return;
        }
        if (path.equals("/_fake/notice-calls") && method.equals("GET")) {
            send(ex, 200, noticeCalls);
            return;
        }
        if (path.startsWith("/_fake/program-status/") && method.equals("PUT")) {
            long patient = Long.parseLong(path.substring("/_fake/program-status/".length()));
            programStatus.put(patient, JSON.readValue(body, Map.class));
            send(ex, 204, null);
            return;
        }
        if (path.equals("/_fake/open-alerts") && method.equals("PUT")) {
            openAlerts = JSON.readValue(body, Map.class);
            send(ex, 204, null);
            return;
        }
        Map<String, Object> call = new HashMap<>();
        call.put("path", path);
        call.put("query", query == null ? "" : query);
        call.put("body", body.length == 0 ? null : JSON.readValue(body, Object.class));
        call.put("authorization", ex.getRequestHeaders().getFirst("Authorization"));
        noticeCalls.add(call);
        Map<String, String> params = new HashMap<>();
        if (query != null) {
            for (String pair : query.split("&")) {
                String[] kv = pair.split("=", 2);
                params.put(kv[0], kv.length > 1 ? kv[1] : "");
            }
        }
        if (path.equals("/api/notices") && method.equals("GET")) {
            long after = Long.parseLong(params.getOrDefault("after", "0"));
            int limit = Integer.parseInt(params.getOrDefault("limit", "200"));
            List<Map<String, Object>> page = notices.stream()
                    .filter(n -> ((Number) n.get("id")).longValue() > after)
                    .limit(limit)
                    .toList();
            long last =
                    page.isEmpty() ? after : ((Number) page.get(page.size() - 1).get("id")).longValue();
            send(ex, 200, Map.of("notices", page, "last", last));
        } else if (path.equals("/api/notices/status") && method.equals("POST")) {
            List<Map<String, Object>> asked =
                    (List<Map<String, Object>>) ((Map<String, Object>) call.get("body")).get("patients");
            List<Map<String, Object>> answer = new java.util.ArrayList<>();
            for (Map<String, Object> p : asked) {
                long id = ((Number) p.get("patientId")).longValue();
                Map<String, Object> status = new HashMap<>(programStatus.getOrDefault(
                        id,
                        Map.of(
                                "status",
                                "NONE",
                                "loggedOnLocalDate",
                                false,
                                "daysWithoutLog",
                                0,
                                "measuresDue",
                                List.of())));
                status.put("patientId", id);
                answer.add(status);
            }
            send(ex, 200, Map.of("patients", answer));
        } else if (path.equals("/api/notices/open-alerts") && method.equals("GET")) {
            send(ex, 200, openAlerts);
        } else if (path.equals("/api/notices/week") && method.equals("GET")) {
            Map<String, Object> week = new HashMap<>();
            week.put("from", params.get("from"));
            week.put("to", params.get("to"));
            week.put("sessionsLogged", 123);
            week.put("patientsLogging", 17);
            week.put("activePrograms", 21);
            week.put("programsStarted", 3);
            week.put("programsDischarged", 2);
            week.put("alertsRaised", 9);
            week.put("urgentAlerts", 1);
            week.put("openAlerts", 4);
            send(ex, 200, week);
        } else {
            send(ex, 404, null);
        }
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
