package clinic.patient.account;

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

    public AccountResource(AccountService accounts) {
        this.accounts = accounts;
    }

    @POST
    @RolesAllowed("physio")
    @Operation(
            summary = "Invite the patient by e-mail (again)",
            description = "Makes the login if needed; Keycloak e-mails the link to set a password and verify the"
                    + " address. No password is made or shown here.")
    @APIResponse(
            responseCode = "202",
            description = "Invitation sent: {patientId, account, username, invitationSentTo}")
    @APIResponse(responseCode = "403", description = "Not a physio, or not in the patient's care team")
    @APIResponse(responseCode = "404", description = "No such patient")
    @APIResponse(responseCode = "409", description = "The e-mail belongs to staff")
    @APIResponse(responseCode = "422", description = "The patient has no e-mail address")
    @APIResponse(responseCode = "503", description = "Keycloak unavailable or the e-mail not sent; Retry-After set")
    public Response invite(@PathParam("id") long id) {
        return Response.accepted(accounts.invite(id))
                .header("Cache-Control", "no-store")
                .build();
    }
}
