package clinic.portal.program;

import clinic.portal.common.Calls;
import clinic.portal.common.Care;
import clinic.portal.common.CarePlan;
import clinic.portal.common.FormValues;
import clinic.portal.common.Notice;
import clinic.portal.common.Outcome;
import clinic.portal.common.PatientNames;
import clinic.portal.i18n.Lang;
import clinic.portal.outbound.PatientApi.Clearance;
import clinic.portal.outbound.PatientServiceClient;
import clinic.portal.outbound.ProblemBody;
import clinic.portal.outbound.ProblemBody.Violation;
import clinic.portal.outbound.ProgramApi.Acknowledgement;
import clinic.portal.outbound.ProgramApi.Exercise;
import clinic.portal.outbound.ProgramApi.NewProgram;
import clinic.portal.outbound.ProgramApi.Prescription;
import clinic.portal.outbound.ProgramApi.Program;
import clinic.portal.outbound.ProgramApi.Protocol;
import clinic.portal.outbound.ProgramApi.ProtocolPhase;
import clinic.portal.outbound.ProgramServiceClient;
import clinic.portal.outbound.TemplateApi.Template;
import clinic.portal.outbound.TemplateApi.TemplateExercise;
import clinic.rules.PrescriptionRules;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
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
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/** Physio pages for programs: assign a protocol (with caution acknowledgements), see one, change its phase. */
/** Assigning a protocol to a patient: choose protocol and phase, review and adjust the exercises, confirm. */
@Path("/patients/{id}/assign")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed("physio")
@Tag(name = "Pages: programs")
public class AssignPages {

    static final String DEFAULT_PROTOCOL = "sciatica-phased";

    /** The longest patient instructions program-service takes for an acknowledged exercise. */
    static final int MAX_INSTRUCTIONS = 2000;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance choose(
                long patientId,
                String patientName,
                Outcome<List<Protocol>> protocols,
                Outcome<Clearance> clearance,
                String protocol,
                String phase,
                Outcome<Protocol> chosen,
                Outcome<List<Template>> templates);

        static native TemplateInstance review(
                long patientId,
                String patientName,
                String protocol,
                String phase,
                String phaseName,
                List<AssignRow> rows,
                List<Exercise> library,
                List<CautionRow> cautions,
                Outcome<Clearance> clearance,
                Notice notice,
                Prefill prefill);
    }

    /**
     * The template a review was pre-filled from, and its exercises left out because they were retired (or removed)
     * since it was saved.
     */
    public record Prefill(String templateName, List<String> leftOut) {

        /** The names left out, as a reader sees them. */
        public String leftOutText() {
            return String.join(", ", leftOut);
        }
    }

    private final PatientServiceClient patients;
    private final ProgramServiceClient programs;
    private final Lang lang;

    public AssignPages(
            @RestClient PatientServiceClient patients, @RestClient ProgramServiceClient programs, Lang lang) {
        this.patients = patients;
        this.programs = programs;
        this.lang = lang;
    }

    @GET
    @RolesAllowed("physio")
    @Operation(summary = "Assign a program: choose protocol and phase, then review the exercises")
    public TemplateInstance assign(
            @PathParam("id") long id,
            @QueryParam("protocol") String protocol,
            @QueryParam("phase") String phase,
            @QueryParam("template") String template) {
        CarePlan plan = lang.bundle(CarePlan.class);
        String name = PatientNames.of(patients, id);
        Outcome<Clearance> clearance = Calls.attempt(Calls.PATIENTS, () -> patients.clearance(id));
        if (FormValues.blankToNull(template) != null) {
            return fromTemplate(id, name, clearance, template.trim(), plan);
        }
        if (FormValues.blankToNull(protocol) == null || FormValues.blankToNull(phase) == null) {
            // Retired protocols are not offered for new programs; the phases are the chosen protocol's own.
            Outcome<List<Protocol>> protocols = Calls.attempt(Calls.PROGRAMS, programs::protocols);
            if (protocols.isOk() && protocols.value() != null) {
                protocols = Outcome.ok(
                        protocols.value().stream().filter(p -> !p.isRetired()).toList());
            }
            String code = FormValues.blankToNull(protocol) == null ? DEFAULT_PROTOCOL : protocol.trim();
            Outcome<Protocol> chosen = Calls.attempt(Calls.PROGRAMS, () -> programs.protocol(code));
            Outcome<List<Template>> templates = Calls.attempt(Calls.PROGRAMS, programs::templates);
            return Templates.choose(id, name, protocols, clearance, code, phase, chosen, templates);
        }
        Outcome<Protocol> chosen = Calls.attempt(Calls.PROGRAMS, () -> programs.protocol(protocol));
        if (chosen.isOk() && chosen.value() == null) {
            chosen = Outcome.failed(Notice.of(plan.assign_no_protocol(protocol), List.of()));
        }
        if (!chosen.isOk()) {
            return Templates.review(
                    id, name, protocol, phase, "", List.of(), List.of(), List.of(), clearance, chosen.notice(), null);
        }
        ProtocolPhase ph = findPhase(chosen.value(), phase);
        List<Exercise> library = library();
        Map<String, Exercise> bySlug = bySlug(library);
        List<AssignRow> rows = new ArrayList<>();
        if (ph != null && ph.exercises() != null) {
            for (Prescription p : ph.exercises()) {
                Exercise e = bySlug.get(p.exercise());
                rows.add(AssignRow.of(p, e == null ? null : e.name()).withCaution(cautionIn(e, phase, bySlug, plan)));
            }
        }
        Notice notice = ph == null ? Notice.of(plan.assign_no_phase(phase), List.of()) : null;
        return Templates.review(
                id,
                name,
                protocol,
                phase,
                ph == null ? "" : phaseTitle(ph, plan),
                rows,
                library,
                List.of(),
                clearance,
                notice,
                null);
    }

    /**
     * The review pre-filled from a template: its protocol, phase, exercises and dosages. Exercises retired since it
     * was saved are left out, and the page says which. Confirming is the usual assignment.
     */
    private TemplateInstance fromTemplate(
            long id, String name, Outcome<Clearance> clearance, String templateId, CarePlan plan) {
        long templateKey;
        try {
            templateKey = Long.parseLong(templateId);
        } catch (NumberFormatException e) {
            throw new jakarta.ws.rs.NotFoundException();
        }
        Outcome<Template> found = Calls.attempt(Calls.PROGRAMS, () -> programs.template(templateKey));
        if (!found.isOk() || found.value() == null) {
            Notice notice = found.isOk() ? Notice.of(plan.assign_no_template(templateId), List.of()) : found.notice();
            return Templates.review(id, name, "", "", "", List.of(), List.of(), List.of(), clearance, notice, null);
        }
        Template t = found.value();
        String phase = t.phase() == null ? "" : t.phase().toString();
        List<Exercise> library = library();
        Map<String, Exercise> bySlug = bySlug(library);
        List<AssignRow> rows = new ArrayList<>();
        List<String> leftOut = new ArrayList<>();
        for (TemplateExercise e : t.exercises() == null ? List.<TemplateExercise>of() : t.exercises()) {
            String exerciseName = e.name() != null ? e.name() : nameOf(bySlug, e.exercise());
            if (!e.available()) {
                leftOut.add(exerciseName);
                continue;
            }
            rows.add(new AssignRow(
                            e.exercise(),
                            exerciseName,
                            text(e.sets()),
                            text(e.reps()),
                            text(e.holdSeconds()),
                            text(e.minutes()),
                            text(e.timesPerDay()),
                            Boolean.TRUE.equals(e.perSide()),
                            true,
                            null)
                    .withCaution(cautionIn(bySlug.get(e.exercise()), phase, bySlug, plan)));
        }
        Outcome<Protocol> protocol = Calls.attempt(Calls.PROGRAMS, () -> programs.protocol(t.protocol()));
        ProtocolPhase ph = protocol.isOk() && protocol.value() != null ? findPhase(protocol.value(), phase) : null;
        return Templates.review(
                id,
                name,
                t.protocol(),
                phase,
                ph == null ? "" : phaseTitle(ph, plan),
                rows,
                library,
                List.of(),
                clearance,
                null,
                new Prefill(t.name(), leftOut));
    }

    private static String text(Integer value) {
        return value == null ? "" : value.toString();
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed("physio")
    @Operation(summary = "Confirm the assignment; a refused caution exercise comes back for acknowledgement")
    public Response confirm(@PathParam("id") long id, @BeanParam AssignForm form) {
        Care care = lang.bundle(Care.class);
        CarePlan plan = lang.bundle(CarePlan.class);
        List<Violation> violations = new ArrayList<>();
        Integer phase = whole(form.phase, "phase", plan.assign_phase_whole_number(), violations);
        List<Exercise> library = library();
        Map<String, Exercise> bySlug = bySlug(library);
        List<AssignRow> rows = rowsOf(form, bySlug).stream()
                .map(r -> r.withCaution(cautionIn(bySlug.get(r.exercise()), form.phase, bySlug, plan)))
                .toList();
        List<Prescription> chosen = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            AssignRow r = rows.get(i);
            if (!r.included()) {
                continue;
            }
            String notWhole = plan.assign_dosage_whole_number(r.name() != null ? r.name() : r.exercise());
            chosen.add(new Prescription(
                    r.exercise(),
                    null,
                    whole(r.sets(), "exercises[" + i + "].sets", notWhole, violations),
                    whole(r.reps(), "exercises[" + i + "].reps", notWhole, violations),
                    whole(r.holdSeconds(), "exercises[" + i + "].holdSeconds", notWhole, violations),
                    whole(r.minutes(), "exercises[" + i + "].minutes", notWhole, violations),
                    whole(r.timesPerDay(), "exercises[" + i + "].timesPerDay", notWhole, violations),
                    r.perSide(),
                    null,
                    null,
                    null,
                    null));
        }
        List<Acknowledgement> acks = new ArrayList<>();
        // The acknowledgement index each form row is sent as, to put the service's field errors next to the row.
        Map<Integer, Integer> sentAs = new java.util.HashMap<>();
        Map<Integer, String> rowErrors = new java.util.HashMap<>();
        List<String> ackExercises = FormValues.orEmpty(form.ackExercise);
        for (int i = 0; i < ackExercises.size(); i++) {
            String reason = FormValues.blankToNull(FormValues.at(form.ackReason, i));
            String instructions = FormValues.blankToNull(FormValues.at(form.ackInstructions, i));
            if (reason == null) {
                continue;
            }
            boolean caution = !"PHASE".equals(FormValues.at(form.ackKind, i));
            if (caution && instructions == null) {
                rowErrors.put(i, plan.caution_instructions_required());
                violations.add(new Violation(
                        "acknowledgements[" + acks.size() + "].instructions", plan.caution_instructions_required()));
            } else if (instructions != null && instructions.length() > MAX_INSTRUCTIONS) {
                rowErrors.put(i, plan.caution_instructions_too_long(MAX_INSTRUCTIONS));
                violations.add(new Violation(
                        "acknowledgements[" + acks.size() + "].instructions",
                        plan.caution_instructions_too_long(MAX_INSTRUCTIONS)));
            }
            sentAs.put(i, acks.size());
            acks.add(new Acknowledgement(ackExercises.get(i), reason, instructions));
        }
        String name = PatientNames.of(patients, id);
        Outcome<Clearance> clearance = Calls.attempt(Calls.PATIENTS, () -> patients.clearance(id));
        if (!violations.isEmpty()) {
            return Response.ok(Templates.review(
                            id,
                            name,
                            form.protocol,
                            form.phase,
                            "",
                            rows,
                            library,
                            typedCautions(form, rowErrors),
                            clearance,
                            Notice.of(care.some_fields_need_attention(), violations),
                            null))
                    .build();
        }
        NewProgram payload = new NewProgram(id, form.protocol, phase, chosen, acks);
        Outcome<Program> created = Calls.attempt(Calls.PROGRAMS, () -> programs.assign(payload));
        if (created.isOk()) {
            // Post/redirect/get: reloading the program page never assigns twice.
            return Response.seeOther(URI.create("/programs/" + created.value().id()))
                    .build();
        }
        Notice refused = created.notice();
        List<CautionRow> cautions = new ArrayList<>();
        for (ProblemBody.Caution c : refused.cautions()) {
            int typed = ackExercises.indexOf(c.exercise());
            cautions.add(new CautionRow(
                    c.exercise(),
                    nameOf(bySlug, c.exercise()),
                    c.kind() == null ? "CAUTION" : c.kind(),
                    c.reason(),
                    c.alternatives() == null
                            ? List.of()
                            : c.alternatives().stream()
                                    .map(a -> nameOf(bySlug, a))
                                    .toList(),
                    c.phases() == null ? List.of() : c.phases(),
                    typed >= 0 ? FormValues.at(form.ackReason, typed) : null,
                    typed >= 0 ? FormValues.at(form.ackInstructions, typed) : null,
                    null));
        }
        if (cautions.isEmpty() && !ackExercises.isEmpty()) {
            // Another refusal (e.g. 400 on an acknowledgement): keep the rows, with the service's words at each.
            for (Map.Entry<Integer, Integer> e : sentAs.entrySet()) {
                String message = refused.field("acknowledgements[" + e.getValue() + "].instructions");
                if (message != null) {
                    rowErrors.put(e.getKey(), plan.caution_instructions_refused(message));
                }
            }
            cautions = typedCautions(form, rowErrors);
        }
        return Response.ok(Templates.review(
                        id, name, form.protocol, form.phase, "", rows, library, cautions, clearance, refused, null))
                .build();
    }

    /** The acknowledgement rows as the form carried them back, with an error per row where there is one. */
    private static List<CautionRow> typedCautions(AssignForm form, Map<Integer, String> rowErrors) {
        List<String> ackExercises = FormValues.orEmpty(form.ackExercise);
        List<CautionRow> rows = new ArrayList<>();
        for (int i = 0; i < ackExercises.size(); i++) {
            String alternatives = FormValues.blankToNull(FormValues.at(form.ackAlternatives, i));
            String phases = FormValues.blankToNull(FormValues.at(form.ackPhases, i));
            rows.add(new CautionRow(
                    ackExercises.get(i),
                    FormValues.blankToNull(FormValues.at(form.ackName, i)) != null
                            ? FormValues.at(form.ackName, i)
                            : ackExercises.get(i),
                    "PHASE".equals(FormValues.at(form.ackKind, i)) ? "PHASE" : "CAUTION",
                    FormValues.at(form.ackWhy, i),
                    alternatives == null ? List.of() : List.of(alternatives.split(",\\s*")),
                    phases == null ? List.of() : parsePhases(phases),
                    FormValues.at(form.ackReason, i),
                    FormValues.at(form.ackInstructions, i),
                    rowErrors.get(i)));
        }
        return rows;
    }

    private static List<Integer> parsePhases(String text) {
        List<Integer> phases = new ArrayList<>();
        for (String part : text.split(",")) {
            try {
                phases.add(Integer.valueOf(part.trim()));
            } catch (NumberFormatException ignored) {
                // a tampered hidden field only loses the phase hint
            }
        }
        return phases;
    }

    private List<AssignRow> rowsOf(AssignForm form, Map<String, Exercise> bySlug) {
        List<String> slugs = FormValues.orEmpty(form.exercise);
        List<String> included = FormValues.orEmpty(form.include);
        List<String> perSide = FormValues.orEmpty(form.perSide);
        List<AssignRow> rows = new ArrayList<>();
        for (int i = 0; i < slugs.size(); i++) {
            String slug = slugs.get(i);
            rows.add(new AssignRow(
                    slug,
                    nameOf(bySlug, slug),
                    FormValues.at(form.sets, i),
                    FormValues.at(form.reps, i),
                    FormValues.at(form.holdSeconds, i),
                    FormValues.at(form.minutes, i),
                    FormValues.at(form.timesPerDay, i),
                    perSide.contains(slug),
                    included.contains(slug),
                    null));
        }
        String extra = FormValues.blankToNull(form.extra);
        if (extra != null && !slugs.contains(extra)) {
            Exercise e = bySlug.get(extra);
            Prescription defaults = e == null
                    ? new Prescription(extra, null, null, null, null, null, null, null, null, null, null, null)
                    : new Prescription(
                            e.slug(),
                            e.name(),
                            e.sets(),
                            e.reps(),
                            e.holdSeconds(),
                            e.minutes(),
                            e.timesPerDay(),
                            e.perSide(),
                            null,
                            null,
                            null,
                            null);
            rows.add(AssignRow.of(defaults, nameOf(bySlug, extra)));
        }
        return rows;
    }

    /**
     * What the physio should know about an exercise in this phase before confirming, else null: the library's caution
     * (with the safer alternatives that fit the phase, as program-service offers them), or that it is meant for
     * other phases. Either needs an acknowledgement with a reason.
     */
    private static String cautionIn(Exercise e, String phase, Map<String, Exercise> bySlug, CarePlan plan) {
        if (e == null || phase == null) {
            return null;
        }
        Integer number;
        try {
            number = Integer.valueOf(phase.trim());
        } catch (NumberFormatException notANumber) {
            return null;
        }
        if (e.caution() != null) {
            List<Integer> phases = e.caution().avoidInPhases();
            boolean applies = phases == null || phases.isEmpty() || phases.contains(number);
            if (applies) {
                Map<String, List<Integer>> phasesBySlug = bySlug.values().stream()
                        .filter(x -> x.phases() != null)
                        .collect(Collectors.toMap(Exercise::slug, Exercise::phases, (a, b) -> a));
                String alternatives =
                        PrescriptionRules.alternativesFor(number, e.caution().alternatives(), phasesBySlug).stream()
                                .map(a -> nameOf(bySlug, a))
                                .collect(Collectors.joining(", "));
                return (e.caution().reason() == null
                                ? plan.caution_use_with_caution()
                                : e.caution().reason())
                        + (alternatives.isEmpty() ? "" : " " + plan.caution_safer_alternatives(alternatives));
            }
        }
        if (e.phases() != null && !e.phases().isEmpty() && !e.phases().contains(number)) {
            String meantFor = new CautionRow(e.slug(), e.name(), "PHASE", null, List.of(), e.phases(), null, null, null)
                    .meantFor(plan);
            return plan.caution_not_this_phase(meantFor, number);
        }
        return null;
    }

    private List<Exercise> library() {
        Outcome<List<Exercise>> all = Calls.attempt(Calls.PROGRAMS, () -> programs.exercises(null, null));
        return all.isOk() && all.value() != null ? all.value() : List.of();
    }

    private static Map<String, Exercise> bySlug(List<Exercise> library) {
        return library.stream()
                .filter(e -> e.slug() != null)
                .collect(Collectors.toMap(Exercise::slug, Function.identity(), (a, b) -> a));
    }

    private static String nameOf(Map<String, Exercise> bySlug, String slug) {
        Exercise e = bySlug.get(slug);
        return e != null && e.name() != null ? e.name() : slug;
    }

    private static ProtocolPhase findPhase(Protocol protocol, String phase) {
        if (protocol.phases() == null) {
            return null;
        }
        return protocol.phases().stream()
                .filter(p -> p.number() != null && p.number().toString().equals(phase.trim()))
                .findFirst()
                .orElse(null);
    }

    private static String phaseTitle(ProtocolPhase ph, CarePlan plan) {
        return ph.name() != null
                ? plan.assign_phase_title_named(ph.number(), ph.name())
                : plan.assign_phase_title(ph.number());
    }

    /** An optional whole number of the form; {@code message} at {@code field} when it is not one. */
    private static Integer whole(String value, String field, String message, List<Violation> violations) {
        String v = FormValues.blankToNull(value);
        if (v == null) {
            return null;
        }
        try {
            return Integer.valueOf(v);
        } catch (NumberFormatException e) {
            violations.add(new Violation(field, message));
            return null;
        }
    }
}
