package clinic.portal.outcome;

import clinic.portal.common.Calls;
import clinic.portal.common.CarePlan;
import clinic.portal.common.FormValues;
import clinic.portal.common.MeasureWords;
import clinic.portal.common.Notice;
import clinic.portal.common.Outcome;
import clinic.portal.common.PatientNames;
import clinic.portal.i18n.Lang;
import clinic.portal.outbound.PatientServiceClient;
import clinic.portal.outbound.ProblemBody.Violation;
import clinic.portal.outbound.ProgramApi.Discharge;
import clinic.portal.outbound.ProgramApi.DueMeasure;
import clinic.portal.outbound.ProgramApi.MeasuresDue;
import clinic.portal.outbound.ProgramApi.Program;
import clinic.portal.outbound.ProgramApi.Progress;
import clinic.portal.outbound.ProgramServiceClient;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * Discharging a program: the reason, the physio's summary, a preview of what the letter will hold, and the discharge
 * questionnaires not yet done with links to enter them. After it the program is read-only and this page only points
 * back to it.
 */
@Path("/programs/{id}/discharge")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed("physio")
@Tag(name = "Pages: discharge")
public class DischargePages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance discharge(
                Program program,
                String patientName,
                Outcome<Progress> progress,
                List<DueMeasure> notDone,
                DischargeForm form,
                Notice notice,
                List<String> reasons);
    }

    private final ProgramServiceClient programs;
    private final PatientServiceClient patients;
    private final Lang lang;

    public DischargePages(
            @RestClient ProgramServiceClient programs, @RestClient PatientServiceClient patients, Lang lang) {
        this.programs = programs;
        this.patients = patients;
        this.lang = lang;
    }

    @GET
    @Operation(summary = "The discharge form with the episode's preview")
    public Response form(@PathParam("id") long id) {
        return page(id, new DischargeForm(), null);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "Discharge the program with a reason and summary; it is read-only afterwards")
    public Response discharge(@PathParam("id") long id, @BeanParam DischargeForm form) {
        CarePlan plan = lang.bundle(CarePlan.class);
        List<Violation> violations = new ArrayList<>();
        String reason = FormValues.blankToNull(form.reason);
        String summary = FormValues.blankToNull(form.summary);
        if (reason == null || !MeasureWords.reasons().contains(reason)) {
            violations.add(new Violation("reason", plan.discharge_reason_required()));
        }
        if ("OTHER".equals(reason) && summary == null) {
            violations.add(new Violation("summary", plan.discharge_summary_required()));
        }
        if (summary != null && summary.length() > DischargeForm.MAX_SUMMARY) {
            violations.add(new Violation("summary", plan.discharge_summary_too_long(DischargeForm.MAX_SUMMARY)));
        }
        if (!violations.isEmpty()) {
            return page(id, form, Notice.of(plan.discharge_not_sent(), violations));
        }
        Outcome<Program> done =
                Calls.attempt(Calls.PROGRAMS, () -> programs.discharge(id, new Discharge(reason, summary)));
        if (done.isOk()) {
            return Response.seeOther(URI.create("/programs/" + id + "?discharged=1"))
                    .build();
        }
        if (done.notice().isNotFound()) {
            throw new NotFoundException();
        }
        return page(id, form, done.notice());
    }

    private Response page(long id, DischargeForm form, Notice notice) {
        Outcome<Program> program = Calls.attempt(Calls.PROGRAMS, () -> programs.program(id));
        if (!program.isOk()) {
            if (program.notice().isNotFound()) {
                throw new NotFoundException();
            }
            return Response.ok(Templates.discharge(
                            null,
                            "",
                            Outcome.failed(program.notice()),
                            List.of(),
                            form,
                            program.notice(),
                            MeasureWords.reasons()))
                    .build();
        }
        Program p = program.value();
        if (p.isDischarged()) {
            // Discharged already (another tab, a colleague): the program page says by whom and when.
            return Response.seeOther(URI.create("/programs/" + id)).build();
        }
        String name = p.patientId() == null ? "" : PatientNames.of(patients, p.patientId());
        Outcome<Progress> progress = Calls.attempt(Calls.PROGRAMS, () -> programs.progress(id));
        Outcome<MeasuresDue> due = Calls.attempt(Calls.PROGRAMS, () -> programs.measuresDue(id));
        List<DueMeasure> notDone = due.isOk() && due.value() != null
                ? due.value().items().stream()
                        .filter(d -> "DISCHARGE".equals(d.timepoint()) && !d.isDone())
                        .toList()
                : List.of();
        return Response.ok(Templates.discharge(p, name, progress, notDone, form, notice, MeasureWords.reasons()))
                .build();
    }
}
