package clinic.system;

import clinic.local.KeycloakTokens;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Access tokens from the real Keycloak (infra/local's {@link KeycloakTokens}, as the benchmark gets them) through the
 * demo realm's public {@code clinic-cli} client or the two test clients below, and what the tests read in them.
 */
final class Tokens {

    /** Public client of the test realm whose access tokens live one second (an expired Keycloak token). */
    static final String SHORT_LIVED_CLIENT = "system-test-short-lived";
    /** Public client of the test realm without the services' audience mappers (a token for another audience). */
    static final String OTHER_AUDIENCE_CLIENT = "system-test-other-audience";

    private static final Pattern EXP = Pattern.compile("\"exp\"\\s*:\\s*(\\d+)");
    private static final Pattern AUD = Pattern.compile("\"aud\"\\s*:\\s*(\\[[^\\]]*\\]|\"[^\"]*\")");

    /** One per test JVM, for the one stack the system tests run. */
    private static KeycloakTokens keycloak;

    private Tokens() {}

    static String of(String username, String password) {
        return of(KeycloakTokens.CLI_CLIENT, username, password);
    }

    /** Demo accounts' password is their user name. */
    static String demo(String username) {
        return of(username, username);
    }

    /** A real token of the demo account, signed by Keycloak and for the services, whose expiry has passed. */
    static String expired(String username) {
        String token = of(SHORT_LIVED_CLIENT, username, username);
        long exp = expiry(token);
        try {
            while (Instant.now().getEpochSecond() <= exp + 1) {
                Thread.sleep(250);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return token;
    }

    /** A real, valid token of the demo account, signed by Keycloak, whose audience names neither service. */
    static String otherAudience(String username) {
        return of(OTHER_AUDIENCE_CLIENT, username, username);
    }

    /** The {@code aud} claim as written (a string or a JSON list); empty when the token has none. */
    static String audience(String token) {
        Matcher m = AUD.matcher(payload(token));
        return m.find() ? m.group(1) : "";
    }

    static long expiry(String token) {
        Matcher m = EXP.matcher(payload(token));
        if (!m.find()) {
            throw new IllegalStateException("token without exp");
        }
        return Long.parseLong(m.group(1));
    }

    /** The token's claims as JSON text (not verified here: the services verify). */
    static String claims(String token) {
        return payload(token);
    }

    private static String payload(String token) {
        return new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
    }

    /**
     * The demo realm plus the two test clients above, written beside the test output; the launcher imports it
     * ({@code CLINIC_REALM_FILE}), so the shipped realm never carries them.
     */
    static Path realmWithTestClients(Path root) {
        try {
            String realm = Files.readString(root.resolve("infra/keycloak/clinic-realm.json"));
            String marker = "\"clients\": [";
            int at = realm.indexOf(marker);
            if (at < 0) {
                throw new IllegalStateException("no clients list in the realm file");
            }
            String clients = client(
                            SHORT_LIVED_CLIENT,
                            "\"attributes\": {\"access.token.lifespan\": \"1\"},"
                                    + " \"protocolMappers\": [" + audienceMapper("patient-service") + ", "
                                    + audienceMapper("program-service") + "]")
                    + ", " + client(OTHER_AUDIENCE_CLIENT, "\"protocolMappers\": []") + ", ";
            String withTests =
                    realm.substring(0, at + marker.length()) + clients + realm.substring(at + marker.length());
            Path out = Path.of("target", "system-test-realm.json").toAbsolutePath();
            Files.writeString(out, withTests);
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String client(String id, String extra) {
        return "{\"clientId\": \"" + id + "\", \"enabled\": true, \"publicClient\": true,"
                + " \"standardFlowEnabled\": false, \"directAccessGrantsEnabled\": true, " + extra + "}";
    }

    private static String audienceMapper(String service) {
        return "{\"name\": \"audience-" + service + "\", \"protocol\": \"openid-connect\","
                + " \"protocolMapper\": \"oidc-audience-mapper\", \"config\": {\"included.custom.audience\": \""
                + service + "\", \"access.token.claim\": \"true\", \"id.token.claim\": \"false\"}}";
    }

    private static String of(String client, String username, String password) {
        return keycloak().password(client, username, password).accessToken();
    }

    private static synchronized KeycloakTokens keycloak() {
        if (keycloak == null) {
            keycloak = KeycloakTokens.forRealm(SystemStack.get().keycloakRealm());
        }
        return keycloak;
    }
}
