package clinic.portal.protocol;

import clinic.portal.common.Calls;
import clinic.portal.common.FormValues;
import clinic.portal.common.Manage;
import clinic.portal.common.Notice;
import clinic.portal.common.Outcome;
import clinic.portal.i18n.Lang;
import clinic.portal.outbound.ProblemBody.Violation;
import clinic.portal.outbound.ProgramApi.Exercise;
import clinic.portal.outbound.ProgramApi.NewProtocol;
import clinic.portal.outbound.ProgramApi.Protocol;
import clinic.portal.outbound.ProgramApi.ProtocolCopy;
import clinic.portal.outbound.ProgramServiceClient;
import clinic.portal.session.CurrentUser;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * Protocol pages: the list and one protocol for physios and admins; new, edit (a new version), copy and retire for
 * physios, who author clinical content (program-service enforces the same rule). Forms post with the CSRF token;
 * refusals come back inline at the field the service names.
 */
@Path("/protocols")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed({"physio", "admin"})
@Tag(name = "Pages: protocols")
public class ProtocolPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(Outcome<List<Protocol>> protocols, boolean physio);

        static native TemplateInstance view(
                Outcome<Protocol> protocol, Map<String, Exercise> library, boolean physio, Notice notice);

        static native TemplateInstance form(
                boolean editing, ProtocolForm form, List<Exercise> library, Notice notice, int nextPhases);
    }

    private final ProgramServiceClient programs;
    private final CurrentUser user;
    private final Lang lang;

    public ProtocolPages(@RestClient ProgramServiceClient programs, CurrentUser user, Lang lang) {
        this.programs = programs;
        this.user = user;
        this.lang = lang;
    }

    @GET
    @Operation(summary = "Protocols: the current version of each")
    public TemplateInstance list() {
        return Templates.list(Calls.attempt(Calls.PROGRAMS, programs::protocols), user.isPhysio());
    }

    @GET
    @Path("/new")
    @RolesAllowed("physio")
    @Operation(summary = "New protocol form")
    public TemplateInstance newForm(@QueryParam("phases") Integer phases) {
        int count = phases == null ? ProtocolForm.DEFAULT_PHASES : phases;
        ProtocolForm form = ProtocolForm.blank(count);
        return Templates.form(false, form, library(), null, nextPhases(form));
    }

    @POST
    @Path("/new")
    @RolesAllowed("physio")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "Create a protocol")
    public Response create(MultivaluedMap<String, String> in) {
        ProtocolForm form = ProtocolForm.parse(in);
        List<Violation> violations = new ArrayList<>();
        FormValues.required(form.code, "code", violations);
        NewProtocol payload = form.toPayload(violations);
        if (!violations.isEmpty()) {
            return refused(
                    false, form, Notice.of(lang.bundle(Manage.class).common_fields_need_attention(), violations));
        }
        Outcome<Protocol> created = Calls.attempt(Calls.PROGRAMS, () -> programs.createProtocol(payload));
        if (!created.isOk()) {
            return refused(false, form, created.notice());
        }
        return Response.seeOther(
                        URI.create("/protocols/" + encode(created.value().code()) + "?saved=1"))
                .build();
    }

    @GET
    @Path("/{code}")
    @Operation(summary = "One protocol: phases, entry criteria, exercises with dosage")
    public TemplateInstance view(@PathParam("code") String code) {
        Outcome<Protocol> protocol = Calls.attempt(Calls.PROGRAMS, () -> programs.protocol(code));
        return Templates.view(protocol, bySlug(library()), user.isPhysio(), null);
    }

    @GET
    @Path("/{code}/edit")
    @RolesAllowed("physio")
    @Operation(summary = "Edit a protocol: saving makes its next version")
    public Response editForm(@PathParam("code") String code, @QueryParam("phases") Integer extra) {
        Outcome<Protocol> protocol = Calls.attempt(Calls.PROGRAMS, () -> programs.protocol(code));
        if (!protocol.isOk()) {
            return Response.status(protocol.notice().isNotFound() ? 404 : 503)
                    .entity(Templates.view(protocol, Map.of(), true, null))
                    .build();
        }
        ProtocolForm form = ProtocolForm.of(protocol.value(), extra == null ? 0 : Math.max(0, extra));
        return Response.ok(Templates.form(true, form, library(), null, nextPhases(form)))
                .build();
    }

    @POST
    @Path("/{code}/edit")
    @RolesAllowed("physio")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "Save the next version of a protocol")
    public Response update(@PathParam("code") String code, MultivaluedMap<String, String> in) {
        ProtocolForm form = ProtocolForm.parse(in);
        form.code = code;
        List<Violation> violations = new ArrayList<>();
        NewProtocol payload = form.toPayload(violations);
        if (!violations.isEmpty()) {
            return refused(true, form, Notice.of(lang.bundle(Manage.class).common_fields_need_attention(), violations));
        }
        NewProtocol edit = new NewProtocol(
                null,
                payload.name(),
                payload.description(),
                payload.requiresScreening(),
                payload.phases(),
                payload.version());
        Outcome<Protocol> saved = Calls.attempt(Calls.PROGRAMS, () -> programs.updateProtocol(code, edit));
        if (!saved.isOk()) {
            return refused(true, form, saved.notice());
        }
        return Response.seeOther(URI.create("/protocols/" + encode(code) + "?saved=1"))
                .build();
    }

    @POST
    @Path("/{code}/copy")
    @RolesAllowed("physio")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "Copy a protocol (a built-in one, say) under a new code, then edit the copy")
    public Response copy(
            @PathParam("code") String code, @FormParam("newCode") String newCode, @FormParam("newName") String name) {
        Outcome<Protocol> copied = Calls.attempt(
                Calls.PROGRAMS,
                () -> programs.copyProtocol(
                        code, new ProtocolCopy(FormValues.blankToNull(newCode), FormValues.blankToNull(name))));
        if (!copied.isOk()) {
            Outcome<Protocol> protocol = Calls.attempt(Calls.PROGRAMS, () -> programs.protocol(code));
            return Response.status(copied.notice().status())
                    .entity(Templates.view(protocol, bySlug(library()), true, copied.notice()))
                    .build();
        }
        return Response.seeOther(
                        URI.create("/protocols/" + encode(copied.value().code()) + "/edit"))
                .build();
    }

    @POST
    @Path("/{code}/retire")
    @RolesAllowed("physio")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(summary = "Retire a protocol: no new programs, running ones go on")
    public Response retire(@PathParam("code") String code) {
        Outcome<Protocol> retired = Calls.attempt(Calls.PROGRAMS, () -> programs.retireProtocol(code));
        if (!retired.isOk()) {
            Outcome<Protocol> protocol = Calls.attempt(Calls.PROGRAMS, () -> programs.protocol(code));
            return Response.status(retired.notice().status())
                    .entity(Templates.view(protocol, bySlug(library()), true, retired.notice()))
                    .build();
        }
        return Response.seeOther(URI.create("/protocols/" + encode(code))).build();
    }

    private Response refused(boolean editing, ProtocolForm form, Notice notice) {
        form.attach(notice.violations() == null ? List.of() : notice.violations(), lang.bundle(Manage.class));
        int status = notice.unavailable() ? 503 : notice.status();
        return Response.status(status)
                .entity(Templates.form(editing, form, library(), notice, nextPhases(form)))
                .build();
    }

    private static int nextPhases(ProtocolForm form) {
        return Math.min(ProtocolForm.MAX_PHASES, form.phases.size() + 1);
    }

    /** The library's current exercises, not retired: the choices of an exercise row. */
    private List<Exercise> library() {
        Outcome<List<Exercise>> all = Calls.attempt(Calls.PROGRAMS, () -> programs.exercises(null, null));
        return all.isOk() && all.value() != null
                ? all.value().stream()
                        .filter(e -> !Boolean.TRUE.equals(e.retired()))
                        .toList()
                : List.of();
    }

    private static Map<String, Exercise> bySlug(List<Exercise> library) {
        return library.stream()
                .filter(e -> e.slug() != null)
                .collect(Collectors.toMap(Exercise::slug, Function.identity(), (a, b) -> a));
    }

    private static String encode(String code) {
        return URLEncoder.encode(code, StandardCharsets.UTF_8);
    }
}
