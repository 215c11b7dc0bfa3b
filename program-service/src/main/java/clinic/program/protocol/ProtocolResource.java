package clinic.program.protocol;

import clinic.kit.problem.DomainException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Phased protocols. Physios and admins read them; only physios create, version, copy and retire them: a protocol is
 * clinical content (which exercises, at which dose, when to move on), so it is written by a clinician, as the exercise
 * library is. Every change is audited.
 */
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
    @Operation(summary = "The current version of every protocol with its phases (retired ones marked)")
    @APIResponse(responseCode = "200", description = "Protocols")
    public List<ProtocolView> list() {
        return protocols.list();
    }

    @GET
    @Path("/{code}")
    @Operation(summary = "The current version of one protocol with phases and ordered exercises")
    @APIResponse(responseCode = "200", description = "The protocol")
    @APIResponse(responseCode = "404", description = "Unknown protocol")
    public ProtocolView get(@PathParam("code") String code) {
        return protocols.get(code).orElseThrow(() -> new DomainException.NotFound("No protocol '" + code + "'."));
    }

    @GET
    @Path("/{code}/versions")
    @Operation(summary = "Every version of a protocol, oldest first")
    @APIResponse(responseCode = "200", description = "The versions")
    @APIResponse(responseCode = "404", description = "Unknown protocol")
    public List<ProtocolView> versions(@PathParam("code") String code) {
        return protocols.versions(code);
    }

    @POST
    @RolesAllowed("physio")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a protocol (version 1)")
    @APIResponse(responseCode = "201", description = "Created; Location points at it")
    @APIResponse(responseCode = "400", description = "Invalid fields or an unknown exercise")
    @APIResponse(responseCode = "409", description = "Code already taken")
    @APIResponse(responseCode = "422", description = "A retired exercise, or one to be avoided in its phase")
    public Response create(@NotNull @Valid ProtocolInput input) {
        ProtocolView created = protocols.create(input);
        return Response.created(UriBuilder.fromPath("/api/protocols/{code}").build(created.code()))
                .entity(created)
                .build();
    }

    @PUT
    @Path("/{code}")
    @RolesAllowed("physio")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Save the next version of a protocol; running programs keep the version they were given")
    @APIResponse(responseCode = "200", description = "The new version")
    @APIResponse(responseCode = "400", description = "Invalid fields or an unknown exercise")
    @APIResponse(responseCode = "404", description = "Unknown protocol")
    @APIResponse(responseCode = "409", description = "The protocol changed since the version edited")
    @APIResponse(responseCode = "422", description = "Built-in or retired protocol, or refused content")
    public ProtocolView update(@PathParam("code") String code, @NotNull @Valid ProtocolInput input) {
        return protocols.update(code, input);
    }

    @POST
    @Path("/{code}/copy")
    @RolesAllowed("physio")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Copy a protocol (a built-in one, say) into a new clinic protocol")
    @APIResponse(responseCode = "201", description = "The copy, version 1")
    @APIResponse(responseCode = "404", description = "Unknown protocol")
    @APIResponse(responseCode = "409", description = "Code already taken")
    public Response copy(@PathParam("code") String code, @NotNull @Valid ProtocolInput.Copy copy) {
        ProtocolView created = protocols.copy(code, copy);
        return Response.created(UriBuilder.fromPath("/api/protocols/{code}").build(created.code()))
                .entity(created)
                .build();
    }

    @POST
    @Path("/{code}/retire")
    @RolesAllowed("physio")
    @Operation(summary = "Retire a protocol: no new programs; running programs go on")
    @APIResponse(responseCode = "200", description = "The retired protocol")
    @APIResponse(responseCode = "404", description = "Unknown protocol")
    @APIResponse(responseCode = "422", description = "Built-in protocol")
    public ProtocolView retire(@PathParam("code") String code) {
        return protocols.retire(code);
    }
}
