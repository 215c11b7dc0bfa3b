package clinic.portal.media;

import clinic.portal.common.Calls;
import clinic.portal.common.Manage;
import clinic.portal.common.Notice;
import clinic.portal.i18n.Lang;
import clinic.portal.outbound.MediaClient;
import clinic.portal.outbound.ProgramApi.Exercise;
import clinic.portal.outbound.ServiceException;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * A clinic exercise's picture for physios: the current picture, an upload form (multipart, with the CSRF token as
 * every form) and a remove button. Each change is a new revision of the exercise in program-service; programs keep the
 * revision, and so the picture, they were given. A refused file is explained on the page in plain words.
 */
@Path("/library/{slug}/picture")
@Produces(MediaType.TEXT_HTML)
@Tag(name = "Pages: library")
public class PicturePages {

    /** The most program-service takes (5 MB); checked here too so a large file is not sent on. */
    public static final long MAX_BYTES = 5L * 1024 * 1024;

    private static final Set<Integer> REFUSALS = Set.of(400, 409, 413, 415, 422);

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance picture(Exercise exercise, String done, String refusal, Notice notice);
    }

    private final MediaClient media;
    private final Lang lang;

    public PicturePages(@RestClient MediaClient media, Lang lang) {
        this.media = media;
        this.lang = lang;
    }

    @GET
    @RolesAllowed("physio")
    @Operation(summary = "An exercise's picture with the upload form and the remove button")
    public TemplateInstance page(
            @PathParam("slug") String slug, @QueryParam("done") String done, @QueryParam("refused") String refused) {
        Manage words = lang.bundle(Manage.class);
        String refusal = "too-large".equals(refused) ? words.picture_too_large() : null;
        String message =
                switch (done == null ? "" : done) {
                    case "added" -> words.picture_added();
                    case "removed" -> words.picture_removed();
                    default -> null;
                };
        return render(slug, message, refusal, null);
    }

    @POST
    @RolesAllowed("physio")
    // Any type reaches the method, so the token and the role are checked first (401/403, not 415); a body that is not
    // multipart has no file and is refused as such.
    @Consumes({MediaType.MULTIPART_FORM_DATA, MediaType.WILDCARD})
    @Operation(summary = "Upload a picture (PNG, JPEG or WebP, at most 5 MB): a new revision of the exercise")
    public Response upload(@PathParam("slug") String slug, @RestForm("file") FileUpload file) {
        if (file == null || file.uploadedFile() == null || file.size() == 0) {
            return Response.ok(render(slug, null, lang.bundle(Manage.class).picture_choose_file(), null))
                    .build();
        }
        if (file.size() > MAX_BYTES) {
            return Response.ok(render(slug, null, lang.bundle(Manage.class).picture_too_large(), null))
                    .build();
        }
        return change(slug, () -> media.attachImage(slug, file.uploadedFile().toFile()), "added");
    }

    @POST
    @Path("/remove")
    @RolesAllowed("physio")
    @Consumes({MediaType.APPLICATION_FORM_URLENCODED, MediaType.MULTIPART_FORM_DATA})
    @Operation(summary = "Remove the picture: a new revision of the exercise without one")
    public Response remove(@PathParam("slug") String slug) {
        return change(slug, () -> media.removeImage(slug), "removed");
    }

    private Response change(String slug, java.util.function.Supplier<Exercise> call, String done) {
        try {
            call.get();
        } catch (ServiceException e) {
            if (e.status() == 404) {
                throw new NotFoundException();
            }
            if (REFUSALS.contains(e.status())
                    && e.problem() != null
                    && e.problem().detail() != null) {
                // The service's words for a refused file (type, size, pixels) or a built-in exercise.
                return Response.ok(render(slug, null, e.problem().detail(), null))
                        .build();
            }
            return Response.ok(render(slug, null, null, Notice.from(e, Calls.PROGRAMS)))
                    .build();
        } catch (RuntimeException e) {
            return Response.ok(render(slug, null, null, Notice.unreachable(Calls.PROGRAMS)))
                    .build();
        }
        // Post/redirect/get: a reload sends nothing again.
        return Response.seeOther(URI.create("/library/" + encode(slug) + "/picture?done=" + done))
                .build();
    }

    private TemplateInstance render(String slug, String done, String refusal, Notice notice) {
        var exercise = Calls.attempt(Calls.PROGRAMS, () -> media.exercise(slug));
        if (!exercise.isOk()) {
            if (exercise.notice().isNotFound()) {
                throw new NotFoundException();
            }
            return Templates.picture(null, null, refusal, exercise.notice());
        }
        return Templates.picture(exercise.value(), done, refusal, notice);
    }

    private static String encode(String slug) {
        return java.net.URLEncoder.encode(slug, java.nio.charset.StandardCharsets.UTF_8)
                .replace("+", "%20");
    }
}
