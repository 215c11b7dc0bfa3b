package clinic.portal.outcome;

import clinic.portal.common.Calls;
import clinic.portal.common.CarePlan;
import clinic.portal.common.Notice;
import clinic.portal.common.Outcome;
import clinic.portal.common.PatientNames;
import clinic.portal.i18n.Lang;
import clinic.portal.outbound.PatientServiceClient;
import clinic.portal.outbound.ProblemBody.Violation;
import clinic.portal.outbound.ProgramApi.DueMeasure;
import clinic.portal.outbound.ProgramApi.Instrument;
import clinic.portal.outbound.ProgramApi.Measure;
import clinic.portal.outbound.ProgramApi.MeasuresDue;
import clinic.portal.outbound.ProgramApi.Program;
import clinic.portal.outbound.ProgramServiceClient;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * A questionnaire entered by the physio in clinic: the same form as the patient's, with the time point (default the
 * one due now) and the date it was completed. Nothing is offered on a discharged program.
 */
@Path("/programs/{id}/measures")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed("physio")
@Tag(name = "Pages: programs")
public class ClinicMeasurePages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance fill(
                Program program,
                String patientName,
                Instrument instrument,
                List<DueMeasure> timepoints,
                QuestionnaireForm form,
                Notice notice,
                Notice blocked,
                String action);

        static native TemplateInstance done(Program program, Measure measure, Instrument instrument);
    }

    private final ProgramServiceClient programs;
    private final PatientServiceClient patients;
    private final Lang lang;

    public ClinicMeasurePages(
            @RestClient ProgramServiceClient programs, @RestClient PatientServiceClient patients, Lang lang) {
        this.programs = programs;
        this.patients = patients;
        this.lang = lang;
    }

    @GET
    @Path("/{instrument}")
    @Operation(summary = "Enter a questionnaire in clinic")
    public TemplateInstance form(@PathParam("id") long id, @PathParam("instrument") String code) {
        return page(id, code, QuestionnaireForm.empty(), null);
    }

    @POST
    @Path("/{instrument}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "Save a questionnaire entered in clinic")
    public TemplateInstance send(
            @PathParam("id") long id, @PathParam("instrument") String code, MultivaluedMap<String, String> in) {
        Outcome<Instrument> instrument = Questionnaires.instrument(programs, code);
        if (!instrument.isOk()) {
            return page(id, code, QuestionnaireForm.empty(), null);
        }
        CarePlan plan = lang.bundle(CarePlan.class);
        Instrument i = instrument.value();
        QuestionnaireForm form = QuestionnaireForm.parse(in, i);
        List<Violation> problems = new ArrayList<>(form.check(i));
        if (form.completedOn != null) {
            try {
                if (LocalDate.parse(form.completedOn).isAfter(LocalDate.now())) {
                    problems.add(new Violation("completedOn", plan.measure_not_in_future()));
                }
            } catch (DateTimeParseException e) {
                problems.add(new Violation("completedOn", plan.measure_not_a_date()));
            }
        }
        if (!problems.isEmpty()) {
            return page(id, code, form.withErrors(problems), Notice.of(plan.measure_need_answers(), problems));
        }
        Outcome<Measure> saved = Calls.attempt(Calls.PROGRAMS, () -> programs.recordMeasure(id, form.toMeasure(i)));
        if (saved.isOk()) {
            Program p =
                    Calls.attempt(Calls.PROGRAMS, () -> programs.program(id)).value();
            return Templates.done(p, saved.value(), i);
        }
        if (saved.notice().isNotFound()) {
            throw new NotFoundException();
        }
        return page(id, code, form.withErrors(Questionnaires.violations(saved.notice())), saved.notice());
    }

    private TemplateInstance page(long id, String code, QuestionnaireForm form, Notice notice) {
        Outcome<Program> program = Calls.attempt(Calls.PROGRAMS, () -> programs.program(id));
        if (!program.isOk()) {
            if (program.notice().isNotFound()) {
                throw new NotFoundException();
            }
            return Templates.fill(null, "", null, List.of(), form, null, program.notice(), null);
        }
        Program p = program.value();
        String name = p.patientId() == null ? "" : PatientNames.of(patients, p.patientId());
        Outcome<Instrument> instrument = Questionnaires.instrument(programs, code);
        if (!instrument.isOk()) {
            return Templates.fill(p, name, null, List.of(), form, null, instrument.notice(), null);
        }
        Instrument i = instrument.value();
        if (p.isDischarged()) {
            return Templates.fill(
                    p,
                    name,
                    i,
                    List.of(),
                    form,
                    null,
                    Notice.of(lang.bundle(CarePlan.class).measure_discharged(), List.of()),
                    null);
        }
        Outcome<MeasuresDue> due = Calls.attempt(Calls.PROGRAMS, () -> programs.measuresDue(id));
        List<DueMeasure> timepoints = Questionnaires.of(due, i.code()).stream()
                .filter(d -> d.isOpen() || "AT_DISCHARGE".equals(d.status()) || "MISSED".equals(d.status()))
                .toList();
        return Templates.fill(
                p,
                name,
                i,
                timepoints,
                form,
                notice,
                null,
                "/programs/" + id + "/measures/" + i.code().toLowerCase(Locale.ROOT));
    }
}
