package clinic.program.library;

import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/exercises")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Exercises", description = "The exercise library")
public class ExerciseResource {

    private final ExerciseService exercises;
    private final TranslationService translations;
    private final SecurityIdentity identity;

    public ExerciseResource(ExerciseService exercises, TranslationService translations, SecurityIdentity identity) {
        this.exercises = exercises;
        this.translations = translations;
        this.identity = identity;
    }

    @GET
    @Path("/{slug}/translations")
    @RolesAllowed({"physio", "admin"})
    @Operation(summary = "The translations of an exercise's current revision (English is the exercise itself)")
    @APIResponse(responseCode = "200", description = "One entry per language translated, by language")
    @APIResponse(responseCode = "404", description = "No such exercise")
    public List<ExerciseTranslation> translations(@PathParam("slug") String slug) {
        return translations.of(slug);
    }

    @PUT
    @Path("/{slug}/translations/{lang}")
    @RolesAllowed("physio")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Write the translation of a clinic exercise's current revision into a language (es); patients"
                    + " whose language it is read it in their routine")
    @APIResponse(responseCode = "200", description = "The translation as stored")
    @APIResponse(responseCode = "400", description = "Invalid fields, or a language the clinic does not write in")
    @APIResponse(responseCode = "404", description = "No such exercise")
    @APIResponse(responseCode = "409", description = "A built-in exercise (its translations come with the release)")
    public ExerciseTranslation translate(
            @PathParam("slug") String slug,
            @PathParam("lang") String language,
            @NotNull @Valid ExerciseTranslation input) {
        return translations.write(slug, language, input, identity.getPrincipal().getName());
    }

    @GET
    @Authenticated
    @Operation(
            summary = "List the library (current revisions), optionally by phase and category; retired ones only"
                    + " with includeRetired=true")
    @APIResponse(responseCode = "200", description = "Exercises in the guide's order")
    public List<ExerciseView> list(
            @QueryParam("phase") @Min(1) @Max(6) Integer phase,
            @QueryParam("category") String category,
            @QueryParam("includeRetired") boolean includeRetired) {
        return exercises.list(phase, category, includeRetired);
    }

    @GET
    @Path("/{slug}")
    @Authenticated
    @Operation(summary = "One exercise with instructions, dosage and caution")
    @APIResponse(responseCode = "200", description = "The exercise")
    @APIResponse(responseCode = "404", description = "No such exercise")
    public ExerciseView get(@PathParam("slug") String slug) {
        return exercises.get(slug);
    }

    @GET
    @Path("/{slug}/revisions")
    @RolesAllowed({"physio", "admin"})
    @Operation(summary = "Every revision of an exercise, newest first, with who made it and when")
    @APIResponse(responseCode = "200", description = "The revisions")
    @APIResponse(responseCode = "404", description = "No such exercise")
    public List<ExerciseRevisionView> revisions(@PathParam("slug") String slug) {
        return exercises.revisions(slug);
    }

    @PUT
    @Path("/{slug}")
    @RolesAllowed("physio")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Edit a clinic exercise: saved as its next revision; running programs keep theirs")
    @APIResponse(responseCode = "200", description = "The new revision")
    @APIResponse(responseCode = "400", description = "Invalid fields")
    @APIResponse(responseCode = "404", description = "No such exercise")
    @APIResponse(
            responseCode = "409",
            description =
                    "A built-in exercise (read-only: copy it), or the revision edited is no longer the current one")
    public ExerciseView edit(@PathParam("slug") String slug, @NotNull @Valid ExerciseEdit input) {
        return exercises.edit(slug, input, identity.getPrincipal().getName());
    }

    @POST
    @Path("/{slug}/copy")
    @RolesAllowed("physio")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Copy an exercise (e.g. a built-in one) into a new clinic exercise")
    @APIResponse(responseCode = "201", description = "Created; Location points at the copy")
    @APIResponse(responseCode = "400", description = "Invalid fields")
    @APIResponse(responseCode = "404", description = "No such exercise")
    @APIResponse(responseCode = "409", description = "Slug already taken")
    public Response copy(@PathParam("slug") String slug, @NotNull @Valid ExerciseCopy input) {
        ExerciseView created =
                exercises.copy(slug, input, identity.getPrincipal().getName());
        return Response.created(UriBuilder.fromPath("/api/exercises/{slug}").build(created.slug()))
                .entity(created)
                .build();
    }

    @POST
    @Path("/{slug}/retire")
    @RolesAllowed("physio")
    @Operation(summary = "Retire a clinic exercise: not offered for new prescriptions; running programs keep it")
    @APIResponse(responseCode = "200", description = "The exercise, retired")
    @APIResponse(responseCode = "404", description = "No such exercise")
    @APIResponse(responseCode = "409", description = "A built-in exercise (read-only)")
    public ExerciseView retire(@PathParam("slug") String slug) {
        return exercises.retire(slug, identity.getPrincipal().getName());
    }

    @POST
    @Path("/{slug}/unretire")
    @RolesAllowed("physio")
    @Operation(summary = "Offer a retired clinic exercise again")
    @APIResponse(responseCode = "200", description = "The exercise, no longer retired")
    @APIResponse(responseCode = "404", description = "No such exercise")
    @APIResponse(responseCode = "409", description = "A built-in exercise (read-only)")
    public ExerciseView unretire(@PathParam("slug") String slug) {
        return exercises.unretire(slug);
    }

    @POST
    @RolesAllowed("physio")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Add a clinic-specific exercise")
    @APIResponse(responseCode = "201", description = "Created; Location points at it")
    @APIResponse(responseCode = "400", description = "Invalid fields")
    @APIResponse(responseCode = "409", description = "Slug already taken")
    public Response create(@NotNull @Valid NewExercise input) {
        ExerciseView created = exercises.create(input, identity.getPrincipal().getName());
        return Response.created(UriBuilder.fromPath("/api/exercises/{slug}").build(created.slug()))
                .entity(created)
                .build();
    }
}
