package clinic.program.routine;

import clinic.program.library.ContentLanguage;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The calling patient's routine for today, at the address it has always had under the patient's programs. */
@Path("/api/programs/me/today")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Programs", description = "Assigned programs, today's routine, phase moves and progress")
public class RoutineResource {

    private final RoutineService routine;

    public RoutineResource(RoutineService routine) {
        this.routine = routine;
    }

    @GET
    @RolesAllowed("patient")
    @Operation(summary = "Today's routine with instructions, dosage, pain rules and what is logged")
    @APIResponse(
            responseCode = "200",
            description = "The routine, its texts in the Accept-Language asked for where translated (each exercise and"
                    + " the phase say which language they are in)")
    @APIResponse(responseCode = "404", description = "You have no active program")
    public TodayView today(
            @Parameter(description = "The patient's language (en, es); texts without a translation are in English")
                    @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE)
                    String acceptLanguage) {
        return routine.today(ContentLanguage.of(acceptLanguage));
    }
}
