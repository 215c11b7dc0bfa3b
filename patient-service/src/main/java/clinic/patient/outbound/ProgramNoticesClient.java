package clinic.patient.outbound;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.quarkus.oidc.client.filter.OidcClientFilter;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * program-service's notice API (role {@code clinical-service} only), called with this service's own service account
 * like {@link ProgramHoldsClient}: what happened (the notice feed, read by cursor), and what stands (programs' status
 * for reminders, open alerts for the physios' digest, the clinic's week for the admins' summary). docs/api.md
 * "Notices (service account)".
 */
@RegisterRestClient(configKey = "program-service")
@OidcClientFilter
@Path("/api/notices")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface ProgramNoticesClient {

    /** Notices with an id greater than {@code after}, oldest first, at most {@code limit} (1..500). */
    @GET
    NoticePage notices(@QueryParam("after") long after, @QueryParam("limit") int limit);

    /** Where each patient's current program stands on the patient's local day (1..500 patients). */
    @POST
    @Path("/status")
    StatusAnswer status(StatusQuery query);

    /** Open (unacknowledged) alerts of current programs, per care physio. */
    @GET
    @Path("/open-alerts")
    OpenAlerts openAlerts();

    /** Clinic-wide counts from {@code from} to {@code to} (exclusive). */
    @GET
    @Path("/week")
    Week week(@QueryParam("from") LocalDate from, @QueryParam("to") LocalDate to);

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Notice(
            long id,
            String kind,
            Long patientId,
            Long programId,
            String carePhysio,
            String ref,
            String detail,
            String occurredAt) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record NoticePage(List<Notice> notices, long last) {}

    record StatusQuery(List<PatientDay> patients) {}

    record PatientDay(long patientId, LocalDate localDate) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record StatusAnswer(List<ProgramStatus> patients) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record ProgramStatus(
            long patientId,
            Long programId,
            String status,
            String carePhysio,
            LocalDate startedOn,
            LocalDate lastLogOn,
            boolean loggedOnLocalDate,
            int daysWithoutLog,
            List<MeasureDue> measuresDue) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record MeasureDue(String instrument, String timepoint, LocalDate opensOn) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record OpenAlerts(List<PhysioAlerts> physios) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record PhysioAlerts(String physio, int open, int urgent, List<TypeCount> byType, LocalDate oldestRaisedOn) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record TypeCount(String type, int count) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Week(
            LocalDate from,
            LocalDate to,
            long sessionsLogged,
            long patientsLogging,
            long activePrograms,
            long programsStarted,
            long programsDischarged,
            long alertsRaised,
            long urgentAlerts,
            long openAlerts) {}
}
