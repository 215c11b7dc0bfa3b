package clinic.portal;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.security.Authenticated;
import io.quarkus.security.AuthenticationCompletionException;
import io.quarkus.security.AuthenticationRedirectException;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import org.junit.jupiter.api.Test;

/**
 * How a session that can no longer go on ends: a failed token refresh makes the login answer with a redirect (to the
 * "session ended" page), and a session whose tokens no longer verify fails its completion. Both must reach the user
 * as a redirect, never as the generic "something went wrong" 500 page that the portal's catch-all mapper gives any
 * other exception. A test-only resource raises what the OIDC login raises in those cases.
 */
@QuarkusTest
class SessionEndPagesTest {

    /** Test-only: raises what the OIDC mechanism raises when a refresh fails or a session cannot be completed. */
    @Path("/test-only/session-end")
    @Authenticated
    public static class Raising {

        @GET
        @Path("refresh-failed")
        public String refreshFailed() {
            throw new AuthenticationRedirectException(302, "http://localhost/session-expired");
        }

        @GET
        @Path("ended")
        public String ended() {
            throw new io.quarkus.security.AuthenticationFailedException("the session was logged out");
        }

        @GET
        @Path("not-verifiable")
        public String notVerifiable() {
            throw new AuthenticationCompletionException("the session's tokens do not verify");
        }
    }

    @Test
    @TestSecurity(
            user = "physio",
            roles = {"physio"})
    void aFailedRefreshRedirectsToTheSessionEndedPage() {
        given().redirects()
                .follow(false)
                .get("/test-only/session-end/refresh-failed")
                .then()
                .statusCode(302)
                .header("Location", equalTo("http://localhost/session-expired"));
    }

    @Test
    @TestSecurity(
            user = "physio",
            roles = {"physio"})
    void aSessionEndedAtKeycloakGoesToTheSessionEndedPageNot500() {
        given().redirects()
                .follow(false)
                .get("/test-only/session-end/ended")
                .then()
                .statusCode(303)
                .header("Location", endsWith("/session-expired"));
    }

    @Test
    @TestSecurity(
            user = "physio",
            roles = {"physio"})
    void aSessionThatCannotBeCompletedGoesToTheSessionEndedPageNot500() {
        given().redirects()
                .follow(false)
                .get("/test-only/session-end/not-verifiable")
                .then()
                .statusCode(303)
                .header("Location", endsWith("/session-expired"));
    }
}
