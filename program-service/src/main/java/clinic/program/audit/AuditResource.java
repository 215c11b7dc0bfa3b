package clinic.program.audit;

import clinic.kit.contract.AuditEntry;
import clinic.kit.problem.DomainException;
import clinic.kit.text.QueryParams;
import clinic.kit.text.StrictDates;
import clinic.program.csv.Csv;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/audit")
@Tag(name = "Audit", description = "Who read, changed or was refused which patient's programs, when")
public class AuditResource {

    static final String TEXT_CSV = Csv.MEDIA_TYPE;
    /** Most rows one page of the admin's search returns. */
    static final int MAX_SIZE = 500;
    /** Most rows a patient's "who accessed my record" returns. */
    static final int MY_LIMIT = 200;

    private final AuditService audit;

    public AuditResource(AuditService audit) {
        this.audit = audit;
    }

    @GET
    @RolesAllowed("admin")
    @Produces({MediaType.APPLICATION_JSON, TEXT_CSV})
    @Operation(summary = "Audit rows, newest first, as JSON or (Accept: text/csv) as CSV")
    @APIResponse(
            responseCode = "200",
            description = "A page of rows",
            content = {
                @Content(
                        mediaType = MediaType.APPLICATION_JSON,
                        schema = @Schema(implementation = AuditViews.Page.class)),
                @Content(mediaType = TEXT_CSV, schema = @Schema(type = SchemaType.STRING))
            })
    @APIResponse(responseCode = "400", description = "A bad id, date, range, page or size")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "Not an admin")
    public Response search(
            @QueryParam("patientId") String patientId,
            @Parameter(description = "user name of the caller") @QueryParam("user") String user,
            @Parameter(description = "action, e.g. PROGRAM_READ") @QueryParam("action") String action,
            @Parameter(description = "ISO date (from its start, UTC) or UTC instant, inclusive") @QueryParam("from")
                    String from,
            @Parameter(description = "ISO date (to its end, UTC) or UTC instant, inclusive") @QueryParam("to")
                    String to,
            @Parameter(description = "page number from 0") @QueryParam("page") String page,
            @Parameter(description = "rows per page, 1-500, default 50") @QueryParam("size") String size,
            @Context HttpHeaders headers) {
        String actionName = QueryParams.text("action", action, 60);
        if (actionName != null && !actionName.matches("[A-Z][A-Z_]*")) {
            throw new DomainException.Invalid("action", "must be an action name such as PROGRAM_READ");
        }
        LocalDateTime start = time("from", from, false);
        LocalDateTime end = time("to", to, true);
        if (start != null && end != null && !start.isBefore(end)) {
            throw new DomainException.Invalid("from", "must not be after to");
        }
        AuditRepository.Filter filter = new AuditRepository.Filter(
                QueryParams.positiveId("patientId", patientId),
                QueryParams.text("user", user, 100),
                actionName,
                start,
                end);
        AuditViews.Page result = audit.search(
                filter,
                QueryParams.number("page", page, 0, 0, 1_000_000),
                QueryParams.number("size", size, 50, 1, MAX_SIZE));
        if (Csv.wanted(headers)) {
            return Response.ok(csv(result.items()), TEXT_CSV + "; charset=UTF-8")
                    .header("Content-Disposition", "attachment; filename=\"program-service-audit.csv\"")
                    .build();
        }
        return Response.ok(result, MediaType.APPLICATION_JSON).build();
    }

    @GET
    @Path("/me")
    @RolesAllowed("patient")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Staff (physio, admin) accesses to your own programs, newest first, at most 200")
    @APIResponse(responseCode = "200", description = "The accesses, allowed and refused")
    public List<AuditViews.MyAccess> mine() {
        return audit.staffAccessToCaller(MY_LIMIT);
    }

    static String csv(List<AuditEntry> items) {
        Csv csv = new Csv()
                .row(
                        "id",
                        "service",
                        "at",
                        "user",
                        "role",
                        "action",
                        "patientId",
                        "programId",
                        "outcome",
                        "reason",
                        "requestId");
        items.forEach(i -> csv.row(
                i.id(),
                i.service(),
                i.at().toString(),
                i.user(),
                i.role(),
                i.action(),
                i.patientId(),
                i.programId(),
                i.outcome(),
                i.reason(),
                i.requestId()));
        return csv.toString();
    }

    /**
     * A plain ISO date is the whole UTC day ({@code to} includes it); an instant ({@code 2026-12-01T10:00:00Z}) is
     * taken as it is, {@code to} then including that instant. Both within {@link StrictDates}' range.
     */
    private static LocalDateTime time(String field, String value, boolean end) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        if (value.length() == 10) {
            LocalDate day = StrictDates.queryParam(field, value);
            return (end ? day.plusDays(1) : day).atStartOfDay();
        }
        String message = "must be an ISO date (2026-12-01) or UTC instant (2026-12-01T10:00:00Z) between "
                + StrictDates.MIN + " and " + StrictDates.MAX;
        if (!value.matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?Z")) {
            throw new DomainException.Invalid(field, message);
        }
        try {
            LocalDateTime at = LocalDateTime.ofInstant(Instant.parse(value), ZoneOffset.UTC);
            if (at.toLocalDate().isBefore(StrictDates.MIN) || at.toLocalDate().isAfter(StrictDates.MAX)) {
                throw new DomainException.Invalid(field, message);
            }
            return end ? at.plusNanos(1000) : at;
        } catch (DateTimeParseException e) {
            throw new DomainException.Invalid(field, message);
        }
    }
}
