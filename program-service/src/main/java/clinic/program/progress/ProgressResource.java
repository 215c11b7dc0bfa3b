package clinic.program.progress;

import clinic.program.access.ProgramGate;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A program's progress, at the address it has always had under the program. */
@Path("/api/programs/{id: \\d+}/progress")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Programs", description = "Assigned programs, today's routine, phase moves and progress")
public class ProgressResource {

    private final ProgramGate gate;
    private final ProgressService progress;

    public ProgressResource(ProgramGate gate, ProgressService progress) {
        this.gate = gate;
        this.progress = progress;
    }

    @GET
    @RolesAllowed({"physio", "admin", "patient"})
    @Operation(summary = "Adherence, pain trend, phase history and suggestion")
    @APIResponse(responseCode = "200", description = "Progress")
    @APIResponse(responseCode = "404", description = "No such program, or not yours")
    public ProgressView progress(@PathParam("id") long id) {
        gate.requireCareTeam(id, "PROGRESS_READ");
        return progress.progress(id);
    }
}
