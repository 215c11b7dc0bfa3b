package clinic.program.session;

import clinic.kit.problem.DatabaseFailures;
import clinic.kit.problem.DomainException;
import clinic.kit.text.StrictDates;
import clinic.program.access.ProgramGate;
import clinic.program.metrics.ClinicMetrics;
import jakarta.annotation.security.RolesAllowed;
import jakarta.persistence.PersistenceException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/programs/{programId}/sessions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Sessions", description = "Exercise session logs and the pain rules applied to them")
public class SessionResource {

    private final SessionService sessions;
    private final ProgramGate gate;
    private final ClinicMetrics metrics;

    public SessionResource(SessionService sessions, ProgramGate gate, ClinicMetrics metrics) {
        this.sessions = sessions;
        this.gate = gate;
        this.metrics = metrics;
    }

    @POST
    @RolesAllowed("patient")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Log a session on your own program; honours Idempotency-Key")
    @APIResponse(responseCode = "201", description = "Logged (or the earlier answer for the same key and body)")
    @APIResponse(responseCode = "400", description = "Invalid fields, unknown exercise, date in the future")
    @APIResponse(responseCode = "404", description = "No such program, or not yours")
    @APIResponse(responseCode = "409", description = "The program is discharged (read-only)")
    @APIResponse(responseCode = "422", description = "Idempotency-Key reused with another body")
    public Response log(
            @PathParam("programId") long programId,
            @HeaderParam("Idempotency-Key") @Size(max = 100) String key,
            @NotNull @Valid NewSession input) {
        SessionService.Logged logged;
        try {
            logged = sessions.log(programId, input, key);
        } catch (PersistenceException duplicate) {
            if (key == null || !DatabaseFailures.lostRace(duplicate)) {
                // Not a race (the database down or restarting, say): the mappers answer 503 or say what it was.
                throw duplicate;
            }
            // A concurrent retry with the same key committed first: answer with its stored result.
            logged = sessions.replay(programId, input, key);
        } catch (DomainException rejected) {
            metrics.sessionLog(ClinicMetrics.REJECTED);
            throw rejected;
        }
        metrics.sessionLog(logged.replayed() ? ClinicMetrics.REPLAYED : ClinicMetrics.LOGGED);
        return Response.created(UriBuilder.fromPath("/api/programs/{p}/sessions")
                        .queryParam("id", logged.session().id())
                        .build(programId))
                .header("Idempotent-Replayed", logged.replayed())
                .entity(logged.session())
                .build();
    }

    @GET
    @RolesAllowed({"physio", "admin", "patient"})
    @Operation(summary = "Logs of a program, newest first")
    @APIResponse(responseCode = "200", description = "Logs")
    @APIResponse(responseCode = "400", description = "A date that is not yyyy-MM-dd in range, or from after to")
    @APIResponse(responseCode = "403", description = "Not in the patient's care team (physio)")
    @APIResponse(responseCode = "404", description = "No such program, or not yours")
    public List<SessionView> list(
            @PathParam("programId") long programId,
            @Parameter(description = "first day (ISO date)") @QueryParam("from") String from,
            @Parameter(description = "last day (ISO date)") @QueryParam("to") String to) {
        LocalDate first = StrictDates.queryParam("from", from);
        LocalDate last = StrictDates.queryParam("to", to);
        if (first != null && last != null && first.isAfter(last)) {
            throw new DomainException.Invalid("from", "must not be after to");
        }
        gate.requireCareTeam(programId, "SESSIONS_READ");
        return sessions.list(programId, first, last);
    }
}
