package clinic.program.discharge;

import clinic.program.access.ProgramGate;
import clinic.program.outbound.PatientRecord;
import clinic.program.outbound.PatientRecords;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/programs/{id: \\d+}/summary")
@Tag(name = "Programs", description = "Assigned programs, today's routine, phase moves and progress")
public class SummaryResource {

    static final String TEXT_HTML_UTF8 = "text/html;charset=UTF-8";

    /** The letter runs no script and loads nothing: only its own inline style. */
    static final String LETTER_CSP = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none';"
            + " form-action 'none'; frame-ancestors 'self'";

    private final SummaryService summaries;
    private final PatientRecords patients;
    private final ProgramGate gate;
    private final SecurityIdentity identity;
    private final String clinic;

    public SummaryResource(
            SummaryService summaries,
            PatientRecords patients,
            ProgramGate gate,
            SecurityIdentity identity,
            @ConfigProperty(name = "clinic.letter.heading", defaultValue = "Physiotherapy Clinic") String clinic) {
        this.summaries = summaries;
        this.patients = patients;
        this.gate = gate;
        this.identity = identity;
        this.clinic = clinic;
    }

    @GET
    @RolesAllowed({"physio", "admin", "patient"})
    @Produces({MediaType.APPLICATION_JSON, MediaType.TEXT_HTML})
    @Operation(
            summary = "The discharge summary of a discharged program (patients: only their own); with Accept:"
                    + " text/html the printable letter to the referring doctor")
    @APIResponse(
            responseCode = "200",
            description = "The summary, or the letter",
            content = {
                @Content(
                        mediaType = MediaType.APPLICATION_JSON,
                        schema = @Schema(implementation = DischargeSummary.class)),
                @Content(
                        mediaType = MediaType.TEXT_HTML,
                        schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING))
            })
    @APIResponse(responseCode = "403", description = "Not in the patient's care team (physio)")
    @APIResponse(responseCode = "404", description = "No such program, or not yours")
    @APIResponse(responseCode = "409", description = "The program is not discharged (type /program-not-discharged)")
    public Response summary(@PathParam("id") long id, @Context HttpHeaders headers) {
        gate.requireCareTeam(id, "DISCHARGE_SUMMARY_READ");
        DischargeSummary summary = summaries.summary(id);
        if (!wantsHtml(headers)) {
            return Response.ok(summary, MediaType.APPLICATION_JSON_TYPE).build();
        }
        // Outside any transaction: a slow patient-service holds no database connection.
        boolean own = identity.hasRole("patient") && !identity.hasRole("physio") && !identity.hasRole("admin");
        Optional<PatientRecord> patient = patients.find(summary.patientId(), own);
        return Response.ok(DischargeLetter.render(summary, patient, clinic, LocalDate.now()), TEXT_HTML_UTF8)
                .header("Content-Security-Policy", LETTER_CSP)
                .build();
    }

    /** HTML only when the client prefers it to JSON (a browser's Accept); JSON for everything else. */
    static boolean wantsHtml(HttpHeaders headers) {
        for (MediaType type : headers.getAcceptableMediaTypes()) {
            if (type.isWildcardType()) {
                return false;
            }
            if ("text".equals(type.getType()) && "html".equals(type.getSubtype())) {
                return true;
            }
            if (type.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
                return false;
            }
        }
        return false;
    }
}
