package clinic.program.notice;

import clinic.kit.problem.DomainException;
import clinic.kit.text.QueryParams;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * What patient-service's e-mail sender reads with its service account: the notice feed by cursor and the facts its
 * reminders and summaries need. Role {@code clinical-service} only; staff and patients get 403.
 */
@Path("/api/notices")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("clinical-service")
@Tag(name = "Notices", description = "The notice feed and reads for patient-service's e-mail sender (service account)")
@APIResponse(responseCode = "401", description = "No valid token")
@APIResponse(responseCode = "403", description = "Not patient-service's service account (role clinical-service)")
public class NoticeResource {

    private final NoticeService notices;

    public NoticeResource(NoticeService notices) {
        this.notices = notices;
    }

    @GET
    @Operation(
            summary = "Notices after a cursor, oldest first (URGENT_ALERT, PROGRAM_CHANGED, PROGRAM_PAUSED,"
                    + " PROGRAM_RESUMED, PROGRAM_DISCHARGED)")
    @APIResponse(responseCode = "200", description = "A page of notices and the cursor for the next read")
    @APIResponse(responseCode = "400", description = "after not a whole number >= 0, or limit not 1 to 500")
    public NoticeViews.Page feed(
            @Parameter(description = "the last notice id already read; default 0") @QueryParam("after") String after,
            @Parameter(description = "most notices to return, 1 to 500; default 200") @QueryParam("limit")
                    String limit) {
        return notices.feed(cursor(after), QueryParams.number("limit", limit, 200, 1, NoticeService.MAX_PAGE));
    }

    @POST
    @Path("/status")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Where each patient stands on their local date: program status, last log, days without a log,"
                    + " questionnaires due")
    @APIResponse(responseCode = "200", description = "One entry per patient asked, in the order asked")
    @APIResponse(responseCode = "400", description = "An entry without a positive patientId or a localDate")
    @APIResponse(responseCode = "422", description = "No patients, or more than 500")
    public NoticeViews.Status status(NoticeViews.StatusRequest request) {
        return notices.status(request);
    }

    @GET
    @Path("/open-alerts")
    @Operation(summary = "Open alerts of current programs per care physio (for the daily digest)")
    @APIResponse(responseCode = "200", description = "One entry per physio with open alerts")
    public NoticeViews.OpenAlerts openAlerts() {
        return notices.openAlerts();
    }

    @GET
    @Path("/week")
    @Operation(summary = "Clinic-wide figures of a period of at most 31 days (for the admins' weekly summary)")
    @APIResponse(responseCode = "200", description = "The figures")
    @APIResponse(
            responseCode = "400",
            description = "from or to missing or malformed, to not after from, or over 31 days")
    public NoticeViews.Week week(
            @Parameter(description = "first day (ISO date)") @QueryParam("from") String from,
            @Parameter(description = "the day after the last (ISO date, exclusive)") @QueryParam("to") String to) {
        LocalDate first = QueryParams.date("from", from);
        LocalDate end = QueryParams.date("to", to);
        if (first == null) {
            throw new DomainException.Invalid("from", "is required (yyyy-MM-dd)");
        }
        if (end == null) {
            throw new DomainException.Invalid("to", "is required (yyyy-MM-dd)");
        }
        if (!end.isAfter(first)) {
            throw new DomainException.Invalid("to", "must be after from");
        }
        if (ChronoUnit.DAYS.between(first, end) > NoticeService.MAX_DAYS) {
            throw new DomainException.Invalid("to", "must be at most " + NoticeService.MAX_DAYS + " days after from");
        }
        return notices.week(first, end);
    }

    private static long cursor(String after) {
        if (after == null || after.isBlank()) {
            return 0;
        }
        if (!after.matches("\\d{1,18}")) {
            throw new DomainException.Invalid("after", "must be a whole number of 0 or more");
        }
        return Long.parseLong(after);
    }
}
