package clinic.portal.admin;

import clinic.portal.client.PatientServiceClient;
import clinic.portal.client.ProgramServiceClient;
import clinic.portal.common.Calls;
import clinic.portal.common.FormValues;
import clinic.portal.common.Outcome;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/** Clinic admin pages: reports (as far as program-service offers them) and the audit log of patient-service. */
@Path("/admin")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed("admin")
@Tag(name = "Pages: admin")
public class AdminPages {

    /** The reports the clinic asked for; each is fetched from {@code GET /api/reports/{name}}. */
    static final List<ReportSpec> REPORTS = List.of(
            new ReportSpec(
                    "overview",
                    "Overview",
                    "Active programs and patients, phases, weekly logs, adherence, pain change, open alerts."),
            new ReportSpec("caseload", "Caseload", "Programs and patients per physio."),
            new ReportSpec(
                    "referrals", "Consider referral", "Programs without clinically important improvement after weeks."),
            new ReportSpec("adherence", "Adherence", "Share of prescribed days logged, per program."));

    public record ReportSpec(String name, String title, String description) {}

    /** One report panel: its table, or "not yet available" (404), or a degraded notice. */
    public record ReportPanel(ReportSpec spec, JsonTable table, boolean notYetAvailable, String problem) {}

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance reports(List<ReportPanel> panels);

        static native TemplateInstance audit(String patientId, String from, String to, Outcome<JsonTable> entries);
    }

    private final PatientServiceClient patients;
    private final ProgramServiceClient programs;

    public AdminPages(@RestClient PatientServiceClient patients, @RestClient ProgramServiceClient programs) {
        this.patients = patients;
        this.programs = programs;
    }

    @GET
    @Path("/reports")
    @Operation(summary = "Clinic reports")
    public TemplateInstance reports() {
        List<ReportPanel> panels = new ArrayList<>();
        for (ReportSpec spec : REPORTS) {
            var result = Calls.attempt(Calls.PROGRAMS, () -> programs.report(spec.name()));
            if (result.isOk()) {
                panels.add(new ReportPanel(spec, JsonTable.of(result.value()), false, null));
            } else if (result.notice().isNotFound()) {
                panels.add(new ReportPanel(spec, null, true, null));
            } else {
                panels.add(new ReportPanel(spec, null, false, result.notice().message()));
            }
        }
        return Templates.reports(panels);
    }

    @GET
    @Path("/audit")
    @Operation(summary = "Audit log: who read or changed which record, when")
    public TemplateInstance audit(
            @QueryParam("patientId") String patientId, @QueryParam("from") String from, @QueryParam("to") String to) {
        Long id = null;
        String pid = FormValues.blankToNull(patientId);
        if (pid != null) {
            try {
                id = Long.valueOf(pid);
            } catch (NumberFormatException e) {
                id = null;
            }
        }
        Long patient = id;
        Outcome<JsonTable> entries = Calls.attempt(
                Calls.PATIENTS,
                () -> JsonTable.of(patients.audit(patient, FormValues.blankToNull(from), FormValues.blankToNull(to))));
        return Templates.audit(pid, from, to, entries);
    }
}
