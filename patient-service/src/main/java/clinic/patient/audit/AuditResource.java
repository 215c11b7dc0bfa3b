package clinic.patient.audit;

import clinic.kit.problem.DomainException;
import clinic.kit.text.QueryParams;
import clinic.kit.web.PageRequest;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/audit")
@Tag(name = "Audit", description = "Who read or changed which patient record, when, and whether it was allowed")
public class AuditResource {

    /** One export may be large, but not the whole table: page through it. */
    static final int MAX_SIZE = 500;
    /** What a patient sees of who accessed their record. */
    static final int MAX_MINE = 200;

    private static final Pattern USER = Pattern.compile("[A-Za-z0-9._@-]{1,100}");
    private static final String CSV = "text/csv";

    private final AuditTrail audit;
    private final SecurityIdentity identity;

    public AuditResource(AuditTrail audit, SecurityIdentity identity) {
        this.audit = audit;
        this.identity = identity;
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, CSV})
    @RolesAllowed("admin")
    @Operation(
            summary = "Audit events, newest first",
            description = "JSON by default; with Accept: text/csv the same rows as CSV with a header line, where a cell"
                    + " that a spreadsheet would run as a formula is prefixed with a quote.")
    @APIResponse(responseCode = "200", description = "A page of events")
    @APIResponse(responseCode = "400", description = "A bad filter, date or page")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "Not an admin")
    public Response list(
            @QueryParam("patientId") String patientId,
            @Parameter(description = "User name of the person who acted") @QueryParam("user") String user,
            @Parameter(description = "e.g. PATIENT_READ, BREAK_GLASS") @QueryParam("action") String action,
            @Parameter(description = "ISO date (from its start, UTC) or instant, inclusive; years 1900-2999")
                    @QueryParam("from")
                    String from,
            @Parameter(description = "ISO date (to its end, UTC, inclusive) or instant (exclusive)") @QueryParam("to")
                    String to,
            @QueryParam("page") String page,
            @Parameter(description = "1 to 500, default 20") @QueryParam("size") String size,
            @HeaderParam("Accept") String accept) {
        AuditPage events = search(patientId, user, action, from, to, page, size);
        if (wantsCsv(accept)) {
            return Response.ok(AuditCsv.of(events.items()), CSV + "; charset=UTF-8")
                    .header("Content-Disposition", "attachment; filename=\"patient-service-audit.csv\"")
                    .header("X-Total-Count", events.total())
                    .build();
        }
        return Response.ok(events, MediaType.APPLICATION_JSON).build();
    }

    /** CSV only when asked for by name; a client that accepts anything gets JSON. */
    private static boolean wantsCsv(String accept) {
        return accept != null
                && accept.toLowerCase(java.util.Locale.ROOT).contains(CSV)
                && !accept.toLowerCase(java.util.Locale.ROOT).contains(MediaType.APPLICATION_JSON);
    }

    @GET
    @Path("/me")
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed("patient")
    @Operation(summary = "Who of the staff read or changed the caller's own record, newest first (at most 200)")
    @APIResponse(responseCode = "200", description = "Accesses by physios and admins; empty if no record is linked")
    @APIResponse(responseCode = "403", description = "Not a patient")
    public List<AuditMine> mine() {
        return audit.staffAccessesToOwnRecord(identity.getPrincipal().getName(), MAX_MINE);
    }

    private AuditPage search(
            String patientId, String user, String action, String from, String to, String page, String size) {
        Instant start = QueryParams.instant("from", from, false);
        Instant end = QueryParams.instant("to", to, true);
        if (start != null && end != null && !start.isBefore(end)) {
            throw new DomainException.Invalid("from", "must not be after to");
        }
        PageRequest paging = PageRequest.of(page, size, MAX_SIZE);
        return audit.search(
                new AuditRepository.Filter(patientId(patientId), user(user), action(action), start, end),
                paging.page(),
                paging.size());
    }

    private static Long patientId(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Long.valueOf(value.strip());
        } catch (NumberFormatException e) {
            throw new DomainException.Invalid("patientId", "must be a number");
        }
    }

    private static String user(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (!USER.matcher(value.strip()).matches()) {
            throw new DomainException.Invalid("user", "must be a user name");
        }
        return value.strip();
    }

    private static AuditAction action(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return AuditAction.valueOf(value.strip());
        } catch (IllegalArgumentException e) {
            throw new DomainException.Invalid("action", "must be one of " + List.of(AuditAction.values()));
        }
    }
}
