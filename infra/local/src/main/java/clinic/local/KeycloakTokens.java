package clinic.local;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Access tokens from the clinic realm of a running Keycloak: the one place the benchmark and the system tests get
 * them. The password grant of a public client (the demo realm's {@value #CLI_CLIENT} unless another is named), the
 * refresh grant, and the client-credentials grant of a confidential client. Tokens, passwords and secrets are never
 * printed: a refusal names the HTTP status and Keycloak's {@code error_description} only.
 */
public final class KeycloakTokens {

    /** The demo realm's public client with direct access grants (infra/keycloak/clinic-realm.json). */
    public static final String CLI_CLIENT = "clinic-cli";

    /** What the token endpoint granted; {@code refreshToken} is empty for the client-credentials grant. */
    public record Grant(String accessToken, String refreshToken, Duration lifetime) {
        public String bearer() {
            return "Bearer " + accessToken;
        }
    }

    private final HttpClient http;
    private final String tokenUrl;

    /** @param realmUrl the realm's address, e.g. {@code http://localhost:8180/realms/clinic} */
    public KeycloakTokens(HttpClient http, String realmUrl) {
        this.http = http;
        this.tokenUrl = realmUrl.replaceAll("/+$", "") + "/protocol/openid-connect/token";
    }

    /** With a client of its own (5-second connect timeout). */
    public static KeycloakTokens forRealm(String realmUrl) {
        return new KeycloakTokens(
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build(), realmUrl);
    }

    /** The password grant of a public client. */
    public Grant password(String client, String username, String password) {
        return grant(
                form("grant_type", "password", "client_id", client, "username", username, "password", password),
                "get a token for " + username);
    }

    /** The refresh grant: a new access token without the password (and without its hashing in Keycloak). */
    public Grant refresh(String client, String refreshToken, String username) {
        return grant(
                form("grant_type", "refresh_token", "client_id", client, "refresh_token", refreshToken),
                "refresh the token of " + username);
    }

    /** The client-credentials grant: the service account of a confidential client. */
    public Grant clientCredentials(String client, String secret) {
        return grant(
                form("grant_type", "client_credentials", "client_id", client, "client_secret", secret),
                "get " + client + "'s service-account token");
    }

    /** A logged-in user of {@value #CLI_CLIENT} whose token is renewed through the refresh grant. */
    public Token login(String username, String password) {
        return new Token(username, password(CLI_CLIENT, username, password));
    }

    /** An access token with its refresh token, renewed through the refresh grant when asked. */
    public final class Token {
        private final String user;
        private volatile Grant grant;
        private volatile long fetchedAt;

        private Token(String user, Grant grant) {
            this.user = user;
            take(grant);
        }

        public String bearer() {
            return grant.bearer();
        }

        /** How long Keycloak said the current access token lives. */
        public Duration lifetime() {
            return grant.lifetime();
        }

        /** Renews the token when it is older than {@code maxAge}, so a measured run never meets an expired one. */
        public synchronized void renewIfOlderThan(Duration maxAge) {
            if (System.nanoTime() - fetchedAt < maxAge.toNanos()) {
                return;
            }
            take(refresh(CLI_CLIENT, grant.refreshToken(), user));
        }

        private void take(Grant fresh) {
            grant = fresh;
            fetchedAt = System.nanoTime();
        }
    }

    private Grant grant(String form, String what) {
        HttpResponse<String> response = Http.send(
                http,
                HttpRequest.newBuilder(URI.create(tokenUrl))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                what);
        Map<?, ?> body = fields(response.body());
        if (response.statusCode() != 200) {
            // The error body names the reason (invalid_grant ...), never the password.
            Object reason = body.get("error_description");
            throw new IllegalStateException("Keycloak refused to " + what + ": HTTP " + response.statusCode() + " "
                    + (reason == null ? "" : reason));
        }
        Object access = body.get("access_token");
        if (access == null) {
            throw new IllegalStateException("Keycloak sent no access token when asked to " + what);
        }
        Object refresh = body.get("refresh_token");
        Object expiresIn = body.get("expires_in");
        return new Grant(
                access.toString(),
                refresh == null ? "" : refresh.toString(),
                Duration.ofSeconds(expiresIn instanceof Number n ? n.longValue() : 60));
    }

    /** The answer's members; none when it is not a JSON object (a proxy's error page). */
    private static Map<?, ?> fields(String body) {
        try {
            return Json.parse(body.strip()) instanceof Map<?, ?> map ? map : Map.of();
        } catch (RuntimeException notJson) {
            return Map.of();
        }
    }

    private static String form(String... pairs) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            fields.put(pairs[i], pairs[i + 1]);
        }
        return fields.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
