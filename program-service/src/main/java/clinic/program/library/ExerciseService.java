package clinic.program.library;

import clinic.kit.problem.DatabaseFailures;
import clinic.kit.problem.DomainException;
import clinic.kit.problem.Problem;
import clinic.program.audit.Audit;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * The exercise library: built-in exercises from the guide plus the clinic's own. An exercise row never changes once a
 * program may point at it: an edit adds a row with the same slug and the next revision ({@link #revise}), so a
 * running program keeps the text it was prescribed. Built-in exercises are read-only (copy them first); retired ones
 * stay in the programs that have them but are no longer offered. Every change is audited.
 */
@ApplicationScoped
public class ExerciseService {

    /** The refusal of a change to a built-in exercise. */
    public static final String BUILT_IN_REFUSAL =
            "Built-in exercises are read-only: copy it into a clinic exercise and change the copy.";

    private final ExerciseRepository exercises;
    private final ReferenceTexts texts;
    private final Audit audit;

    public ExerciseService(ExerciseRepository exercises, ReferenceTexts texts, Audit audit) {
        this.exercises = exercises;
        this.texts = texts;
        this.audit = audit;
    }

    /** Exercises, optionally only those of one phase and/or one category, ordered by id; retired ones only if asked. */
    public List<ExerciseView> list(Integer phase, String category, boolean includeRetired) {
        // The library is a few dozen rows: one query, then filter the comma-separated phases in memory.
        return exercises.list("currentSlug is not null", Sort.by("id")).stream()
                .filter(e -> includeRetired || !e.retired())
                .filter(e -> phase == null || e.phaseList().contains(phase))
                .filter(e -> category == null || category.isBlank() || e.category.equals(category))
                .map(ExerciseView::of)
                .toList();
    }

    /** One exercise (its current revision) by slug; {@link DomainException.NotFound} if absent. */
    public ExerciseView get(String slug) {
        return ExerciseView.of(current(slug));
    }

    /** Every revision of an exercise, newest first, with who made it and when; 404 if there is no such exercise. */
    public List<ExerciseRevisionView> revisions(String slug) {
        List<Exercise> rows = exercises.list("slug = ?1", Sort.descending("revision"), slug);
        if (rows.isEmpty()) {
            throw new DomainException.NotFound("No exercise '" + slug + "'.");
        }
        return rows.stream().map(ExerciseRevisionView::of).toList();
    }

    /** Adds a clinic-specific exercise; built-in ones are never replaced. 409 if the slug is taken. */
    @Transactional
    public ExerciseView create(NewExercise input, String physio) {
        requireFreeSlug(input.slug());
        checkAlternatives(input.caution(), input.slug());
        Exercise e = new Exercise();
        e.slug = input.slug();
        apply(input, e);
        e.builtIn = false;
        e.createdBy = physio;
        e.currentSlug = e.slug;
        e.createdAt = LocalDateTime.now();
        exercises.persist(e);
        audit.recordChange("EXERCISE_CREATED", describe(e));
        // The routine's copy of the library: a new id reloads it anyway; this keeps it from serving the old copy.
        texts.invalidate();
        return ExerciseView.of(e);
    }

    /**
     * A physio's edit of a clinic exercise: the next revision with the edit's fields; picture and illustration carry
     * over. 409 for a built-in exercise or when {@code edit.revision()} is no longer the current one.
     */
    @Transactional
    public ExerciseView edit(String slug, ExerciseEdit edit, String physio) {
        // Inside the change, so a built-in or stale revision is refused (409) before the alternatives are judged.
        return revise(
                slug,
                edit.revision(),
                e -> {
                    checkAlternatives(edit.caution(), slug);
                    apply(edit, e);
                },
                physio,
                "EXERCISE_EDITED");
    }

    /** {@link #revise(String, int, Consumer, String, String)} audited as {@code EXERCISE_REVISED}. */
    @Transactional
    public ExerciseView revise(String slug, int expectedRevision, Consumer<Exercise> change, String actor) {
        return revise(slug, expectedRevision, change, actor, "EXERCISE_REVISED");
    }

    /**
     * Makes a new revision of a clinic exercise, the one way an exercise's content changes (the edit, and the media
     * feature's picture attach and remove, go through here). In one transaction: the current row stops being current,
     * a new row with every column of it (see {@link Exercise#nextRevision}), {@code change} applied, revision + 1 and
     * {@code actor} as its author is saved, the change is audited as {@code auditAction}, and the routine's texts are
     * invalidated. Programs keep pointing at the row they were prescribed.
     *
     * @param expectedRevision the revision the caller saw; -1 to revise whatever is current
     * @param change sets the new row's fields; it must not touch slug, revision, current_slug or built_in
     * @return the new revision
     * @throws DomainException.NotFound no such exercise
     * @throws DomainException.Conflict a built-in exercise (read-only; copy it), a stale {@code expectedRevision}, or
     *     another revision saved at the same time
     */
    @Transactional
    public ExerciseView revise(
            String slug, int expectedRevision, Consumer<Exercise> change, String actor, String auditAction) {
        Exercise old = current(slug);
        if (old.builtIn) {
            throw new DomainException.Conflict(BUILT_IN_REFUSAL);
        }
        if (expectedRevision >= 0 && old.revision != expectedRevision) {
            throw new DomainException.Conflict("Exercise '" + slug + "' changed since revision " + expectedRevision
                    + ": it is now at revision " + old.revision + ". Reload it and make your change again.");
        }
        Exercise next = old.nextRevision();
        change.accept(next);
        saveRevision(old, next, actor);
        audit.recordChange(auditAction, describe(next));
        texts.invalidate();
        return ExerciseView.of(next);
    }

    /**
     * A new revision that changes only the picture ({@code imageId}, null to remove it), built-in exercises included:
     * their texts stay read-only, but a clinic may show its own photo in place of the project's drawing. Audited as
     * {@code auditAction} with {@code what} as the reason; programs keep the revision they were given.
     */
    @Transactional
    public ExerciseView revisePicture(String slug, Long imageId, String actor, String auditAction, String what) {
        Exercise old = current(slug);
        Exercise next = old.nextRevision();
        next.imageId = imageId;
        saveRevision(old, next, actor);
        audit.recordChange(auditAction, "exercise " + slug + " revision " + next.revision + ": " + what);
        texts.invalidate();
        return ExerciseView.of(next);
    }

    /** Saves {@code next} as the current revision after {@code old}: the one place the revision columns are set. */
    private void saveRevision(Exercise old, Exercise next, String actor) {
        next.slug = old.slug;
        next.revision = old.revision + 1;
        next.currentSlug = old.slug;
        next.builtIn = old.builtIn;
        next.createdBy = actor;
        try {
            // The unique current_slug: the old row lets go of it before the new one takes it.
            old.currentSlug = null;
            exercises.flush();
            exercises.persist(next);
            exercises.flush();
        } catch (PersistenceException concurrent) {
            if (DatabaseFailures.unavailable(concurrent)) {
                throw concurrent;
            }
            throw new DomainException.Conflict("Exercise '" + old.slug
                    + "' was changed by someone else at the same time. Reload it and try again.");
        }
    }

    /**
     * Copies an exercise (usually a built-in one) into a new clinic exercise, revision 1, with all its fields and its
     * illustration; the copy is the physio's to edit. 409 if the new slug is taken.
     */
    @Transactional
    public ExerciseView copy(String slug, ExerciseCopy input, String physio) {
        Exercise source = current(slug);
        requireFreeSlug(input.slug());
        Exercise e = source.copyContent();
        e.slug = input.slug();
        e.name = input.name();
        e.revision = 1;
        e.builtIn = false;
        e.createdBy = physio;
        e.currentSlug = e.slug;
        e.createdAt = LocalDateTime.now();
        exercises.persist(e);
        audit.recordChange(
                "EXERCISE_COPIED", describe(e) + " copied from '" + source.slug + "' revision " + source.revision);
        texts.invalidate();
        return ExerciseView.of(e);
    }

    /**
     * Retires a clinic exercise: no longer listed (unless asked) nor accepted in new prescriptions; programs that have
     * it keep it. Retiring a retired exercise changes nothing. 409 for a built-in exercise.
     */
    @Transactional
    public ExerciseView retire(String slug, String physio) {
        Exercise e = current(slug);
        if (e.builtIn) {
            throw new DomainException.Conflict(BUILT_IN_REFUSAL);
        }
        if (!e.retired()) {
            e.retiredAt = LocalDateTime.now();
            e.retiredBy = physio;
            audit.recordChange("EXERCISE_RETIRED", describe(e));
        }
        return ExerciseView.of(e);
    }

    /** Offers a retired clinic exercise again; unretiring one that is not retired changes nothing. */
    @Transactional
    public ExerciseView unretire(String slug) {
        Exercise e = current(slug);
        if (e.builtIn) {
            throw new DomainException.Conflict(BUILT_IN_REFUSAL);
        }
        if (e.retired()) {
            e.retiredAt = null;
            e.retiredBy = null;
            audit.recordChange("EXERCISE_UNRETIRED", describe(e));
        }
        return ExerciseView.of(e);
    }

    private Exercise current(String slug) {
        return exercises
                .findBySlug(slug)
                .orElseThrow(() -> new DomainException.NotFound("No exercise '" + slug + "'."));
    }

    private void requireFreeSlug(String slug) {
        // Any revision counts: an old revision's slug stays taken (programs point at it).
        if (exercises.count("slug", slug) > 0) {
            throw new DomainException.Conflict("An exercise with slug '" + slug + "' already exists.");
        }
    }

    private void checkAlternatives(NewExercise.Caution caution, String slug) {
        if (caution == null || caution.alternatives() == null) {
            return;
        }
        var wanted = new HashSet<>(caution.alternatives());
        var known = exercises.findBySlugs(wanted).stream().map(e -> e.slug).collect(Collectors.toSet());
        List<Problem.Violation> violations = new ArrayList<>();
        wanted.stream().sorted().forEach(s -> {
            if (s.equals(slug)) {
                violations.add(
                        new Problem.Violation("caution.alternatives", "an exercise cannot be its own alternative"));
            } else if (!known.contains(s)) {
                violations.add(new Problem.Violation("caution.alternatives", "unknown exercise '" + s + "'"));
            }
        });
        if (!violations.isEmpty()) {
            throw new DomainException.Invalid(violations);
        }
    }

    /** Writes the physio's fields onto a row (new, or the next revision). */
    private static void apply(ExerciseContent input, Exercise e) {
        e.name = input.name();
        e.category = input.category();
        e.phases =
                input.phases().stream().distinct().sorted().map(String::valueOf).collect(Collectors.joining(","));
        e.instructions = input.instructions();
        e.shouldFeel = blankToNull(input.shouldFeel());
        e.precautions = blankToNull(input.precautions());
        e.commonMistakes = blankToNull(input.commonMistakes());
        e.progression = blankToNull(input.progression());
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
                            || input.caution().alternatives().isEmpty()
                    ? null
                    : String.join(",", input.caution().alternatives());
        } else {
            e.cautionAvoidPhases = null;
            e.cautionReason = null;
            e.cautionAlternatives = null;
        }
        e.videoUrl = blankToNull(input.videoUrl());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static String describe(Exercise e) {
        return "exercise '" + e.slug + "' revision " + e.revision;
    }
}
