package clinic.portal.program;

import clinic.portal.common.Calls;
import clinic.portal.common.Care;
import clinic.portal.common.CarePlan;
import clinic.portal.common.FormValues;
import clinic.portal.common.Notice;
import clinic.portal.common.Outcome;
import clinic.portal.common.PatientNames;
import clinic.portal.common.ProgressChart;
import clinic.portal.i18n.Lang;
import clinic.portal.outbound.PatientServiceClient;
import clinic.portal.outbound.ProblemBody.Violation;
import clinic.portal.outbound.ProgramApi.MeasuresDue;
import clinic.portal.outbound.ProgramApi.PhaseChange;
import clinic.portal.outbound.ProgramApi.Program;
import clinic.portal.outbound.ProgramApi.Progress;
import clinic.portal.outbound.ProgramApi.Protocol;
import clinic.portal.outbound.ProgramApi.ProtocolPhase;
import clinic.portal.outbound.ProgramApi.Resume;
import clinic.portal.outbound.ProgramApi.RevisionUpdate;
import clinic.portal.outbound.ProgramApi.Session;
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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * A program for physios (and admins, read-only): phase, exercises, revisions, progress, phase change, and for a
 * program on hold why and since when, and the resume form.
 */
@Path("/programs/{id}")
@Produces(MediaType.TEXT_HTML)
@Tag(name = "Pages: programs")
public class ProgramPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance program(
                Program program,
                String patientName,
                Outcome<Progress> progress,
                Outcome<List<Session>> sessions,
                ProgressChart chart,
                PhaseForm phaseForm,
                Notice notice,
                ResumeForm resumeForm,
                Notice resumeNotice,
                boolean resumed,
                List<ProtocolPhase> phaseChoices,
                Outcome<MeasuresDue> due,
                boolean discharged);
    }

    private final PatientServiceClient patients;
    private final ProgramServiceClient programs;
    private final Lang lang;

    public ProgramPages(
            @RestClient PatientServiceClient patients, @RestClient ProgramServiceClient programs, Lang lang) {
        this.patients = patients;
        this.programs = programs;
        this.lang = lang;
    }

    @GET
    @RolesAllowed({"physio", "admin"})
    @Operation(summary = "A program: phase, exercises, revisions, progress and the phase change form")
    public TemplateInstance program(
            @PathParam("id") long id,
            @QueryParam("resumed") String resumed,
            @QueryParam("discharged") String discharged) {
        return renderProgram(id, null, null, null, null, resumed != null, discharged != null);
    }

    @POST
    @Path("/resume")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed("physio")
    @Operation(summary = "Resume a program on hold, with a reason, after a new screening cleared the patient")
    public Response resume(@PathParam("id") long id, @BeanParam ResumeForm form) {
        CarePlan plan = lang.bundle(CarePlan.class);
        List<Violation> violations = new ArrayList<>();
        reason(form.reason, ResumeForm.MAX_REASON, plan, violations);
        if (!violations.isEmpty()) {
            return Response.ok(renderProgram(
                            id, null, null, form, Notice.of(plan.program_resume_needs_reason(), violations), false))
                    .build();
        }
        Outcome<Program> resumed =
                Calls.attempt(Calls.PROGRAMS, () -> programs.resume(id, new Resume(form.reason.trim())));
        if (resumed.isOk()) {
            // Post/redirect/get: the page says it is resumed; a reload sends nothing again.
            return Response.seeOther(URI.create("/programs/" + id + "?resumed=1"))
                    .build();
        }
        if (resumed.notice().isNotFound()) {
            throw new NotFoundException();
        }
        return Response.ok(renderProgram(id, null, null, form, resumed.notice(), false))
                .build();
    }

    @POST
    @Path("/phase")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed("physio")
    @Operation(summary = "Move the program to another phase, with a reason")
    public Response changePhase(@PathParam("id") long id, @BeanParam PhaseForm form) {
        Care care = lang.bundle(Care.class);
        CarePlan plan = lang.bundle(CarePlan.class);
        List<Violation> violations = new ArrayList<>();
        Integer phase = null;
        if (FormValues.blankToNull(form.phase) == null) {
            violations.add(new Violation("phase", plan.program_phase_required()));
        } else {
            try {
                phase = Integer.valueOf(form.phase.trim());
            } catch (NumberFormatException e) {
                violations.add(new Violation("phase", plan.program_phase_whole_number()));
            }
        }
        if (FormValues.blankToNull(form.reason) == null) {
            violations.add(new Violation("reason", plan.program_reason_required()));
        }
        Long version = null;
        if (FormValues.blankToNull(form.version) != null) {
            try {
                version = Long.valueOf(form.version.trim());
            } catch (NumberFormatException e) {
                version = null;
            }
        }
        if (!violations.isEmpty()) {
            return Response.ok(renderProgram(
                            id, form, Notice.of(care.some_fields_need_attention(), violations), null, null, false))
                    .build();
        }
        PhaseChange change = new PhaseChange(phase, form.reason.trim(), version);
        Outcome<Program> changed = Calls.attempt(Calls.PROGRAMS, () -> programs.changePhase(id, change));
        if (changed.isOk()) {
            return Response.seeOther(URI.create("/programs/" + id)).build();
        }
        if (changed.notice().isNotFound()) {
            throw new NotFoundException();
        }
        return Response.ok(renderProgram(id, form, changed.notice(), null, null, false))
                .build();
    }

    @POST
    @Path("/exercises/{slug}/update-revision")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed("physio")
    @Operation(summary = "Move one exercise of the program to the library's newest revision, with a reason")
    public Response updateExerciseRevision(
            @PathParam("id") long id, @PathParam("slug") String slug, @BeanParam RevisionForm form) {
        CarePlan plan = lang.bundle(CarePlan.class);
        List<Violation> violations = new ArrayList<>();
        reason(form.reason, RevisionForm.MAX_REASON, plan, violations);
        Long version = null;
        try {
            version = FormValues.blankToNull(form.version) == null ? null : Long.valueOf(form.version.trim());
        } catch (NumberFormatException e) {
            violations.add(new Violation("version", plan.program_version_missing()));
        }
        if (!violations.isEmpty()) {
            return Response.ok(renderProgram(
                            id, null, Notice.of(plan.program_revision_needs_reason(), violations), null, null, false))
                    .build();
        }
        RevisionUpdate update = new RevisionUpdate(form.reason.trim(), version);
        Outcome<Program> updated =
                Calls.attempt(Calls.PROGRAMS, () -> programs.updateExerciseRevision(id, slug, update));
        if (updated.isOk()) {
            return Response.seeOther(URI.create("/programs/" + id)).build();
        }
        if (updated.notice().isNotFound()) {
            throw new NotFoundException();
        }
        return Response.ok(renderProgram(id, null, updated.notice(), null, null, false))
                .build();
    }

    /** A reason is required and has a maximum length; the messages say what to do, in the page's language. */
    private static void reason(String reason, int max, CarePlan plan, List<Violation> violations) {
        if (FormValues.blankToNull(reason) == null) {
            violations.add(new Violation("reason", plan.program_reason_required()));
        } else if (reason.trim().length() > max) {
            violations.add(new Violation("reason", plan.program_reason_too_long(max)));
        }
    }

    private TemplateInstance renderProgram(
            long id, PhaseForm form, Notice notice, ResumeForm resumeForm, Notice resumeNotice, boolean resumed) {
        return renderProgram(id, form, notice, resumeForm, resumeNotice, resumed, false);
    }

    private TemplateInstance renderProgram(
            long id,
            PhaseForm form,
            Notice notice,
            ResumeForm resumeForm,
            Notice resumeNotice,
            boolean resumed,
            boolean justDischarged) {
        Outcome<Program> program = Calls.attempt(Calls.PROGRAMS, () -> programs.program(id));
        if (!program.isOk()) {
            if (program.notice().isNotFound()) {
                throw new NotFoundException();
            }
            return Templates.program(
                    null,
                    "",
                    Outcome.failed(program.notice()),
                    Outcome.ok(List.of()),
                    ProgressChart.of(null, List.of()),
                    new PhaseForm(),
                    program.notice(),
                    new ResumeForm(),
                    null,
                    false,
                    null,
                    Outcome.ok(null),
                    false);
        }
        Program p = program.value();
        Outcome<Progress> progress = Calls.attempt(Calls.PROGRAMS, () -> programs.progress(id));
        Outcome<List<Session>> sessions = Calls.attempt(Calls.PROGRAMS, () -> programs.sessions(id));
        ProgressChart chart = ProgressChart.of(progress.value(), sessions.isOk() ? sessions.value() : List.of());
        PhaseForm phaseForm = form;
        if (phaseForm == null) {
            phaseForm = new PhaseForm();
            if (progress.isOk() && progress.value().suggestedPhase() != null) {
                phaseForm.phase = progress.value().suggestedPhase().toString();
            } else if (p.phase() != null) {
                phaseForm.phase = p.phase().toString();
            }
        }
        phaseForm.version = p.version() == null ? null : p.version().toString();
        String name = p.patientId() == null ? "" : PatientNames.of(patients, p.patientId());
        return Templates.program(
                p,
                name,
                progress,
                sessions,
                chart,
                phaseForm,
                notice,
                resumeForm == null ? new ResumeForm() : resumeForm,
                resumeNotice,
                resumed,
                phaseChoices(p),
                // A discharged program has nothing due: its scores are in the progress, nothing can be entered.
                p.isDischarged() ? Outcome.ok(null) : Calls.attempt(Calls.PROGRAMS, () -> programs.measuresDue(id)),
                justDischarged);
    }

    /**
     * The phases a program may move to: those of the protocol version it was assigned; null (the page then offers the
     * seed's three) when the service does not say which version or cannot list them.
     */
    private List<ProtocolPhase> phaseChoices(Program p) {
        if (p.protocol() == null || p.protocolVersion() == null) {
            return null;
        }
        Outcome<List<Protocol>> versions = Calls.attempt(Calls.PROGRAMS, () -> programs.protocolVersions(p.protocol()));
        if (!versions.isOk() || versions.value() == null) {
            return null;
        }
        return versions.value().stream()
                .filter(v -> p.protocolVersion().equals(v.version()))
                .map(Protocol::phases)
                .filter(phases -> phases != null && !phases.isEmpty())
                .findFirst()
                .orElse(null);
    }
}
