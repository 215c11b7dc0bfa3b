package clinic.kit.web;

import io.quarkus.vertx.http.runtime.filters.Filters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Headers every answer of this service carries, successes and errors alike (401, 403, 404, 413, 429, 5xx): API
 * answers hold patient data, so no cache (browser or proxy) keeps them ({@code no-store}), and a browser must not
 * guess another content type than the one sent ({@code nosniff}). An answer that holds no patient data may say how
 * long it may be kept by setting {@code Cache-Control} itself (the exercise illustrations); every other answer gets
 * {@code no-store}. Set when the headers are written, so nothing
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
