package clinic.portal.illustration;

import clinic.portal.outbound.ProgramServiceClient;
import clinic.portal.outbound.ServiceException;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

/**
 * The exercise line drawings, same-origin for the browser: fetched from program-service with the user's token and
 * kept in memory, since a drawing changes only with a new build of the service (its ETag is a hash of its bytes).
 * Any signed-in user may see them; they hold no patient data. The service's {@code ETag} and {@code Cache-Control}
 * are passed on and {@code If-None-Match} answers 304; an unknown key is 404.
 */
@Path("/illustrations")
@Authenticated
@Tag(name = "Pages: illustrations")
public class IllustrationProxy {

    static final String SVG = "image/svg+xml; charset=utf-8";
    /** More keys than the library has drawings; past this nothing new is kept (a second cache is not needed). */
    static final int MAX_KEPT = 200;

    private static final Logger LOG = Logger.getLogger(IllustrationProxy.class);

    /** One drawing as the service sent it. */
    record Drawing(byte[] svg, String etag, String cacheControl) {}

    private final ProgramServiceClient programs;
    private final Map<String, Drawing> kept = new ConcurrentHashMap<>();

    public IllustrationProxy(@RestClient ProgramServiceClient programs) {
        this.programs = programs;
    }

    @GET
    @Path("/{key}.svg")
    @Produces(SVG)
    @Operation(summary = "An exercise's line drawing (start and end position)")
    public Response drawing(@PathParam("key") String key, @HeaderParam("If-None-Match") String ifNoneMatch) {
        if (!key.matches("[a-z0-9-]{1,80}")) {
            throw new NotFoundException();
        }
        Drawing drawing = kept.get(key);
        if (drawing == null) {
            drawing = fetch(key);
            if (drawing == NONE) {
                throw new NotFoundException();
            }
            if (drawing == null) {
                return Response.status(Response.Status.SERVICE_UNAVAILABLE)
                        .header("Retry-After", "5")
                        .build();
            }
            if (kept.size() < MAX_KEPT) {
                kept.put(key, drawing);
            }
        }
        Response.ResponseBuilder answer =
                matches(ifNoneMatch, drawing.etag()) ? Response.notModified() : Response.ok(drawing.svg(), SVG);
        if (drawing.etag() != null) {
            answer.header("ETag", drawing.etag());
        }
        return answer.header("Cache-Control", drawing.cacheControl())
                .header("X-Content-Type-Options", "nosniff")
                .build();
    }

    /** The service's "no such drawing". */
    private static final Drawing NONE = new Drawing(new byte[0], null, "no-store");

    /** The drawing from the service; {@link #NONE} for its 404; null when the service cannot be asked. */
    private Drawing fetch(String key) {
        try (Response r = programs.illustration(key)) {
            if (r.getStatus() == 404) {
                return NONE;
            }
            if (r.getStatus() != 200) {
                LOG.warnf("program-service answered %d for illustration %s", r.getStatus(), key);
                return null;
            }
            String cache = r.getHeaderString("Cache-Control");
            return new Drawing(
                    r.readEntity(byte[].class),
                    r.getHeaderString("ETag"),
                    cache == null || cache.isBlank() ? "private, max-age=3600" : cache);
        } catch (ServiceException e) {
            if (e.status() == 404) {
                return NONE;
            }
            LOG.warnf("program-service answered %d for illustration %s", e.status(), key);
            return null;
        } catch (RuntimeException e) {
            // Not reachable, timed out (fault tolerance) or an unreadable answer: the image is missing for now.
            LOG.warnf("program-service could not be asked for illustration %s: %s", key, e.toString());
            return null;
        }
    }

    static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null || etag == null) {
            return false;
        }
        String bare = etag.startsWith("W/") ? etag.substring(2) : etag;
        return Arrays.stream(ifNoneMatch.split(","))
                .map(String::trim)
                .map(t -> t.startsWith("W/") ? t.substring(2) : t)
                .anyMatch(t -> t.equals("*") || t.equals(bare));
    }
}
