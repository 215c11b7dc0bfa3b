package clinic.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Keycloak's login page in the portal's language: someone who chose Spanish with the switcher (the {@code lang}
 * cookie) on a browser that asks for English is sent to the login with {@code ui_locales=es}, and Keycloak's page is
 * then Spanish.
 */
class LoginLanguageTest {

    @Test
    void theLoginRedirectCarriesTheChosenLanguageAndKeycloaksPageFollowsIt() throws Exception {
        SystemStack stack = SystemStack.get();
        HttpClient http = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
        HttpResponse<String> portal = http.send(
                HttpRequest.newBuilder(URI.create(stack.portal() + "/me/today"))
                        .header("Cookie", "lang=es")
                        .header("Accept-Language", "en-US,en;q=0.9")
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(portal.statusCode()).isEqualTo(302);
        String login = portal.headers().firstValue("location").orElseThrow();
        assertThat(login).startsWith(stack.keycloakRealm()).contains("ui_locales=es");

        HttpResponse<String> page = http.send(
                HttpRequest.newBuilder(URI.create(login))
                        .header("Accept-Language", "en-US,en;q=0.9")
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("lang=\"es\"");

        // Without a choice the browser's language stands.
        HttpResponse<String> english = http.send(
                HttpRequest.newBuilder(URI.create(stack.portal() + "/me/today"))
                        .header("Accept-Language", "en-US,en;q=0.9")
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(english.headers().firstValue("location").orElseThrow()).contains("ui_locales=en");
    }
}
