package clinic.program.illustration;

import clinic.kit.problem.DomainException;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The line drawing of an exercise's start and end position, for any signed-in user: the drawings hold no patient
 * data. The key is a built-in exercise's slug (an exercise's {@code illustration}). A drawing changes only with a new
 * build, so the answer may be cached for a week; the ETag is a hash of the bytes, so a new build's drawing is a new
 * ETag and {@code If-None-Match} answers 304.
 */
@Path("/api/illustrations")
@Tag(name = "Illustrations", description = "Line drawings of the built-in exercises")
public class IllustrationResource {

    static final String SVG = "image/svg+xml; charset=utf-8";
    static final String CACHE = "private, max-age=604800, immutable";

    private final IllustrationLibrary library;

    public IllustrationResource(IllustrationLibrary library) {
        this.library = library;
    }

    @GET
    @Path("/{key}.svg")
    @Authenticated
    // No @Produces: a caller's Accept must not decide the answer before the token is checked (406 before 401); the
    // drawing is always SVG and a refusal problem+json.
    @Operation(summary = "The line drawing (SVG) of an exercise's start and end position")
    @APIResponse(responseCode = "200", description = "The SVG")
    @APIResponse(responseCode = "304", description = "The caller's copy (If-None-Match) is current")
    @APIResponse(responseCode = "404", description = "No drawing with this key")
    public Response get(@PathParam("key") String key, @Context Request request) {
        IllustrationLibrary.Drawing drawing = library.find(key)
                .orElseThrow(() -> new DomainException.NotFound(
                        key.matches("[a-z0-9-]{1,80}")
                                ? "No illustration '" + key + "'."
                                : "No illustration with this key."));
        EntityTag tag = new EntityTag(drawing.etag().substring(1, drawing.etag().length() - 1));
        Response.ResponseBuilder notModified = request.evaluatePreconditions(tag);
        Response.ResponseBuilder answer = notModified != null ? notModified : Response.ok(drawing.svg(), SVG);
        return answer.tag(tag)
                .header("Cache-Control", CACHE)
                .header("X-Content-Type-Options", "nosniff")
                .build();
    }
}
