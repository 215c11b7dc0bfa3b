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

@Path("/api/me/preferences")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Notification preferences", description = "Which e-mails a patient or a staff member gets, and when")
public class PreferenceResource {

    private final PreferenceService preferences;
    private final SecurityIdentity identity;

    public PreferenceResource(PreferenceService preferences, SecurityIdentity identity) {
        this.preferences = preferences;
        this.identity = identity;
    }

    @GET
    @RolesAllowed("patient")
    @Operation(
            summary = "The caller's own e-mail choices (patients only)",
            description = "emailVerified: true when e-mail can reach the address; false with emailStatus saying why"
                    + " not (EMAIL_NOT_VERIFIED, NO_LOGIN, ...); null with emailStatus UNKNOWN when Keycloak did not"
                    + " answer. timeZone is the effective zone (the patient's or the clinic's).")
    @APIResponse(responseCode = "200", description = "The choices (the defaults while none were made)")
    @APIResponse(responseCode = "403", description = "Not a patient")
    @APIResponse(responseCode = "404", description = "No record is linked to this login")
    public PreferenceView get() {
        return preferences.own(identity.getPrincipal().getName());
    }

    @PUT
    @RolesAllowed("patient")
    @Operation(
            summary = "Replaces the caller's own e-mail choices (patients only)",
            description =
                    "Every switch and reminderTime are required; timeZone, quietStart/quietEnd and language may be"
                            + " null. email, emailVerified, emailStatus and updatedAt are read-only and ignored.")
    @APIResponse(responseCode = "200", description = "The new choices")
    @APIResponse(responseCode = "400", description = "Not JSON, an unknown field, or a switch that is not true/false")
    @APIResponse(responseCode = "403", description = "Not a patient")
    @APIResponse(responseCode = "404", description = "No record is linked to this login")
    @APIResponse(responseCode = "422", description = "A field is not valid; violations name each one")
    public PreferenceView put(@NotNull PreferenceInput input) {
        return preferences.update(identity.getPrincipal().getName(), input);
    }
}
