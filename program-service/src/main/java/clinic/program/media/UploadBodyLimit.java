package clinic.program.media;

import clinic.kit.problem.Problem;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Two body limits instead of one. Quarkus has a single {@code quarkus.http.limits.max-body-size} for every path; it
 * is raised just enough for a 5 MB picture in a multipart form, and this route (before the service kit's own check
 * and before the body is read) refuses by Content-Length: a picture upload over that size with the picture's own
 * 413 problem, every other request over {@code clinic.http.body-limit} (64K, as before) with the usual one. A body
 * sent chunked, without Content-Length, is still cut off by Quarkus at the raised limit (docs/security.md).
 */
@ApplicationScoped
public class UploadBodyLimit {

    static final Pattern UPLOAD_PATH = Pattern.compile("/api/exercises/[^/]+/image/?");

    private static final String TOO_LARGE = "{\"type\":\"about:blank\",\"title\":\"Payload Too Large\",\"status\":413,"
            + "\"detail\":\"The request body is too large.\"}";
    private static final String PICTURE_TOO_LARGE = "{\"type\":\"about:blank\",\"title\":\"Picture too large\","
            + "\"status\":413,\"detail\":\"The picture is larger than 5 MB. Save it smaller (for example as a JPEG,"
            + " or with fewer pixels) and upload it again.\",\"maxBytes\":" + ImageCheck.MAX_BYTES + "}";

    void install(
            @Observes Router router,
            @ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize uploadLimit,
            @ConfigProperty(name = "clinic.http.body-limit") MemorySize bodyLimit) {
        long upload = uploadLimit.asLongValue();
        long body = bodyLimit.asLongValue();
        router.route().order(-4).handler(ctx -> {
            String length = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
            long declared = parse(length);
            boolean isUpload = ctx.request().method() == HttpMethod.POST
                    && UPLOAD_PATH.matcher(ctx.request().path()).matches();
            if (isUpload && declared > upload) {
                refuse(ctx, PICTURE_TOO_LARGE);
            } else if (!isUpload && declared > body) {
                refuse(ctx, TOO_LARGE);
            } else {
                ctx.next();
            }
        });
    }

    private static void refuse(io.vertx.ext.web.RoutingContext ctx, String problem) {
        ctx.response()
                .setStatusCode(413)
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader(HttpHeaders.CONNECTION, "close")
                .end(problem);
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
