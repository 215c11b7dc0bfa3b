package clinic.patient.outbound;

import io.quarkus.oidc.client.filter.OidcClientFilter;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * program-service's {@code POST /api/programs/holds}, called with this service's own service account (client
 * credentials): a delivery retried by the job has no user behind it, so every delivery uses the same identity. The
 * realm gives that account the role {@code clinical-service} and the audience {@code program-service}.
 */
@RegisterRestClient(configKey = "program-service")
@OidcClientFilter
@Path("/api/programs/holds")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface ProgramHoldsClient {

    /** The red flags of one screening; program-service answers a repeat of the same screening the same way. */
    record Delivery(long patientId, long screeningId, List<String> redFlags) {}

    /** Non-2xx answers throw (the client's default mapper), so a refusal is retried like an outage. */
    @POST
    Map<String, Object> hold(Delivery delivery);
}
