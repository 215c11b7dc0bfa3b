package clinic.patient.registry;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/patients/{id}/care-team")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Care teams")
public class CareTeamResource {

    private final CareTeamService service;

    public CareTeamResource(CareTeamService service) {
        this.service = service;
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"physio", "admin"})
    @Operation(
            summary = "Transfer or share a patient: the new care physio and care team",
            description = "Only the current care physio or an admin. Names that join must be physios in Keycloak"
                    + " (503 if it cannot be asked). Audited as CARE_TEAM_CHANGED.")
    @APIResponse(responseCode = "200", description = "The record with its new care team and version")
    @APIResponse(responseCode = "400", description = "Invalid field, or a name that is not a physio")
    @APIResponse(responseCode = "403", description = "Not the care physio nor an admin")
    @APIResponse(responseCode = "404", description = "No such patient")
    @APIResponse(responseCode = "409", description = "Stale version")
    @APIResponse(responseCode = "503", description = "Keycloak unavailable; Retry-After set")
    public PatientView change(@PathParam("id") long id, @Valid @NotNull CareTeamChange input) {
        return service.change(id, input);
    }
}
