package clinic.portal.outcome;

import clinic.portal.common.Calls;
import clinic.portal.common.Outcome;
import clinic.portal.outbound.PatientApi.Patient;
import clinic.portal.outbound.PatientServiceClient;
import clinic.portal.outbound.ProgramApi.DischargeSummary;
import clinic.portal.outbound.ProgramServiceClient;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * The discharge letter to the referring doctor, printable (A4, no navigation), rendered by the portal from the
 * service's summary JSON and the patient's record. Before discharge the service answers 409 and the page says so.
 */
@Path("/programs/{id}/letter")
@Produces(MediaType.TEXT_HTML)
@Tag(name = "Pages: discharge")
public class LetterPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance letter(Outcome<DischargeSummary> summary, Patient patient, long programId);
    }

    private final ProgramServiceClient programs;
    private final PatientServiceClient patients;

    public LetterPage(@RestClient ProgramServiceClient programs, @RestClient PatientServiceClient patients) {
        this.programs = programs;
        this.patients = patients;
    }

    @GET
    @RolesAllowed({"physio", "admin"})
    @Operation(summary = "The printable discharge letter for the referring doctor")
    public TemplateInstance letter(@PathParam("id") long id) {
        Outcome<DischargeSummary> summary = Calls.attempt(Calls.PROGRAMS, () -> programs.summary(id));
        if (!summary.isOk()) {
            if (summary.notice().isNotFound()) {
                throw new NotFoundException();
            }
            return Templates.letter(summary, null, id);
        }
        Long patientId = summary.value().patientId();
        // patient-service down: the letter still prints, with the patient's id instead of name and date of birth.
        Patient patient = patientId == null
                ? null
                : Calls.attempt(Calls.PATIENTS, () -> patients.get(patientId)).value();
        return Templates.letter(summary, patient, id);
    }
}
