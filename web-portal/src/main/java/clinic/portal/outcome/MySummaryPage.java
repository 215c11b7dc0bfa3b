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
 * The patient's copy of their discharge summary: the letter's facts in patient words. Only the caller's own program:
 * program-service refuses anyone else's (404/403, shown as the "Not found" page), and the portal checks the summary's
 * patient against the caller's own record as well.
 */
@Path("/me/programs/{id}/summary")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed("patient")
@Tag(name = "Pages: my questionnaires")
public class MySummaryPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance summary(Outcome<DischargeSummary> summary, Patient patient);
    }

    private final ProgramServiceClient programs;
    private final PatientServiceClient patients;

    public MySummaryPage(@RestClient ProgramServiceClient programs, @RestClient PatientServiceClient patients) {
        this.programs = programs;
        this.patients = patients;
    }

    @GET
    @Operation(summary = "My discharge summary (own program only)")
    public TemplateInstance summary(@PathParam("id") long id) {
        Outcome<DischargeSummary> summary = Calls.attempt(Calls.PROGRAMS, () -> programs.summary(id));
        if (!summary.isOk()) {
            int status = summary.notice().status();
            if (status == 404 || status == 403) {
                throw new NotFoundException();
            }
            return Templates.summary(summary, null);
        }
        Outcome<Patient> me = Calls.attempt(Calls.PATIENTS, patients::me);
        Patient patient = me.isOk() ? me.value() : null;
        if (patient != null
                && patient.id() != null
                && summary.value().patientId() != null
                && !patient.id().equals(summary.value().patientId())) {
            throw new NotFoundException();
        }
        return Templates.summary(summary, patient);
    }
}
