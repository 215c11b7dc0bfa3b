package clinic.patient.account;

import clinic.patient.access.CareTeamAccess;
import clinic.patient.audit.AuditAction;
import clinic.patient.patient.PatientView;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/patients/{id}/account")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Patient accounts", description = "Portal logins of patients")
public class AccountResource {

    private final AccountService accounts;
    private final CareTeamAccess access;

    public AccountResource(AccountService accounts, CareTeamAccess access) {
        this.accounts = accounts;
        this.access = access;
    }

    @POST
    @RolesAllowed("physio")
    @Operation(
            summary = "Provision the login or reset its temporary password",
            description = "Answers the record with firstLogin {username, temporaryPassword}, shown this once.")
    @APIResponse(responseCode = "200", description = "Fresh first-login details")
    @APIResponse(responseCode = "403", description = "Not a physio, or not in the patient's care team")
    @APIResponse(responseCode = "404", description = "No such patient")
    @APIResponse(responseCode = "409", description = "No e-mail, or the e-mail belongs to staff")
    @APIResponse(responseCode = "503", description = "Keycloak unavailable; Retry-After set")
    public Response freshFirstLogin(@PathParam("id") long id) {
        access.require(id, AuditAction.ACCOUNT_RESET);
        PatientView view = accounts.freshFirstLogin(id);
        // The body holds a password: no cache anywhere may keep it.
        return Response.ok(view).header("Cache-Control", "no-store").build();
    }
}
