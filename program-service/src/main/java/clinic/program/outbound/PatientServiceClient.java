package clinic.program.outbound;

import clinic.kit.contract.Clearance;
import clinic.kit.outbound.CallerTokenHeaders;
import io.quarkus.rest.client.reactive.ClientExceptionMapper;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
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

    /**
     * The caller's access to the patient (care physio, care team, break-the-glass grant, admin); 403 with the
     * not-in-care-team problem when none, 404 for an unknown patient. Not audited by patient-service as a read.
     */
    @GET
    @Path("/{id}/access")
    @Produces(MediaType.APPLICATION_JSON)
    Access access(@PathParam("id") long patientId);

    /**
     * The patient's record (staff only; patient-service checks the care team and audits the read as PATIENT_READ); 404
     * for an unknown patient.
     */
    @GET
    @Path("/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    PatientRecord patient(@PathParam("id") long patientId);

    /** The calling patient's own record ({@code /api/patients/me}). */
    @GET
    @Path("/me")
    @Produces(MediaType.APPLICATION_JSON)
    PatientRecord mine();

    /** The ids of the patients the calling physio may access now. */
    @GET
    @Path("/accessible")
    @Produces(MediaType.APPLICATION_JSON)
    Accessible accessible();

    /** Every error answer keeps its status and (a bounded piece of) its body, which a refusal's problem needs. */
    @ClientExceptionMapper
    static RuntimeException error(Response response) {
        if (response.getStatus() < 400) {
            return null;
        }
        String body = null;
        try {
            body = response.readEntity(String.class);
        } catch (RuntimeException unreadable) {
            // The status alone still decides; the problem's members then come from what we asked for.
        }
        return new PatientServiceError(response.getStatus(), body);
    }
}
