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
            String illustration,
            String language) {

        /** These texts with a translation's words in place of the English ones. */
        ExerciseText in(Translation t) {
            return new ExerciseText(
                    id,
                    slug,
                    t.name(),
                    category,
                    t.instructions(),
                    t.shouldFeel(),
                    t.precautions(),
                    t.commonMistakes(),
                    hasCaution,
                    revision,
                    imageId,
                    videoUrl,
                    illustration,
                    t.language());
        }
    }

    /** One exercise revision's words in a language other than English (table exercise_translation). */
    record Translation(
            String language,
            String name,
            String instructions,
            String shouldFeel,
            String precautions,
            String commonMistakes) {}

    /** A protocol phase's name and goal, and the language they are written in. */
    public record PhaseText(String name, String goal, String language) {}

    private record PhaseKey(long protocolId, int number) {}

    private record Snapshot(
            Map<Long, ExerciseText> exercises,
            Map<PhaseKey, PhaseText> phases,
            Map<String, Map<Long, ExerciseText>> translatedExercises,
            Map<String, Map<PhaseKey, PhaseText>> translatedPhases,
            long loadedAt) {}

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

    /** The exercise's texts in English; null only if there is no such exercise. */
    public ExerciseText exercise(long id) {
        return exercise(id, ContentLanguage.SOURCE);
    }

    /**
     * The exercise revision's texts in a language, or in English (its {@code language} says which) when that revision
     * has no translation; null only if there is no such exercise.
     */
    public ExerciseText exercise(long id, String language) {
        Snapshot seen = current();
        if (!seen.exercises().containsKey(id)) {
            seen = reload(seen);
        }
        ExerciseText translated =
                seen.translatedExercises().getOrDefault(language, Map.of()).get(id);
        return translated != null ? translated : seen.exercises().get(id);
    }

    /** The phase's name and goal in English; null if the protocol has no such phase. */
    public PhaseText phase(long protocolId, int number) {
        return phase(protocolId, number, ContentLanguage.SOURCE);
    }

    /** The phase's name and goal in a language, else in English; null if the protocol has no such phase. */
    public PhaseText phase(long protocolId, int number, String language) {
        PhaseKey key = new PhaseKey(protocolId, number);
        Snapshot seen = current();
        if (!seen.phases().containsKey(key)) {
            seen = reload(seen);
        }
        PhaseText translated =
                seen.translatedPhases().getOrDefault(language, Map.of()).get(key);
        return translated != null ? translated : seen.phases().get(key);
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
                            (String) r[12],
                            ContentLanguage.SOURCE));
        }
        Map<String, Map<Long, ExerciseText>> translatedExercises = new HashMap<>();
        @SuppressWarnings("unchecked")
        List<Object[]> translations = em.createNativeQuery(
                        "select exercise_id, language, name, instructions, should_feel, precautions, common_mistakes"
                                + " from exercise_translation")
                .getResultList();
        for (Object[] r : translations) {
            long id = ((Number) r[0]).longValue();
            ExerciseText english = exercises.get(id);
            if (english != null) {
                String language = ((String) r[1]).strip();
                translatedExercises
                        .computeIfAbsent(language, l -> new HashMap<>())
                        .put(
                                id,
                                english.in(new Translation(
                                        language, (String) r[2], (String) r[3], (String) r[4], (String) r[5], (String)
                                                r[6])));
            }
        }
        Map<PhaseKey, PhaseText> phases = new HashMap<>();
        List<Object[]> phaseRows = em.createQuery(
                        "select ph.protocol.id, ph.number, ph.name, ph.goal from ProtocolPhase ph", Object[].class)
                .getResultList();
        for (Object[] r : phaseRows) {
            phases.put(
                    new PhaseKey((Long) r[0], (Integer) r[1]),
                    new PhaseText((String) r[2], (String) r[3], ContentLanguage.SOURCE));
        }
        Map<String, Map<PhaseKey, PhaseText>> translatedPhases = new HashMap<>();
        @SuppressWarnings("unchecked")
        List<Object[]> phaseTranslations = em.createNativeQuery(
                        "select ph.protocol_id, ph.phase_number, t.language, t.name, t.goal"
                                + " from protocol_phase_translation t join protocol_phase ph on ph.id = t.phase_id")
                .getResultList();
        for (Object[] r : phaseTranslations) {
            String language = ((String) r[2]).strip();
            translatedPhases
                    .computeIfAbsent(language, l -> new HashMap<>())
                    .put(
                            new PhaseKey(((Number) r[0]).longValue(), ((Number) r[1]).intValue()),
                            new PhaseText((String) r[3], (String) r[4], language));
        }
        Snapshot fresh =
                new Snapshot(Map.copyOf(exercises), Map.copyOf(phases), translatedExercises, translatedPhases, started);
        snapshot = fresh;
        return fresh;
    }
}
