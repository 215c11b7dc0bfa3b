package clinic.portal.notify;

import clinic.portal.common.Calls;
import clinic.portal.common.Notice;
import clinic.portal.common.Outcome;
import clinic.portal.outbound.NotificationApi.StaffPreferences;
import clinic.portal.outbound.NotificationApi.StaffPreferencesChange;
import clinic.portal.outbound.PatientServiceClient;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestForm;

/**
 * A physio's or admin's e-mail switches (patient-service {@code /api/staff/me/notifications}): the daily digest of
 * open alerts and, for admins, the weekly summary. URGENT alerts are always e-mailed to the care physio and cannot be
 * switched off; the page says so.
 */
@Path("/settings/notifications")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({"physio", "admin"})
@Tag(name = "Pages: staff")
public class StaffNotificationPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance settings(
                StaffPreferences settings, EmailAddress address, boolean admin, Notice notice, boolean saved);
    }

    private final PatientServiceClient patients;
    private final SecurityIdentity identity;

    public StaffNotificationPages(@RestClient PatientServiceClient patients, SecurityIdentity identity) {
        this.patients = patients;
        this.identity = identity;
    }

    @GET
    @Operation(summary = "My e-mail settings: daily digest and weekly summary; urgent alerts are always sent")
    public TemplateInstance show(@QueryParam("saved") String saved) {
        return page(null, saved != null && !saved.isBlank());
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "Save my e-mail settings")
    public Response save(@RestForm String dailyDigest, @RestForm String weeklySummary, @RestForm String language) {
        // Both switches are required by patient-service; the time zone is sent back as read so it never changes
        // here. A physio is not shown the weekly summary (only admins get it), so theirs is sent back as it is.
        Outcome<StaffPreferences> current = Calls.attempt(Calls.PATIENTS, patients::myStaffPreferences);
        if (!current.isOk() || current.value() == null) {
            return Response.ok(page(current.isOk() ? Notice.unreachable(Calls.PATIENTS) : current.notice(), false))
                    .build();
        }
        StaffPreferences now = current.value();
        boolean admin = identity.hasRole("admin");
        StaffPreferencesChange change = new StaffPreferencesChange(
                ticked(dailyDigest),
                admin ? ticked(weeklySummary) : Boolean.TRUE.equals(now.weeklySummary()),
                now.timeZone(),
                // patient-service refuses any other than en and es (422, shown as the page's notice).
                language == null || language.isBlank() ? now.language() : language.trim());
        Outcome<StaffPreferences> saved = Calls.attempt(Calls.PATIENTS, () -> patients.saveStaffPreferences(change));
        if (saved.isOk()) {
            return Response.seeOther(URI.create("/settings/notifications?saved=1"))
                    .build();
        }
        return Response.ok(page(saved.notice(), false)).build();
    }

    private TemplateInstance page(Notice notice, boolean saved) {
        Outcome<StaffPreferences> settings = Calls.attempt(Calls.PATIENTS, patients::myStaffPreferences);
        StaffPreferences s = settings.isOk() ? settings.value() : null;
        EmailAddress address = s == null ? null : EmailAddress.of(s.email(), s.emailVerified(), s.emailStatus());
        Notice shown = notice != null ? notice : settings.isOk() ? null : settings.notice();
        return Templates.settings(s, address, identity.hasRole("admin"), shown, saved && notice == null);
    }

    private static boolean ticked(String value) {
        return value != null && !value.isBlank();
    }
}
