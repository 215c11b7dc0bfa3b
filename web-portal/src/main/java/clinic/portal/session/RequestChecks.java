package clinic.portal.session;

import clinic.portal.common.ErrorPages;
import io.quarkus.oidc.OidcSession;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.inject.Instance;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.WithFormRead;
import org.jboss.resteasy.reactive.server.core.ResteasyReactiveRequestContext;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveContainerRequestContext;

/**
 * The checks every page request passes before any resource runs:
 *
 * <ol>
 *   <li>a signed-out session (any copy of its cookie) is not served: its cookies are removed and it goes to the
 *       "session ended" page, whose "Sign in" leads to Keycloak's login;
 *   <li>a state-changing request (anything but GET, HEAD, OPTIONS) must come from the portal's own pages: its
 *       {@code Origin} (or, without one, its {@code Referer}) must be the portal's origin, and a request with neither
 *       is refused (browsers send {@code Origin} with every form post);
 *   <li>and it must carry the session's CSRF token ({@link CsrfTokens}) in the form field or the header.
 * </ol>
 *
 * A refusal is the portal's 403 page; the resource never runs, so nothing is written or sent to a service.
 *
 * <p>One path is exempt from all three: {@link #UNSUBSCRIBE_PATH}, the e-mails' unsubscribe link. Mail clients post
 * to it themselves (RFC 8058 one-click: {@code List-Unsubscribe=One-Click}, no cookie, no {@code Origin}), and the
 * person following it may have no session at all, so there is no session to bind a CSRF token to. The signed token in
 * its address is the credential instead, and all it can ever do is switch one kind of e-mail off for the person it
 * was sent to (README "E-mail reminders"). Nothing else is exempt: {@code /unsubscribe/x} or any other path is checked
 * as before.
 */
public class RequestChecks {

    private static final Logger LOG = Logger.getLogger(RequestChecks.class);
    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");

    /** The public unsubscribe page and its one-click POST; exempt from these checks (see above). */
    public static final String UNSUBSCRIBE_PATH = "/unsubscribe";

    private final CurrentIdentityAssociation identities;
    private final SignedOutSessions signedOut;
    private final CsrfKey csrfKey;
    private final Instance<OidcSession> oidcSession;
    private final List<String> publicOrigins;

    public RequestChecks(
            CurrentIdentityAssociation identities,
            SignedOutSessions signedOut,
            CsrfKey csrfKey,
            Instance<OidcSession> oidcSession,
            @ConfigProperty(name = "clinic.portal.public-origin") Optional<String> publicOrigin) {
        this.identities = identities;
        this.signedOut = signedOut;
        this.csrfKey = csrfKey;
        this.oidcSession = oidcSession;
        this.publicOrigins = publicOrigin
                .map(v -> Arrays.stream(v.split(","))
                        .map(String::trim)
                        .filter(s -> !s.isEmpty())
                        .map(RequestChecks::origin)
                        .toList())
                .orElse(List.of());
    }

    /** 1. A session that was signed out, on this replica or by Keycloak's back-channel call, is over everywhere. */
    @ServerRequestFilter(preMatching = true, priority = Priorities.AUTHENTICATION)
    public Uni<Response> refuseSignedOutSessions(RoutingContext rc) {
        if (SignOutPages.EXPIRED_PATH.equals(rc.normalizedPath()) || isUnsubscribeLink(rc)) {
            return Uni.createFrom().nullItem();
        }
        return identities.getDeferredIdentity().chain(identity -> {
            String sid = SessionKey.sid(identity);
            if (sid == null || !signedOut.isSignedOut(sid)) {
                return Uni.createFrom().nullItem();
            }
            LOG.debug("A request with a signed-out session was sent to the session-ended page");
            Response expired =
                    Response.seeOther(URI.create(SignOutPages.EXPIRED_PATH)).build();
            return endLocalSession(identity).replaceWith(expired);
        });
    }

    /** Removes this request's session cookies (an OIDC login's; other identities have none). */
    Uni<Void> endLocalSession(SecurityIdentity identity) {
        if (identity.getPrincipal() instanceof JsonWebToken && oidcSession.isResolvable()) {
            return oidcSession.get().logout();
        }
        return Uni.createFrom().voidItem();
    }

    /** 2. State-changing requests only from the portal's own origin. */
    @ServerRequestFilter(preMatching = true, priority = Priorities.AUTHORIZATION)
    public Response refuseForeignOrigins(RoutingContext rc) {
        if (SAFE.contains(rc.request().method().name()) || isUnsubscribeLink(rc)) {
            return null;
        }
        String origin = rc.request().getHeader("Origin");
        String referer = rc.request().getHeader("Referer");
        String claimed;
        if (origin != null) {
            claimed = origin(origin);
        } else if (referer != null) {
            claimed = origin(referer);
        } else {
            LOG.debug("State-changing request without Origin and Referer refused");
            return ErrorPages.formRefused();
        }
        if (claimed == null || !expectedOrigins(rc).contains(claimed)) {
            LOG.debug("State-changing request from another origin refused");
            return ErrorPages.formRefused();
        }
        return null;
    }

    /** 3. State-changing requests carry the session's own CSRF token. */
    @ServerRequestFilter(priority = Priorities.AUTHORIZATION + 10)
    @WithFormRead
    public Uni<Response> refuseMissingOrForeignCsrfTokens(
            ResteasyReactiveContainerRequestContext request, RoutingContext rc) {
        if (SAFE.contains(rc.request().method().name()) || isUnsubscribeLink(rc)) {
            return Uni.createFrom().nullItem();
        }
        String token = request.getHeaderString(CsrfTokens.HEADER);
        if (token == null) {
            ResteasyReactiveRequestContext context = (ResteasyReactiveRequestContext) request.getServerRequestContext();
            Object field = context.getFormParameter(CsrfTokens.FIELD, true, false);
            token = field == null ? null : field.toString();
        }
        String presented = token;
        return identities.getDeferredIdentity().map(identity -> {
            if (csrfKey.matches(SessionKey.binding(identity), presented)) {
                return null;
            }
            LOG.debug("State-changing request without this session's CSRF token refused");
            return ErrorPages.formRefused();
        });
    }

    /** Exactly the unsubscribe link's path (its query, the token, is not part of the path). */
    static boolean isUnsubscribeLink(RoutingContext rc) {
        return UNSUBSCRIBE_PATH.equals(rc.normalizedPath());
    }

    /** The origins this request may come from: the configured public origin(s), else its own scheme and host. */
    private List<String> expectedOrigins(RoutingContext rc) {
        if (!publicOrigins.isEmpty()) {
            return publicOrigins;
        }
        String own = origin(rc.request().absoluteURI());
        return own == null ? List.of() : List.of(own);
    }

    /** {@code scheme://host:port} of a URL, lower case, with the scheme's default port made explicit; null if none. */
    static String origin(String url) {
        if (url == null || url.isBlank() || "null".equals(url.trim())) {
            return null;
        }
        try {
            URI uri = new URI(url.trim());
            String scheme = uri.getScheme();
            String host = uri.getHost();
            if (scheme == null || host == null) {
                return null;
            }
            scheme = scheme.toLowerCase(Locale.ROOT);
            int port = uri.getPort();
            if (port == -1) {
                port = switch (scheme) {
                    case "http" -> 80;
                    case "https" -> 443;
                    default -> -1;
                };
            }
            return scheme + "://" + host.toLowerCase(Locale.ROOT) + ":" + port;
        } catch (java.net.URISyntaxException e) {
            return null;
        }
    }
}
