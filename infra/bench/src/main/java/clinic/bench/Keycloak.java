package clinic.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The few Keycloak calls the benchmark needs: tokens through the demo realm's public {@code clinic-cli} client
 * (password and refresh grants) and, as patient-service's service account, setting a bench patient's password so
 * that a password grant accepts it. Tokens and passwords are never printed.
 */
final class Keycloak {

    /** Demo realm only: the secret of patient-service's client, as in infra/keycloak/clinic-realm.json. */
    private static final String DEMO_PATIENT_SERVICE_SECRET = "demo-only-patient-service-secret";

    private final HttpClient http;
    private final String base;
    private final String admin;

    Keycloak(HttpClient http, String keycloakUrl) {
        this.http = http;
        this.base = keycloakUrl + "/realms/clinic";
        this.admin = keycloakUrl + "/admin/realms/clinic";
    }

    /** An access token with its refresh token, renewed through the refresh grant (no password hashing). */
    final class Token {
        private final String user;
        private volatile String access;
        private volatile String refresh;
        private volatile long fetchedAt;

        private Token(String user, JsonNode grant) {
            this.user = user;
            take(grant);
        }

        String bearer() {
            return "Bearer " + access;
        }

        /** Renews the token when it is older than {@code maxAge}, so a measured run never meets an expired one. */
        synchronized void renewIfOlderThan(Duration maxAge) {
            if (System.nanoTime() - fetchedAt < maxAge.toNanos()) {
                return;
            }
            take(post(
                    base + "/protocol/openid-connect/token",
                    Map.of("grant_type", "refresh_token", "client_id", "clinic-cli", "refresh_token", refresh),
                    "refresh the token of " + user));
        }

        private void take(JsonNode grant) {
            access = grant.path("access_token").asText();
            refresh = grant.path("refresh_token").asText();
            fetchedAt = System.nanoTime();
        }
    }

    Token password(String user, String password) {
        return new Token(
                user,
                post(
                        base + "/protocol/openid-connect/token",
                        Map.of(
                                "grant_type",
                                "password",
                                "client_id",
                                "clinic-cli",
                                "username",
                                user,
                                "password",
                                password),
                        "get a token for " + user));
    }

    /** An admin token of patient-service's service account (it may manage users: it provisions patient logins). */
    String serviceAccountBearer() {
        JsonNode grant = post(
                base + "/protocol/openid-connect/token",
                Map.of(
                        "grant_type",
                        "client_credentials",
                        "client_id",
                        "patient-service",
                        "client_secret",
                        System.getenv().getOrDefault("PATIENT_SERVICE_CLIENT_SECRET", DEMO_PATIENT_SERVICE_SECRET)),
                "get patient-service's service-account token");
        return "Bearer " + grant.path("access_token").asText();
    }

    /**
     * Gives a new patient login (made by patient-service without any password; the patient would set one from the
     * invitation e-mail) a permanent password, so the benchmark can log in with a password grant.
     */
    void setPassword(String adminBearer, String username, String password) {
        HttpResponse<String> found = send(
                HttpRequest.newBuilder(URI.create(admin + "/users?exact=true&username="
                                + URLEncoder.encode(username, StandardCharsets.UTF_8)))
                        .header("Authorization", adminBearer)
                        .GET()
                        .build(),
                "find the login " + username);
        JsonNode users = Json.read(found.body());
        if (!users.isArray() || users.isEmpty()) {
            throw new IllegalStateException("Keycloak has no login " + username + " (patient-service made none)");
        }
        String id = users.get(0).path("id").asText();
        String body = Json.write(Map.of("type", "password", "value", password, "temporary", false));
        HttpResponse<String> reset = send(
                HttpRequest.newBuilder(URI.create(admin + "/users/" + id + "/reset-password"))
                        .header("Authorization", adminBearer)
                        .header("Content-Type", "application/json")
                        .PUT(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                "set the password of " + username);
        if (reset.statusCode() != 204) {
            throw new IllegalStateException(
                    "Keycloak refused to set the password of " + username + ": HTTP " + reset.statusCode());
        }
    }

    private JsonNode post(String url, Map<String, String> form, String what) {
        String body = form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpResponse<String> response = send(
                HttpRequest.newBuilder(URI.create(url))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                what);
        if (response.statusCode() != 200) {
            // The error body names the reason (invalid_grant ...), never the password.
            throw new IllegalStateException("Keycloak refused to " + what + ": HTTP " + response.statusCode() + " "
                    + Json.read(response.body()).path("error_description").asText(""));
        }
        return Json.read(response.body());
    }

    private HttpResponse<String> send(HttpRequest request, String what) {
        try {
            return http.send(
                    HttpRequest.newBuilder(request, (n, v) -> true)
                            .timeout(Duration.ofSeconds(30))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new IllegalStateException("could not " + what + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while trying to " + what, e);
        }
    }
}
