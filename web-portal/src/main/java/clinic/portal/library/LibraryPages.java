package clinic.portal.library;

import clinic.portal.common.Calls;
import clinic.portal.common.FormValues;
import clinic.portal.common.Manage;
import clinic.portal.common.Notice;
import clinic.portal.common.Outcome;
import clinic.portal.i18n.Lang;
import clinic.portal.outbound.ProblemBody.Violation;
import clinic.portal.outbound.ProgramApi.Exercise;
import clinic.portal.outbound.ProgramApi.ExerciseCopy;
import clinic.portal.outbound.ProgramApi.ExerciseInput;
import clinic.portal.outbound.ProgramApi.ExerciseRevision;
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
import java.util.Locale;
import java.util.TreeSet;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * The exercise library for physios (admins read it): the list with search and filters, an exercise with its
 * revisions, the new and edit forms, copying a built-in exercise and retiring a clinic one. Every change goes to
 * program-service, which keeps each edit as a new revision (programs keep theirs) and audits it.
 */
@Path("/library")
@Produces(MediaType.TEXT_HTML)
@Tag(name = "Pages: library")
public class LibraryPages {

    /** The list's filters as typed. */
    public record Filter(String q, String phase, String category, boolean retired) {}

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(
                Outcome<List<Exercise>> exercises, List<Exercise> shown, List<String> categories, Filter filter);

        static native TemplateInstance detail(
                Exercise exercise,
                Notice loadNotice,
                Outcome<List<ExerciseRevision>> revisions,
                CopyForm copyForm,
                Notice notice,
                String saved);

        static native TemplateInstance form(ExerciseForm form, boolean edit, Notice notice);
    }

    private final ProgramServiceClient programs;
    private final Lang lang;

    public LibraryPages(@RestClient ProgramServiceClient programs, Lang lang) {
        this.programs = programs;
        this.lang = lang;
    }

    private Manage words() {
        return lang.bundle(Manage.class);
    }

    @GET
    @RolesAllowed({"physio", "admin"})
    @Operation(summary = "The exercise library: search by name, filter by phase and category, retired ones if asked")
    public TemplateInstance list(
            @QueryParam("q") String q,
            @QueryParam("phase") String phase,
            @QueryParam("category") String category,
            @QueryParam("retired") String retired) {
        Filter filter = new Filter(
                FormValues.blankToNull(q),
                FormValues.blankToNull(phase),
                FormValues.blankToNull(category),
                retired != null && !retired.isBlank());
        Outcome<List<Exercise>> all = Calls.attempt(Calls.PROGRAMS, () -> programs.library(filter.retired()));
        List<Exercise> exercises = all.isOk() ? all.value() : List.of();
        List<String> categories = new ArrayList<>(new TreeSet<>(exercises.stream()
                .map(Exercise::category)
                .filter(c -> c != null)
                .toList()));
        String needle = filter.q() == null ? null : filter.q().toLowerCase(Locale.ROOT);
        List<Exercise> shown = exercises.stream()
                .filter(e -> needle == null
                        || (e.name() != null
                                && e.name().toLowerCase(Locale.ROOT).contains(needle))
                        || (e.slug() != null && e.slug().contains(needle)))
                .filter(e -> filter.phase() == null
                        || (e.phases() != null
                                && e.phases().stream()
                                        .anyMatch(p -> String.valueOf(p).equals(filter.phase()))))
                .filter(e -> filter.category() == null || filter.category().equals(e.category()))
                .toList();
        return Templates.list(all, shown, categories, filter);
    }

    @GET
    @Path("/new")
    @RolesAllowed("physio")
    @Operation(summary = "The form for a new clinic exercise")
    public TemplateInstance newForm() {
        ExerciseForm form = new ExerciseForm();
        form.phases = List.of("1");
        return Templates.form(form, false, null);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed("physio")
    @Operation(summary = "Add a clinic exercise")
    public Response create(@BeanParam ExerciseForm form) {
        List<Violation> violations = new ArrayList<>();
        ExerciseInput input = form.toPayload(false, violations);
        if (!violations.isEmpty()) {
            return Response.ok(
                            Templates.form(form, false, Notice.of(words().common_fields_need_attention(), violations)))
                    .build();
        }
        Outcome<Exercise> created = Calls.attempt(Calls.PROGRAMS, () -> programs.createExercise(input));
        if (created.isOk()) {
            return Response.seeOther(URI.create("/library/" + created.value().slug() + "?saved=created"))
                    .build();
        }
        return Response.ok(Templates.form(form, false, created.notice())).build();
    }

    @GET
    @Path("/{slug}")
    @RolesAllowed({"physio", "admin"})
    @Operation(summary = "An exercise with all its fields and its revisions")
    public TemplateInstance detail(@PathParam("slug") String slug, @QueryParam("saved") String saved) {
        return renderDetail(slug, null, null, saved);
    }

    @GET
    @Path("/{slug}/edit")
    @RolesAllowed("physio")
    @Operation(summary = "The edit form of a clinic exercise")
    public TemplateInstance editForm(@PathParam("slug") String slug) {
        Outcome<Exercise> loaded = load(slug);
        if (!loaded.isOk()) {
            return Templates.detail(null, loaded.notice(), Outcome.ok(List.of()), new CopyForm(), null, null);
        }
        Exercise e = loaded.value();
        if (Boolean.TRUE.equals(e.builtIn())) {
            return renderDetail(slug, null, Notice.of(words().exercise_built_in_read_only(), List.of()), null);
        }
        return Templates.form(ExerciseForm.of(e), true, null);
    }

    @POST
    @Path("/{slug}/edit")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed("physio")
    @Operation(summary = "Save an edit of a clinic exercise as its next revision")
    public Response edit(@PathParam("slug") String slug, @BeanParam ExerciseForm form) {
        form.slug = slug;
        List<Violation> violations = new ArrayList<>();
        ExerciseInput input = form.toPayload(true, violations);
        if (!violations.isEmpty()) {
            return Response.ok(
                            Templates.form(form, true, Notice.of(words().common_fields_need_attention(), violations)))
                    .build();
        }
        Outcome<Exercise> saved = Calls.attempt(Calls.PROGRAMS, () -> programs.editExercise(slug, input));
        if (saved.isOk()) {
            return Response.seeOther(URI.create("/library/" + slug + "?saved=edited"))
                    .build();
        }
        if (saved.notice().isNotFound()) {
            throw new NotFoundException();
        }
        return Response.ok(Templates.form(form, true, saved.notice())).build();
    }

    @POST
    @Path("/{slug}/copy")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed("physio")
    @Operation(summary = "Copy an exercise (a built-in one) into a new clinic exercise")
    public Response copy(@PathParam("slug") String slug, @BeanParam CopyForm form) {
        List<Violation> violations = new ArrayList<>();
        FormValues.required(form.slug, "slug", violations);
        FormValues.required(form.name, "name", violations);
        if (!violations.isEmpty()) {
            return Response.ok(renderDetail(
                            slug, form, Notice.of(words().exercise_copy_needs_slug_and_name(), violations), null))
                    .build();
        }
        Outcome<Exercise> copied = Calls.attempt(
                Calls.PROGRAMS,
                () -> programs.copyExercise(slug, new ExerciseCopy(form.slug.trim(), form.name.trim())));
        if (copied.isOk()) {
            return Response.seeOther(URI.create("/library/" + copied.value().slug() + "?saved=copied"))
                    .build();
        }
        if (copied.notice().isNotFound()) {
            throw new NotFoundException();
        }
        return Response.ok(renderDetail(slug, form, copied.notice(), null)).build();
    }

    @POST
    @Path("/{slug}/retire")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed("physio")
    @Operation(summary = "Retire a clinic exercise: no longer offered for new programs; running programs keep it")
    public Response retire(@PathParam("slug") String slug) {
        return afterChange(slug, Calls.attempt(Calls.PROGRAMS, () -> programs.retireExercise(slug)), "retired");
    }

    @POST
    @Path("/{slug}/unretire")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed("physio")
    @Operation(summary = "Offer a retired clinic exercise again")
    public Response unretire(@PathParam("slug") String slug) {
        return afterChange(slug, Calls.attempt(Calls.PROGRAMS, () -> programs.unretireExercise(slug)), "unretired");
    }

    private Response afterChange(String slug, Outcome<Exercise> changed, String saved) {
        if (changed.isOk()) {
            return Response.seeOther(URI.create("/library/" + slug + "?saved=" + saved))
                    .build();
        }
        if (changed.notice().isNotFound()) {
            throw new NotFoundException();
        }
        return Response.ok(renderDetail(slug, null, changed.notice(), null)).build();
    }

    /** The exercise; a 404 page when there is none; a notice when the service cannot say. */
    private Outcome<Exercise> load(String slug) {
        Outcome<Exercise> e = Calls.attempt(Calls.PROGRAMS, () -> programs.exercise(slug));
        if (!e.isOk() && e.notice().isNotFound()) {
            throw new NotFoundException();
        }
        return e;
    }

    private TemplateInstance renderDetail(String slug, CopyForm copyForm, Notice notice, String saved) {
        Outcome<Exercise> loaded = load(slug);
        if (!loaded.isOk()) {
            return Templates.detail(null, loaded.notice(), Outcome.ok(List.of()), new CopyForm(), notice, null);
        }
        Exercise e = loaded.value();
        Outcome<List<ExerciseRevision>> revisions =
                Calls.attempt(Calls.PROGRAMS, () -> programs.exerciseRevisions(slug));
        CopyForm copy = copyForm;
        if (copy == null) {
            copy = new CopyForm();
            copy.slug = "clinic-" + e.slug();
            copy.name = e.name();
        }
        return Templates.detail(e, null, revisions, copy, notice, saved);
    }
}
