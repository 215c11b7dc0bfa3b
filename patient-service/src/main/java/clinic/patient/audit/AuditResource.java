package clinic.patient.audit;

import clinic.patient.common.BadRequestProblem;
import clinic.patient.common.PageRequest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/audit")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Audit", description = "Who read or changed which patient record, when")
public class AuditResource {

    private final AuditTrail audit;

    public AuditResource(AuditTrail audit) {
        this.audit = audit;
    }

    @GET
    @RolesAllowed("admin")
    @Operation(summary = "Audit events, newest first")
    @APIResponse(responseCode = "200", description = "A page of events")
    @APIResponse(responseCode = "400", description = "A bad date or page")
    @APIResponse(responseCode = "401", description = "No valid token")
    @APIResponse(responseCode = "403", description = "Not an admin")
    public AuditPage list(
            @QueryParam("patientId") String patientId,
            @Parameter(description = "ISO date (from its start, UTC) or instant, inclusive") @QueryParam("from")
                    String from,
            @Parameter(description = "ISO date (to its end, UTC) or instant, exclusive") @QueryParam("to") String to,
            @QueryParam("page") String page,
            @QueryParam("size") String size) {
        return audit.search(
                patientId(patientId),
                instant("from", from, false),
                instant("to", to, true),
                PageRequest.of(page, size));
    }

    private static Long patientId(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Long.valueOf(value.strip());
        } catch (NumberFormatException e) {
            throw new BadRequestProblem("patientId", "must be a number");
        }
    }

    /** A plain date means the whole day in UTC: "to=2026-11-26" includes that day. */
    private static Instant instant(String field, String value, boolean endOfDay) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            if (value.length() == 10) {
                LocalDate day = LocalDate.parse(value);
                return (endOfDay ? day.plusDays(1) : day)
                        .atStartOfDay(ZoneOffset.UTC)
                        .toInstant();
            }
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new BadRequestProblem(field, "must be an ISO date (2026-11-26) or instant (2026-11-26T10:00:00Z)");
        }
    }
}
