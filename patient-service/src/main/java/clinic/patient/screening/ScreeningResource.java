package clinic.patient.screening;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/patients/{id}/screenings")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Screenings", description = "Red-flag and sciatica screening; history is never edited")
public class ScreeningResource {

    private final ScreeningService screenings;
    private final SecurityIdentity identity;

    public ScreeningResource(ScreeningService screenings, SecurityIdentity identity) {
        this.screenings = screenings;
        this.identity = identity;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("physio")
    @Operation(
            summary = "Record a screening; the service computes the outcome",
            description = "A red flag also puts the patient's active program on hold: delivered to program-service"
                    + " right after the screening is stored (programHold DELIVERED), or retried until it is reached"
                    + " (PENDING). The screening is never refused because program-service is down.")
    @APIResponse(responseCode = "201", description = "Recorded")
    @APIResponse(responseCode = "400", description = "Unknown code or invalid field")
    @APIResponse(responseCode = "403", description = "Not a physio, or not in the patient's care team")
    @APIResponse(responseCode = "404", description = "No such patient")
    @APIResponse(responseCode = "422", description = "Override of an urgent referral (or of a clear result)")
    public Response screen(@PathParam("id") long id, @Valid @NotNull NewScreening input, UriInfo uri) {
        ScreeningView view =
                screenings.screen(id, input, identity.getPrincipal().getName());
        return Response.created(uri.getAbsolutePathBuilder()
                        .path(String.valueOf(view.id()))
                        .build())
                .entity(view)
                .build();
    }

    @GET
    @RolesAllowed({"physio", "admin"})
    @Operation(summary = "The patient's screenings, newest first")
    @APIResponse(responseCode = "200", description = "History")
    @APIResponse(responseCode = "403", description = "Not staff, or not in the patient's care team")
    @APIResponse(responseCode = "404", description = "No such patient")
    public List<ScreeningView> history(@PathParam("id") long id) {
        return screenings.history(id);
    }

    @GET
    @Path("/{screeningId}")
    @RolesAllowed({"physio", "admin"})
    @Operation(summary = "One screening")
    @APIResponse(responseCode = "200", description = "The screening")
    @APIResponse(responseCode = "403", description = "Not staff, or not in the patient's care team")
    @APIResponse(responseCode = "404", description = "No such patient or screening")
    public ScreeningView one(@PathParam("id") long id, @PathParam("screeningId") long screeningId) {
        return screenings.one(id, screeningId);
    }
}
