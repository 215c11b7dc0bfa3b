package clinic.portal.patient;

import clinic.portal.common.Calls;
import clinic.portal.common.Care;
import clinic.portal.common.CareTeamPage;
import clinic.portal.common.Notice;
import clinic.portal.common.Outcome;
import clinic.portal.i18n.Lang;
import clinic.portal.outbound.PatientApi.BreakGlass;
import clinic.portal.outbound.PatientApi.Grant;
import clinic.portal.outbound.PatientServiceClient;
import clinic.portal.outbound.ServiceException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * Break the glass: a physio outside a patient's care team opens the record in an emergency, with a reason that
 * patient-service records in the audit. The form is on the care-team page ({@link CareTeamPage}).
 */
@Path("/patients/{id}/access")
@Produces(MediaType.TEXT_HTML)
@Tag(name = "Pages: patients")
public class AccessPages {

    private final PatientServiceClient patients;
    private final Lang lang;

    public AccessPages(@RestClient PatientServiceClient patients, Lang lang) {
        this.patients = patients;
        this.lang = lang;
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed("physio")
    @Operation(summary = "Break the glass: emergency access to a patient outside the care team, with a reason")
    public Response breakGlass(@PathParam("id") long id, @FormParam("reason") String reason) {
        String error = CareTeamPage.checkReason(reason, lang.bundle(Care.class));
        if (error != null) {
            // Checked before anything is sent: a short reason is not an emergency access yet.
            return CareTeamPage.render(400, id, carePhysioOf(id), reason, error, null);
        }
        Outcome<Grant> grant =
                Calls.attempt(Calls.PATIENTS, () -> patients.breakGlass(id, new BreakGlass(reason.strip())));
        if (grant.isOk() || grant.notice().status() == 409) {
            // 409: already in the care team (or granted meanwhile), so the record opens anyway.
            return Response.seeOther(URI.create("/patients/" + id + (grant.isOk() ? "?access=granted" : "")))
                    .build();
        }
        Notice notice = grant.notice();
        if (notice.isNotFound()) {
            throw new NotFoundException();
        }
        String reasonError = notice.field("reason");
        int status = notice.unavailable() ? 503 : notice.status() == 400 ? 400 : 403;
        return CareTeamPage.render(
                status, id, carePhysioOf(id), reason, reasonError, reasonError != null ? null : notice);
    }

    /** Whom to ask, as the service's refusal names it; null when the service cannot say. */
    private String carePhysioOf(long id) {
        try {
            return patients.access(id).carePhysio();
        } catch (ServiceException e) {
            return e.problem() != null ? e.problem().carePhysio() : null;
        } catch (RuntimeException e) {
            return null;
        }
    }
}
