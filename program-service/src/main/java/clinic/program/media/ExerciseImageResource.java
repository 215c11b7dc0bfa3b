package clinic.program.media;

import clinic.program.library.ExerciseView;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/** A clinic exercise's picture: attaching one or removing it makes a new revision of the exercise. */
@Path("/api/exercises/{slug}/image")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Exercises", description = "The exercise library")
public class ExerciseImageResource {

    private final MediaService media;
    private final SecurityIdentity identity;

    public ExerciseImageResource(MediaService media, SecurityIdentity identity) {
        this.media = media;
        this.identity = identity;
    }

    @POST
    @RolesAllowed("physio")
    // Any type reaches the method, so the token and the role are checked first (401/403, not 415); a body that is not
    // multipart has no file and is refused as such.
    @Consumes({MediaType.MULTIPART_FORM_DATA, MediaType.WILDCARD})
    @Operation(summary = "Attach a picture (PNG, JPEG or WebP, at most 5 MB and 40 megapixels) as a new revision")
    @APIResponse(responseCode = "200", description = "The exercise's new revision, with imageId")
    @APIResponse(responseCode = "404", description = "No such exercise")
    @APIResponse(responseCode = "409", description = "A built-in exercise: copy it first")
    @APIResponse(responseCode = "413", description = "Larger than 5 MB")
    @APIResponse(responseCode = "415", description = "Not a PNG, JPEG or WebP picture by its content")
    @APIResponse(responseCode = "422", description = "More than 40 megapixels, or not readable")
    public ExerciseView attach(@PathParam("slug") String slug, @RestForm("file") FileUpload file) {
        if (file == null || file.uploadedFile() == null) {
            throw ImageRefused.missingFile();
        }
        // Refused on the length before the file is read into memory.
        if (file.size() > ImageCheck.MAX_BYTES) {
            throw ImageRefused.tooLarge(file.size());
        }
        media.ensureEditable(slug);
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file.uploadedFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ImageCheck.Checked checked = media.check(bytes);
        return media.attach(slug, checked, identity.getPrincipal().getName());
    }

    @DELETE
    @RolesAllowed("physio")
    @Operation(summary = "Remove the picture: a new revision without one (older revisions keep theirs)")
    @APIResponse(responseCode = "200", description = "The exercise's new revision, without imageId")
    @APIResponse(responseCode = "404", description = "No such exercise")
    @APIResponse(responseCode = "409", description = "A built-in exercise, or no picture to remove")
    public ExerciseView detach(@PathParam("slug") String slug) {
        return media.detach(slug, identity.getPrincipal().getName());
    }
}
