package clinic.portal.notify;

import clinic.portal.common.Calls;
import clinic.portal.common.Outcome;
import clinic.portal.outbound.NotificationApi.RowPage;
import clinic.portal.outbound.NotificationApi.Summary;
import clinic.portal.outbound.PatientServiceClient;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * The admin's view of the e-mail outbox (patient-service {@code /api/notifications}, audited there as a staff read):
 * the e-mails that failed, whose sending is uncertain (never resent automatically) or that were skipped, newest first,
 * and the counts by status of the last 7 days. No address and no content is ever shown: a patient by clinic number, a
 * staff recipient by login.
 */
@Path("/admin/notifications")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed("admin")
@Tag(name = "Pages: admin")
public class NotificationAdminPage {

    /** The statuses the list can show; "problems" is all three. */
    static final Map<String, String> STATUSES = Map.of(
            "problems", "FAILED,UNCERTAIN,SKIPPED",
            "FAILED", "FAILED",
            "UNCERTAIN", "UNCERTAIN",
            "SKIPPED", "SKIPPED");

    static final List<String> KINDS = List.of(
            "EXERCISE_REMINDER",
            "INACTIVITY_NUDGE",
            "MEASURE_DUE",
            "PROGRAM_CHANGED",
            "PROGRAM_PAUSED",
            "URGENT_ALERT",
            "ALERT_DIGEST",
            "WEEKLY_SUMMARY");

    /** The filter as asked, normalised. */
    public record Filter(String status, String kind, int page) {

        public int previous() {
            return Math.max(0, page - 1);
        }

        public int next() {
            return page + 1;
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance notifications(
                Filter filter, List<String> kinds, Outcome<Summary> summary, Outcome<RowPage> rows);
    }

    private final PatientServiceClient patients;

    public NotificationAdminPage(@RestClient PatientServiceClient patients) {
        this.patients = patients;
    }

    @GET
    @Operation(summary = "E-mail log: failed, uncertain and skipped notifications, and the last 7 days' counts")
    public TemplateInstance list(
            @QueryParam("status") String status, @QueryParam("kind") String kind, @QueryParam("page") Integer page) {
        String s = status != null && STATUSES.containsKey(status) ? status : "problems";
        String k = kind != null && KINDS.contains(kind) ? kind : null;
        int p = page == null || page < 0 ? 0 : page;
        Filter filter = new Filter(s, k, p);
        Outcome<Summary> summary = Calls.attempt(Calls.PATIENTS, () -> Summary.of(patients.notificationSummary()));
        Outcome<RowPage> rows = Calls.attempt(
                Calls.PATIENTS, () -> RowPage.of(patients.notifications(STATUSES.get(s), k, p == 0 ? null : p)));
        return Templates.notifications(filter, KINDS, summary, rows);
    }
}
