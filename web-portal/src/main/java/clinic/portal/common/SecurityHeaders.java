package clinic.portal.common;

import io.quarkus.vertx.http.runtime.filters.Filters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Response headers every answer gets. (Unknown addresses reach {@link ErrorPages} as JAX-RS 404s.)
 *
 * <p>The CSP allows scripts and styles only from this origin (so no inline script or style attribute anywhere);
 * HSTS is sent only over TLS because a browser would otherwise refuse plain-HTTP local runs for a year. Pages are
 * {@code no-store} because nearly every page shows patient data or the user's name: after sign-out, Back must show
 * nothing. Static files (our CSS and JS, the Chart.js webjar) stay cacheable, and so does an answer that sets its own
 * {@code Cache-Control} (the exercise drawings). {@code form-action} also names Keycloak's
 * origin, because the sign-out form's answer is a redirect to Keycloak's end-session endpoint.
 */
@ApplicationScoped
public class SecurityHeaders {

    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
            + " font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none';"
            + " frame-ancestors 'none'; form-action 'self'";

    private static final List<String> STATIC_PREFIXES = List.of("/css/", "/js/", "/img/", "/webjars/", "/favicon");

    private final String csp;
    private final boolean secureCookies;

    /**
     * @param keycloakPublicUrl the address browsers reach Keycloak at (default: the realm URL): signing out is a form post whose answer redirects
     *     to Keycloak's end-session endpoint, and browsers apply {@code form-action} to that redirect too
     * @param secureCookies the production switch that says the portal is served over TLS (behind a proxy): HSTS is
     *     then sent on every answer, not only when this process sees TLS or {@code X-Forwarded-Proto: https}
     */
    public SecurityHeaders(
            @ConfigProperty(name = "clinic.portal.keycloak-public-url") Optional<String> keycloakPublicUrl,
            @ConfigProperty(name = "quarkus.oidc.auth-server-url") Optional<String> authServerUrl,
            @ConfigProperty(name = "quarkus.oidc.authentication.cookie-force-secure", defaultValue = "false")
                    boolean secureCookies) {
        String keycloak = origin(keycloakPublicUrl.filter(s -> !s.isBlank()).or(() -> authServerUrl));
        this.csp = keycloak == null ? CSP : CSP + " " + keycloak;
        this.secureCookies = secureCookies;
    }

    static String origin(Optional<String> url) {
        if (url.isEmpty()) {
            return null;
        }
        try {
            URI uri = new URI(url.get().trim());
            if (uri.getScheme() == null || uri.getRawAuthority() == null) {
                return null;
            }
            return uri.getScheme() + "://" + uri.getRawAuthority();
        } catch (URISyntaxException e) {
            return null;
        }
    }

    void headers(@Observes Filters filters) {
        filters.register(
                rc -> {
                    var headers = rc.response().headers();
                    headers.set("Content-Security-Policy", csp);
                    headers.set("X-Content-Type-Options", "nosniff");
                    headers.set("Referrer-Policy", "same-origin");
                    headers.set("X-Frame-Options", "DENY");
                    if (secureCookies
                            || rc.request().isSSL()
                            || "https".equalsIgnoreCase(rc.request().getHeader("X-Forwarded-Proto"))) {
                        headers.set("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
                    }
                    String path = rc.normalizedPath();
                    if (STATIC_PREFIXES.stream().noneMatch(path::startsWith)) {
                        // When the headers go out, so an answer that says how long it may be kept (the exercise
                        // drawings, which hold no patient data) keeps its own Cache-Control; all else is no-store.
                        rc.addHeadersEndHandler(ignored -> {
                            var outgoing = rc.response().headers();
                            if (!outgoing.contains("Cache-Control")) {
                                outgoing.set("Cache-Control", "no-store");
                            }
                        });
                    }
                    rc.next();
                },
                100);
    }
}
