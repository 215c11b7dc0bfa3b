package clinic.portal.template;

import clinic.portal.common.Calls;
import clinic.portal.common.FormValues;
import clinic.portal.common.Manage;
import clinic.portal.common.Notice;
import clinic.portal.common.Outcome;
import clinic.portal.i18n.Lang;
import clinic.portal.outbound.PatientApi.PatientPage;
import clinic.portal.outbound.PatientServiceClient;
import clinic.portal.outbound.ProblemBody.Violation;
import clinic.portal.outbound.ProgramServiceClient;
import clinic.portal.outbound.TemplateApi.FromProgram;
import clinic.portal.outbound.TemplateApi.Template;
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
 * Plan templates: the list (the physio's own and the clinic-wide ones), saving a program as one (the form is on the
 * program page), deleting, and starting a program from one: choose the patient, then the assign review opens
 * pre-filled ({@code /patients/{id}/assign?template=...}) and confirming goes through the usual assignment with all
 * its checks. Admins see the list and may delete clinic-wide templates.
 */
@Path("/templates")
@Produces(MediaType.TEXT_HTML)
@Tag(name = "Pages: templates")
public class TemplatePages {

    static final int PATIENTS_SHOWN = 20;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(Outcome<List<Template>> templates, Notice notice, String done);

        static native TemplateInstance save(long programId, SaveForm form, Notice notice);

        static native TemplateInstance start(Template template, String q, Outcome<PatientPage> patients);
    }

    private final ProgramServiceClient programs;
    private final PatientServiceClient patients;
    private final Lang lang;

    public TemplatePages(
            @RestClient ProgramServiceClient programs, @RestClient PatientServiceClient patients, Lang lang) {
        this.programs = programs;
        this.patients = patients;
        this.lang = lang;
    }

    @GET
    @RolesAllowed({"physio", "admin"})
    @Operation(summary = "Plan templates: mine and the clinic-wide ones, newest first")
    public TemplateInstance list(@QueryParam("saved") String saved, @QueryParam("deleted") String deleted) {
        Manage words = lang.bundle(Manage.class);
        String done = saved != null ? words.templates_saved() : deleted != null ? words.templates_deleted() : null;
        return Templates.list(Calls.attempt(Calls.PROGRAMS, programs::templates), null, done);
    }

    @POST
    @Path("/from-program/{programId}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed("physio")
    @Operation(summary = "Save a program's exercises and dosages as a template (only me, or the whole clinic)")
    public Response saveFromProgram(@PathParam("programId") long programId, @BeanParam SaveForm form) {
        Manage words = lang.bundle(Manage.class);
        List<Violation> violations = new ArrayList<>();
        FormValues.required(form.name, "name", violations);
        if (form.name != null && form.name.strip().length() > SaveForm.MAX_NAME) {
            violations.add(new Violation("name", words.templates_name_too_long(SaveForm.MAX_NAME)));
        }
        String visibility = "CLINIC".equals(form.visibility) ? "CLINIC" : "PRIVATE";
        if (!violations.isEmpty()) {
            return Response.ok(Templates.save(programId, form, Notice.of(words.templates_give_name(), violations)))
                    .build();
        }
        Outcome<Template> saved = Calls.attempt(
                Calls.PROGRAMS,
                () -> programs.templateFromProgram(programId, new FromProgram(form.name.strip(), visibility)));
        if (saved.isOk()) {
            return Response.seeOther(
                            URI.create("/templates?saved=" + saved.value().id()))
                    .build();
        }
        if (saved.notice().isNotFound()) {
            throw new NotFoundException();
        }
        Notice notice = saved.notice();
        if (notice.status() == 409) {
            // The name is taken in that scope: say so at the name field.
            notice = new Notice(
                    409,
                    notice.message(),
                    List.of(new Violation(
                            "name",
                            "CLINIC".equals(visibility)
                                    ? words.templates_name_taken_clinic()
                                    : words.templates_name_taken_mine())),
                    List.of(),
                    false);
        }
        return Response.ok(Templates.save(programId, form, notice)).build();
    }

    @POST
    @Path("/{id}/delete")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({"physio", "admin"})
    @Operation(summary = "Delete a template (your own; an admin: a clinic-wide one)")
    public Response delete(@PathParam("id") long id) {
        Outcome<Void> deleted = Calls.attempt(Calls.PROGRAMS, () -> {
            programs.deleteTemplate(id);
            return null;
        });
        if (deleted.isOk()) {
            return Response.seeOther(URI.create("/templates?deleted=1")).build();
        }
        return Response.ok(Templates.list(Calls.attempt(Calls.PROGRAMS, programs::templates), deleted.notice(), null))
                .build();
    }

    @GET
    @Path("/{id}/start")
    @RolesAllowed("physio")
    @Operation(summary = "Start a program from a template: choose the patient")
    public TemplateInstance start(@PathParam("id") long id, @QueryParam("q") String q) {
        Outcome<Template> template = Calls.attempt(Calls.PROGRAMS, () -> programs.template(id));
        if (!template.isOk() || template.value() == null) {
            throw new NotFoundException();
        }
        String query = FormValues.blankToNull(q);
        Outcome<PatientPage> found = Calls.attempt(Calls.PATIENTS, () -> patients.list(query, null, 0, PATIENTS_SHOWN));
        return Templates.start(template.value(), query, found);
    }
}
