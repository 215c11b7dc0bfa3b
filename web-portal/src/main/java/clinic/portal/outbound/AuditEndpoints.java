package clinic.portal.outbound;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.faulttolerance.Timeout;

/**
 * The audit API both services serve in the same shape ({@code /api/audit}, {@code /api/audit/me}), declared once:
 * {@link PatientServiceClient} and {@link ProgramServiceClient} extend it, so a page can ask either with the same code.
 */
@Produces(MediaType.APPLICATION_JSON)
@Timeout(5000)
public interface AuditEndpoints {

    /** The service's audit trail (admin), newest first. */
    @GET
    @Path("/audit")
    AuditApi.Page audit(
            @QueryParam("patientId") Long patientId,
            @QueryParam("user") String user,
            @QueryParam("action") String action,
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @QueryParam("page") Integer page,
            @QueryParam("size") Integer size);

    /** Staff accesses to the signed-in patient's own data in this service, newest first. */
    @GET
    @Path("/audit/me")
    List<AuditApi.Entry> myAudit();
}
