package clinic.portal.alert;

import clinic.portal.common.Calls;
import clinic.portal.common.Care;
import clinic.portal.common.FormValues;
import clinic.portal.common.Notice;
import clinic.portal.common.Outcome;
import clinic.portal.i18n.Lang;
import clinic.portal.outbound.PatientApi.Patient;
import clinic.portal.outbound.PatientApi.PatientPage;
import clinic.portal.outbound.PatientServiceClient;
import clinic.portal.outbound.ProgramApi.Acknowledge;
import clinic.portal.outbound.ProgramApi.Alert;
import clinic.portal.outbound.ProgramServiceClient;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestForm;

/** The physio's safety alert inbox: most urgent first, acknowledged one by one with a note. */
@Path("/alerts")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed("physio")
@Tag(name = "Pages: alerts")
public class AlertPages {

    private static final List<String> SEVERITY_ORDER = List.of("URGENT", "HIGH", "MEDIUM", "LOW");

    /** Most severe first (URGENT, HIGH, MEDIUM, LOW, then unknown), then newest first (ISO timestamps sort as text). */
    static final Comparator<Alert> MOST_URGENT_FIRST = Comparator.comparingInt((Alert a) -> {
                int rank = a.severity() == null
                        ? -1
                        : SEVERITY_ORDER.indexOf(a.severity().toUpperCase());
                return rank < 0 ? SEVERITY_ORDER.size() : rank;
            })
            .thenComparing(Alert::createdAt, Comparator.nullsLast(Comparator.reverseOrder()));

    /** One alert with the patient's name for display. */
    public record AlertRow(Alert alert, String patientName) {}

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance inbox(String status, Outcome<List<AlertRow>> alerts, Notice notice);
    }

    private final ProgramServiceClient programs;
    private final PatientServiceClient patients;
    private final Lang lang;

    public AlertPages(@RestClient ProgramServiceClient programs, @RestClient PatientServiceClient patients, Lang lang) {
        this.programs = programs;
        this.patients = patients;
        this.lang = lang;
    }

    @GET
    @Operation(summary = "Alert inbox, most urgent first")
    public TemplateInstance inbox(@QueryParam("status") String status) {
        return render(status, null);
    }

    @POST
    @Path("/{id}/acknowledge")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "Acknowledge an alert with a note")
    public Response acknowledge(@PathParam("id") long id, @RestForm String note) {
        Outcome<Alert> done = Calls.attempt(
                Calls.PROGRAMS, () -> programs.acknowledge(id, new Acknowledge(FormValues.blankToNull(note))));
        if (done.isOk()) {
            return Response.seeOther(URI.create("/alerts")).build();
        }
        return Response.ok(render(null, done.notice())).build();
    }

    private TemplateInstance render(String status, Notice notice) {
        String wanted = "ACKNOWLEDGED".equals(status) ? "ACKNOWLEDGED" : "OPEN";
        Outcome<List<Alert>> alerts = Calls.attempt(Calls.PROGRAMS, () -> programs.alerts(wanted));
        if (!alerts.isOk()) {
            return Templates.inbox(wanted, Outcome.failed(alerts.notice()), notice);
        }
        List<Alert> sorted = alerts.value().stream().sorted(MOST_URGENT_FIRST).toList();
        Map<Long, String> names = names(sorted);
        Care care = lang.bundle(Care.class);
        List<AlertRow> rows = sorted.stream()
                .map(a -> new AlertRow(
                        a,
                        names.getOrDefault(
                                a.patientId(), a.patientId() == null ? "" : care.patient_number(a.patientId()))))
                .toList();
        return Templates.inbox(wanted, Outcome.ok(rows), notice);
    }

    /** One batch call for all names; if it fails the inbox still shows the alerts with patient numbers. */
    private Map<Long, String> names(List<Alert> alerts) {
        String ids = alerts.stream()
                .map(Alert::patientId)
                .filter(Objects::nonNull)
                .distinct()
                .map(String::valueOf)
                .collect(Collectors.joining(","));
        if (ids.isEmpty()) {
            return Map.of();
        }
        Outcome<PatientPage> page = Calls.attempt(Calls.PATIENTS, () -> patients.byIds(ids));
        Map<Long, String> names = new HashMap<>();
        if (page.isOk()) {
            for (Patient p : page.value().itemsOrEmpty()) {
                names.put(p.id(), p.fullName());
            }
        }
        return names;
    }
}
