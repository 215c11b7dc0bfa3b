package clinic.program.outcome;

import clinic.kit.problem.DomainException;
import clinic.program.access.ProgramGate;
import jakarta.annotation.security.RolesAllowed;
import jakarta.persistence.PersistenceException;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
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

/** A program's questionnaires (outcome measures and the stratification screen) and what is due. */
@Path("/api/programs/{id: \\d+}/measures")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Measures", description = "Standard questionnaires of a program: scores, change from baseline, due dates")
public class MeasureResource {

    private final MeasureService measures;
    private final ProgramGate gate;

    public MeasureResource(MeasureService measures, ProgramGate gate) {
        this.measures = measures;
        this.gate = gate;
    }

    @POST
    @RolesAllowed({"patient", "physio"})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Record a completed questionnaire (patients: their own program; physios: in clinic)")
    @APIResponse(responseCode = "201", description = "Recorded and scored")
    @APIResponse(responseCode = "403", description = "Not in the patient's care team (physio)")
    @APIResponse(responseCode = "404", description = "No such program, or not yours")
    @APIResponse(
            responseCode = "409",
            description = "The time point is already answered, or the program was discharged (read-only)")
    @APIResponse(
            responseCode = "422",
            description = "Unknown or switched-off instrument, a day outside the program, a time point not open, or"
                    + " answers that do not fit (missing, out of range, too many skipped)")
    public Response record(@PathParam("id") long id, @NotNull NewMeasure input) {
        gate.requireCareTeam(id, MeasureService.RECORDED);
        MeasureView recorded;
        try {
            recorded = measures.record(id, input);
        } catch (PersistenceException e) {
            if (!duplicateKey(e)) {
                throw e;
            }
            // A concurrent submission of the same time point committed first (the table's unique key).
            throw new DomainException.Conflict("This questionnaire was just recorded for that time point by another"
                    + " request; answers are kept as given and are not replaced.");
        }
        return Response.created(UriBuilder.fromPath("/api/programs/{id}/measures")
                        .queryParam("id", recorded.id())
                        .build(id))
                .entity(recorded)
                .build();
    }

    private static boolean duplicateKey(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof org.hibernate.exception.ConstraintViolationException) {
                return true;
            }
        }
        return false;
    }

    @GET
    @RolesAllowed({"patient", "physio", "admin"})
    @Operation(summary = "The program's questionnaires, oldest first, each with its change from baseline")
    @APIResponse(responseCode = "200", description = "Questionnaires")
    @APIResponse(responseCode = "403", description = "Not in the patient's care team (physio)")
    @APIResponse(responseCode = "404", description = "No such program, or not yours")
    public List<MeasureView> list(@PathParam("id") long id) {
        gate.requireCareTeam(id, MeasureService.READ);
        return measures.list(id);
    }

    @GET
    @Path("/due")
    @RolesAllowed({"patient", "physio", "admin"})
    @Operation(summary = "What is due: each offered questionnaire's time points with their status")
    @APIResponse(responseCode = "200", description = "The due list")
    @APIResponse(responseCode = "403", description = "Not in the patient's care team (physio)")
    @APIResponse(responseCode = "404", description = "No such program, or not yours")
    public DueView due(@PathParam("id") long id) {
        gate.requireCareTeam(id, MeasureService.DUE_READ);
        return measures.due(id);
    }
}
