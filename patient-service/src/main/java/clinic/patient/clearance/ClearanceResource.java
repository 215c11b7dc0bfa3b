package clinic.patient.clearance;

import clinic.kit.contract.Clearance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/patients/{id}/clearance")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Clearance", description = "May an exercise program start or go on?")
public class ClearanceResource {

    private final ClearanceService clearances;

    public ClearanceResource(ClearanceService clearances) {
        this.clearances = clearances;
    }

    @GET
    @RolesAllowed({"physio", "admin"})
    @Operation(summary = "Clearance from the latest screening and the patient's status")
    @APIResponse(responseCode = "200", description = "Cleared or not, with the reason")
    @APIResponse(responseCode = "403", description = "Not staff, or not in the patient's care team")
    @APIResponse(responseCode = "404", description = "No such patient")
    public Clearance clearance(@PathParam("id") long id) {
        return clearances.clearance(id);
    }
}
