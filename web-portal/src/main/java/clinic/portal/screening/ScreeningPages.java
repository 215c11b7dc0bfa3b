package clinic.portal.screening;

import clinic.portal.client.PatientApi.Screening;
import clinic.portal.client.PatientServiceClient;
import clinic.portal.common.Calls;
import clinic.portal.common.Notice;
import clinic.portal.common.Outcome;
import clinic.portal.common.PatientNames;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/** Red-flag and sciatica screening by a physio; the outcome is computed by patient-service, never here. */
@Path("/patients/{id}")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed("physio")
@Tag(name = "Pages: screening")
public class ScreeningPages {

    static final List<String> RED_FLAGS =
            List.of("BLADDER_BOWEL", "SADDLE_NUMBNESS", "PROGRESSIVE_WEAKNESS", "CONSTANT_SEVERE_PAIN", "SYSTEMIC");
    static final List<String> SCIATICA_SIGNS =
            List.of("RADIATING_BELOW_BUTTOCK", "PARAESTHESIA", "WORSE_SITTING_COUGHING", "MYOTOMAL_WEAKNESS");
    static final List<String> OTHER_SIGNS =
            List.of("LOCAL_BACK_OR_HIP_ONLY", "ANTERIOR_THIGH_GROIN", "POSITION_INDEPENDENT_PAIN");

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance form(
                long patientId,
                String patientName,
                ScreeningForm form,
                Notice notice,
                List<String> redFlagCodes,
                List<String> sciaticaCodes,
                List<String> otherCodes);

        static native TemplateInstance result(long patientId, String patientName, Screening screening);
    }

    private final PatientServiceClient patients;

    public ScreeningPages(@RestClient PatientServiceClient patients) {
        this.patients = patients;
    }

    @GET
    @Path("/screening")
    @Operation(summary = "Screening form")
    public TemplateInstance form(@PathParam("id") long id) {
        return render(id, new ScreeningForm(), null);
    }

    @POST
    @Path("/screenings")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "Record a screening and show its outcome")
    public TemplateInstance screen(@PathParam("id") long id, @BeanParam ScreeningForm form) {
        Outcome<Screening> saved = Calls.attempt(Calls.PATIENTS, () -> patients.screen(id, form.toPayload()));
        if (!saved.isOk()) {
            if (saved.notice().isNotFound()) {
                throw new NotFoundException();
            }
            return render(id, form, saved.notice());
        }
        return Templates.result(id, name(id), saved.value());
    }

    private TemplateInstance render(long id, ScreeningForm form, Notice notice) {
        return Templates.form(id, name(id), form, notice, RED_FLAGS, SCIATICA_SIGNS, OTHER_SIGNS);
    }

    private String name(long id) {
        return PatientNames.of(patients, id);
    }
}
