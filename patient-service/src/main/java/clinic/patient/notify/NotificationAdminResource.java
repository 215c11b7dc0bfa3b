package clinic.patient.notify;

import clinic.kit.web.PageRequest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/notifications")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Notifications (admin)", description = "The e-mail outbox: what was sent, skipped, failed or is uncertain")
public class NotificationAdminResource {

    private final NotificationAdminService notifications;

    public NotificationAdminResource(NotificationAdminService notifications) {
        this.notifications = notifications;
    }

    @GET
    @RolesAllowed("admin")
    @Operation(
            summary = "Outbox rows, newest first (admins)",
            description = "A patient is named by clinic number only; no address or content is kept. Audited per"
                    + " patient listed (NOTIFICATIONS_LISTED).")
    @APIResponse(responseCode = "200", description = "{items, page, size, total}")
    @APIResponse(responseCode = "400", description = "An unknown status or kind, or a bad page")
    @APIResponse(responseCode = "403", description = "Not an admin")
    public NotificationAdminService.Page list(
            @Parameter(description = "Comma-separated: PENDING, SENDING, SENT, FAILED, UNCERTAIN, CANCELLED, SKIPPED")
                    @QueryParam("status")
                    String status,
            @Parameter(description = "Comma-separated kinds, e.g. EXERCISE_REMINDER,URGENT_ALERT") @QueryParam("kind")
                    String kind,
            @QueryParam("page") String page,
            @Parameter(description = "1 to 100, default 20") @QueryParam("size") String size) {
        return notifications.list(status, kind, PageRequest.of(page, size));
    }

    @GET
    @Path("/summary")
    @RolesAllowed("admin")
    @Operation(summary = "Outbox rows of the last 7 days counted by status (admins)")
    @APIResponse(responseCode = "200", description = "{since, days, counts: {status: n}, total}")
    @APIResponse(responseCode = "403", description = "Not an admin")
    public NotificationAdminService.Summary summary() {
        return notifications.summary();
    }
}
