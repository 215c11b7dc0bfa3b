package clinic.portal.media;

import clinic.portal.outbound.MediaClient;
import clinic.portal.outbound.ServiceException;
import io.quarkus.security.Authenticated;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * Exercise pictures on the portal's own origin (the browser only ever talks to the portal): fetched from
 * program-service with the user's token, so the service's access rule decides (a patient sees only pictures of their
 * own program's exercises). ETag, 304 and the service's {@code Cache-Control: private, max-age=...} pass through; a
 * picture the user may not see is the portal's 404 like any other.
 */
@Path("/media/{id}")
@Tag(name = "Pages: media")
public class MediaProxy {

    private final MediaClient media;

    public MediaProxy(@RestClient MediaClient media) {
        this.media = media;
    }

    @GET
    @Path("/{size:full|thumb}")
    @Authenticated
    @Operation(summary = "An exercise picture, full size or thumbnail")
    public Response picture(
            RoutingContext rc,
            @PathParam("id") long id,
            @PathParam("size") String size,
            @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        Response answer;
        try {
            answer = media.media(id, size, ifNoneMatch);
        } catch (ServiceException e) {
            if (e.status() == 404 || e.status() == 400) {
                throw new NotFoundException();
            }
            throw e;
        }
        try (answer) {
            // The portal marks every page no-store (common.SecurityHeaders); a picture carries the service's caching
            // instead, once: a second Cache-Control would be merged with it by the browser and no-store would win.
            rc.response().headers().remove(HttpHeaders.CACHE_CONTROL);
            String etag = answer.getHeaderString(HttpHeaders.ETAG);
            String cacheControl = answer.getHeaderString(HttpHeaders.CACHE_CONTROL);
            if (answer.getStatus() == 304) {
                return Response.notModified()
                        .header(HttpHeaders.ETAG, etag)
                        .header(HttpHeaders.CACHE_CONTROL, cacheControl)
                        .build();
            }
            byte[] bytes = answer.readEntity(byte[].class);
            return Response.ok(bytes, answer.getMediaType())
                    .header(HttpHeaders.ETAG, etag)
                    .header(HttpHeaders.CACHE_CONTROL, cacheControl)
                    .build();
        }
    }
}
