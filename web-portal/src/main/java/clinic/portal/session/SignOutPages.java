package clinic.portal.session;

import io.quarkus.oidc.OidcConfigurationMetadata;
import io.quarkus.oidc.OidcSession;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.inject.Instance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Signing out. Only a POST with the session's CSRF token from the portal's own origin signs out ({@link
 * RequestChecks}); a GET of the same address shows a page with the button, so a link or an image elsewhere cannot sign
 * anyone out.
 *
 * <p>The POST records the Keycloak session as signed out (every copy of the session cookie is refused from then on),
 * removes the session cookies and sends the browser to Keycloak's end-session endpoint with {@code id_token_hint}
 * (RP-initiated logout), which ends the SSO session, tells the portal again over the back channel, and returns to the
 * portal's start page, that is to Keycloak's login.
 */
@Path("/")
@Tag(name = "Pages")
public class SignOutPages {

    static final String EXPIRED_PATH = "/session-expired";

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance confirm();

        static native TemplateInstance expired();
    }

    private final SecurityIdentity identity;
    private final SignedOutSessions signedOut;
    private final Instance<OidcSession> oidcSession;
    private final Instance<OidcConfigurationMetadata> metadata;
    private final RoutingContext rc;
    private final Optional<String> publicOrigin;
    private final String clientId;

    public SignOutPages(
            SecurityIdentity identity,
            SignedOutSessions signedOut,
            Instance<OidcSession> oidcSession,
            Instance<OidcConfigurationMetadata> metadata,
            RoutingContext rc,
            @ConfigProperty(name = "clinic.portal.public-origin") Optional<String> publicOrigin,
            @ConfigProperty(name = "quarkus.oidc.client-id") String clientId) {
        this.identity = identity;
        this.signedOut = signedOut;
        this.oidcSession = oidcSession;
        this.metadata = metadata;
        this.rc = rc;
        this.publicOrigin = publicOrigin;
        this.clientId = clientId;
    }

    @GET
    @Path("logout")
    @Authenticated
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "Sign-out page (the button; a GET never signs out)")
    public TemplateInstance confirm() {
        return Templates.confirm();
    }

    @POST
    @Path("logout")
    @Authenticated
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "Sign out here and at Keycloak (CSRF token and same origin required)")
    public Response signOut() {
        signedOut.signedOut(SessionKey.sid(identity));
        // The device forgets the patient's offline copies and queued sessions (sw.js, offline.js) with the session.
        rc.response().putHeader("Clear-Site-Data", "\"cache\", \"storage\"");
        if (!(identity.getPrincipal() instanceof JsonWebToken idToken) || !oidcSession.isResolvable()) {
            // Not a Keycloak login (the portal's own tests): nothing to end elsewhere.
            return Response.seeOther(URI.create("/")).build();
        }
        oidcSession.get().logout().await().atMost(Duration.ofSeconds(10));
        String endSession = metadata.isResolvable() ? metadata.get().getEndSessionUri() : null;
        if (endSession == null) {
            return Response.seeOther(URI.create("/")).build();
        }
        URI keycloak = UriBuilder.fromUri(endSession)
                .queryParam("client_id", clientId)
                .queryParam("id_token_hint", idToken.getRawToken())
                .queryParam("post_logout_redirect_uri", portalOrigin() + "/")
                .build();
        return Response.seeOther(keycloak).build();
    }

    @GET
    @Path("session-expired")
    @PermitAll
    @Produces(MediaType.TEXT_HTML)
    @Operation(summary = "Your session has ended: sign in again")
    public TemplateInstance expired() {
        return Templates.expired();
    }

    private String portalOrigin() {
        String configured = publicOrigin.map(v -> v.split(",")[0].trim()).orElse("");
        if (!configured.isEmpty()) {
            return configured.endsWith("/") ? configured.substring(0, configured.length() - 1) : configured;
        }
        URI own = URI.create(rc.request().absoluteURI());
        return own.getScheme() + "://" + own.getRawAuthority();
    }
}
