package clinic.portal.library;

import clinic.portal.common.Calls;
import clinic.portal.common.Notice;
import clinic.portal.common.Outcome;
import clinic.portal.i18n.Content;
import clinic.portal.i18n.Lang;
import clinic.portal.i18n.Languages;
import clinic.portal.outbound.ProblemBody.Violation;
import clinic.portal.outbound.ProgramApi.Exercise;
import clinic.portal.outbound.ProgramApi.ExerciseTranslation;
import clinic.portal.outbound.ProgramServiceClient;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
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
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * A physio writes a clinic exercise's words in another language (Spanish), beside the English they translate; a
 * patient whose language it is then reads them in their routine. Built-in exercises come translated with the release:
 * their page shows the translation read-only.
 */
@Path("/library/{slug}/translations/{lang}")
@Produces(MediaType.TEXT_HTML)
@Tag(name = "Pages: library")
public class TranslationPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance translation(
                Exercise exercise,
                String language,
                TranslationForm form,
                Notice notice,
                boolean saved,
                boolean editable);
    }

    private final ProgramServiceClient programs;
    private final Lang lang;
    private final SecurityIdentity identity;

    public TranslationPages(@RestClient ProgramServiceClient programs, Lang lang, SecurityIdentity identity) {
        this.programs = programs;
        this.lang = lang;
        this.identity = identity;
    }

    /** A physio may write a clinic exercise's translation; an admin reads, and a built-in one is read-only. */
    private boolean editable(Exercise exercise) {
        return identity.hasRole("physio") && !Boolean.TRUE.equals(exercise.builtIn());
    }

    @GET
    @RolesAllowed({"physio", "admin"})
    @Operation(summary = "An exercise's translation into a language, beside its English words")
    public TemplateInstance show(
            @PathParam("slug") String slug, @PathParam("lang") String language, @QueryParam("saved") String saved) {
        Exercise exercise = load(slug, language);
        Outcome<List<ExerciseTranslation>> all =
                Calls.attempt(Calls.PROGRAMS, () -> programs.exerciseTranslations(slug));
        ExerciseTranslation current = all.isOk() && all.value() != null
                ? all.value().stream()
                        .filter(t -> language.equals(t.language()))
                        .findFirst()
                        .orElse(null)
                : null;
        return Templates.translation(
                exercise,
                language,
                TranslationForm.of(current),
                all.isOk() ? null : all.notice(),
                saved != null,
                editable(exercise));
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed("physio")
    @Operation(summary = "Save a clinic exercise's translation into a language")
    public Response save(
            @PathParam("slug") String slug, @PathParam("lang") String language, @BeanParam TranslationForm form) {
        Exercise exercise = load(slug, language);
        Content words = lang.bundle(Content.class);
        List<Violation> violations = new ArrayList<>();
        ExerciseTranslation payload = form.toPayload(language, words.translation_required(), violations);
        if (payload == null) {
            return Response.ok(Templates.translation(
                            exercise,
                            language,
                            form,
                            Notice.of(words.translation_fix(), violations),
                            false,
                            editable(exercise)))
                    .build();
        }
        Outcome<ExerciseTranslation> saved =
                Calls.attempt(Calls.PROGRAMS, () -> programs.translateExercise(slug, language, payload));
        if (saved.isOk()) {
            return Response.seeOther(URI.create("/library/" + slug + "/translations/" + language + "?saved=1"))
                    .build();
        }
        return Response.ok(Templates.translation(exercise, language, form, saved.notice(), false, editable(exercise)))
                .build();
    }

    /** The exercise, or 404 for no such exercise or a language that is not one the clinic translates into. */
    private Exercise load(String slug, String language) {
        if (!Languages.isSupported(language) || Languages.DEFAULT.equals(language)) {
            throw new NotFoundException();
        }
        Outcome<Exercise> exercise = Calls.attempt(Calls.PROGRAMS, () -> programs.exercise(slug));
        if (!exercise.isOk()) {
            if (exercise.notice().isNotFound()) {
                throw new NotFoundException();
            }
            throw new jakarta.ws.rs.ServiceUnavailableException(
                    exercise.notice().message());
        }
        return exercise.value();
    }
}
