package clinic.patient.access;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/patients/{id}/access-grants")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Care teams")
public class PatientGrantsResource {

    private final AccessService service;

    public PatientGrantsResource(AccessService service) {
        this.service = service;
    }

    @GET
    @RolesAllowed({"physio", "admin"})
    @Operation(summary = "Who broke the glass for this patient, when, why, until when; newest first (at most 500)")
    @APIResponse(responseCode = "200", description = "The grants")
    @APIResponse(responseCode = "403", description = "Not the patient's care team nor an admin")
    @APIResponse(responseCode = "404", description = "No such patient")
    public List<GrantView> grants(@PathParam("id") long id) {
        return service.grantsOf(id);
    }
}
