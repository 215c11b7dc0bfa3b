package clinic.portal;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import clinic.portal.outbound.PatientServiceClient;
import clinic.portal.outbound.ProgramServiceClient;
import clinic.portal.session.CsrfKey;
import io.quarkus.test.InjectMock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.Base64;
import java.util.List;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Forms and sign-out against forged and foreign requests: the CSRF token is signed and bound to the session, every
 * state-changing request must come from the portal's own origin, and only a POST with both signs out. Each refusal is
 * the 403 page and the form's service call never happens.
 */
@QuarkusTest
class SessionProtectionTest {

    @InjectMock
    @RestClient
    PatientServiceClient patients;

    @InjectMock
    @RestClient
    ProgramServiceClient programs;

    @Inject
    CsrfKey csrfKey;

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    /** Acknowledging an alert: a small form whose effect (the service call) is easy to check. */
    private static Response acknowledge(io.restassured.specification.RequestSpecification request, long id) {
        return request.redirects()
                .follow(false)
                .formParam("note", "Phoned the patient")
                .post("/alerts/" + id + "/acknowledge");
    }

    private String sessionToken() {
        when(programs.alerts(any())).thenReturn(List.of());
        return Pages.csrf("/alerts").token();
    }

    private static void assertRefusalPage(Response response) {
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.contentType()).contains("text/html");
        assertThat(Pages.html(response).select("h1").text()).isEqualTo("This form was not accepted");
    }

    @Test
    @TestSecurity(
            user = "physio",
            roles = {"physio"})
    void theSessionsOwnTokenFromTheSameOriginIsAccepted() {
        long id = Fixtures.nextId();
        Response ok = acknowledge(given().header("Origin", Pages.origin()).formParam("csrf-token", sessionToken()), id);
        assertThat(ok.statusCode()).isEqualTo(303);
        verify(programs).acknowledge(eq(id), any());
    }

    @Test
    @TestSecurity(
            user = "physio",
            roles = {"physio"})
    void theTokenIsTheSameOnEveryPageOfOneSessionSoSeveralTabsKeepWorking() {
        when(programs.alerts(any())).thenReturn(List.of());
        assertThat(Pages.csrf("/alerts").token())
                .isEqualTo(Pages.csrf("/").token())
                .isEqualTo(Pages.csrf("/patients/new").token());
    }

    @Test
    @TestSecurity(
            user = "physio",
            roles = {"physio"})
    void aMadeUpMatchingCookieAndFieldPairIsRefused() {
        long id = Fixtures.nextId();
        // The old double-submit check accepted any cookie and field that were equal.
        String madeUp = Base64.getUrlEncoder().withoutPadding().encodeToString(new byte[16]);
        Response forged = acknowledge(
                given().header("Origin", Pages.origin())
                        .cookie("csrf-token", madeUp)
                        .formParam("csrf-token", madeUp),
                id);
        assertRefusalPage(forged);
        Response sameInHeader = acknowledge(
                given().header("Origin", Pages.origin())
                        .cookie("csrf-token", madeUp)
                        .header("X-CSRF-TOKEN", madeUp),
                id);
        assertRefusalPage(sameInHeader);
        verify(programs, never()).acknowledge(anyLong(), any());
    }

    @Test
    @TestSecurity(
            user = "physio",
            roles = {"physio"})
    void aTokenOfAnotherSessionIsRefused() {
        long id = Fixtures.nextId();
        // Another user's session, and another Keycloak session (sid): both valid tokens, neither this session's.
        for (String other : List.of(csrfKey.tokenFor("user:physio2"), csrfKey.tokenFor("sid:another-session"))) {
            Response refused =
                    acknowledge(given().header("Origin", Pages.origin()).formParam("csrf-token", other), id);
            assertRefusalPage(refused);
        }
        verify(programs, never()).acknowledge(anyLong(), any());
    }

    @Test
    @TestSecurity(
            user = "physio",
            roles = {"physio"})
    void aValidTokenFromAnotherOriginIsRefused() {
        long id = Fixtures.nextId();
        String token = sessionToken();
        assertRefusalPage(
                acknowledge(given().header("Origin", "https://evil.example").formParam("csrf-token", token), id));
        // Same host, other port or scheme: another origin too.
        assertRefusalPage(
                acknowledge(given().header("Origin", "http://localhost:1").formParam("csrf-token", token), id));
        assertRefusalPage(acknowledge(given().header("Origin", "null").formParam("csrf-token", token), id));
        // No Origin, and a Referer from elsewhere.
        assertRefusalPage(acknowledge(
                given().header("Referer", "https://evil.example/page").formParam("csrf-token", token), id));
        verify(programs, never()).acknowledge(anyLong(), any());
    }

    @Test
    @TestSecurity(
            user = "physio",
            roles = {"physio"})
    void aPostWithNeitherOriginNorRefererIsRefused() {
        long id = Fixtures.nextId();
        String token = sessionToken();
        assertRefusalPage(acknowledge(given().formParam("csrf-token", token), id));
        verify(programs, never()).acknowledge(anyLong(), any());

        // A same-origin Referer alone is enough (a browser that leaves out Origin still sends it here).
        Response viaReferer = acknowledge(
                given().header("Referer", Pages.origin() + "/alerts").formParam("csrf-token", token), id);
        assertThat(viaReferer.statusCode()).isEqualTo(303);
        verify(programs).acknowledge(eq(id), any());
    }

    @Test
    @TestSecurity(
            user = "physio",
            roles = {"physio"})
    void signingOutIsAPostWithTheTokenFromTheSameOrigin() {
        String token = sessionToken();
        given().redirects()
                .follow(false)
                .header("Origin", Pages.origin())
                .formParam("csrf-token", token)
                .post("/logout")
                .then()
                .statusCode(303)
                .header("Location", endsWith("/"));
        // Without the token, or from elsewhere: the refusal page, no redirect.
        assertRefusalPage(given().redirects()
                .follow(false)
                .header("Origin", Pages.origin())
                .formParam("other", "x")
                .post("/logout"));
        assertRefusalPage(given().redirects()
                .follow(false)
                .header("Origin", "https://evil.example")
                .formParam("csrf-token", token)
                .post("/logout"));
    }

    @Test
    @TestSecurity(
            user = "patient",
            roles = {"patient"})
    void aGetOfTheSignOutAddressOnlyShowsTheButton() {
        Response page = given().redirects().follow(false).get("/logout");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.getHeaders().getValues("Set-Cookie")).isEmpty();
        Document html = Pages.html(page);
        assertThat(html.select("#sign-out-confirm").attr("method")).isEqualToIgnoringCase("post");
        assertThat(html.select("#sign-out-confirm").attr("action")).isEqualTo("/logout");
        assertThat(html.select("#sign-out-confirm input[name=csrf-token]").attr("value"))
                .isNotBlank();
        // Still signed in afterwards.
        assertThat(html.select("#user-name").text()).isEqualTo("patient");
        given().get("/education").then().statusCode(200);
    }

    @Test
    void theSessionEndedPageIsPublicAndLeadsToTheLogin() {
        given().redirects()
                .follow(false)
                .get("/session-expired")
                .then()
                .statusCode(200)
                .body(containsString("id=\"session-expired\""))
                .body(containsString("href=\"/\""));
    }

    @Test
    @TestSecurity(
            user = "physio",
            roles = {"physio"})
    void theCspLetsTheSignOutFormRedirectToKeycloakOnly() {
        given().get("/").then().header("Content-Security-Policy", endsWith("form-action 'self' http://localhost:8180"));
    }
}
