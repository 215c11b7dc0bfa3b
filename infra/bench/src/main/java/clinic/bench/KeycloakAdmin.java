package clinic.bench;

import clinic.local.Http;
import clinic.local.KeycloakTokens;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The one Keycloak admin call the benchmark needs, as patient-service's service account: setting a bench patient's
 * password so that a password grant accepts it. Tokens come from infra/local's {@link KeycloakTokens}. Tokens and
 * passwords are never printed.
 */
final class KeycloakAdmin {

    /** Demo realm only: the secret of patient-service's client, as in infra/keycloak/clinic-realm.json. */
    private static final String DEMO_PATIENT_SERVICE_SECRET = "demo-only-patient-service-secret";

    private final HttpClient http;
    private final KeycloakTokens tokens;
    private final String admin;

    KeycloakAdmin(HttpClient http, KeycloakTokens tokens, String keycloakUrl) {
        this.http = http;
        this.tokens = tokens;
        this.admin = keycloakUrl + "/admin/realms/clinic";
    }

    /** An admin token of patient-service's service account (it may manage users: it provisions patient logins). */
    String serviceAccountBearer() {
        return tokens.clientCredentials(
                        "patient-service",
                        System.getenv().getOrDefault("PATIENT_SERVICE_CLIENT_SECRET", DEMO_PATIENT_SERVICE_SECRET))
                .bearer();
    }

    /**
     * Gives a new patient login (made by patient-service without any password; the patient would set one from the
     * invitation e-mail) a permanent password, so the benchmark can log in with a password grant.
     */
    void setPassword(String adminBearer, String username, String password) {
        HttpResponse<String> found = Http.send(
                http,
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
        HttpResponse<String> reset = Http.send(
                http,
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
}
