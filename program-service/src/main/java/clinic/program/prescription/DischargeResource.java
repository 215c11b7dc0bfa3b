package clinic.program.prescription;

import clinic.program.access.ProgramGate;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/programs")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Programs", description = "Assigned programs, today's routine, phase moves and progress")
public class DischargeResource {

    private final DischargeService discharges;
    private final ProgramGate gate;

    public DischargeResource(DischargeService discharges, ProgramGate gate) {
        this.discharges = discharges;
        this.gate = gate;
    }

    @POST
    @Path("/{id: \\d+}/discharge")
    @RolesAllowed("physio")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Discharge the program with a reason and a summary: it becomes read-only and is no longer the"
                    + " patient's current program")
    @APIResponse(responseCode = "200", description = "The program, DISCHARGED")
    @APIResponse(responseCode = "400", description = "Unknown reason, OTHER without a summary, summary too long")
    @APIResponse(responseCode = "403", description = "Not in the patient's care team")
    @APIResponse(responseCode = "404", description = "No such program")
    @APIResponse(
            responseCode = "409",
            description = "Already discharged (type /program-discharged), or a stale version")
    public ProgramView discharge(@PathParam("id") long id, @NotNull @Valid DischargeRequest body) {
        gate.requireCareTeam(id, "PROGRAM_DISCHARGED");
        return discharges.discharge(id, body);
    }
}
