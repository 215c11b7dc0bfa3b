package clinic.program.prescription;

import clinic.kit.problem.DomainException;
import clinic.kit.problem.Problem;
import clinic.program.library.Dosage;
import clinic.program.library.Exercise;
import clinic.program.library.ExerciseRepository;
import clinic.program.protocol.Protocol;
import clinic.program.protocol.ProtocolExercise;
import clinic.program.protocol.ProtocolRepository;
import clinic.rules.PrescriptionRules;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The caution check of an assignment: which exercises and dosages a request prescribes ({@link #plan}: 400 for an
 * unknown or repeated exercise, or a caution acknowledged without instructions for the patient) and whether the
 * clinical rules let them into the phase ({@link #check}: {@link PrescriptionRules} of clinical-rules; 422 with the
 * {@code cautions} member otherwise). Reads the library and the protocol; writes nothing.
 */
@ApplicationScoped
public class PrescriptionCheck {

    private final ProtocolRepository protocols;
    private final ExerciseRepository exercises;

    public PrescriptionCheck(ProtocolRepository protocols, ExerciseRepository exercises) {
        this.protocols = protocols;
        this.exercises = exercises;
    }

    List<Planned> plan(Protocol protocol, NewProgram input) {
        int phase = input.phase();
        Map<String, ProtocolExercise> phaseDefaults = protocols.exercises(protocol.id).stream()
                .filter(pe -> pe.phase.number == phase)
                .collect(Collectors.toMap(pe -> pe.exercise.slug, Function.identity(), (a, b) -> a));
        Map<String, NewProgram.Acknowledgement> acks = new HashMap<>();
        List<Problem.Violation> violations = new ArrayList<>();
        Set<String> wanted = new HashSet<>();
        if (input.acknowledgements() != null) {
            input.acknowledgements().forEach(a -> acks.put(a.exercise(), a));
            wanted.addAll(acks.keySet());
        }
        if (input.exercises() != null) {
            input.exercises().forEach(c -> wanted.add(c.exercise()));
        }
        Map<String, Exercise> known =
                exercises.findBySlugs(wanted).stream().collect(Collectors.toMap(e -> e.slug, Function.identity()));
        if (input.acknowledgements() != null) {
            for (int i = 0; i < input.acknowledgements().size(); i++) {
                NewProgram.Acknowledgement ack = input.acknowledgements().get(i);
                Exercise acknowledged = known.get(ack.exercise());
                if (acknowledged == null) {
                    violations.add(new Problem.Violation("acknowledgements[" + i + "].exercise", "unknown exercise"));
                } else if (acknowledged.hasCaution()
                        && (ack.instructions() == null || ack.instructions().isBlank())) {
                    // The patient reads these instead of the library's "not recommended" text.
                    violations.add(new Problem.Violation(
                            "acknowledgements[" + i + "].instructions",
                            "is required for an exercise with a caution: tell the patient how to do it safely"));
                }
            }
        }
        List<Planned> plan = new ArrayList<>();
        if (input.exercises() == null || input.exercises().isEmpty()) {
            phaseDefaults(protocol, phase)
                    .forEach(p -> plan.add(new Planned(p.exercise(), p.dosage(), acks.get(p.exercise().slug))));
        } else {
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < input.exercises().size(); i++) {
                NewProgram.ExerciseChoice choice = input.exercises().get(i);
                Exercise exercise = known.get(choice.exercise());
                if (exercise == null) {
                    violations.add(new Problem.Violation("exercises[" + i + "].exercise", "unknown exercise"));
                    continue;
                }
                if (!seen.add(exercise.slug)) {
                    violations.add(new Problem.Violation("exercises[" + i + "].exercise", "listed twice"));
                    continue;
                }
                Dosage base = phaseDefaults.containsKey(exercise.slug)
                        ? phaseDefaults.get(exercise.slug).dosage.orElse(exercise.dosage)
                        : exercise.dosage;
                Dosage dosage = new Dosage(
                                choice.sets(),
                                choice.reps(),
                                choice.holdSeconds(),
                                choice.minutes(),
                                choice.timesPerDay(),
                                choice.perSide())
                        .orElse(base);
                plan.add(new Planned(exercise, dosage, acks.get(exercise.slug)));
            }
        }
        if (!violations.isEmpty()) {
            throw new DomainException.Invalid(violations);
        }
        refuseRetired(plan, input.exercises() != null && !input.exercises().isEmpty());
        return plan;
    }

    /**
     * A retired exercise is not prescribed anew (programs that have it keep it): 422 with one violation per retired
     * exercise, at its place in the request ({@code exercises[i].exercise}) or, for a phase's defaults, at
     * {@code phase}.
     */
    void refuseRetired(List<Planned> plan, boolean chosen) {
        List<Problem.Violation> retired = new ArrayList<>();
        for (int i = 0; i < plan.size(); i++) {
            Exercise e = plan.get(i).exercise();
            if (e.retired()) {
                retired.add(new Problem.Violation(
                        chosen ? "exercises[" + i + "].exercise" : "phase", "exercise '" + e.slug + "' is retired"));
            }
        }
        if (!retired.isEmpty()) {
            throw new DomainException.Refused(
                    RETIRED_TITLE,
                    "Retired exercises are not prescribed anew: "
                            + retired.stream().map(Problem.Violation::message).collect(Collectors.joining("; "))
                            + ". Choose another exercise, or unretire it in the library.",
                    Map.of("violations", retired));
        }
    }

    /** The title of the refusal of a retired exercise. */
    public static final String RETIRED_TITLE = "Retired exercise";

    /**
     * The phase's default exercises with their dosage (a phase move prescribes them), each at its current revision:
     * the protocol names an exercise, and a new prescription gets its newest text. Does not refuse retired ones (see
     * {@link #refuseRetired}).
     */
    List<Planned> phaseDefaults(Protocol protocol, int phase) {
        List<ProtocolExercise> defaults = protocols.exercises(protocol.id).stream()
                .filter(pe -> pe.phase.number == phase)
                .toList();
        Map<String, Exercise> current =
                exercises
                        .findBySlugs(
                                defaults.stream().map(pe -> pe.exercise.slug).collect(Collectors.toSet()))
                        .stream()
                        .collect(Collectors.toMap(e -> e.slug, Function.identity()));
        return defaults.stream()
                .map(pe -> {
                    Exercise e = current.getOrDefault(pe.exercise.slug, pe.exercise);
                    return new Planned(e, pe.dosage.orElse(e.dosage), null);
                })
                .toList();
    }

    /**
     * {@link PrescriptionRules}: an exercise the guide warns against in this phase (CAUTION, with the alternatives that
     * fit the phase) or not meant for this phase (PHASE, with the phases it is meant for) is refused unless
     * acknowledged with a reason.
     */
    void check(Protocol protocol, int phase, List<Planned> plan) {
        // Phase fit for any protocol: an exercise fits a phase the protocol lists it in, or one of its own phases.
        Map<String, Set<Integer>> listed = listedPhases(protocol);
        Set<String> alternatives = new HashSet<>();
        plan.forEach(p -> alternatives.addAll(p.exercise().alternatives()));
        Map<String, Set<Integer>> phasesBySlug = alternatives.isEmpty()
                ? Map.of()
                : exercises.findBySlugs(alternatives).stream()
                        .collect(Collectors.toMap(e -> e.slug, e -> fitPhases(e, listed)));
        Set<String> acknowledged = plan.stream()
                .filter(p -> p.ackReason() != null && !p.ackReason().isBlank())
                .map(p -> p.exercise().slug)
                .collect(Collectors.toSet());
        List<Caution> refused = PrescriptionRules.check(
                        phase,
                        plan.stream().map(p -> rulesView(p.exercise(), listed)).toList(),
                        acknowledged,
                        phasesBySlug)
                .stream()
                .map(r -> new Caution(r.exercise(), r.kind().name(), r.reason(), r.alternatives(), r.phases()))
                .toList();
        if (!refused.isEmpty()) {
            throw new DomainException.Refused(
                    DomainException.Refused.CLINICAL_RULE,
                    "Some exercises are to be avoided in phase " + phase + " or are not meant for it; choose the"
                            + " safer alternatives or acknowledge each with a reason.",
                    Map.of("cautions", refused));
        }
    }

    /** The phase numbers a protocol lists each exercise in, by slug. */
    private Map<String, Set<Integer>> listedPhases(Protocol protocol) {
        return protocols.exercises(protocol.id).stream()
                .collect(Collectors.groupingBy(
                        pe -> pe.exercise.slug, Collectors.mapping(pe -> pe.phase.number, Collectors.toSet())));
    }

    private static Set<Integer> fitPhases(Exercise e, Map<String, Set<Integer>> listed) {
        Set<Integer> phases = new HashSet<>(e.phaseList());
        phases.addAll(listed.getOrDefault(e.slug, Set.of()));
        return phases;
    }

    private static PrescriptionRules.Exercise rulesView(Exercise e, Map<String, Set<Integer>> listed) {
        return new PrescriptionRules.Exercise(
                e.slug,
                fitPhases(e, listed),
                e.hasCaution() ? Set.copyOf(e.avoidInPhases()) : Set.of(),
                e.cautionReason,
                e.alternatives());
    }
}
