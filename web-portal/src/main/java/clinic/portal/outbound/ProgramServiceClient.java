package clinic.portal.outbound;

import clinic.portal.outbound.ProgramApi.Acknowledge;
import clinic.portal.outbound.ProgramApi.Alert;
import clinic.portal.outbound.ProgramApi.Exercise;
import clinic.portal.outbound.ProgramApi.ExerciseCopy;
import clinic.portal.outbound.ProgramApi.ExerciseInput;
import clinic.portal.outbound.ProgramApi.ExerciseRevision;
import clinic.portal.outbound.ProgramApi.NewProgram;
import clinic.portal.outbound.ProgramApi.NewProtocol;
import clinic.portal.outbound.ProgramApi.NewSession;
import clinic.portal.outbound.ProgramApi.PhaseChange;
import clinic.portal.outbound.ProgramApi.Program;
import clinic.portal.outbound.ProgramApi.Progress;
import clinic.portal.outbound.ProgramApi.Protocol;
import clinic.portal.outbound.ProgramApi.ProtocolCopy;
import clinic.portal.outbound.ProgramApi.Resume;
import clinic.portal.outbound.ProgramApi.RevisionUpdate;
import clinic.portal.outbound.ProgramApi.Session;
import clinic.portal.outbound.ProgramApi.Today;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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

    /** The whole library (current revisions), retired exercises too when asked. */
    @GET
    @Path("/exercises")
    List<Exercise> library(@QueryParam("includeRetired") boolean includeRetired);

    @GET
    @Path("/exercises/{slug}")
    Exercise exercise(@PathParam("slug") String slug);

    /** The translations of an exercise's current revision, one per language (staff). */
    @GET
    @Path("/exercises/{slug}/translations")
    List<ProgramApi.ExerciseTranslation> exerciseTranslations(@PathParam("slug") String slug);

    /** Writes a clinic exercise's translation into a language; 400 with violations, 409 for a built-in one. */
    @PUT
    @Path("/exercises/{slug}/translations/{lang}")
    ProgramApi.ExerciseTranslation translateExercise(
            @PathParam("slug") String slug, @PathParam("lang") String lang, ProgramApi.ExerciseTranslation words);

    /** Every revision of an exercise, newest first (staff). */
    @GET
    @Path("/exercises/{slug}/revisions")
    List<ExerciseRevision> exerciseRevisions(@PathParam("slug") String slug);

    /** Adds a clinic exercise; 400 with violations, 409 slug taken. */
    @POST
    @Path("/exercises")
    Exercise createExercise(ExerciseInput exercise);

    /** Edits a clinic exercise as its next revision; 409 for a built-in one or a stale revision. */
    @PUT
    @Path("/exercises/{slug}")
    Exercise editExercise(@PathParam("slug") String slug, ExerciseInput exercise);

    @POST
    @Path("/exercises/{slug}/copy")
    Exercise copyExercise(@PathParam("slug") String slug, ExerciseCopy copy);

    @POST
    @Path("/exercises/{slug}/retire")
    Exercise retireExercise(@PathParam("slug") String slug);

    @POST
    @Path("/exercises/{slug}/unretire")
    Exercise unretireExercise(@PathParam("slug") String slug);

    /** Moves one exercise of a program to the library's newest revision (a new program revision). */
    @POST
    @Path("/programs/{id}/exercises/{slug}/update-revision")
    Program updateExerciseRevision(@PathParam("id") long id, @PathParam("slug") String slug, RevisionUpdate update);

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
     * The outcomes report ({@code protocol} and the others may be null: left out, the service's defaults). Typed,
     * because the page shows it as its own section rather than a generic table.
     */
    @GET
    @Path("/reports/outcomes")
    ProgramApi.OutcomesReport outcomesReport(
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @QueryParam("physio") String physio,
            @QueryParam("protocol") String protocol);

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
    /** The caller's private templates and the clinic-wide ones, newest first. */
    @GET
    @Path("/templates")
    List<TemplateApi.Template> templates();

    /** One template; 404 for another physio's private one. */
    @GET
    @Path("/templates/{id}")
    TemplateApi.Template template(@PathParam("id") long id);

    /** Saves a program's exercises and dosages as a template: 409 name taken, 422 a retired exercise. */
    @POST
    @Path("/templates/from-program/{programId}")
    TemplateApi.Template templateFromProgram(@PathParam("programId") long programId, TemplateApi.FromProgram body);

    /** Deletes a template: its owner (a clinic-wide one also an admin), else 403/404. */
    @DELETE
    @Path("/templates/{id}")
    void deleteTemplate(@PathParam("id") long id);

    /**
     * The line drawing of a built-in exercise (SVG). A {@link Response} so its {@code ETag} and {@code Cache-Control}
     * can be passed on; 404 for an unknown key.
     */
    @GET
    @Path("/illustrations/{key}.svg")
    @Produces("image/svg+xml")
    Response illustration(@PathParam("key") String key);

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

    /** The standard questionnaires with whether this clinic has each switched on (any signed-in role). */
    @GET
    @Path("/instruments")
    List<ProgramApi.Instrument> instruments();

    /** Records a completed questionnaire: 422 with violations (missing answer, time point not open), 409 done/discharged. */
    @POST
    @Path("/programs/{id}/measures")
    ProgramApi.Measure recordMeasure(@PathParam("id") long id, ProgramApi.NewMeasure measure);

    /** A program's completed questionnaires, oldest first. */
    @GET
    @Path("/programs/{id}/measures")
    List<ProgramApi.Measure> measures(@PathParam("id") long id);

    /** What is due, done, upcoming or missed per instrument and time point. */
    @GET
    @Path("/programs/{id}/measures/due")
    ProgramApi.MeasuresDue measuresDue(@PathParam("id") long id);

    /** Discharges a program (physio in the care team); it is read-only afterwards (409 /program-discharged). */
    @POST
    @Path("/programs/{id}/discharge")
    Program discharge(@PathParam("id") long id, ProgramApi.Discharge discharge);

    /** The episode of a discharged program (409 /program-not-discharged before). */
    @GET
    @Path("/programs/{id}/summary")
    ProgramApi.DischargeSummary summary(@PathParam("id") long id);

    /**
     * The episode as a FHIR R4 Bundle, passed through as it came; a {@link Response} so the portal can check the
     * status and keep the bytes.
     */
    @GET
    @Path("/programs/{id}/fhir")
    @Produces({"application/fhir+json", MediaType.APPLICATION_JSON})
    Response fhir(@PathParam("id") long id);
}
