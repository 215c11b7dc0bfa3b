package clinic.portal.outbound;

import clinic.portal.outbound.ProgramApi.Exercise;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.File;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.jboss.resteasy.reactive.PartType;
import org.jboss.resteasy.reactive.RestForm;

/**
 * program-service's exercise pictures as the signed-in user sees them (the same service and token as
 * {@link ProgramServiceClient}; a client of its own so the pictures' calls stay apart from the JSON ones). Every error
 * status becomes a {@link ServiceException}.
 */
@RegisterRestClient(configKey = "program-service")
@RegisterClientHeaders(BearerTokenPropagation.class)
@RegisterProvider(ServiceExceptionMapper.class)
@Path("/api")
@Timeout(5000)
public interface MediaClient {

    /** A picture's bytes with Content-Type, ETag and Cache-Control; 304 when {@code ifNoneMatch} still matches. */
    @GET
    @Path("/media/{id}")
    @Produces("image/*")
    Response media(
            @PathParam("id") long id,
            @QueryParam("size") String size,
            @HeaderParam("If-None-Match") String ifNoneMatch);

    @GET
    @Path("/exercises/{slug}")
    @Produces(MediaType.APPLICATION_JSON)
    Exercise exercise(@PathParam("slug") String slug);

    /** Attaches a picture (a new revision): 409 built-in, 413 too large, 415 not a picture, 422 too many pixels. */
    @POST
    @Path("/exercises/{slug}/image")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.APPLICATION_JSON)
    Exercise attachImage(
            @PathParam("slug") String slug, @RestForm("file") @PartType(MediaType.APPLICATION_OCTET_STREAM) File file);

    /** Removes the picture (a new revision without it): 409 when there is none or the exercise is built in. */
    @DELETE
    @Path("/exercises/{slug}/image")
    @Produces(MediaType.APPLICATION_JSON)
    Exercise removeImage(@PathParam("slug") String slug);
}
