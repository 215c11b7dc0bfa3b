package clinic.patient.access;

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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/patients/{id}/access")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Care teams", description = "Who may access a patient: care physio, care team, break the glass")
public class AccessResource {

    private final CareTeamAccess access;
    private final AccessService service;

    public AccessResource(CareTeamAccess access, AccessService service) {
        this.access = access;
        this.service = service;
    }

    @GET
    @RolesAllowed({"physio", "admin"})
    @Operation(
            summary = "The caller's access to this patient",
            description = "CARE_PHYSIO, CARE_TEAM, BREAK_GLASS (with expiresAt) or ADMIN; 403 not-in-care-team"
                    + " otherwise. Not audited as a read.")
    @APIResponse(responseCode = "200", description = "The access and the care team")
    @APIResponse(responseCode = "403", description = "Not staff, or not in the patient's care team")
    @APIResponse(responseCode = "404", description = "No such patient")
    public AccessView check(@PathParam("id") long id) {
        return access.check(id);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("physio")
    @Operation(
            summary = "Break the glass: open a patient outside your care team, with a reason",
            description = "For clinic.break-glass.duration (default 12 h). Audited as BREAK_GLASS with the reason;"
                    + " the care team and admins see every grant.")
    @APIResponse(responseCode = "201", description = "The grant")
    @APIResponse(responseCode = "400", description = "Reason missing, shorter than 10 or longer than 500 characters")
    @APIResponse(responseCode = "403", description = "Not a physio")
    @APIResponse(responseCode = "404", description = "No such patient")
    @APIResponse(responseCode = "409", description = "You are in the care team already")
    public Response breakGlass(@PathParam("id") long id, @Valid @NotNull BreakGlassRequest input, UriInfo uri) {
        GrantView grant = service.breakGlass(id, input.reason());
        return Response.created(uri.getBaseUriBuilder()
                        .path("/api/patients/{id}/access-grants")
                        .build(id))
                .entity(grant)
                .build();
    }
}
