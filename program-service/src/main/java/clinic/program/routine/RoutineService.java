package clinic.program.routine;

import clinic.kit.problem.DomainException;
import clinic.program.library.ContentLanguage;
import clinic.program.library.Dosage;
import clinic.program.library.ReferenceTexts;
import clinic.program.prescription.Program;
import clinic.program.session.SessionLog;
import clinic.program.session.SessionView;
import clinic.rules.PatientGuidance;
import clinic.rules.RedFlagAdvice;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Today's routine for the calling patient, in two statements whatever the number of exercises and logs: the program
 * with its prescribed exercises, and today's logs with what was done. Both are projections (no managed entities to
 * snapshot or dirty-check) read outside any transaction (no autocommit switches, no commit). The library's texts and
 * the phase's name and goal are reference content, the same for every patient: they come from {@link ReferenceTexts}.
 */
@ApplicationScoped
public class RoutineService {

    private final RoutineReads reads;
    private final ReferenceTexts texts;
    private final SecurityIdentity identity;

    public RoutineService(RoutineReads reads, ReferenceTexts texts, SecurityIdentity identity) {
        this.reads = reads;
        this.texts = texts;
        this.identity = identity;
    }

    /** Shown for an acknowledged caution exercise prescribed before the physio had to write instructions. */
    static final String ASK_YOUR_PHYSIO =
            "Do this exercise only as your physio showed you. If you are unsure how, ask them before you do it.";

    static final String ASK_YOUR_PHYSIO_ES = "Haga este ejercicio solo como le enseñó su fisioterapeuta. Si no está"
            + " seguro de cómo hacerlo, pregúntele antes de hacerlo.";

    /**
     * The routine of the caller's current program (active or on hold) for today; 404 if the caller has none. On hold:
     * the advice for the red flags and no exercises.
     */
    public TodayView today() {
        return today(ContentLanguage.SOURCE);
    }

    /**
     * Today's routine with its texts in a language ({@link ContentLanguage}): the exercises and the phase where they
     * are translated, the advice and pain rules always ({@code clinic.rules} words them in every language).
     */
    public TodayView today(String language) {
        Locale locale = ContentLanguage.locale(language);
        RoutineReads.Current program = reads.current(identity.getPrincipal().getName())
                .orElseThrow(() -> new DomainException.NotFound("You have no active program."));
        LocalDate today = LocalDate.now();
        ReferenceTexts.PhaseText phase = texts.phase(program.protocolId(), program.phase(), language);
        if (phase == null) {
            throw new DomainException.NotFound("The program's phase is not defined.");
        }
        boolean onHold = Program.ON_HOLD.equals(program.status());
        List<TodayView.RoutineExercise> exercises = onHold
                ? List.of()
                : program.exercises().stream()
                        .map(pe -> routineExercise(pe, language))
                        .toList();
        List<SessionView> logged = reads.logsOn(program.id(), today);
        return new TodayView(
                program.id(),
                today,
                onHold ? Program.ON_HOLD : Program.ACTIVE,
                onHold ? RedFlagAdvice.forFlags(SessionLog.redFlags(program.holdFlags()), locale) : null,
                onHold ? PatientGuidance.onHold(locale) : null,
                program.phase(),
                phase.name(),
                phase.goal(),
                phase.language(),
                exercises,
                PatientGuidance.painRules(locale),
                logged);
    }

    /** The library's text, except that an acknowledged caution exercise shows the physio's instructions instead. */
    private TodayView.RoutineExercise routineExercise(RoutineReads.Prescribed pe, String language) {
        ReferenceTexts.ExerciseText exercise = texts.exercise(pe.exerciseId(), language);
        if (exercise == null) {
            throw new IllegalStateException("Exercise " + pe.exerciseId() + " of a program is not in the library");
        }
        boolean caution = pe.cautionAcknowledged() && exercise.hasCaution();
        String instructions = caution
                ? (pe.patientInstructions() != null
                        ? pe.patientInstructions()
                        : "es".equals(language) ? ASK_YOUR_PHYSIO_ES : ASK_YOUR_PHYSIO)
                : exercise.instructions();
        Dosage d = pe.dosage();
        return new TodayView.RoutineExercise(
                exercise.slug(),
                exercise.name(),
                exercise.category(),
                instructions,
                caution ? null : exercise.shouldFeel(),
                exercise.precautions(),
                exercise.commonMistakes(),
                d.sets(),
                d.reps(),
                d.holdSeconds(),
                d.minutes(),
                d.timesPerDay(),
                d.eachSide(),
                describe(d),
                pe.markedForReview(),
                caution,
                pe.patientInstructions(),
                exercise.revision(),
                exercise.imageId(),
                exercise.videoUrl(),
                exercise.illustration(),
                exercise.language());
    }

    /** "2 sets of 10 reps, hold 3 s, each side, 1 time a day": the dosage in words for the patient. */
    public static String describe(Dosage d) {
        List<String> parts = new ArrayList<>();
        if (d.sets() != null && d.reps() != null) {
            parts.add(d.sets() + (d.sets() == 1 ? " set of " : " sets of ") + d.reps() + " reps");
        } else if (d.reps() != null) {
            parts.add(d.reps() + " reps");
        } else if (d.sets() != null) {
            parts.add(d.sets() + (d.sets() == 1 ? " set" : " sets"));
        }
        if (d.holdSeconds() != null && d.holdSeconds() > 0) {
            parts.add("hold " + d.holdSeconds() + " s");
        }
        if (d.minutes() != null && d.minutes() > 0) {
            parts.add(d.minutes() + " min");
        }
        if (d.eachSide()) {
            parts.add("each side");
        }
        if (d.timesPerDay() != null) {
            parts.add(d.timesPerDay() + (d.timesPerDay() == 1 ? " time a day" : " times a day"));
        }
        return String.join(", ", parts);
    }
}
