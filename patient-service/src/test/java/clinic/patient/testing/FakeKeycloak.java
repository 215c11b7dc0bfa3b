package clinic.patient.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Just enough of Keycloak's token endpoint and admin REST API (realm {@code clinic}) to test provisioning without
 * starting Keycloak. State is in memory; tests read it through {@code GET /_fake/users} and seed users through
 * {@code POST /_fake/users} (the test and this resource may live in different class loaders). It starts with the
 * physios {@link #PHYSIOS} and an {@code admin}, each with its realm roles. Invitations asked for are kept on the
 * user as {@code invitations}; {@code PUT /_fake/mail {"up": false}} makes them fail as they do when Keycloak's SMTP
 * server is down; a seeded user's {@code credentialTypes} says which credentials it has. {@code PUT
 * /_fake/users/{username}} merges fields into a user (say {@code {"emailVerified": true}}, as when the user follows the
 * invitation's link). The staff's addresses are verified; {@code GET .../roles/{role}/users} lists a realm role's
 * members.
 */
public class FakeKeycloak implements QuarkusTestResourceLifecycleManager {

    public static final String TOKEN = "fake-service-account-token";

    /** Users with realm role physio from the start. */
    public static final List<String> PHYSIOS = List.of("physio", "physio2", "physio3", "physio4");

    private static final ObjectMapper JSON = new ObjectMapper();

    private HttpServer server;
    private final List<Map<String, Object>> users = new CopyOnWriteArrayList<>();
    private volatile boolean mailUp = true;

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/", this::handle);
        server.start();
        // The staff of the demo realm, as Keycloak knows them: care physios and team members are checked against
        // these (realm role physio), so a name that is not here is refused as it would be by the real realm.
        for (String physio : PHYSIOS) {
            users.add(new HashMap<>(Map.of(
                    "id",
                    UUID.randomUUID().toString(),
                    "username",
                    physio,
                    "email",
                    physio + "@staff.clinic.test",
                    "emailVerified",
                    true,
                    "firstName",
                    "Physio",
                    "realmRoles",
                    List.of("physio", "default-roles-clinic"))));
        }
        users.add(new HashMap<>(Map.of(
                "id",
                UUID.randomUUID().toString(),
                "username",
                "admin",
                "email",
                "admin@staff.clinic.test",
                "emailVerified",
                true,
                "realmRoles",
                List.of("admin", "default-roles-clinic"))));
        return Map.of(
                "clinic.keycloak.url", "http://127.0.0.1:" + server.getAddress().getPort());
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
        Map<String, String> query = query(ex.getRequestURI().getRawQuery());
        byte[] body = ex.getRequestBody().readAllBytes();
        String admin = "/admin/realms/clinic";
        if (path.equals("/_fake/users") && method.equals("GET")) {
            send(ex, 200, users);
            return;
        }
        if (path.equals("/_fake/users") && method.equals("POST")) {
            Map<String, Object> user = new HashMap<>(JSON.readValue(body, Map.class));
            user.put("id", UUID.randomUUID().toString());
            users.add(user);
            send(ex, 201, user);
            return;
        }
        if (path.startsWith("/_fake/users/") && method.equals("PUT")) {
            String username = path.substring("/_fake/users/".length());
            Map<String, Object> changes = JSON.readValue(body, Map.class);
            for (Map<String, Object> u : users) {
                if (username.equals(u.get("username"))) {
                    u.putAll(changes);
                    send(ex, 200, u);
                    return;
                }
            }
            send(ex, 404, Map.of());
            return;
        }
        if (path.equals("/_fake/mail") && method.equals("PUT")) {
            // {"up": false} makes every invitation fail as Keycloak does when its SMTP server is down.
            mailUp = !Boolean.FALSE.equals(JSON.readValue(body, Map.class).get("up"));
            send(ex, 204, null);
            return;
        }
        if (path.equals("/realms/clinic/protocol/openid-connect/token") && method.equals("POST")) {
            send(ex, 200, Map.of("access_token", TOKEN, "token_type", "Bearer", "expires_in", 300));
            return;
        }
        if (!path.startsWith(admin)) {
            send(ex, 404, Map.of());
            return;
        }
        if (!("Bearer " + TOKEN).equals(ex.getRequestHeaders().getFirst("Authorization"))) {
            send(ex, 401, Map.of());
            return;
        }
        String rest = path.substring(admin.length());
        if (rest.equals("/users") && method.equals("GET")) {
            List<Map<String, Object>> found = new ArrayList<>();
            for (Map<String, Object> u : users) {
                if ((query.containsKey("email") && query.get("email").equalsIgnoreCase((String) u.get("email")))
                        || (query.containsKey("username")
                                && query.get("username").equals(u.get("username")))) {
                    found.add(u);
                }
            }
            send(ex, 200, found);
        } else if (rest.equals("/users") && method.equals("POST")) {
            Map<String, Object> user = new HashMap<>(JSON.readValue(body, Map.class));
            boolean taken = users.stream().anyMatch(u -> u.get("username").equals(user.get("username")));
            if (taken) {
                send(ex, 409, Map.of("errorMessage", "User exists with same username"));
                return;
            }
            String id = UUID.randomUUID().toString();
            user.put("id", id);
            users.add(user);
            ex.getResponseHeaders().add("Location", "http://keycloak.test" + admin + "/users/" + id);
            ex.sendResponseHeaders(201, -1);
            ex.close();
        } else if (rest.matches("/users/[^/]+/execute-actions-email") && method.equals("PUT")) {
            Map<String, Object> user = user(rest.split("/")[2]);
            if (!mailUp) {
                // What Keycloak answers when its SMTP server refuses or is down.
                send(ex, 500, Map.of("errorMessage", "Failed to send execute actions email"));
                return;
            }
            List<Object> invitations = new ArrayList<>((List<Object>) user.getOrDefault("invitations", List.of()));
            invitations.add(Map.of(
                    "client_id", query.getOrDefault("client_id", ""),
                    "redirect_uri", query.getOrDefault("redirect_uri", ""),
                    "lifespan", query.getOrDefault("lifespan", ""),
                    "actions", JSON.readValue(body, List.class)));
            user.put("invitations", invitations);
            send(ex, 204, null);
        } else if (rest.matches("/users/[^/]+/credentials") && method.equals("GET")) {
            Map<String, Object> user = user(rest.split("/")[2]);
            Object types = user.getOrDefault("credentialTypes", List.of());
            send(
                    ex,
                    200,
                    ((List<String>) types).stream().map(t -> Map.of("type", t)).toList());

        } else if (rest.matches("/users/[^/]+/role-mappings/realm/composite") && method.equals("GET")) {
            Map<String, Object> user = user(rest.split("/")[2]);
            Object roles = user.getOrDefault("realmRoles", List.of());
            send(
                    ex,
                    200,
                    ((List<String>) roles).stream().map(r -> Map.of("name", r)).toList());
        } else if (rest.matches("/roles/[^/]+/users") && method.equals("GET")) {
            String role = rest.split("/")[2];
            send(
                    ex,
                    200,
                    users.stream()
                            .filter(u -> ((List<String>) u.getOrDefault("realmRoles", List.of())).contains(role))
                            .toList());
        } else if (rest.equals("/groups") && method.equals("GET")) {
            send(ex, 200, List.of(Map.of("id", "group-patients", "name", "patients", "path", "/patients")));
        } else if (rest.matches("/users/[^/]+/groups/group-patients") && method.equals("PUT")) {
            user(rest.split("/")[2]).put("groups", List.of("/patients"));
            send(ex, 204, null);
        } else {
            send(ex, 404, Map.of());
        }
    }

    private Map<String, Object> user(String id) {
        return users.stream().filter(u -> id.equals(u.get("id"))).findFirst().orElseThrow();
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> map = new HashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                String[] kv = pair.split("=", 2);
                map.put(
                        URLDecoder.decode(kv[0], StandardCharsets.UTF_8),
                        kv.length > 1 ? URLDecoder.decode(kv[1], StandardCharsets.UTF_8) : "");
            }
        }
        return map;
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
