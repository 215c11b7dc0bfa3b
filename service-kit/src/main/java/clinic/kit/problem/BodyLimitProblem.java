package clinic.kit.problem;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Answers an oversized body with problem+json like every other error. Quarkus enforces
 * {@code quarkus.http.limits.max-body-size} in a Vert.x route (order -2) that ends the exchange with an empty 413
 * before JAX-RS sees it, so the same check runs one step earlier here with a proper body. Chunked bodies without a
 * Content-Length still reach Quarkus's own limit.
 */
@ApplicationScoped
public class BodyLimitProblem {

    private static final String BODY = "{\"type\":\"about:blank\",\"title\":\"Payload Too Large\",\"status\":413,"
            + "\"detail\":\"The request body is too large.\"}";

    void install(
            @Observes Router router,
            @ConfigProperty(name = "quarkus.http.limits.max-body-size") Optional<MemorySize> limit) {
        if (limit.isEmpty()) {
            return;
        }
        long max = limit.get().asLongValue();
        router.route().order(-3).handler(ctx -> {
            String length = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
            if (length != null && tooLarge(length, max)) {
                ctx.response()
                        .setStatusCode(413)
                        .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                        .putHeader(HttpHeaders.CONNECTION, "close")
                        .end(BODY);
                return;
            }
            ctx.next();
        });
    }

    private static boolean tooLarge(String length, long max) {
        try {
            return Long.parseLong(length.strip()) > max;
        } catch (NumberFormatException e) {
            return false; // Vert.x refuses a malformed Content-Length itself.
        }
    }
}
