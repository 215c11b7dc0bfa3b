package clinic.program.template;

import clinic.program.access.ProgramGate;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
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
 * Plan templates (see {@link TemplateService} for the rules). Physios save, list, read and delete them; admins list,
 * read and delete clinic-wide ones (they keep the shared list tidy) but save none, since a template is a clinician's
 * plan. Patients have no access.
 */
@Path("/api/templates")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Templates", description = "Saved plans (exercises and dosages) to start the next program from")
public class TemplateResource {

    private final TemplateService templates;
    private final ProgramGate gate;

    public TemplateResource(TemplateService templates, ProgramGate gate) {
        this.templates = templates;
        this.gate = gate;
    }

    @POST
    @RolesAllowed("physio")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Save a template: protocol, phase, exercises and dosages; private (default) or clinic-wide")
    @APIResponse(responseCode = "201", description = "Created; Location points at it")
    @APIResponse(responseCode = "400", description = "Invalid fields")
    @APIResponse(responseCode = "409", description = "The name is taken in that scope (yours, or the clinic's)")
    @APIResponse(
            responseCode = "422",
            description = "Unknown protocol or phase, unknown or retired exercise (violations name each)")
    public Response create(@NotNull @Valid TemplateRequests.NewTemplate input) {
        return created(templates.create(input));
    }

    @POST
    @Path("/from-program/{programId: \\d+}")
    @RolesAllowed("physio")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Save a program's current exercises, dosages, protocol and phase as a template")
    @APIResponse(responseCode = "201", description = "Created; Location points at it")
    @APIResponse(responseCode = "400", description = "Invalid fields")
    @APIResponse(responseCode = "403", description = "Not in the patient's care team")
    @APIResponse(responseCode = "404", description = "No such program")
    @APIResponse(responseCode = "409", description = "The name is taken in that scope")
    @APIResponse(responseCode = "422", description = "An exercise of the program is retired now, or there is none")
    @APIResponse(responseCode = "503", description = "patient-service could not confirm the care team")
    public Response fromProgram(
            @PathParam("programId") long programId, @NotNull @Valid TemplateRequests.FromProgram input) {
        // The same gate as the program endpoints: a physio outside the patient's care team may not copy the program.
        gate.requireCareTeam(programId, "TEMPLATE_CREATED");
        return created(templates.fromProgram(programId, input));
    }

    @GET
    @RolesAllowed({"physio", "admin"})
    @Operation(summary = "Your private templates and the clinic-wide ones, newest first")
    @APIResponse(responseCode = "200", description = "Templates with their exercises")
    public List<TemplateView> list() {
        return templates.list();
    }

    @GET
    @Path("/{id: \\d+}")
    @RolesAllowed({"physio", "admin"})
    @Operation(summary = "One template; each exercise says whether it is retired now")
    @APIResponse(responseCode = "200", description = "The template")
    @APIResponse(responseCode = "404", description = "No such template, or another physio's private one")
    public TemplateView get(@PathParam("id") long id) {
        return templates.get(id);
    }

    @DELETE
    @Path("/{id: \\d+}")
    @RolesAllowed({"physio", "admin"})
    @Operation(summary = "Delete a template: its author; a clinic-wide one also an admin")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "403", description = "A clinic-wide template of another physio (physio)")
    @APIResponse(responseCode = "404", description = "No such template, or another physio's private one")
    public Response delete(@PathParam("id") long id) {
        templates.delete(id);
        return Response.noContent().build();
    }

    private static Response created(TemplateView view) {
        return Response.created(UriBuilder.fromPath("/api/templates/{id}").build(view.id()))
                .entity(view)
                .build();
    }
}
