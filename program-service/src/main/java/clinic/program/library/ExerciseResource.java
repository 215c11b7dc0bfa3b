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
    private final SecurityIdentity identity;

    public ExerciseResource(ExerciseService exercises, SecurityIdentity identity) {
        this.exercises = exercises;
        this.identity = identity;
    }

    @GET
    @Authenticated
    @Operation(summary = "List the library, optionally by phase and category")
    @APIResponse(responseCode = "200", description = "Exercises in the guide's order")
    public List<ExerciseView> list(
            @QueryParam("phase") @Min(1) @Max(6) Integer phase, @QueryParam("category") String category) {
        return exercises.list(phase, category);
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
