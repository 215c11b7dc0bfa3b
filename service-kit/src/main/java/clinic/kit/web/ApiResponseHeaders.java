package clinic.kit.web;

import io.quarkus.vertx.http.runtime.filters.Filters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Headers every answer of this service carries, successes and errors alike (401, 403, 404, 413, 429, 5xx): API
 * answers hold patient data, so no cache (browser or proxy) keeps them ({@code no-store}), and a browser must not
 * guess another content type than the one sent ({@code nosniff}). An answer that holds no patient data or is guarded
 * by its own access rule may say how long a private cache keeps it by setting {@code Cache-Control} itself (the
 * exercise illustrations, stored pictures, which never change); every other answer gets {@code no-store}. Set when
 * the headers are written, so nothing
 * later in the request (an error handler included) drops them. Health and metrics are on the management interface
 * and are not touched.
 */
@ApplicationScoped
public class ApiResponseHeaders {

    void register(@Observes Filters filters) {
        filters.register(
                rc -> {
                    rc.addHeadersEndHandler(ignored -> {
                        var headers = rc.response().headers();
                        // A resource that says otherwise on purpose keeps its own (exercise pictures: private).
                        if (!headers.contains("Cache-Control")) {
                            headers.set("Cache-Control", "no-store");
                        }
                        headers.set("X-Content-Type-Options", "nosniff");
                    });
                    rc.next();
                },
                // Before the body-size check and authentication, so their refusals carry the headers too.
                1000);
    }
}
