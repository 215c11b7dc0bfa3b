package clinic.portal.patient;

import clinic.portal.common.Calls;
import clinic.portal.common.Care;
import clinic.portal.common.FormValues;
import clinic.portal.common.Notice;
import clinic.portal.common.Outcome;
import clinic.portal.i18n.Lang;
import clinic.portal.outbound.PatientApi.Access;
import clinic.portal.outbound.PatientApi.Clearance;
import clinic.portal.outbound.PatientApi.Grant;
import clinic.portal.outbound.PatientApi.Invitation;
import clinic.portal.outbound.PatientApi.Patient;
import clinic.portal.outbound.PatientApi.PatientPage;
import clinic.portal.outbound.PatientApi.Screening;
import clinic.portal.outbound.PatientServiceClient;
import clinic.portal.outbound.ProblemBody.Violation;
import clinic.portal.outbound.ProgramApi.Program;
import clinic.portal.outbound.ProgramServiceClient;
import clinic.portal.session.CurrentUser;
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

/** Physio pages for patients: list and search, registration, and one patient's record with screening state. */
@Path("/patients")
@Produces(MediaType.TEXT_HTML)
@Tag(name = "Pages: patients")
public class PatientPages {

    static final int PAGE_SIZE = 20;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(
                String q,
                String status,
                int page,
                Outcome<PatientPage> patients,
                boolean hasNext,
                boolean clinicWide,
                String clinicQ,
                Outcome<PatientPage> clinic);

        static native TemplateInstance form(PatientForm form, Notice notice);

        static native TemplateInstance registered(Patient patient);

        static native TemplateInstance invitation(long patientId, Outcome<Invitation> invitation);

        static native TemplateInstance detail(
                long patientId,
                Outcome<Patient> patient,
                Outcome<List<Screening>> screenings,
                Outcome<Clearance> clearance,
                Outcome<List<Program>> programs,
                Outcome<Access> access,
                Outcome<List<Grant>> grants,
                CareTeamForm careTeamForm,
                Notice careTeamNotice,
                boolean careTeamSaved);
    }

    private final PatientServiceClient patients;
    private final ProgramServiceClient programs;
    private final CurrentUser user;
    private final Lang lang;

    public PatientPages(
            @RestClient PatientServiceClient patients,
            @RestClient ProgramServiceClient programs,
            CurrentUser user,
            Lang lang) {
        this.patients = patients;
        this.programs = programs;
        this.user = user;
        this.lang = lang;
    }

    @GET
    @RolesAllowed({"physio", "admin"})
    @Operation(
            summary = "My patients (a physio's care team and emergency access; all for an admin) with search and"
                    + " paging, and a clinic-wide search (scope=all) by name or clinic number")
    public TemplateInstance list(
            @QueryParam("q") String q,
            @QueryParam("status") String status,
            @QueryParam("page") Integer page,
            @QueryParam("scope") String scope) {
        int current = page == null || page < 0 ? 0 : page;
        String query = FormValues.blankToNull(q);
        String state = FormValues.blankToNull(status);
        if ("all".equals(scope) && user.isPhysio()) {
            // Clinic-wide: only name, clinic number and care physio come back, enough to find whom to ask or to
            // open the record (which offers break-the-glass). Nothing is listed without a search text.
            Outcome<PatientPage> found = query == null
                    ? null
                    : Calls.attempt(Calls.PATIENTS, () -> patients.search("all", query, current, PAGE_SIZE));
            boolean more = found != null && found.isOk() && hasNext(found.value(), current);
            return Templates.list(null, null, current, null, more, true, query, found);
        }
        Outcome<PatientPage> result =
                Calls.attempt(Calls.PATIENTS, () -> patients.list(query, state, current, PAGE_SIZE));
        boolean hasNext = result.isOk() && hasNext(result.value(), current);
        return Templates.list(query, state, current, result, hasNext, false, null, null);
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
        Care care = lang.bundle(Care.class);
        List<Violation> violations = new ArrayList<>();
        required(form.givenName, "givenName", care.register_given_name_required(), violations);
        required(form.familyName, "familyName", care.register_family_name_required(), violations);
        required(form.dateOfBirth, "dateOfBirth", care.register_date_of_birth_required(), violations);
        if (!violations.isEmpty()) {
            return Templates.form(form, Notice.of(care.some_fields_need_attention(), violations));
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
    @Operation(summary = "One patient: details, care team, screening history, clearance, programs, who opened it")
    public TemplateInstance detail(@PathParam("id") long id, @QueryParam("careTeam") String careTeam) {
        return detailPage(id, null, null, "saved".equals(careTeam));
    }

    /**
     * Transfer or share a patient's care (the care physio or an admin): {@code PUT /api/patients/{id}/care-team} with
     * the version read. Success returns to the patient page; a refusal shows the page with the form as typed and
     * the service's reasons at the fields (400) or "changed by someone else" (409).
     */
    @POST
    @Path("/{id}/care-team")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed({"physio", "admin"})
    @Operation(summary = "Change a patient's care physio and care team")
    public Response changeCareTeam(@PathParam("id") long id, @BeanParam CareTeamForm form) {
        Care care = lang.bundle(Care.class);
        List<Violation> violations = new ArrayList<>();
        required(form.carePhysio, "carePhysio", care.detail_care_physio_required(), violations);
        if (form.versionOrNull() == null) {
            violations.add(new Violation("version", care.detail_version_missing()));
        }
        if (!violations.isEmpty()) {
            return page(400, detailPage(id, form, Notice.of(care.some_fields_need_attention(), violations), false));
        }
        Outcome<Patient> changed = Calls.attempt(Calls.PATIENTS, () -> patients.changeCareTeam(id, form.toPayload()));
        if (changed.isOk()) {
            return Response.seeOther(URI.create("/patients/" + id + "?careTeam=saved"))
                    .build();
        }
        if (changed.notice().isNotFound()) {
            throw new NotFoundException();
        }
        Notice notice = changed.notice();
        return page(notice.unavailable() ? 503 : notice.status(), detailPage(id, form, notice, false));
    }

    /** A missing required field, with a message that says what to enter (read out at the field by screen readers). */
    static void required(String value, String field, String message, List<Violation> violations) {
        if (FormValues.blankToNull(value) == null) {
            violations.add(new Violation(field, message));
        }
    }

    private static Response page(int status, TemplateInstance page) {
        return Response.status(status)
                .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(page.render())
                .build();
    }

    private TemplateInstance detailPage(long id, CareTeamForm typed, Notice careTeamNotice, boolean saved) {
        Outcome<Patient> patient = Calls.attempt(Calls.PATIENTS, () -> patients.get(id));
        if (!patient.isOk() && patient.notice().isNotFound()) {
            throw new NotFoundException();
        }
        // The caller's own access (not audited as a read): emergency access shows until when; the care physio and
        // admins get the care-team form; the care team sees who opened the record.
        Outcome<Access> access = Calls.attempt(Calls.PATIENTS, () -> patients.access(id));
        Outcome<List<Grant>> grants =
                access.isOk() && access.value() != null && access.value().maySeeGrants()
                        ? Calls.attempt(Calls.PATIENTS, () -> patients.grantsOf(id))
                        : Outcome.ok(List.of());
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
        CareTeamForm form = typed != null
                ? typed
                : patient.isOk() && patient.value() != null ? CareTeamForm.of(patient.value()) : new CareTeamForm();
        return Templates.detail(id, patient, screenings, clearance, progs, access, grants, form, careTeamNotice, saved);
    }
}
