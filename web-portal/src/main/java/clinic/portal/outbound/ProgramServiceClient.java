package clinic.portal.outbound;

import clinic.portal.outbound.ProgramApi.Acknowledge;
import clinic.portal.outbound.ProgramApi.Alert;
import clinic.portal.outbound.ProgramApi.Exercise;
import clinic.portal.outbound.ProgramApi.NewProgram;
import clinic.portal.outbound.ProgramApi.NewProtocol;
import clinic.portal.outbound.ProgramApi.NewSession;
import clinic.portal.outbound.ProgramApi.PhaseChange;
import clinic.portal.outbound.ProgramApi.Program;
import clinic.portal.outbound.ProgramApi.Progress;
import clinic.portal.outbound.ProgramApi.Protocol;
import clinic.portal.outbound.ProgramApi.ProtocolCopy;
import clinic.portal.outbound.ProgramApi.Resume;
import clinic.portal.outbound.ProgramApi.Session;
import clinic.portal.outbound.ProgramApi.Today;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * program-service as the signed-in user sees it. Every error status becomes a {@link ServiceException}; a slow
 * service is cut off after a few seconds so a page never hangs on it. The audit calls come from {@link AuditEndpoints}.
 */
@RegisterRestClient(configKey = "program-service")
@RegisterClientHeaders(BearerTokenPropagation.class)
@RegisterProvider(ServiceExceptionMapper.class)
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Timeout(5000)
public interface ProgramServiceClient extends AuditEndpoints {

    @GET
    @Path("/exercises")
    List<Exercise> exercises(@QueryParam("phase") Integer phase, @QueryParam("category") String category);

    @GET
    @Path("/protocols")
    List<Protocol> protocols();

    @GET
    @Path("/protocols/{code}")
    Protocol protocol(@PathParam("code") String code);

    /** Every version of a protocol, oldest first (a program keeps the version it was assigned). */
    @GET
    @Path("/protocols/{code}/versions")
    List<Protocol> protocolVersions(@PathParam("code") String code);

    /** A new protocol (physios); 400/422 with {@code violations} naming the fields. */
    @POST
    @Path("/protocols")
    Protocol createProtocol(NewProtocol protocol);

    /** The next version of a protocol; 409 when {@code version} is stale, 422 for a built-in one. */
    @PUT
    @Path("/protocols/{code}")
    Protocol updateProtocol(@PathParam("code") String code, NewProtocol protocol);

    @POST
    @Path("/protocols/{code}/copy")
    Protocol copyProtocol(@PathParam("code") String code, ProtocolCopy copy);

    @POST
    @Path("/protocols/{code}/retire")
    Protocol retireProtocol(@PathParam("code") String code);

    /** Assigns a protocol; 422 with {@code cautions} when a caution exercise is not acknowledged. */
    @POST
    @Path("/programs")
    Program assign(NewProgram program);

    @GET
    @Path("/programs")
    List<Program> programsOf(@QueryParam("patientId") long patientId);

    @GET
    @Path("/programs/{id}")
    Program program(@PathParam("id") long id);

    @GET
    @Path("/programs/me")
    Program myProgram();

    @GET
    @Path("/programs/me/today")
    Today today();

    @POST
    @Path("/programs/{id}/phase")
    Program changePhase(@PathParam("id") long id, PhaseChange change);

    /**
     * Resumes a program on hold: 409 when it is not on hold, 422 when no screening newer than the hold clears the
     * patient, 503 when patient-service cannot be asked.
     */
    @POST
    @Path("/programs/{id}/resume")
    Program resume(@PathParam("id") long id, Resume resume);

    /** Logs a session; the key makes a double submit (Back + resend) store it once. */
    @POST
    @Path("/programs/{id}/sessions")
    Session logSession(
            @PathParam("id") long id, @HeaderParam("Idempotency-Key") String idempotencyKey, NewSession session);

    @GET
    @Path("/programs/{id}/sessions")
    List<Session> sessions(@PathParam("id") long id);

    @GET
    @Path("/programs/{id}/progress")
    Progress progress(@PathParam("id") long id);

    @GET
    @Path("/alerts")
    List<Alert> alerts(@QueryParam("status") String status);

    @POST
    @Path("/alerts/{id}/acknowledge")
    Alert acknowledge(@PathParam("id") long id, Acknowledge acknowledge);

    /**
     * A clinic report for a period ({@code from}/{@code to}, ISO dates, service defaults when null) and optionally one
     * care physio; {@code after} is the keyset cursor of the adherence or referrals report and {@code size} their page
     * size (null: the service's default, every row for referrals). Kept as JSON because the page shows most of it as
     * generic tables.
     */
    @GET
    @Path("/reports/{name}")
    JsonNode report(
            @PathParam("name") String name,
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @QueryParam("physio") String physio,
            @QueryParam("after") String after,
            @QueryParam("size") Integer size);

    /** {@link #report} of one protocol's programs ({@code protocol}: its code, every version). */
    @GET
    @Path("/reports/{name}")
    JsonNode report(
            @PathParam("name") String name,
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @QueryParam("physio") String physio,
            @QueryParam("protocol") String protocol,
            @QueryParam("after") String after,
            @QueryParam("size") Integer size);

    /**
     * The same report as CSV. A {@link Response} so the service's {@code Content-Disposition} file name (which
     * carries the period the service resolved) and the adherence {@code X-Next-Cursor} can be passed on.
     */
    @GET
    @Path("/reports/{name}")
    @Produces("text/csv")
    Response reportCsv(
            @PathParam("name") String name,
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @QueryParam("physio") String physio);

    /** {@link #reportCsv} of one protocol's programs. */
    @GET
    @Path("/reports/{name}")
    @Produces("text/csv")
    Response reportCsv(
            @PathParam("name") String name,
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @QueryParam("physio") String physio,
            @QueryParam("protocol") String protocol);
}
