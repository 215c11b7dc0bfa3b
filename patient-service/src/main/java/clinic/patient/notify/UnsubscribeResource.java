package clinic.patient.notify;

import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The e-mails' one-click unsubscribe link, without a login (the portal's {@code /unsubscribe?t=} page and its RFC
 * 8058 one-click POST call these): the signed token is the only permission, and it stops one kind of e-mail for one
 * recipient, nothing else. Opened in application.properties ({@code quarkus.http.auth.permission.unsubscribe}).
 */
@Path("/api/notifications/unsubscribe")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Notification preferences")
@SecurityRequirements
public class UnsubscribeResource {

    /** The body of the POST. */
    public record Request(String token) {}

    private final UnsubscribeService unsubscribe;

    public UnsubscribeResource(UnsubscribeService unsubscribe) {
        this.unsubscribe = unsubscribe;
    }

    @GET
    @PermitAll
    @Operation(
            summary = "What an unsubscribe link would stop (no login; changes nothing)",
            description = "For the confirmation page: the kind, PATIENT or STAFF, and a plain description.")
    @APIResponse(responseCode = "200", description = "What the link stops")
    @APIResponse(responseCode = "400", description = "Not a valid link, or one for URGENT alerts (cannot be stopped)")
    @APIResponse(responseCode = "429", description = "Too many invalid links from this client; Retry-After")
    public UnsubscribeService.Preview preview(@QueryParam("token") String token, @Context HttpServerRequest http) {
        return unsubscribe.preview(token, client(http));
    }

    @POST
    @PermitAll
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Stops the e-mails of an unsubscribe link (no login)",
            description = "Switches the link's kind off for its recipient (PROGRAM_CHANGED and PROGRAM_PAUSED both"
                    + " switch programUpdate off). Idempotent: the same link answers the same again. Audited as actor"
                    + " unsubscribe-link.")
    @APIResponse(responseCode = "200", description = "Stopped: {kind, stopped: true, audience}")
    @APIResponse(responseCode = "400", description = "Not a valid link, or one for URGENT alerts (cannot be stopped)")
    @APIResponse(
            responseCode = "429",
            description = "This link, or this client's invalid links, too often; Retry-After")
    public UnsubscribeService.Stopped stop(Request body, @Context HttpServerRequest http) {
        return unsubscribe.stop(body == null ? null : body.token(), client(http));
    }

    private static String client(HttpServerRequest http) {
        return http.remoteAddress() == null ? "unknown" : http.remoteAddress().hostAddress();
    }
}
