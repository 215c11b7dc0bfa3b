package clinic.program.template;

import clinic.kit.problem.DatabaseFailures;
import clinic.kit.problem.DomainException;
import clinic.kit.problem.Problem;
import clinic.program.audit.Audit;
import clinic.program.library.Dosage;
import clinic.program.library.Exercise;
import clinic.program.library.ExerciseRepository;
import clinic.program.prescription.NewProgram;
import clinic.program.prescription.Program;
import clinic.program.prescription.ProgramExercise;
import clinic.program.prescription.ProgramLookup;
import clinic.program.prescription.ProgramRepository;
import clinic.program.protocol.Protocol;
import clinic.program.protocol.ProtocolExercise;
import clinic.program.protocol.ProtocolRepository;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Plan templates. Rules:
 *
 * <ul>
 *   <li>Physios save them; a PRIVATE one is seen only by its owner (anyone else gets the 404 of an absent one), a
 *       CLINIC one by every physio and admin. Names are unique per owner among private ones and clinic-wide among
 *       clinic ones (409).
 *   <li>At save every exercise must be in the library's current revisions and not retired, and the protocol phase
 *       must exist (422 with {@code violations}). Dosage fields left out take the phase's default, else the
 *       library's, so a template always holds the full dosage.
 *   <li>Deleting: the owner; a clinic-wide one also an admin (its owner may have left, and the list is the clinic's);
 *       anyone else 403, a private one of someone else 404.
 *   <li>Nothing here assigns: a program is started from a template by sending its protocol, phase and exercises to
 *       {@code POST /api/programs}, which makes every safety check.
 * </ul>
 *
 * Saving and deleting are audited ({@code TEMPLATE_CREATED}, {@code TEMPLATE_DELETED}); a save from a program also
 * names the program and its patient, since it read the program.
 */
@ApplicationScoped
public class TemplateService {

    /** The 422's title. */
    static final String NOT_SAVABLE = "Template not valid";

    private final PlanTemplateRepository templates;
    private final ExerciseRepository exercises;
    private final ProtocolRepository protocols;
    private final ProgramRepository programs;
    private final ProgramLookup lookup;
    private final SecurityIdentity identity;
    private final Audit audit;

    public TemplateService(
            PlanTemplateRepository templates,
            ExerciseRepository exercises,
            ProtocolRepository protocols,
            ProgramRepository programs,
            ProgramLookup lookup,
            SecurityIdentity identity,
            Audit audit) {
        this.templates = templates;
        this.exercises = exercises;
        this.protocols = protocols;
        this.programs = programs;
        this.lookup = lookup;
        this.identity = identity;
        this.audit = audit;
    }

    /** Saves a template typed in full. */
    @Transactional
    public TemplateView create(TemplateRequests.NewTemplate input) {
        String visibility = visibilityOf(input.visibility());
        Protocol protocol = protocols.findByCode(input.protocol()).orElse(null);
        List<Problem.Violation> violations = new ArrayList<>();
        if (protocol == null) {
            violations.add(new Problem.Violation("protocol", "unknown protocol '" + input.protocol() + "'"));
        } else if (protocols.phase(protocol.id, input.phase()).isEmpty()) {
            violations.add(new Problem.Violation("phase", "the protocol has no phase " + input.phase()));
        }
        Map<String, Exercise> known = current(input.exercises().stream()
                .map(NewProgram.ExerciseChoice::exercise)
                .toList());
        Map<String, Dosage> phaseDosage = protocol == null ? Map.of() : phaseDosages(protocol, input.phase());
        List<Dosed> rows = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < input.exercises().size(); i++) {
            NewProgram.ExerciseChoice choice = input.exercises().get(i);
            String field = "exercises[" + i + "].exercise";
            Exercise exercise = known.get(choice.exercise());
            if (!savable(choice.exercise(), exercise, field, violations)) {
                continue;
            }
            if (!seen.add(exercise.slug)) {
                violations.add(new Problem.Violation(field, "'" + exercise.slug + "' is listed twice"));
                continue;
            }
            Dosage base = phaseDosage.getOrDefault(exercise.slug, exercise.dosage);
            Dosage dosage = new Dosage(
                            choice.sets(),
                            choice.reps(),
                            choice.holdSeconds(),
                            choice.minutes(),
                            choice.timesPerDay(),
                            choice.perSide())
                    .orElse(base);
            rows.add(new Dosed(exercise.slug, dosage));
        }
        refuseIf(violations);
        PlanTemplate saved = store(input.name(), input.description(), visibility, protocol.code, input.phase(), rows);
        audit.record("TEMPLATE_CREATED", null, null, "template " + saved.id);
        return view(saved);
    }

    /**
     * Saves a program's current exercises and dosages, with its protocol and phase, as a template. The caller must
     * be allowed to see the program (the care-team check runs before, in the resource, as for the program
     * endpoints).
     */
    @Transactional
    public TemplateView fromProgram(long programId, TemplateRequests.FromProgram input) {
        String visibility = visibilityOf(input.visibility());
        Program program = lookup.visible(programId, "TEMPLATE_CREATED");
        List<ProgramExercise> prescribed = programs.exercises(program.id);
        if (prescribed.isEmpty()) {
            throw new DomainException.Refused(
                    NOT_SAVABLE, "The program has no exercises to save.", Map.of("violations", List.of()));
        }
        Map<String, Exercise> known =
                current(prescribed.stream().map(pe -> pe.exercise.slug).toList());
        List<Problem.Violation> violations = new ArrayList<>();
        List<Dosed> rows = new ArrayList<>();
        for (int i = 0; i < prescribed.size(); i++) {
            ProgramExercise pe = prescribed.get(i);
            if (savable(pe.exercise.slug, known.get(pe.exercise.slug), "exercises[" + i + "].exercise", violations)) {
                rows.add(new Dosed(pe.exercise.slug, pe.dosage));
            }
        }
        refuseIf(violations);
        PlanTemplate saved =
                store(input.name(), input.description(), visibility, program.protocol.code, program.phase, rows);
        audit.record("TEMPLATE_CREATED", program.patientId, program.id, "template " + saved.id);
        return view(saved);
    }

    /** The caller's private templates and the clinic-wide ones (an admin: clinic-wide only), newest first. */
    @Transactional
    public List<TemplateView> list() {
        List<PlanTemplate> found = templates.visibleTo(isPhysio() ? caller() : null);
        Map<Long, List<PlanTemplateExercise>> rows =
                templates.exercisesOf(found.stream().map(t -> t.id).toList()).stream()
                        .collect(Collectors.groupingBy(e -> e.templateId));
        Map<String, Exercise> library = current(rows.values().stream()
                .flatMap(List::stream)
                .map(e -> e.exercise)
                .distinct()
                .toList());
        return found.stream()
                .map(t -> view(t, rows.getOrDefault(t.id, List.of()), library))
                .toList();
    }

    /** One template the caller may see; a private one of someone else is 404, like an absent one. */
    @Transactional
    public TemplateView get(long id) {
        return view(visible(id));
    }

    /** Deletes a template: its owner, or an admin for a clinic-wide one. */
    @Transactional
    public void delete(long id) {
        PlanTemplate template = visible(id);
        boolean owner = template.owner.equals(caller());
        if (!owner && !(template.clinicWide() && identity.hasRole("admin"))) {
            audit.refused("TEMPLATE_DELETED", null, null, "template " + id + ": not its author");
            throw new DomainException.Forbidden(
                    "Only the physio who saved this clinic-wide template, or an admin, may delete it.");
        }
        templates.deleteExercises(template.id);
        templates.delete(template);
        audit.record("TEMPLATE_DELETED", null, null, "template " + id);
    }

    private PlanTemplate visible(long id) {
        PlanTemplate template = templates.findById(id);
        if (template == null || !(template.clinicWide() || template.owner.equals(caller()))) {
            throw new DomainException.NotFound("No template " + id + ".");
        }
        return template;
    }

    /** An exercise with its dosage, ready to store. */
    private record Dosed(String exercise, Dosage dosage) {}

    private PlanTemplate store(
            String name, String description, String visibility, String protocol, int phase, List<Dosed> rows) {
        String owner = caller();
        String trimmed = name.strip();
        String scope = PlanTemplate.scopeOf(visibility, owner);
        if (templates.nameTaken(scope, trimmed)) {
            throw new DomainException.Conflict(nameTaken(visibility, trimmed));
        }
        LocalDateTime now = LocalDateTime.now();
        PlanTemplate template = new PlanTemplate();
        template.name = trimmed;
        template.description = description == null || description.isBlank() ? null : description.strip();
        template.protocol = protocol;
        template.phase = phase;
        template.visibility = visibility;
        template.owner = owner;
        template.scopeKey = scope;
        template.createdAt = now;
        template.updatedAt = now;
        try {
            templates.persist(template);
            int position = 1;
            for (Dosed row : rows) {
                PlanTemplateExercise e = new PlanTemplateExercise();
                e.templateId = template.id;
                e.position = position++;
                e.exercise = row.exercise();
                e.dosage = row.dosage().toStore();
                templates.persistExercise(e);
            }
            templates.flush();
        } catch (PersistenceException race) {
            if (DatabaseFailures.unavailable(race)) {
                throw race;
            }
            // The same name saved in the same scope at the same moment: the unique key decided.
            throw new DomainException.Conflict(nameTaken(visibility, trimmed));
        }
        return template;
    }

    private static String nameTaken(String visibility, String name) {
        return PlanTemplate.CLINIC.equals(visibility)
                ? "A clinic-wide template named '" + name + "' already exists."
                : "You already have a template named '" + name + "'.";
    }

    /** Whether an exercise may go into a template now; else a violation for {@code field}. */
    private static boolean savable(String slug, Exercise current, String field, List<Problem.Violation> violations) {
        if (current == null) {
            violations.add(new Problem.Violation(field, "unknown exercise '" + slug + "'"));
            return false;
        }
        if (current.retired()) {
            violations.add(new Problem.Violation(
                    field, "'" + slug + "' is retired and can no longer be prescribed; leave it out"));
            return false;
        }
        return true;
    }

    private static void refuseIf(List<Problem.Violation> violations) {
        if (!violations.isEmpty()) {
            throw new DomainException.Refused(
                    NOT_SAVABLE,
                    "The template cannot be saved: "
                            + violations.stream()
                                    .map(v -> v.field() + " " + v.message())
                                    .collect(Collectors.joining("; "))
                            + ".",
                    Map.of("violations", violations));
        }
    }

    private Map<String, Dosage> phaseDosages(Protocol protocol, int phase) {
        return protocols.exercises(protocol.id).stream()
                .filter(pe -> pe.phase.number == phase)
                .collect(Collectors.toMap(
                        pe -> pe.exercise.slug,
                        (ProtocolExercise pe) -> pe.dosage.orElse(pe.exercise.dosage),
                        (a, b) -> a));
    }

    /** The current revisions of the given slugs, by slug. */
    private Map<String, Exercise> current(List<String> slugs) {
        return exercises.findBySlugs(new HashSet<>(slugs)).stream()
                .collect(Collectors.toMap(e -> e.slug, Function.identity(), (a, b) -> a));
    }

    private TemplateView view(PlanTemplate t) {
        List<PlanTemplateExercise> rows = templates.exercisesOf(List.of(t.id));
        return view(t, rows, current(rows.stream().map(e -> e.exercise).toList()));
    }

    private TemplateView view(PlanTemplate t, List<PlanTemplateExercise> rows, Map<String, Exercise> library) {
        List<TemplateView.TemplateExerciseView> exercises = rows.stream()
                .map(e -> {
                    Exercise now = library.get(e.exercise);
                    return new TemplateView.TemplateExerciseView(
                            e.position,
                            e.exercise,
                            now == null ? e.exercise : now.name,
                            e.dosage.sets(),
                            e.dosage.reps(),
                            e.dosage.holdSeconds(),
                            e.dosage.minutes(),
                            e.dosage.timesPerDay(),
                            e.dosage.eachSide(),
                            now != null && now.retired(),
                            now == null);
                })
                .toList();
        return new TemplateView(
                t.id,
                t.name,
                t.description,
                t.protocol,
                t.phase,
                t.visibility,
                t.owner,
                t.owner.equals(caller()),
                t.createdAt,
                t.updatedAt,
                t.version,
                exercises);
    }

    private static String visibilityOf(String visibility) {
        return visibility == null || visibility.isBlank() ? PlanTemplate.PRIVATE : visibility;
    }

    private boolean isPhysio() {
        return identity.hasRole("physio");
    }

    private String caller() {
        return identity.getPrincipal().getName();
    }
}
