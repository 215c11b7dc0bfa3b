package clinic.portal.outbound;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * patient-service's unsubscribe link, which needs no login: the signed token from the e-mail is the whole credential.
 * A client of its own, without {@link BearerTokenPropagation}, so the portal never sends a login with it: the link
 * works the same whoever (if anyone) is signed in in this browser, and a signed-in user's token never decides what
 * the link stops.
 */
@RegisterRestClient(configKey = "patient-service")
@RegisterProvider(ServiceExceptionMapper.class)
@Path("/api/notifications/unsubscribe")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Timeout(5000)
public interface UnsubscribeClient {

    /** What the link would stop; changes nothing. 400 for a link that is not valid. */
    @GET
    NotificationApi.UnsubscribeLink describe(@QueryParam("token") String token);

    /** Switches that kind of e-mail off for the link's recipient. 400 for a link that is not valid. */
    @POST
    NotificationApi.Unsubscribed stop(NotificationApi.UnsubscribeRequest request);
}
