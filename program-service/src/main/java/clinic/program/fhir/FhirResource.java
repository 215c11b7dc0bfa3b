package clinic.program.fhir;

import clinic.program.access.ProgramGate;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/programs")
@Tag(name = "Programs", description = "Assigned programs, today's routine, phase moves and progress")
public class FhirResource {

    /** FHIR's JSON media type (R4, http.html#mime). */
    public static final String FHIR_JSON = "application/fhir+json";

    private final FhirExport export;
    private final ProgramGate gate;

    public FhirResource(FhirExport export, ProgramGate gate) {
        this.export = export;
        this.gate = gate;
    }

    @GET
    @Path("/{id: \\d+}/fhir")
    @RolesAllowed({"physio", "admin"})
    @Produces({FHIR_JSON, MediaType.APPLICATION_JSON})
    @Operation(
            summary = "The program's episode as a FHIR R4 Bundle (collection): Patient, CarePlan, PlanDefinition,"
                    + " Questionnaire/QuestionnaireResponse, Observation, Flag (docs/fhir.md)")
    @APIResponse(responseCode = "200", description = "The bundle, application/fhir+json")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "Not staff, or not in the patient's care team (physio)")
    @APIResponse(responseCode = "404", description = "No such program, or patient-service does not know the patient")
    @APIResponse(
            responseCode = "503",
            description = "patient-service could not confirm the care team or give the patient's record; Retry-After")
    public Response fhir(@PathParam("id") long id) {
        gate.requireCareTeam(id, EpisodeReader.ACTION);
        return Response.ok(export.json(id), FHIR_JSON)
                .header("Content-Disposition", "attachment; filename=\"program-" + id + ".fhir.json\"")
                .header("Cache-Control", "no-store")
                .build();
    }
}
