package clinic.portal.media;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Two body limits instead of Quarkus's one: {@code quarkus.http.limits.max-body-size} is raised just enough for a
 * 5 MB picture in the upload form, and this route, before the body is read, refuses by Content-Length: the picture
 * form over that size goes back to its page, which says the picture is too large (a browser would otherwise show a
 * bare error); every other request over {@code clinic.portal.body-limit} (64K, as before) gets 413 and the connection
 * is closed. A body sent chunked, without Content-Length (browsers send one with every form), is still cut off by
 * Quarkus at the raised limit.
 */
@ApplicationScoped
public class PictureUploadLimit {

    static final Pattern UPLOAD_PATH = Pattern.compile("/library/([a-z0-9-]{1,80})/picture/?");

    void install(
            @Observes Router router,
            @ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize uploadLimit,
            @ConfigProperty(name = "clinic.portal.body-limit") MemorySize bodyLimit) {
        long uploadMax = uploadLimit.asLongValue();
        long body = bodyLimit.asLongValue();
        router.route().order(-4).handler(ctx -> {
            long declared = parse(ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH));
            Matcher path = ctx.request().method() == HttpMethod.POST
                    ? UPLOAD_PATH.matcher(ctx.request().path())
                    : null;
            boolean isUpload = path != null && path.matches();
            if (isUpload && declared > uploadMax) {
                ctx.response()
                        .setStatusCode(303)
                        .putHeader(HttpHeaders.LOCATION, "/library/" + path.group(1) + "/picture?refused=too-large")
                        .putHeader(HttpHeaders.CONNECTION, "close")
                        .end();
            } else if (!isUpload && declared > body) {
                ctx.response()
                        .setStatusCode(413)
                        .putHeader(HttpHeaders.CONNECTION, "close")
                        .end();
            } else {
                ctx.next();
            }
        });
    }

    private static long parse(String length) {
        if (length == null) {
            return -1;
        }
        try {
            return Long.parseLong(length.strip());
        } catch (NumberFormatException e) {
            return -1; // Vert.x refuses a malformed Content-Length itself.
        }
    }
}
