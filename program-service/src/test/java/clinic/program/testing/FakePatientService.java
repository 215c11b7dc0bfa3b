package clinic.program.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A stand-in for patient-service: clearance per patient id from a map the tests fill; care teams as the contract
 * describes them ({@code GET /api/patients/{id}/access} and {@code GET /api/patients/accessible}, answered for the
 * user named in the caller's token: care physio, care team, break-the-glass grant, admin, else the 403
 * not-in-care-team problem); it records the Authorization header it received, and can drop the connection or answer
 * too slowly to play "down" (for clearance and access of that patient alike).
 *
 * <p>A patient's care physio is the one its clearance names ({@link #cleared}); the demo patients 1 and 2 are in
 * {@code physio}'s and {@code physio2}'s care.
 */
public class FakePatientService implements QuarkusTestResourceLifecycleManager {

    private static final Pattern CLEARANCE = Pattern.compile("/api/patients/(\\d+)/clearance");
    private static final Pattern ACCESS = Pattern.compile("/api/patients/(\\d+)/access");
    private static final String ACCESSIBLE = "/api/patients/accessible";
    private static final Pattern RECORD = Pattern.compile("/api/patients/(\\d+)");
    private static final String OWN_RECORD = "/api/patients/me";
    /** Patient records by id: the login account and the JSON patient-service would answer. */
    private static final Map<Long, String[]> RECORDS = new ConcurrentHashMap<>();

    private static final Map<Long, Integer> RECORD_CALLS = new ConcurrentHashMap<>();
    private static volatile boolean recordsDown;
    private static final Set<Long> RECORD_DOWN = ConcurrentHashMap.newKeySet();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<Long, Team> TEAMS = new ConcurrentHashMap<>();
    private static final Map<Long, Integer> ACCESS_CALLS = new ConcurrentHashMap<>();
    private static volatile boolean accessibleDown;
    private static final Map<String, Integer> ACCESSIBLE_CALLS = new ConcurrentHashMap<>();
    private static final Map<Long, Behaviour> ANSWERS = new ConcurrentHashMap<>();
    private static final Map<Long, String> AUTHORIZATION = new ConcurrentHashMap<>();
    private static final Map<Long, String> TRACEPARENT = new ConcurrentHashMap<>();
    private static final Map<Long, Integer> CALLS = new ConcurrentHashMap<>();
    private static final AtomicLong IDS = new AtomicLong(System.nanoTime() % 1_000_000_000L * 10 + 1_000);
    private static HttpServer server;

    private sealed interface Behaviour permits Json, Drop, Slow {}

    private record Json(int status, String body) implements Behaviour {}

    private record Drop() implements Behaviour {}

    private record Slow(long millis) implements Behaviour {}

    /** Who may reach a patient: the care physio, the team, and break-the-glass grants (user → until). */
    private record Team(String carePhysio, Set<String> members, Map<String, Instant> grants) {

        Team(String carePhysio) {
            this(carePhysio, ConcurrentHashMap.newKeySet(), new ConcurrentHashMap<>());
        }

        String accessOf(String user) {
            if (user.equals(carePhysio)) {
                return "CARE_PHYSIO";
            }
            if (members.contains(user)) {
                return "CARE_TEAM";
            }
            Instant until = grants.get(user);
            return until != null && until.isAfter(Instant.now()) ? "BREAK_GLASS" : null;
        }
    }

    static {
        TEAMS.put(1L, new Team("physio"));
        TEAMS.put(2L, new Team("physio2"));
    }

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
        TEAMS.computeIfAbsent(id, k -> new Team(physio));
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
        TEAMS.computeIfAbsent(id, k -> new Team("physio"));
        ANSWERS.put(
                id,
                new Json(
                        200,
                        "{\"patientId\":" + id + ",\"cleared\":false,\"reason\":\"" + reason + "\","
                                + "\"screeningId\":null,\"validUntil\":null,\"patientAccount\":null,"
                                + "\"carePhysio\":\"physio\",\"screenedAt\":\"" + Instant.now() + "\"}"));
    }

    /** The patient is in this physio's care from now on (patient-service's transfer); the team stays. */
    public static void transfer(long id, String physio) {
        Team old = TEAMS.get(id);
        TEAMS.put(id, new Team(physio, old.members(), old.grants()));
    }

    /** The physio joins the patient's care team. */
    public static void addToTeam(long id, String physio) {
        TEAMS.get(id).members().add(physio);
    }

    /** The physio broke the glass for the patient, until {@code until}. */
    public static void breakGlass(long id, String physio, Instant until) {
        TEAMS.get(id).grants().put(physio, until);
    }

    /** A patient patient-service knows, in this physio's care, with no clearance answer set. */
    public static void careOf(long id, String physio) {
        TEAMS.put(id, new Team(physio));
    }

    /**
     * patient-service's record of the patient ({@code GET /api/patients/{id}} for staff who may reach the patient,
     * {@code GET /api/patients/me} for the patient's own account), with unknown members as patient-service adds them.
     */
    public static void record(
            long id,
            String account,
            String clinicNumber,
            String given,
            String family,
            String dateOfBirth,
            String referral) {
        try {
            Map<String, Object> body = new java.util.LinkedHashMap<>();
            body.put("id", id);
            body.put("clinicNumber", clinicNumber);
            body.put("givenName", given);
            body.put("familyName", family);
            body.put("dateOfBirth", dateOfBirth);
            body.put("referralSource", referral);
            body.put("email", "someone@example.org");
            body.put("careTeam", List.of());
            RECORDS.put(id, new String[] {account, JSON.writeValueAsString(body)});
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every patient-record request drops the connection while true. */
    public static void recordsDown(boolean down) {
        recordsDown = down;
    }

    /** How many record requests patient-service got for this patient. */
    public static int recordCalls(long id) {
        return RECORD_CALLS.getOrDefault(id, 0);
    }

    /**
     * {@code GET /api/patients/{id}} (the record) drops the connection for this patient while true; the care-team and
     * clearance answers stay.
     */
    public static void recordDown(long id, boolean down) {
        if (down) {
            RECORD_DOWN.add(id);
        } else {
            RECORD_DOWN.remove(id);
        }
    }

    /** {@code GET /api/patients/accessible} drops the connection while true. */
    public static void accessibleDown(boolean down) {
        accessibleDown = down;
    }

    /** How often this physio asked for the list of their patients ({@code GET /api/patients/accessible}). */
    public static int accessibleCalls(String physio) {
        return ACCESSIBLE_CALLS.getOrDefault(physio, 0);
    }

    /** How often patient-service was asked about this patient's access ({@code GET /api/patients/{id}/access}). */
    public static int accessCalls(long id) {
        return ACCESS_CALLS.getOrDefault(id, 0);
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

    /** The W3C traceparent header of the last clearance request for this patient, or null. */
    public static String traceparentSeen(long id) {
        return TRACEPARENT.get(id);
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
        String path = exchange.getRequestURI().getPath();
        if (ACCESSIBLE.equals(path)) {
            accessible(exchange);
            return;
        }
        if (OWN_RECORD.equals(path)) {
            ownRecord(exchange);
            return;
        }
        Matcher record = RECORD.matcher(path);
        if (record.matches()) {
            record(exchange, Long.parseLong(record.group(1)));
            return;
        }
        Matcher access = ACCESS.matcher(path);
        if (access.matches()) {
            access(exchange, Long.parseLong(access.group(1)));
            return;
        }
        Matcher m = CLEARANCE.matcher(path);
        if (!m.matches()) {
            send(exchange, 404, "{}");
            return;
        }
        long id = Long.parseLong(m.group(1));
        String auth = exchange.getRequestHeaders().getFirst("Authorization");
        if (auth != null) {
            AUTHORIZATION.put(id, auth);
        }
        String traceparent = exchange.getRequestHeaders().getFirst("traceparent");
        if (traceparent != null) {
            TRACEPARENT.put(id, traceparent);
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

    /** The user name and roles in the caller's bearer token (the fake trusts it: the service checked it). */
    private record Caller(String user, List<String> roles) {}

    private static Caller caller(HttpExchange exchange) {
        String auth = exchange.getRequestHeaders().getFirst("Authorization");
        if (auth == null || !auth.startsWith("Bearer ")) {
            return null;
        }
        try {
            String[] parts = auth.substring(7).split("\\.");
            JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
            List<String> roles = new ArrayList<>();
            claims.path("realm_access").path("roles").forEach(r -> roles.add(r.asText()));
            return new Caller(claims.path("preferred_username").asText(), roles);
        } catch (RuntimeException | IOException e) {
            return null;
        }
    }

    private static void access(HttpExchange exchange, long id) throws IOException {
        String auth = exchange.getRequestHeaders().getFirst("Authorization");
        if (auth != null) {
            AUTHORIZATION.put(id, auth);
        }
        ACCESS_CALLS.merge(id, 1, Integer::sum);
        Behaviour b = ANSWERS.get(id);
        if (b instanceof Drop) {
            exchange.getResponseBody().close();
            exchange.close();
            return;
        }
        if (b instanceof Slow slow) {
            sleep(slow.millis());
        }
        Caller caller = caller(exchange);
        Team team = TEAMS.get(id);
        if (caller == null) {
            send(exchange, 401, "{\"status\":401,\"title\":\"Unauthorized\"}");
            return;
        }
        if (team == null) {
            send(exchange, 404, "{\"type\":\"about:blank\",\"status\":404,\"title\":\"Not Found\"}");
            return;
        }
        String kind = caller.roles().contains("admin")
                ? "ADMIN"
                : caller.roles().contains("physio") ? team.accessOf(caller.user()) : null;
        if (kind == null) {
            send(
                    exchange,
                    403,
                    "application/problem+json",
                    "{\"type\":\"https://clinic.example/problems/not-in-care-team\",\"title\":\"Not in care team\","
                            + "\"status\":403,\"detail\":\"You are not in this patient's care team.\",\"patientId\":"
                            + id + ",\"carePhysio\":\"" + team.carePhysio() + "\",\"breakGlass\":\"/api/patients/" + id
                            + "/access\"}");
            return;
        }
        Instant until = "BREAK_GLASS".equals(kind) ? team.grants().get(caller.user()) : null;
        send(
                exchange,
                200,
                "{\"patientId\":" + id + ",\"carePhysio\":\"" + team.carePhysio() + "\",\"careTeam\":"
                        + JSON.writeValueAsString(team.members()) + ",\"access\":\"" + kind + "\",\"expiresAt\":"
                        + (until == null ? "null" : "\"" + until + "\"") + ",\"futureField\":true}");
    }

    /**
     * The patient's record as patient-service's {@code GET /api/patients/{id}} gives it to staff who may reach the
     * patient: the one set with {@link #record} or else a made-up one (clinic number {@code C-<id>}, date of birth
     * 1980-04-02, sex FEMALE); others 403, unknown 404.
     */
    private static void record(HttpExchange exchange, long id) throws IOException {
        RECORD_CALLS.merge(id, 1, Integer::sum);
        if (recordsDown || RECORD_DOWN.contains(id)) {
            exchange.getResponseBody().close();
            exchange.close();
            return;
        }
        Caller caller = caller(exchange);
        if (caller == null) {
            send(exchange, 401, "{\"status\":401,\"title\":\"Unauthorized\"}");
            return;
        }
        String[] known = RECORDS.get(id);
        Team team = TEAMS.get(id);
        if (team == null) {
            send(exchange, 404, "{\"type\":\"about:blank\",\"status\":404,\"title\":\"Not Found\"}");
            return;
        }
        boolean allowed = caller.roles().contains("admin")
                || (caller.roles().contains("physio") && team.accessOf(caller.user()) != null);
        if (!allowed) {
            send(exchange, 403, "{\"type\":\"about:blank\",\"status\":403,\"title\":\"Forbidden\"}");
            return;
        }
        if (known != null) {
            send(exchange, 200, known[1]);
            return;
        }
        send(
                exchange,
                200,
                "{\"id\":" + id + ",\"clinicNumber\":\"C-" + id + "\",\"givenName\":\"Alex\",\"familyName\":\"Tester"
                        + id + "\",\"dateOfBirth\":\"1980-04-02\",\"sex\":\"FEMALE\",\"email\":\"a@example.org\","
                        + "\"phone\":null,\"condition\":\"sciatica\",\"status\":\"ACTIVE\",\"carePhysio\":\""
                        + team.carePhysio() + "\",\"careTeam\":[],\"version\":3}");
    }

    /** A patient's own record, found by the account in the caller's token. */
    private static void ownRecord(HttpExchange exchange) throws IOException {
        if (recordsDown) {
            exchange.getResponseBody().close();
            exchange.close();
            return;
        }
        Caller caller = caller(exchange);
        if (caller == null || !caller.roles().contains("patient")) {
            send(exchange, 403, "{\"type\":\"about:blank\",\"status\":403,\"title\":\"Forbidden\"}");
            return;
        }
        for (Map.Entry<Long, String[]> e : RECORDS.entrySet()) {
            if (e.getValue()[0].equals(caller.user())) {
                RECORD_CALLS.merge(e.getKey(), 1, Integer::sum);
                send(exchange, 200, e.getValue()[1]);
                return;
            }
        }
        send(exchange, 404, "{\"type\":\"about:blank\",\"status\":404,\"title\":\"Not Found\"}");
    }

    private static void accessible(HttpExchange exchange) throws IOException {
        Caller asking = caller(exchange);
        if (asking != null) {
            ACCESSIBLE_CALLS.merge(asking.user(), 1, Integer::sum);
        }
        if (accessibleDown) {
            exchange.getResponseBody().close();
            exchange.close();
            return;
        }
        Caller caller = caller(exchange);
        if (caller == null) {
            send(exchange, 401, "{\"status\":401,\"title\":\"Unauthorized\"}");
            return;
        }
        if (!caller.roles().contains("physio")) {
            send(exchange, 403, "{\"type\":\"about:blank\",\"status\":403,\"title\":\"Forbidden\"}");
            return;
        }
        Map<String, List<Long>> byKind = new TreeMap<>();
        List<Map<String, Object>> grants = new ArrayList<>();
        TEAMS.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            String kind = e.getValue().accessOf(caller.user());
            if (kind == null) {
                return;
            }
            byKind.computeIfAbsent("all", k -> new ArrayList<>()).add(e.getKey());
            if (kind.equals("BREAK_GLASS")) {
                grants.add(Map.of(
                        "patientId",
                        e.getKey(),
                        "expiresAt",
                        e.getValue().grants().get(caller.user()).toString()));
            } else {
                byKind.computeIfAbsent(kind, k -> new ArrayList<>()).add(e.getKey());
            }
        });
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("patientIds", byKind.getOrDefault("all", List.of()));
        answer.put("carePhysio", byKind.getOrDefault("CARE_PHYSIO", List.of()));
        answer.put("careTeam", byKind.getOrDefault("CARE_TEAM", List.of()));
        answer.put("breakGlass", grants);
        send(exchange, 200, JSON.writeValueAsString(answer));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        send(exchange, status, "application/json", body);
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
