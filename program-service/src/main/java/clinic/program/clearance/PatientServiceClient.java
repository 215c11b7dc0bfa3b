package clinic.program.clearance;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** patient-service, called with the caller's own bearer token (see {@link CallerTokenHeaders}). */
@RegisterRestClient(configKey = "patient-service")
@RegisterClientHeaders(CallerTokenHeaders.class)
@Path("/api/patients")
public interface PatientServiceClient {

    /** The patient's clearance; a 404 means patient-service does not know the patient. */
    @GET
    @Path("/{id}/clearance")
    @Produces(MediaType.APPLICATION_JSON)
    Clearance clearance(@PathParam("id") long patientId);
}
