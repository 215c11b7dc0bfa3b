package clinic.program.media;

import clinic.kit.problem.DomainException;
import clinic.program.library.Exercise;
import clinic.program.library.ExerciseRepository;
import clinic.program.library.ExerciseService;
import clinic.program.library.ExerciseView;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
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
    private final ExerciseService library;
    private final SecurityIdentity identity;
    private final EntityManager em;
    private final ImageCheck check = new ImageCheck();

    public MediaService(
            MediaStore store,
            ExerciseRepository exercises,
            ExerciseService library,
            SecurityIdentity identity,
            EntityManager em) {
        this.store = store;
        this.exercises = exercises;
        this.library = library;
        this.identity = identity;
        this.em = em;
    }

    /** 404 no such exercise: asked before an upload is decoded. */
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

    /**
     * Stores a checked picture and gives the exercise a new revision with it, built-in exercises included (their
     * texts stay read-only; the clinic's photo shows in place of the drawing). 404 no such exercise.
     */
    @Transactional
    public ExerciseView attach(String slug, ImageCheck.Checked checked, String physio) {
        editable(slug);
        long mediaId = store.put(checked, physio);
        return library.revisePicture(
                slug,
                mediaId,
                physio,
                "EXERCISE_IMAGE_ADDED",
                "picture " + mediaId + " (" + checked.sourceKind() + ", " + checked.sourceSize() + " bytes)");
    }

    /** A new revision without the picture (older revisions, and programs given them, keep theirs). 409 if none. */
    @Transactional
    public ExerciseView detach(String slug, String physio) {
        Exercise current = editable(slug);
        if (current.imageId == null) {
            throw new DomainException.Conflict("Exercise '" + slug + "' has no picture to remove.");
        }
        return library.revisePicture(
                slug, null, physio, "EXERCISE_IMAGE_REMOVED", "picture " + current.imageId + " removed");
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
        return current;
    }
}
