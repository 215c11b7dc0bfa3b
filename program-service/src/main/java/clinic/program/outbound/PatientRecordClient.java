package clinic.program.outbound;

import clinic.kit.outbound.CallerTokenHeaders;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * patient-service's patient record, read with the caller's own bearer token (patient-service applies its own care-team
 * rule and audits the read): staff read {@code /{id}}, a patient their own {@code /me}.
 */
@RegisterRestClient(configKey = "patient-service")
@RegisterClientHeaders(CallerTokenHeaders.class)
@Path("/api/patients")
public interface PatientRecordClient {

    @GET
    @Path("/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    PatientRecord record(@PathParam("id") long patientId);

    @GET
    @Path("/me")
    @Produces(MediaType.APPLICATION_JSON)
    PatientRecord mine();
}
