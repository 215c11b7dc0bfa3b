package clinic.patient.access;

import clinic.patient.common.Problem;
import clinic.patient.common.ProblemMappers;
import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** The 403 for a patient outside the caller's care team: who to ask, and where to break the glass. */
public class AccessProblems {

    static final String TYPE = "https://clinic.example/problems/not-in-care-team";
    static final String TITLE = "Not in care team";

    /** RFC 9457 problem with the extension members {@code patientId}, {@code carePhysio} and {@code breakGlass}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record NotInCareTeamProblem(
            String type,
            String title,
            int status,
            String detail,
            long patientId,
            String carePhysio,
            String breakGlass) {}

    @ServerExceptionMapper
    public Response notInCareTeam(NotInCareTeam e) {
        return Response.status(403)
                .type(Problem.MEDIA_TYPE)
                .entity(new NotInCareTeamProblem(
                        TYPE,
                        TITLE,
                        403,
                        "You are not in this patient's care team. Ask the care physio to add you, or break the glass"
                                + " with a reason if you must act now.",
                        e.patientId(),
                        e.carePhysio(),
                        "/api/patients/" + e.patientId() + "/access"))
                .build();
    }

    @ServerExceptionMapper
    public Response accessForbidden(AccessForbidden e) {
        return ProblemMappers.respond(Problem.of(403, "Forbidden", e.getMessage()));
    }
}
