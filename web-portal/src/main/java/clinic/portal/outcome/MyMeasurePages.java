package clinic.portal.outcome;

import clinic.portal.common.Calls;
import clinic.portal.common.DischargedProgram;
import clinic.portal.common.Notice;
import clinic.portal.common.Outcome;
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
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * The patient's questionnaires: what is due and done with the scores in plain words, and filling one in (phone width
 * first, every required answer given or explicitly skipped). The program is always the signed-in patient's own, looked
 * up from {@code /api/programs/me}, never taken from the address or the form.
 */
@Path("/me/measures")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed("patient")
@Tag(name = "Pages: my questionnaires")
public class MyMeasurePages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(
                Outcome<Program> program,
                Outcome<MeasuresDue> due,
                Outcome<List<Measure>> measures,
                DischargedProgram discharged);

        static native TemplateInstance fill(
                Instrument instrument,
                List<DueMeasure> open,
                boolean canFill,
                QuestionnaireForm form,
                Notice notice,
                Notice blocked,
                String action);

        static native TemplateInstance done(Measure measure, Instrument instrument);
    }

    private final ProgramServiceClient programs;

    public MyMeasurePages(@RestClient ProgramServiceClient programs) {
        this.programs = programs;
    }

    @GET
    @Operation(summary = "My questionnaires: what is due, what is done, and the scores")
    public TemplateInstance list() {
        Outcome<Program> program = Calls.attempt(Calls.PROGRAMS, programs::myProgram);
        if (!program.isOk() || program.value() == null || program.value().id() == null) {
            DischargedProgram discharged =
                    program.isOk() || program.notice().isNotFound() ? DischargedProgram.of(programs) : null;
            Outcome<List<Measure>> earlier = discharged == null
                    ? Outcome.ok(List.of())
                    : Calls.attempt(Calls.PROGRAMS, () -> programs.measures(discharged.id()));
            return Templates.list(program, Outcome.ok(null), earlier, discharged);
        }
        long id = program.value().id();
        Outcome<MeasuresDue> due = Calls.attempt(Calls.PROGRAMS, () -> programs.measuresDue(id));
        Outcome<List<Measure>> measures = Calls.attempt(Calls.PROGRAMS, () -> programs.measures(id));
        return Templates.list(program, due, measures, null);
    }

    @GET
    @Path("/{instrument}")
    @Operation(summary = "Fill in one questionnaire")
    public TemplateInstance form(@PathParam("instrument") String code) {
        return page(code, QuestionnaireForm.empty(), null);
    }

    @POST
    @Path("/{instrument}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "Send a questionnaire; missing answers come back inline with everything typed kept")
    public TemplateInstance send(@PathParam("instrument") String code, MultivaluedMap<String, String> in) {
        Outcome<Instrument> instrument = Questionnaires.instrument(programs, code);
        if (!instrument.isOk()) {
            return Templates.fill(null, List.of(), false, QuestionnaireForm.empty(), null, instrument.notice(), null);
        }
        Instrument i = instrument.value();
        QuestionnaireForm form = QuestionnaireForm.parse(in, i);
        // A patient never chooses the time point or the date: the service takes the one due now, today.
        form.timepoint = null;
        form.completedOn = null;
        List<Violation> missing = form.check(i);
        if (!missing.isEmpty()) {
            return page(
                    code,
                    form.withErrors(missing),
                    Notice.of(
                            missing.size() == 1
                                    ? "One question needs an answer. Choose “Prefer not to answer” to leave it out."
                                    : missing.size()
                                            + " questions need an answer. Choose “Prefer not to answer” to leave"
                                            + " one out.",
                            missing));
        }
        Outcome<Program> program = Calls.attempt(Calls.PROGRAMS, programs::myProgram);
        if (!program.isOk() || program.value() == null || program.value().id() == null) {
            return Templates.fill(i, List.of(), false, form, null, noProgram(program), null);
        }
        long id = program.value().id();
        Outcome<Measure> saved = Calls.attempt(Calls.PROGRAMS, () -> programs.recordMeasure(id, form.toMeasure(i)));
        if (saved.isOk()) {
            return Templates.done(saved.value(), i);
        }
        return page(code, form.withErrors(Questionnaires.violations(saved.notice())), saved.notice());
    }

    private TemplateInstance page(String code, QuestionnaireForm form, Notice notice) {
        Outcome<Instrument> instrument = Questionnaires.instrument(programs, code);
        if (!instrument.isOk()) {
            return Templates.fill(null, List.of(), false, form, null, instrument.notice(), null);
        }
        Instrument i = instrument.value();
        Outcome<Program> program = Calls.attempt(Calls.PROGRAMS, programs::myProgram);
        if (!program.isOk() || program.value() == null || program.value().id() == null) {
            return Templates.fill(i, List.of(), false, form, null, noProgram(program), null);
        }
        long id = program.value().id();
        Outcome<MeasuresDue> due = Calls.attempt(Calls.PROGRAMS, () -> programs.measuresDue(id));
        List<DueMeasure> open = Questionnaires.of(due, i.code()).stream()
                .filter(DueMeasure::isOpen)
                .toList();
        // The due list unknown (service slow): the form is shown and the service decides when it is sent.
        boolean canFill = !due.isOk() || due.value() == null || !open.isEmpty();
        return Templates.fill(
                i, open, canFill, form, notice, null, "/me/measures/" + i.code().toLowerCase(Locale.ROOT));
    }

    private static Notice noProgram(Outcome<Program> program) {
        return program.isOk() || program.notice().isNotFound()
                ? Notice.of("You have no current exercise program, so there is no questionnaire to fill in.", List.of())
                : program.notice();
    }
}
