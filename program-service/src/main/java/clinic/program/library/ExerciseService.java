package clinic.program.library;

import clinic.kit.problem.DomainException;
import clinic.kit.problem.Problem;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.stream.Collectors;

/** The exercise library: built-in exercises from the guide plus the clinic's own. */
@ApplicationScoped
public class ExerciseService {

    private final ExerciseRepository exercises;
    private final ReferenceTexts texts;

    public ExerciseService(ExerciseRepository exercises, ReferenceTexts texts) {
        this.exercises = exercises;
        this.texts = texts;
    }

    /** Exercises, optionally only those of one phase and/or one category, ordered by id (the guide's order). */
    public List<ExerciseView> list(Integer phase, String category) {
        // The library is a few dozen rows: one query, then filter the comma-separated phases in memory.
        return exercises.list("currentSlug is not null", Sort.by("id")).stream()
                .filter(e -> phase == null || e.phaseList().contains(phase))
                .filter(e -> category == null || category.isBlank() || e.category.equals(category))
                .map(ExerciseView::of)
                .toList();
    }

    /** One exercise by slug; {@link DomainException.NotFound} if absent. */
    public ExerciseView get(String slug) {
        return exercises
                .findBySlug(slug)
                .map(ExerciseView::of)
                .orElseThrow(() -> new DomainException.NotFound("No exercise '" + slug + "'."));
    }

    /** Adds a clinic-specific exercise; built-in ones are never replaced. 409 if the slug is taken. */
    @Transactional
    public ExerciseView create(NewExercise input, String physio) {
        if (exercises.findBySlug(input.slug()).isPresent()) {
            throw new DomainException.Conflict("An exercise with slug '" + input.slug() + "' already exists.");
        }
        if (input.caution() != null && input.caution().alternatives() != null) {
            var wanted = new HashSet<>(input.caution().alternatives());
            var known = exercises.findBySlugs(wanted).stream().map(e -> e.slug).collect(Collectors.toSet());
            List<Problem.Violation> violations = new ArrayList<>();
            wanted.stream()
                    .filter(s -> !known.contains(s))
                    .sorted()
                    .forEach(s -> violations.add(
                            new Problem.Violation("caution.alternatives", "unknown exercise '" + s + "'")));
            if (!violations.isEmpty()) {
                throw new DomainException.Invalid(violations);
            }
        }
        Exercise e = new Exercise();
        e.slug = input.slug();
        e.name = input.name();
        e.category = input.category();
        e.phases =
                input.phases().stream().distinct().sorted().map(String::valueOf).collect(Collectors.joining(","));
        e.instructions = input.instructions();
        e.shouldFeel = input.shouldFeel();
        e.precautions = input.precautions();
        e.commonMistakes = input.commonMistakes();
        e.progression = input.progression();
        e.dosage = new Dosage(
                input.sets(),
                input.reps(),
                input.holdSeconds(),
                input.minutes(),
                input.timesPerDay(),
                Boolean.TRUE.equals(input.perSide()));
        if (input.caution() != null) {
            e.cautionAvoidPhases = input.caution().avoidInPhases().stream()
                    .distinct()
                    .sorted()
                    .map(String::valueOf)
                    .collect(Collectors.joining(","));
            e.cautionReason = input.caution().reason();
            e.cautionAlternatives = input.caution().alternatives() == null
                    ? null
                    : String.join(",", input.caution().alternatives());
        }
        e.builtIn = false;
        e.createdBy = physio;
        e.currentSlug = e.slug;
        e.createdAt = LocalDateTime.now();
        exercises.persist(e);
        // The routine's copy of the library: a new id reloads it anyway; this keeps it from serving the old copy.
        texts.invalidate();
        return ExerciseView.of(e);
    }
}
