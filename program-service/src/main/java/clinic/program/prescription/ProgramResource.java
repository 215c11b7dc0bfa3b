package clinic.program.prescription;

import clinic.kit.problem.DatabaseFailures;
import clinic.kit.problem.DomainException;
import clinic.kit.text.QueryParams;
import clinic.program.access.ProgramGate;
import jakarta.annotation.security.RolesAllowed;
import jakarta.persistence.PersistenceException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/programs")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Programs", description = "Assigned programs, today's routine, phase moves and progress")
public class ProgramResource {

    private final ProgramService programs;
    private final HoldService holds;
    private final ProgramGate gate;

    public ProgramResource(ProgramService programs, HoldService holds, ProgramGate gate) {
        this.programs = programs;
        this.holds = holds;
        this.gate = gate;
    }

    @POST
    @RolesAllowed("physio")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Assign a protocol phase to a patient (checks cautions and clearance)")
    @APIResponse(responseCode = "201", description = "Created, or a new revision of the patient's active program")
    @APIResponse(responseCode = "400", description = "Invalid fields, unknown protocol or exercise")
    @APIResponse(responseCode = "403", description = "Not in the patient's care team")
    @APIResponse(responseCode = "404", description = "patient-service does not know the patient")
    @APIResponse(
            responseCode = "422",
            description = "Not cleared, caution or phase-misfit exercises not acknowledged, or the program is on hold")
    @APIResponse(responseCode = "503", description = "patient-service unavailable; nothing written")
    public Response assign(@NotNull @Valid NewProgram input) {
        ProgramService.Assigned assigned = programs.assign(input);
        return Response.created(UriBuilder.fromPath("/api/programs/{id}")
                        .build(assigned.program().id()))
                .entity(assigned.program())
                .build();
    }

    @GET
    @RolesAllowed({"physio", "admin"})
    @Operation(summary = "Programs of a patient, newest first")
    @APIResponse(responseCode = "200", description = "Programs")
    @APIResponse(responseCode = "400", description = "patientId missing or not a positive number")
    @APIResponse(responseCode = "403", description = "Not in the patient's care team (physio)")
    @APIResponse(responseCode = "503", description = "patient-service could not confirm the care team")
    public List<ProgramView> forPatient(@QueryParam("patientId") String patientId) {
        Long id = QueryParams.positiveId("patientId", patientId);
        if (id == null) {
            throw new DomainException.Invalid("patientId", "is required");
        }
        gate.requireCareTeamForPatient(id, "PROGRAM_LIST");
        return programs.forPatient(id);
    }

    @GET
    @Path("/{id: \\d+}")
    @RolesAllowed({"physio", "admin", "patient"})
    @Operation(summary = "One program (patients: only their own)")
    @APIResponse(responseCode = "200", description = "The program with its revisions")
    @APIResponse(responseCode = "403", description = "Not in the patient's care team (physio)")
    @APIResponse(responseCode = "404", description = "No such program, or not yours")
    public ProgramView get(@PathParam("id") long id) {
        gate.requireCareTeam(id, "PROGRAM_READ");
        return programs.get(id);
    }

    @GET
    @Path("/me")
    @RolesAllowed("patient")
    @Operation(summary = "Your active program")
    @APIResponse(responseCode = "200", description = "The program")
    @APIResponse(responseCode = "404", description = "You have no active program")
    public ProgramView mine() {
        return programs.mine();
    }

    @POST
    @Path("/{id: \\d+}/phase")
    @RolesAllowed("physio")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Move the program to another phase, with a reason")
    @APIResponse(responseCode = "200", description = "The program after the move")
    @APIResponse(responseCode = "409", description = "Stale version, or the program is discharged")
    @APIResponse(responseCode = "422", description = "The program is on hold")
    public ProgramView changePhase(@PathParam("id") long id, @NotNull @Valid PhaseChange change) {
        gate.requireCareTeam(id, "PROGRAM_PHASE_CHANGED");
        return programs.changePhase(id, change);
    }

    @POST
    @Path("/{id: \\d+}/exercises/{slug}/update-revision")
    @RolesAllowed("physio")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Move one exercise of the program to the library's newest revision, with a reason")
    @APIResponse(responseCode = "200", description = "The program after the update (a new program revision)")
    @APIResponse(responseCode = "403", description = "Not in the patient's care team")
    @APIResponse(responseCode = "404", description = "No such program, or the program has no such exercise")
    @APIResponse(
            responseCode = "409",
            description = "Stale version, the exercise is already at its newest revision, or the program is discharged")
    @APIResponse(
            responseCode = "422",
            description = "On hold, not active, the exercise retired, or a caution of the new text not acknowledged")
    public ProgramView updateExerciseRevision(
            @PathParam("id") long id, @PathParam("slug") String slug, @NotNull @Valid ExerciseRevisionUpdate body) {
        gate.requireCareTeam(id, "PROGRAM_EXERCISE_UPDATED");
        return programs.updateExerciseRevision(id, slug, body);
    }

    @POST
    @Path("/holds")
    @RolesAllowed({"clinical-service", "physio"})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "A screening's red flags: put the patient's active program on hold (idempotent per screening)")
    @APIResponse(responseCode = "200", description = "The patient's current program (or null) and its status after")
    @APIResponse(responseCode = "400", description = "Invalid fields or an unknown red-flag code")
    public HoldRequests.HoldAnswer holdForScreening(@NotNull @Valid HoldRequests.ScreeningRedFlags delivery) {
        // A physio must be in the care team; patient-service's own service account is trusted.
        gate.requireCareTeamForPatient(delivery.patientId(), "PROGRAM_HELD");
        try {
            return holds.holdForScreening(delivery);
        } catch (PersistenceException concurrent) {
            if (DatabaseFailures.unavailable(concurrent)) {
                throw concurrent;
            }
            // The same screening delivered twice at once: the first one's answer is the answer.
            return holds.delivered(delivery.screeningId())
                    .orElseThrow(() -> new DomainException.Conflict(
                            "The screening is being delivered by another request; try again."));
        }
    }

    @POST
    @Path("/{id: \\d+}/resume")
    @RolesAllowed("physio")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Resume a program on hold, with a reason, after a new screening cleared the patient")
    @APIResponse(responseCode = "200", description = "The program, ACTIVE again")
    @APIResponse(responseCode = "409", description = "The program is not on hold, or it is discharged")
    @APIResponse(responseCode = "422", description = "Not cleared, or no clearing screening newer than the hold")
    @APIResponse(responseCode = "503", description = "patient-service unavailable; nothing written")
    public ProgramView resume(@PathParam("id") long id, @NotNull @Valid HoldRequests.Resume body) {
        gate.requireCareTeam(id, "PROGRAM_RESUMED");
        return holds.resume(id, body.reason());
    }
}
