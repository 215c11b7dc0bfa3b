package clinic.portal.patient;

import clinic.portal.client.PatientApi.Clearance;
import clinic.portal.client.PatientApi.Invitation;
import clinic.portal.client.PatientApi.Patient;
import clinic.portal.client.PatientApi.PatientPage;
import clinic.portal.client.PatientApi.Screening;
import clinic.portal.client.PatientServiceClient;
import clinic.portal.client.ProblemBody.Violation;
import clinic.portal.client.ProgramApi.Program;
import clinic.portal.client.ProgramServiceClient;
import clinic.portal.common.Calls;
import clinic.portal.common.CurrentUser;
import clinic.portal.common.FormValues;
import clinic.portal.common.Notice;
import clinic.portal.common.Outcome;
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
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/** Physio pages for patients: list and search, registration, and one patient's record with screening state. */
@Path("/patients")
@Produces(MediaType.TEXT_HTML)
@Tag(name = "Pages: patients")
public class PatientPages {

    static final int PAGE_SIZE = 20;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(
                String q, String status, int page, Outcome<PatientPage> patients, boolean hasNext);

        static native TemplateInstance form(PatientForm form, Notice notice);

        static native TemplateInstance registered(Patient patient);

        static native TemplateInstance invitation(long patientId, Outcome<Invitation> invitation);

        static native TemplateInstance detail(
                long patientId,
                Outcome<Patient> patient,
                Outcome<List<Screening>> screenings,
                Outcome<Clearance> clearance,
                Outcome<List<Program>> programs);
    }

    private final PatientServiceClient patients;
    private final ProgramServiceClient programs;
    private final CurrentUser user;

    public PatientPages(
            @RestClient PatientServiceClient patients, @RestClient ProgramServiceClient programs, CurrentUser user) {
        this.patients = patients;
        this.programs = programs;
        this.user = user;
    }

    @GET
    @RolesAllowed({"physio", "admin"})
    @Operation(summary = "Patient list with search and paging")
    public TemplateInstance list(
            @QueryParam("q") String q, @QueryParam("status") String status, @QueryParam("page") Integer page) {
        int current = page == null || page < 0 ? 0 : page;
        String query = FormValues.blankToNull(q);
        String state = FormValues.blankToNull(status);
        Outcome<PatientPage> result =
                Calls.attempt(Calls.PATIENTS, () -> patients.list(query, state, current, PAGE_SIZE));
        boolean hasNext = result.isOk() && hasNext(result.value(), current);
        return Templates.list(query, state, current, result, hasNext);
    }

    private static boolean hasNext(PatientPage page, int current) {
        if (page.totalPages() != null) {
            return current + 1 < page.totalPages();
        }
        if (page.total() != null) {
            return (long) (current + 1) * PAGE_SIZE < page.total();
        }
        return page.itemsOrEmpty().size() >= PAGE_SIZE;
    }

    @GET
    @Path("/new")
    @RolesAllowed("physio")
    @Operation(summary = "Registration form")
    public TemplateInstance registerForm() {
        PatientForm form = new PatientForm();
        form.carePhysio = user.getUserName();
        return Templates.form(form, null);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed("physio")
    @Operation(summary = "Register a patient; says where the invitation e-mail went")
    public TemplateInstance register(@BeanParam PatientForm form) {
        List<Violation> violations = new ArrayList<>();
        FormValues.required(form.givenName, "givenName", violations);
        FormValues.required(form.familyName, "familyName", violations);
        FormValues.required(form.dateOfBirth, "dateOfBirth", violations);
        if (!violations.isEmpty()) {
            return Templates.form(form, Notice.of("Some fields need attention.", violations));
        }
        Outcome<Patient> created = Calls.attempt(Calls.PATIENTS, () -> patients.register(form.toPayload()));
        if (!created.isOk()) {
            return Templates.form(form, created.notice());
        }
        return Templates.registered(created.value());
    }

    @POST
    @Path("/{id}/invite")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed("physio")
    @Operation(summary = "Invite the patient by e-mail (again): Keycloak sends the link to set a password")
    public TemplateInstance invite(@PathParam("id") long id) {
        return Templates.invitation(id, Calls.attempt(Calls.PATIENTS, () -> patients.invite(id)));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({"physio", "admin"})
    @Operation(summary = "One patient: details, screening history, clearance and programs")
    public TemplateInstance detail(@PathParam("id") long id) {
        Outcome<Patient> patient = Calls.attempt(Calls.PATIENTS, () -> patients.get(id));
        if (!patient.isOk() && patient.notice().isNotFound()) {
            throw new NotFoundException();
        }
        Outcome<List<Screening>> screenings;
        Outcome<Clearance> clearance;
        if (user.isPhysio()) {
            screenings = Calls.attempt(Calls.PATIENTS, () -> patients.screenings(id));
            clearance = Calls.attempt(Calls.PATIENTS, () -> patients.clearance(id));
        } else {
            screenings = Outcome.ok(List.of());
            clearance = Outcome.ok(null);
        }
        Outcome<List<Program>> progs = Calls.attempt(Calls.PROGRAMS, () -> programs.programsOf(id));
        return Templates.detail(id, patient, screenings, clearance, progs);
    }
}
