package clinic.portal.common;

import io.quarkus.vertx.http.runtime.filters.Filters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;

/**
 * Response headers every answer gets. (Unknown addresses reach {@link ErrorPages} as JAX-RS 404s.)
 *
 * <p>The CSP allows scripts and styles only from this origin (so no inline script or style attribute anywhere);
 * HSTS is sent only over TLS because a browser would otherwise refuse plain-HTTP local runs for a year. Pages are
 * {@code no-store} because nearly every page shows patient data or the user's name: after sign-out, Back must show
 * nothing. Static files (our CSS and JS, the Chart.js webjar) stay cacheable.
 */
@ApplicationScoped
public class SecurityHeaders {

    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
            + " font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none';"
            + " frame-ancestors 'none'; form-action 'self'";

    private static final List<String> STATIC_PREFIXES = List.of("/css/", "/js/", "/img/", "/webjars/", "/favicon");

    void headers(@Observes Filters filters) {
        filters.register(
                rc -> {
                    var headers = rc.response().headers();
                    headers.set("Content-Security-Policy", CSP);
                    headers.set("X-Content-Type-Options", "nosniff");
                    headers.set("Referrer-Policy", "same-origin");
                    headers.set("X-Frame-Options", "DENY");
                    if (rc.request().isSSL()
                            || "https".equalsIgnoreCase(rc.request().getHeader("X-Forwarded-Proto"))) {
                        headers.set("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
                    }
                    String path = rc.normalizedPath();
                    if (STATIC_PREFIXES.stream().noneMatch(path::startsWith)) {
                        headers.set("Cache-Control", "no-store");
                    }
                    rc.next();
                },
                100);
    }
}
