package clinic.program.protocol;

import clinic.kit.problem.DomainException;
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

@Path("/api/protocols")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"physio", "admin"})
@Tag(name = "Protocols", description = "Phased exercise protocols")
public class ProtocolResource {

    private final ProtocolService protocols;

    public ProtocolResource(ProtocolService protocols) {
        this.protocols = protocols;
    }

    @GET
    @Operation(summary = "All protocols with their phases")
    @APIResponse(responseCode = "200", description = "Protocols")
    public List<ProtocolView> list() {
        return protocols.list();
    }

    @GET
    @Path("/{code}")
    @Operation(summary = "One protocol with phases and ordered exercises")
    @APIResponse(responseCode = "200", description = "The protocol")
    @APIResponse(responseCode = "404", description = "Unknown protocol")
    public ProtocolView get(@PathParam("code") String code) {
        return protocols.get(code).orElseThrow(() -> new DomainException.NotFound("No protocol '" + code + "'."));
    }
}
