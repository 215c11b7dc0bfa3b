package clinic.patient.access;

import clinic.kit.problem.DomainException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/access-grants")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Care teams")
public class GrantsResource {

    private final AccessService service;

    public GrantsResource(AccessService service) {
        this.service = service;
    }

    @GET
    @RolesAllowed("admin")
    @Operation(summary = "Every break-the-glass grant, newest first (at most 500)")
    @APIResponse(responseCode = "200", description = "The grants")
    @APIResponse(responseCode = "400", description = "active is not true or false")
    @APIResponse(responseCode = "403", description = "Not an admin")
    public List<GrantView> grants(
            @Parameter(description = "true: unexpired only; false: expired only; absent: all") @QueryParam("active")
                    String active) {
        return service.allGrants(parseActive(active));
    }

    private static Boolean parseActive(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return switch (value.strip()) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw new DomainException.Invalid("active", "must be true or false");
        };
    }
}
