package clinic.portal.outbound;

import clinic.portal.outbound.PatientApi.Access;
import clinic.portal.outbound.PatientApi.BreakGlass;
import clinic.portal.outbound.PatientApi.CareTeamChange;
import clinic.portal.outbound.PatientApi.Clearance;
import clinic.portal.outbound.PatientApi.Grant;
import clinic.portal.outbound.PatientApi.Invitation;
import clinic.portal.outbound.PatientApi.NewPatient;
import clinic.portal.outbound.PatientApi.NewScreening;
import clinic.portal.outbound.PatientApi.Patient;
import clinic.portal.outbound.PatientApi.PatientPage;
import clinic.portal.outbound.PatientApi.Screening;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * patient-service as the signed-in user sees it. Every error status becomes a {@link ServiceException}; a slow
 * service is cut off after a few seconds so a page never hangs on it. The audit calls come from {@link AuditEndpoints}.
 */
@RegisterRestClient(configKey = "patient-service")
@RegisterClientHeaders(BearerTokenPropagation.class)
@RegisterProvider(ServiceExceptionMapper.class)
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Timeout(5000)
public interface PatientServiceClient extends AuditEndpoints {

    /** A page of patients, newest first; {@code q} searches names, e-mail and clinic number. */
    @GET
    @Path("/patients")
    PatientPage list(
            @QueryParam("q") String q,
            @QueryParam("status") String status,
            @QueryParam("page") Integer page,
            @QueryParam("size") Integer size);

    /**
     * Clinic-wide search ({@code scope=all}): per patient only id, clinic number, names and care physio, so a physio
     * can find a record outside their care team and ask for access.
     */
    @GET
    @Path("/patients")
    PatientPage search(
            @QueryParam("scope") String scope,
            @QueryParam("q") String q,
            @QueryParam("page") Integer page,
            @QueryParam("size") Integer size);

    /** The given patients in one call, so lists of other services' records can show names. */
    @GET
    @Path("/patients")
    PatientPage byIds(@QueryParam("ids") String commaSeparatedIds);

    /**
     * Registration also makes the login in Keycloak and has it e-mail the invitation (several calls and an SMTP
     * hand-over), so it may take longer than a read.
     */
    @POST
    @Path("/patients")
    @Timeout(15000)
    Patient register(NewPatient patient);

    @GET
    @Path("/patients/{id}")
    Patient get(@PathParam("id") long id);

    /** Has Keycloak e-mail the patient the link to set a password (202); Keycloak and SMTP: as slow as a registration. */
    @POST
    @Path("/patients/{id}/account")
    @Timeout(15000)
    Invitation invite(@PathParam("id") long id);

    @GET
    @Path("/patients/me")
    Patient me();

    @POST
    @Path("/patients/{id}/screenings")
    Screening screen(@PathParam("id") long id, NewScreening screening);

    @GET
    @Path("/patients/{id}/screenings")
    List<Screening> screenings(@PathParam("id") long id);

    @GET
    @Path("/patients/{id}/clearance")
    Clearance clearance(@PathParam("id") long id);

    /** The caller's access to a patient (care physio, team, break-the-glass, admin); 403 not-in-care-team if none. */
    @GET
    @Path("/patients/{id}/access")
    Access access(@PathParam("id") long id);

    /** Break the glass: emergency access for a physio outside the care team, with the reason; audited. */
    @POST
    @Path("/patients/{id}/access")
    Grant breakGlass(@PathParam("id") long id, BreakGlass reason);

    /** Who opened this patient through break-the-glass (care team and admins). */
    @GET
    @Path("/patients/{id}/access-grants")
    List<Grant> grantsOf(@PathParam("id") long id);

    /** Every break-the-glass grant, newest first (admin); {@code active} null means all. */
    @GET
    @Path("/access-grants")
    List<Grant> accessGrants(@QueryParam("active") Boolean active);

    /** Transfer (new care physio) or share (team members) a patient's care; 409 on a stale version. */
    @PUT
    @Path("/patients/{id}/care-team")
    Patient changeCareTeam(@PathParam("id") long id, CareTeamChange change);

    /** The signed-in patient's e-mail preferences, with their address and whether e-mail can go to it. */
    @GET
    @Path("/me/preferences")
    NotificationApi.Preferences myPreferences();

    /** Saves the signed-in patient's preferences; a wrong field is a 422 (or 400) naming it. Returns the new state. */
    @PUT
    @Path("/me/preferences")
    NotificationApi.Preferences savePreferences(NotificationApi.PreferencesChange change);

    /** The signed-in physio's or admin's e-mail switches. */
    @GET
    @Path("/staff/me/notifications")
    NotificationApi.StaffPreferences myStaffPreferences();

    @PUT
    @Path("/staff/me/notifications")
    NotificationApi.StaffPreferences saveStaffPreferences(NotificationApi.StaffPreferencesChange change);

    /**
     * The outbox rows of the given statuses (comma-separated), newest first (admin); read leniently by {@link
     * NotificationApi.RowPage#of}.
     */
    @GET
    @Path("/notifications")
    JsonNode notifications(
            @QueryParam("status") String statuses, @QueryParam("kind") String kind, @QueryParam("page") Integer page);

    /** Counts by status over the last 7 days (admin); read by {@link NotificationApi.Summary#of}. */
    @GET
    @Path("/notifications/summary")
    JsonNode notificationSummary();
}
