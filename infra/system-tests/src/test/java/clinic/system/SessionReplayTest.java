package clinic.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;

/**
 * A portal session ends at sign-out everywhere: cookies copied out of the browser before it signs out get the
 * "session ended" page (and from there Keycloak's login), never a page, whether the user signs out with the portal's
 * button or Keycloak ends the session (its back-channel call to the portal). Sign-out itself is a POST with the
 * session's CSRF token that ends the Keycloak session too.
 */
class SessionReplayTest {

    static SystemStack stack;

    @BeforeAll
    static void start() {
        stack = SystemStack.get();
    }

    /** Logs in in the browser and returns the portal's cookies as they are now (what someone could copy). */
    private static Map<String, Cookie> logInAndCopyCookies(Browser browser, String user, String page) {
        browser.driver.get(stack.portal() + page);
        browser.logIn(user, user);
        browser.waitForUrlStartingWith(stack.portal());
        browser.waitFor(By.tagName("main"));
        Map<String, Cookie> cookies = new LinkedHashMap<>();
        browser.driver.manage().getCookies().forEach(c -> cookies.put(c.getName(), c));
        return cookies;
    }

    /** The replayed session is not served: the session-ended page or a login, never the page asked for. */
    private static void assertNotServed(HttpResponse<String> response, String what) {
        assertThat(response.statusCode())
                .as(what + ": " + response.statusCode())
                .isIn(302, 303, 401);
        String location = response.headers().firstValue("location").orElse("");
        if (response.statusCode() != 401) {
            assertThat(location)
                    .as(what)
                    .satisfiesAnyOf(l -> assertThat(l).endsWith("/session-expired"), l -> assertThat(l)
                            .startsWith(stack.keycloakRealm() + "/protocol/openid-connect/auth"));
        }
        assertThat(response.body()).as(what).doesNotContain("patient-list").doesNotContain("Paula Hart");
    }

    @Test
    void cookiesCopiedBeforeSignOutNoLongerWorkAfterIt() {
        Map<String, Cookie> copied;
        try (Browser browser = new Browser()) {
            copied = logInAndCopyCookies(browser, "physio", "/patients");
            PortalSession before = PortalSession.withCookies("physio", copied);
            assertThat(before.get("/patients?q=Sam").statusCode())
                    .as("the copy works while the session lives")
                    .isEqualTo(200);

            // The sign-out button: a form post to /logout, then Keycloak's end-session, then back to the portal,
            // which asks for a login again (the Keycloak session is over, so Keycloak shows its form).
            browser.driver.findElement(By.id("sign-out")).click();
            browser.waitFor(By.id("kc-login"));
            assertThat(browser.driver.getCurrentUrl()).startsWith(stack.keycloakRealm());
        }

        PortalSession replay = PortalSession.withCookies("physio", copied);
        assertNotServed(replay.get("/patients?q=Sam"), "a page with the copied cookies after sign-out");
        PortalSession again = PortalSession.withCookies("physio", copied);
        assertNotServed(again.get("/"), "the start page with the copied cookies, again");
        // The session-ended page itself does not greet the signed-out user.
        HttpResponse<String> ended = PortalSession.withCookies("physio", copied).get("/session-expired");
        assertThat(ended.statusCode()).isEqualTo(200);
        assertThat(ended.body()).contains("session-expired").doesNotContain("Paula Hart");
    }

    @Test
    void aSessionEndedAtKeycloakIsEndedInThePortalForEveryCopy() {
        Map<String, Cookie> copied;
        try (Browser browser = new Browser()) {
            copied = logInAndCopyCookies(browser, "physio2", "/");
            assertThat(PortalSession.withCookies("physio2", copied).get("/").statusCode())
                    .isEqualTo(200);
            // Keycloak's own logout (as an admin ending the session, or another application's sign-out would):
            // Keycloak asks to confirm, ends the SSO session and calls the portal's back-channel logout URL.
            browser.driver.get(stack.keycloakRealm() + "/protocol/openid-connect/logout");
            browser.waitFor(By.id("kc-logout"));
            // Until Keycloak has answered the confirmation: the confirmation page's own body would satisfy a wait for
            // "a body" (a CI run tried copy 1 while the session still lived: 200).
            browser.clickAndAwaitNextPage(By.id("kc-logout"));
        }
        // The first copy is the one Quarkus's back-channel handling ends. Keycloak's call to the portal is its own HTTP
        // request, so a few seconds are allowed for it to have arrived; the copies after it are refused at once.
        java.time.Instant deadline = java.time.Instant.now().plusSeconds(10);
        HttpResponse<String> first =
                PortalSession.withCookies("physio2", copied).get("/");
        while (first.statusCode() == 200 && java.time.Instant.now().isBefore(deadline)) {
            SystemStack.sleep(250);
            first = PortalSession.withCookies("physio2", copied).get("/");
        }
        assertNotServed(first, "copy 1 after Keycloak ended the session");
        for (int copy = 2; copy <= 3; copy++) {
            assertNotServed(
                    PortalSession.withCookies("physio2", copied).get("/"),
                    "copy " + copy + " after Keycloak ended the session");
        }
    }

    @Test
    void signingOutIsAPostWithTheSessionsTokenAndAGetDoesNotSignOut() {
        PortalSession session = PortalSession.fresh("patient");
        PortalSession copy = session.copy();

        // A GET of the sign-out address (a link or an image on another site) only shows the button.
        HttpResponse<String> page = session.get("/logout");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("sign-out-confirm");
        assertThat(session.get("/me/today").statusCode()).as("still signed in").isEqualTo(200);

        // A POST without the token, or from another origin, does not sign out either.
        String token = session.csrfToken("/");
        assertThat(session.post("/logout", Map.of()).statusCode()).isEqualTo(403);
        assertThat(session.post("/logout", Map.of("csrf-token", token), Map.of("Origin", "https://evil.example"))
                        .statusCode())
                .isEqualTo(403);
        assertThat(session.get("/me/today").statusCode()).as("still signed in").isEqualTo(200);

        // The real one: to Keycloak's end-session endpoint with the ID token as hint, back to the portal.
        HttpResponse<String> signOut = session.post("/logout", Map.of("csrf-token", token));
        assertThat(signOut.statusCode()).isEqualTo(303);
        String location = signOut.headers().firstValue("location").orElse("");
        assertThat(location).startsWith(stack.keycloakRealm() + "/protocol/openid-connect/logout?");
        Map<String, String> query = new LinkedHashMap<>();
        for (String pair : java.net.URI.create(location).getRawQuery().split("&")) {
            int eq = pair.indexOf('=');
            query.put(
                    pair.substring(0, eq),
                    java.net.URLDecoder.decode(pair.substring(eq + 1), java.nio.charset.StandardCharsets.UTF_8));
        }
        assertThat(query.get("id_token_hint")).as("the ID token as hint").matches("[\\w-]+\\.[\\w-]+\\.[\\w-]+");
        assertThat(query.get("post_logout_redirect_uri")).isEqualTo(stack.portal() + "/");
        assertThat(query.get("client_id")).isEqualTo("web-portal");
        assertThat(signOut.headers().allValues("set-cookie"))
                .as("the session cookies are removed")
                .anyMatch(c -> c.startsWith("q_session") && c.toLowerCase().contains("max-age=0"));
        assertNotServed(copy.get("/me/today"), "a copy of the signed-out session");
    }
}
