package clinic.program.routine;

import clinic.kit.problem.DomainException;
import clinic.program.library.Dosage;
import clinic.program.prescription.Program;
import clinic.program.prescription.ProgramExercise;
import clinic.program.prescription.ProgramLookup;
import clinic.program.prescription.ProgramRepository;
import clinic.program.protocol.ProtocolPhase;
import clinic.program.session.SessionRepository;
import clinic.program.session.SessionView;
import clinic.rules.PatientGuidance;
import clinic.rules.RedFlagAdvice;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Today's routine for the calling patient, in three statements whatever the number of exercises and logs: program
 * with its protocol and phase, exercises with their library rows, today's logs with what was done (two on hold: no
 * exercises). No transaction: it only reads, so no autocommit switches and no commit are sent.
 */
@ApplicationScoped
public class RoutineService {

    private final ProgramLookup programs;
    private final ProgramRepository programRows;
    private final SessionRepository sessions;

    public RoutineService(ProgramLookup programs, ProgramRepository programRows, SessionRepository sessions) {
        this.programs = programs;
        this.programRows = programRows;
        this.sessions = sessions;
    }

    /** Shown for an acknowledged caution exercise prescribed before the physio had to write instructions. */
    static final String ASK_YOUR_PHYSIO =
            "Do this exercise only as your physio showed you. If you are unsure how, ask them before you do it.";

    /**
     * The routine of the caller's current program for today; 404 if the caller has none. On hold: the advice for the
     * red flags and no exercises.
     */
    public TodayView today() {
        ProgramRepository.WithPhase current = programs.mineWithPhase();
        Program program = current.program();
        LocalDate today = LocalDate.now();
        ProtocolPhase phase = current.phase();
        if (phase == null) {
            throw new DomainException.NotFound("The program's phase is not defined.");
        }
        boolean onHold = program.isOnHold();
        List<TodayView.RoutineExercise> exercises = onHold
                ? List.of()
                : programRows.exercises(program.id).stream()
                        .map(RoutineService::routineExercise)
                        .toList();
        List<SessionView> logged = sessions.between(program.id, today, today).stream()
                .map(SessionView::of)
                .toList();
        return new TodayView(
                program.id,
                today,
                onHold ? Program.ON_HOLD : Program.ACTIVE,
                onHold ? RedFlagAdvice.forFlags(program.holdRedFlags()) : null,
                onHold ? PatientGuidance.onHold() : null,
                program.phase,
                phase.name,
                phase.goal,
                exercises,
                PatientGuidance.PAIN_RULES,
                logged);
    }

    /** The library's text, except that an acknowledged caution exercise shows the physio's instructions instead. */
    static TodayView.RoutineExercise routineExercise(ProgramExercise pe) {
        boolean caution = pe.acknowledgedCaution();
        String instructions = caution
                ? (pe.patientInstructions != null ? pe.patientInstructions : ASK_YOUR_PHYSIO)
                : pe.exercise.instructions;
        return new TodayView.RoutineExercise(
                pe.exercise.slug,
                pe.exercise.name,
                pe.exercise.category,
                instructions,
                caution ? null : pe.exercise.shouldFeel,
                pe.exercise.precautions,
                pe.exercise.commonMistakes,
                pe.dosage.sets(),
                pe.dosage.reps(),
                pe.dosage.holdSeconds(),
                pe.dosage.minutes(),
                pe.dosage.timesPerDay(),
                pe.dosage.eachSide(),
                describe(pe),
                pe.markedForReview,
                caution,
                pe.patientInstructions);
    }

    /** "2 sets of 10 reps, hold 3 s, each side, 1 time a day": the dosage in words for the patient. */
    static String describe(ProgramExercise pe) {
        Dosage d = pe.dosage;
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
