package clinic.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The token grants against a stand-in token endpoint: the form sent, the answer read, a refusal worded. */
class KeycloakTokensTest {

    private HttpServer server;
    private final List<Map<String, String>> forms = new ArrayList<>();
    private volatile int status = 200;
    private volatile String answer;
    private String realm;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/realms/clinic/protocol/openid-connect/token", exchange -> {
            forms.add(form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
            byte[] body = answer.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        realm = "http://127.0.0.1:" + server.getAddress().getPort() + "/realms/clinic/";
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void passwordGrantSendsTheFormAndReadsTheTokens() {
        answer = "{\"access_token\":\"a.b.c\",\"expires_in\":300,\"refresh_token\":\"r-1\",\"token_type\":\"Bearer\"}";

        KeycloakTokens.Grant grant = KeycloakTokens.forRealm(realm).password("clinic-cli", "physio", "p&ss word");

        assertThat(grant.accessToken()).isEqualTo("a.b.c");
        assertThat(grant.refreshToken()).isEqualTo("r-1");
        assertThat(grant.lifetime()).isEqualTo(Duration.ofSeconds(300));
        assertThat(grant.bearer()).isEqualTo("Bearer a.b.c");
        assertThat(forms.get(0))
                .containsEntry("grant_type", "password")
                .containsEntry("client_id", "clinic-cli")
                .containsEntry("username", "physio")
                .containsEntry("password", "p&ss word");
    }

    @Test
    void aLoginRenewsThroughTheRefreshGrantOnlyWhenOld() {
        answer = "{\"access_token\":\"first\",\"expires_in\":300,\"refresh_token\":\"r-1\"}";
        KeycloakTokens.Token token = KeycloakTokens.forRealm(realm).login("physio", "physio");

        token.renewIfOlderThan(Duration.ofMinutes(1));
        assertThat(forms).hasSize(1);

        answer = "{\"access_token\":\"second\",\"expires_in\":300,\"refresh_token\":\"r-2\"}";
        token.renewIfOlderThan(Duration.ZERO);
        assertThat(token.bearer()).isEqualTo("Bearer second");
        assertThat(forms.get(1))
                .containsEntry("grant_type", "refresh_token")
                .containsEntry("client_id", KeycloakTokens.CLI_CLIENT)
                .containsEntry("refresh_token", "r-1");
    }

    @Test
    void clientCredentialsGrantNamesTheClientAndSecret() {
        answer = "{\"access_token\":\"svc\",\"expires_in\":60}";

        KeycloakTokens.Grant grant = KeycloakTokens.forRealm(realm).clientCredentials("patient-service", "s3cret");

        assertThat(grant.bearer()).isEqualTo("Bearer svc");
        assertThat(grant.refreshToken()).isEmpty();
        assertThat(forms.get(0))
                .containsEntry("grant_type", "client_credentials")
                .containsEntry("client_id", "patient-service")
                .containsEntry("client_secret", "s3cret");
    }

    @Test
    void aRefusalSaysWhyWithoutThePassword() {
        status = 401;
        answer = "{\"error\":\"invalid_grant\",\"error_description\":\"Invalid user credentials\"}";

        assertThatThrownBy(() -> KeycloakTokens.forRealm(realm).password("clinic-cli", "physio", "wrong-password"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("Keycloak refused to get a token for physio: HTTP 401 Invalid user credentials")
                .hasMessageNotContaining("wrong-password");
    }

    @Test
    void aRefusalThatIsNotJsonStillSaysTheStatus() {
        status = 502;
        answer = "<html>Bad gateway</html>";

        assertThatThrownBy(() -> KeycloakTokens.forRealm(realm).password("clinic-cli", "physio", "physio"))
                .hasMessage("Keycloak refused to get a token for physio: HTTP 502 ");
    }

    private static Map<String, String> form(String body) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            fields.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return fields;
    }
}
