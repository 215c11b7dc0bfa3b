package clinic.program.library;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The exercise library's texts and the protocols' phase names and goals, held in memory for the reads that show them
 * on every request (today's routine): they are reference content, the same for every patient, and change only with a
 * migration or when a physio adds an exercise ({@code POST /api/exercises}, which only adds rows; nothing updates or
 * deletes an exercise or a phase).
 *
 * <p>Never stale for the application's own writes: an id that is not in memory (an exercise added since, by this
 * replica or another) reloads everything before it is answered, and {@link #invalidate} is called when this replica
 * adds one. Edits made behind the application's back (SQL by hand, a migration on a running replica) show after at
 * most {@code clinic.reference-cache.ttl} (5 minutes); {@code 0s} reads them on every request.
 */
@ApplicationScoped
public class ReferenceTexts {

    /** An exercise's patient-facing texts. */
    public record ExerciseText(
            long id,
            String slug,
            String name,
            String category,
            String instructions,
            String shouldFeel,
            String precautions,
            String commonMistakes,
            boolean hasCaution,
            int revision,
            Long imageId,
            String videoUrl,
            String illustration) {}

    /** A protocol phase's name and goal. */
    public record PhaseText(String name, String goal) {}

    private record PhaseKey(long protocolId, int number) {}

    private record Snapshot(Map<Long, ExerciseText> exercises, Map<PhaseKey, PhaseText> phases, long loadedAt) {}

    private final EntityManager em;
    private final long ttlMillis;
    private final LongSupplier clock;
    private volatile Snapshot snapshot;

    @Inject
    public ReferenceTexts(
            EntityManager em, @ConfigProperty(name = "clinic.reference-cache.ttl", defaultValue = "5m") Duration ttl) {
        this(em, ttl, System::currentTimeMillis);
    }

    ReferenceTexts(EntityManager em, Duration ttl, LongSupplier clock) {
        this.em = em;
        this.ttlMillis = ttl.toMillis();
        this.clock = clock;
    }

    /** The exercise's texts; null only if there is no such exercise. */
    public ExerciseText exercise(long id) {
        Snapshot seen = current();
        ExerciseText text = seen.exercises().get(id);
        return text != null ? text : reload(seen).exercises().get(id);
    }

    /** The phase's name and goal; null if the protocol has no such phase. */
    public PhaseText phase(long protocolId, int number) {
        PhaseKey key = new PhaseKey(protocolId, number);
        Snapshot seen = current();
        PhaseText text = seen.phases().get(key);
        return text != null ? text : reload(seen).phases().get(key);
    }

    /** Forget what is held: the next read loads the texts again. */
    public void invalidate() {
        snapshot = null;
    }

    private Snapshot current() {
        Snapshot s = snapshot;
        if (s == null || clock.getAsLong() - s.loadedAt() >= ttlMillis) {
            return reload(s);
        }
        return s;
    }

    /**
     * Two statements: the library and the phases (a few dozen small rows). Callers that waited while another thread
     * reloaded after what they saw ({@code seen}) take that thread's result.
     */
    private synchronized Snapshot reload(Snapshot seen) {
        Snapshot now = snapshot;
        if (now != null && now != seen) {
            return now;
        }
        long started = clock.getAsLong();
        Map<Long, ExerciseText> exercises = new HashMap<>();
        List<Object[]> rows = em.createQuery(
                        "select e.id, e.slug, e.name, e.category, e.instructions, e.shouldFeel, e.precautions,"
                                + " e.commonMistakes, e.cautionReason, e.revision, e.imageId, e.videoUrl, e.illustration"
                                + " from Exercise e",
                        Object[].class)
                .getResultList();
        for (Object[] r : rows) {
            long id = (Long) r[0];
            exercises.put(
                    id,
                    new ExerciseText(
                            id,
                            (String) r[1],
                            (String) r[2],
                            (String) r[3],
                            (String) r[4],
                            (String) r[5],
                            (String) r[6],
                            (String) r[7],
                            r[8] != null,
                            (Integer) r[9],
                            (Long) r[10],
                            (String) r[11],
                            (String) r[12]));
        }
        Map<PhaseKey, PhaseText> phases = new HashMap<>();
        List<Object[]> phaseRows = em.createQuery(
                        "select ph.protocol.id, ph.number, ph.name, ph.goal from ProtocolPhase ph", Object[].class)
                .getResultList();
        for (Object[] r : phaseRows) {
            phases.put(new PhaseKey((Long) r[0], (Integer) r[1]), new PhaseText((String) r[2], (String) r[3]));
        }
        Snapshot fresh = new Snapshot(Map.copyOf(exercises), Map.copyOf(phases), started);
        snapshot = fresh;
        return fresh;
    }
}
