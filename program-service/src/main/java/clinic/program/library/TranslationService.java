package clinic.program.library;

import clinic.kit.problem.DomainException;
import clinic.program.audit.Audit;
import clinic.rules.Texts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.LocalDateTime;
import java.util.List;

/**
 * Translations of the library's exercises (table {@code exercise_translation}, V19): per exercise revision and
 * language, so a program keeps the words of the revision it was prescribed in every language. A physio writes the
 * translation of a clinic exercise's current revision; the built-in exercises' translations come with the release.
 */
@ApplicationScoped
public class TranslationService {

    private final ExerciseRepository exercises;
    private final ReferenceTexts texts;
    private final Audit audit;
    private final EntityManager em;

    public TranslationService(ExerciseRepository exercises, ReferenceTexts texts, Audit audit, EntityManager em) {
        this.exercises = exercises;
        this.texts = texts;
        this.audit = audit;
        this.em = em;
    }

    /** The translations of an exercise's current revision, by language; 404 if there is no such exercise. */
    public List<ExerciseTranslation> of(String slug) {
        Exercise e = current(slug);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select language, name, instructions, should_feel, precautions,"
                        + " common_mistakes, progression, caution_reason from exercise_translation"
                        + " where exercise_id = ?1 order by language")
                .setParameter(1, e.id)
                .getResultList();
        return rows.stream()
                .map(r -> new ExerciseTranslation(
                        ((String) r[0]).strip(),
                        (String) r[1],
                        (String) r[2],
                        (String) r[3],
                        (String) r[4],
                        (String) r[5],
                        (String) r[6],
                        (String) r[7]))
                .toList();
    }

    /**
     * Writes (adds or replaces) the translation of a clinic exercise's current revision into a language; audited. 400
     * for a language the clinic does not write in (or English, the source: edit the exercise instead), 404 for no such
     * exercise, 409 for a built-in exercise (read-only, as for an edit).
     */
    @Transactional
    public ExerciseTranslation write(String slug, String language, ExerciseTranslation input, String physio) {
        if (language == null || !Texts.LANGUAGES.contains(language) || ContentLanguage.SOURCE.equals(language)) {
            throw new DomainException.Invalid(
                    "language",
                    "must be one of "
                            + String.join(", ", Texts.LANGUAGES.subList(1, Texts.LANGUAGES.size()))
                            + " (English is the exercise itself)");
        }
        Exercise e = current(slug);
        if (e.builtIn) {
            throw new DomainException.Conflict(ExerciseService.BUILT_IN_REFUSAL);
        }
        if (input.cautionReason() != null && !input.cautionReason().isBlank() && e.cautionReason == null) {
            throw new DomainException.Invalid("cautionReason", "this exercise has no caution to translate");
        }
        em.createNativeQuery("insert into exercise_translation (exercise_id, language, name, instructions, should_feel,"
                        + " precautions, common_mistakes, progression, caution_reason, updated_at, updated_by)"
                        + " values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)"
                        + " on duplicate key update name = values(name), instructions = values(instructions),"
                        + " should_feel = values(should_feel), precautions = values(precautions),"
                        + " common_mistakes = values(common_mistakes), progression = values(progression),"
                        + " caution_reason = values(caution_reason), updated_at = values(updated_at),"
                        + " updated_by = values(updated_by)")
                .setParameter(1, e.id)
                .setParameter(2, language)
                .setParameter(3, input.name().strip())
                .setParameter(4, input.instructions().strip())
                .setParameter(5, blankToNull(input.shouldFeel()))
                .setParameter(6, blankToNull(input.precautions()))
                .setParameter(7, blankToNull(input.commonMistakes()))
                .setParameter(8, blankToNull(input.progression()))
                .setParameter(9, blankToNull(input.cautionReason()))
                .setParameter(10, LocalDateTime.now())
                .setParameter(11, physio)
                .executeUpdate();
        audit.recordChange(
                "EXERCISE_TRANSLATED", "exercise " + slug + " revision " + e.revision + " in language " + language);
        texts.invalidate();
        return of(slug).stream()
                .filter(t -> t.language().equals(language))
                .findFirst()
                .orElseThrow();
    }

    private Exercise current(String slug) {
        return exercises
                .findBySlug(slug)
                .orElseThrow(() -> new DomainException.NotFound("No exercise '" + slug + "'."));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
