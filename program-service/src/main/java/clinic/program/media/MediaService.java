package clinic.program.media;

import clinic.kit.problem.DomainException;
import clinic.program.audit.Audit;
import clinic.program.library.Exercise;
import clinic.program.library.ExerciseRepository;
import clinic.program.library.ExerciseView;
import clinic.program.library.ReferenceTexts;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.LocalDateTime;
import java.util.Optional;

/**
 * Exercise pictures: attaching one to a clinic exercise (a new revision of it), removing it (another revision), and
 * reading one under the access rule: staff (physio, admin) read every picture; anyone else only pictures of exercise
 * revisions in one of their own programs, and gets the same 404 for any other id as for a missing one.
 */
@ApplicationScoped
public class MediaService {

    private final MediaStore store;
    private final ExerciseRepository exercises;
    private final ReferenceTexts texts;
    private final Audit audit;
    private final SecurityIdentity identity;
    private final EntityManager em;
    private final ImageCheck check = new ImageCheck();

    public MediaService(
            MediaStore store,
            ExerciseRepository exercises,
            ReferenceTexts texts,
            Audit audit,
            SecurityIdentity identity,
            EntityManager em) {
        this.store = store;
        this.exercises = exercises;
        this.texts = texts;
        this.audit = audit;
        this.identity = identity;
        this.em = em;
    }

    /** 404 no such exercise, 409 a built-in one: asked before an upload is decoded. */
    public void ensureEditable(String slug) {
        editable(slug);
    }

    /**
     * Checks and re-encodes an upload, outside any transaction (decoding takes a while and holds no connection);
     * 413/415/422 as {@link ImageRefused}.
     */
    public ImageCheck.Checked check(byte[] upload) {
        return check.check(upload);
    }

    /** Stores a checked picture and gives the exercise a new revision with it. 404 no such exercise, 409 built-in. */
    @Transactional
    public ExerciseView attach(String slug, ImageCheck.Checked checked, String physio) {
        Exercise current = editable(slug);
        long mediaId = store.put(checked, physio);
        Exercise next = newRevision(current, physio);
        next.imageId = mediaId;
        exercises.persist(next);
        audit.recordLibraryChange(
                "EXERCISE_IMAGE_ADDED",
                "exercise " + slug + " revision " + next.revision + ": picture " + mediaId + " (" + checked.sourceKind()
                        + ", " + checked.sourceSize() + " bytes)");
        texts.invalidate();
        return ExerciseView.of(next);
    }

    /** A new revision without the picture (older revisions, and programs given them, keep theirs). 409 if none. */
    @Transactional
    public ExerciseView detach(String slug, String physio) {
        Exercise current = editable(slug);
        if (current.imageId == null) {
            throw new DomainException.Conflict("Exercise '" + slug + "' has no picture to remove.");
        }
        Long removed = current.imageId;
        Exercise next = newRevision(current, physio);
        next.imageId = null;
        exercises.persist(next);
        audit.recordLibraryChange(
                "EXERCISE_IMAGE_REMOVED",
                "exercise " + slug + " revision " + next.revision + ": picture " + removed + " removed");
        texts.invalidate();
        return ExerciseView.of(next);
    }

    /** One size of a picture if the caller may see it; empty (answered 404) for a missing id and a forbidden one. */
    public Optional<MediaStore.Stored> read(long id, MediaStore.Size size) {
        if (!staff() && !inCallersProgram(id)) {
            return Optional.empty();
        }
        return store.get(id, size);
    }

    private boolean staff() {
        return identity.hasRole("physio") || identity.hasRole("admin");
    }

    /** Whether an exercise revision in one of the caller's programs (current or past) shows this picture. */
    private boolean inCallersProgram(long mediaId) {
        Number n = (Number) em.createNativeQuery("select count(*) from program_exercise pe"
                        + " join exercise e on e.id = pe.exercise_id"
                        + " join program p on p.id = pe.program_id"
                        + " where e.image_id = ? and p.patient_account = ?")
                .setParameter(1, mediaId)
                .setParameter(2, identity.getPrincipal().getName())
                .getSingleResult();
        return n.longValue() > 0;
    }

    private Exercise editable(String slug) {
        Exercise current = exercises
                .findBySlug(slug)
                .orElseThrow(() -> new DomainException.NotFound("No exercise '" + slug + "'."));
        if (current.builtIn) {
            throw new DomainException.Conflict("'" + current.name + "' is a built-in exercise and cannot be changed."
                    + " Copy it into a clinic exercise first, then add the picture to the copy.");
        }
        return current;
    }

    // TODO(merge): use ExerciseService.revise
    /**
     * The next revision of an exercise: every column of the current row copied to a new row with revision + 1, which
     * becomes the current one. The old row gives up current_slug first (flushed before the insert, because the column
     * is unique), all in the caller's transaction. The caller sets what changes and persists the returned row.
     */
    private Exercise newRevision(Exercise current, String physio) {
        Exercise next = new Exercise();
        next.slug = current.slug;
        next.name = current.name;
        next.category = current.category;
        next.phases = current.phases;
        next.instructions = current.instructions;
        next.shouldFeel = current.shouldFeel;
        next.precautions = current.precautions;
        next.commonMistakes = current.commonMistakes;
        next.progression = current.progression;
        next.dosage = current.dosage;
        next.cautionAvoidPhases = current.cautionAvoidPhases;
        next.cautionReason = current.cautionReason;
        next.cautionAlternatives = current.cautionAlternatives;
        next.builtIn = current.builtIn;
        next.retiredAt = current.retiredAt;
        next.retiredBy = current.retiredBy;
        next.imageId = current.imageId;
        next.videoUrl = current.videoUrl;
        next.illustration = current.illustration;
        next.revision = current.revision + 1;
        next.createdBy = physio;
        next.createdAt = LocalDateTime.now();
        current.currentSlug = null;
        exercises.flush();
        next.currentSlug = current.slug;
        return next;
    }
}
