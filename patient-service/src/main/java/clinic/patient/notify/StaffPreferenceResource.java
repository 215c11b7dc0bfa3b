package clinic.patient.notify;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/staff/me/notifications")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Notification preferences")
public class StaffPreferenceResource {

    private final StaffPreferenceService preferences;
    private final SecurityIdentity identity;

    public StaffPreferenceResource(StaffPreferenceService preferences, SecurityIdentity identity) {
        this.preferences = preferences;
        this.identity = identity;
    }

    @GET
    @RolesAllowed({"physio", "admin"})
    @Operation(
            summary = "The caller's own staff e-mails: daily alert digest, weekly summary",
            description = "urgentAlerts is always true: an URGENT alert always goes to the care physio.")
    @APIResponse(responseCode = "200", description = "The choices (both on while none were made)")
    @APIResponse(responseCode = "403", description = "Not a physio or admin")
    public StaffPreferenceView get() {
        return preferences.own(identity.getPrincipal().getName());
    }

    @PUT
    @RolesAllowed({"physio", "admin"})
    @Operation(
            summary = "Replaces the caller's own staff e-mail choices",
            description = "dailyDigest and weeklySummary are required, timeZone may be null; urgentAlerts false is"
                    + " refused; email, emailVerified and emailStatus are read-only and ignored.")
    @APIResponse(responseCode = "200", description = "The new choices")
    @APIResponse(responseCode = "400", description = "Not JSON, an unknown field, or a switch that is not true/false")
    @APIResponse(responseCode = "403", description = "Not a physio or admin")
    @APIResponse(responseCode = "422", description = "A field is not valid; violations name each one")
    public StaffPreferenceView put(@NotNull StaffPreferenceInput input) {
        return preferences.update(identity.getPrincipal().getName(), input);
    }
}
