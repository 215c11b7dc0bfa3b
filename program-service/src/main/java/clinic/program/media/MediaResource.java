package clinic.program.media;

import clinic.kit.problem.DomainException;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.Arrays;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The bytes of a stored picture. Staff read every picture; a patient only those of exercises in their own programs,
 * and the same 404 for any other id as for a missing one, so ids reveal nothing. Stored pictures never change, so the
 * answer may be kept by the browser for a day ({@code private}: never by a shared cache) and revalidated by its ETag.
 */
@Path("/api/media")
@Tag(name = "Media", description = "Exercise pictures")
public class MediaResource {

    static final String CACHE_CONTROL = "private, max-age=86400";

    private final MediaService media;

    public MediaResource(MediaService media) {
        this.media = media;
    }

    @GET
    @Path("/{id}")
    @Authenticated
    @Operation(summary = "A picture, full size (longest side at most 1600 px) or thumbnail (at most 320 px)")
    @APIResponse(responseCode = "200", description = "image/jpeg or image/png, with ETag and Cache-Control")
    @APIResponse(responseCode = "304", description = "If-None-Match names the current ETag")
    @APIResponse(responseCode = "404", description = "No such picture, or not one the caller may see")
    public Response get(
            @PathParam("id") long id,
            @QueryParam("size") String size,
            @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        MediaStore.Size which = size(size);
        MediaStore.Stored stored =
                media.read(id, which).orElseThrow(() -> new DomainException.NotFound("No picture " + id + "."));
        String etag = "\"" + stored.sha256() + "\"";
        if (matches(ifNoneMatch, etag)) {
            return Response.notModified()
                    .header(HttpHeaders.ETAG, etag)
                    .header(HttpHeaders.CACHE_CONTROL, CACHE_CONTROL)
                    .build();
        }
        return Response.ok(stored.bytes(), stored.contentType())
                .header(HttpHeaders.ETAG, etag)
                .header(HttpHeaders.CACHE_CONTROL, CACHE_CONTROL)
                .build();
    }

    private static MediaStore.Size size(String size) {
        if (size == null || size.isBlank() || "full".equals(size)) {
            return MediaStore.Size.FULL;
        }
        if ("thumb".equals(size)) {
            return MediaStore.Size.THUMB;
        }
        throw new DomainException.Invalid("size", "must be 'full' or 'thumb'");
    }

    /** RFC 9110 If-None-Match: '*' or a list of entity tags (weak comparison). */
    static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null || ifNoneMatch.isBlank()) {
            return false;
        }
        return Arrays.stream(ifNoneMatch.split(","))
                .map(String::trim)
                .map(t -> t.startsWith("W/") ? t.substring(2) : t)
                .anyMatch(t -> t.equals("*") || t.equals(etag));
    }
}
