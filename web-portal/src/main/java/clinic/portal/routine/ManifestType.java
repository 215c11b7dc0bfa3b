package clinic.portal.routine;

import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * The web app manifest is a static file, and Vert.x's static handler knows no media type for {@code .webmanifest}: it
 * would go out with no Content-Type at all. This route, before the static handler, names it
 * {@code application/manifest+json} (the type the Web App Manifest specification registers); the static handler
 * keeps a type already set when it has none of its own.
 */
@ApplicationScoped
public class ManifestType {

    static final String PATH = "/manifest.webmanifest";
    static final String MEDIA_TYPE = "application/manifest+json";

    void install(@Observes Router router) {
        router.get(PATH).order(-3).handler(ctx -> {
            ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, MEDIA_TYPE);
            ctx.next();
        });
    }
}
