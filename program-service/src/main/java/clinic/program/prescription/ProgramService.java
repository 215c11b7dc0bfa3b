package clinic.program.prescription;

import clinic.kit.contract.Clearance;
import clinic.kit.problem.DatabaseFailures;
import clinic.kit.problem.DomainException;
import clinic.kit.problem.Problem;
import clinic.program.access.CareTeamGate;
import clinic.program.audit.Audit;
import clinic.program.library.Exercise;
import clinic.program.library.ExerciseRepository;
import clinic.program.outbound.ClearanceGateway;
import clinic.program.protocol.Protocol;
import clinic.program.protocol.ProtocolRepository;
import clinic.rules.ClearanceRules;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Prescriptions: assignment (the caution check is {@link PrescriptionCheck}, the clearance patient-service's),
 * re-assignment as a new revision ({@link Revisions}), phase moves and reads. Who may see what is the access gate's
 * ({@link ProgramLookup}, {@code access.ProgramGate}). The clearance call happens outside any transaction, so a slow
 * patient-service holds no locks and a failed one leaves nothing written.
 */
@ApplicationScoped
public class ProgramService {

    private final ProgramRepository programs;
    private final ProtocolRepository protocols;
    private final PrescriptionCheck check;
    private final Revisions revisions;
    private final ProgramLookup lookup;
    private final ClearanceGateway clearance;
    private final CareTeamGate careTeam;
    private final SecurityIdentity identity;
    private final Audit audit;
    private final ExerciseRepository exercises;
    private final Event<ProgramRevised> revised;

    public ProgramService(
            ProgramRepository programs,
            ProtocolRepository protocols,
            PrescriptionCheck check,
            Revisions revisions,
            ProgramLookup lookup,
            ClearanceGateway clearance,
            CareTeamGate careTeam,
            SecurityIdentity identity,
            Audit audit,
            ExerciseRepository exercises,
            Event<ProgramRevised> revised) {
        this.programs = programs;
        this.protocols = protocols;
        this.check = check;
        this.revisions = revisions;
        this.lookup = lookup;
        this.clearance = clearance;
        this.careTeam = careTeam;
        this.identity = identity;
        this.audit = audit;
        this.exercises = exercises;
        this.revised = revised;
    }

    /** The outcome of an assignment: the program and whether it was new or a new revision of the active one. */
    public record Assigned(ProgramView program, boolean created) {}

    /** Refusal of any change to a held program but a resume. */
    public static final String ON_HOLD_REFUSAL =
            "The program is on hold: resume it after a new screening clears the patient.";

    /**
     * Assigns a protocol phase to a patient. Order of checks: input (400), the caller's care team (403, 404 unknown
     * patient, 503), a program on hold (422), cautions and
     * phase fit (422 with alternatives or phases), clearance from patient-service with the caller's token (404
     * unknown patient, 422 not cleared, 503 down), then one transaction that creates the program or adds a revision
     * to the patient's current one.
     */
    public Assigned assign(NewProgram input) {
        Protocol protocol = protocols
                .findByCode(input.protocol())
                .orElseThrow(() -> new DomainException.Invalid("protocol", "unknown protocol"));
        if (protocol.retired()) {
            throw new DomainException.Refused(
                    "Protocol",
                    "Protocol '" + protocol.code + "' is retired and not offered for new programs.",
                    Map.of("violations", List.of(new Problem.Violation("protocol", "retired protocol"))));
        }
        requirePhase(protocol, input.phase(), "phase");
        List<Planned> plan = check.plan(protocol, input);
        // Before anything about the patient is read or told (a held program, clearance): is the caller in the team?
        careTeam.require(input.patientId(), "PROGRAM_ASSIGNED", null);
        if (programs.activeForPatient(input.patientId())
                .filter(Program::isOnHold)
                .isPresent()) {
            throw new DomainException.Refused(ON_HOLD_REFUSAL);
        }
        check.check(protocol, input.phase(), plan);
        Clearance answer = clearance.clearance(input.patientId());
        // A protocol that asks for no red-flag screening still never starts for a discharged patient or a red flag.
        boolean permitted = protocol.requiresScreening
                ? answer.cleared()
                : ClearanceRules.permitsWithoutScreening(answer.cleared(), answer.reason());
        if (!permitted) {
            throw new DomainException.Refused("The patient is not cleared for an exercise program: "
                    + (answer.reason() == null ? "no valid screening." : answer.reason()));
        }
        try {
            return QuarkusTransaction.requiringNew().call(() -> store(protocol, input, plan, answer));
        } catch (PersistenceException e) {
            if (DatabaseFailures.unavailable(e)) {
                throw e;
            }
            // Two assignments for the same patient raced; the loser retries and becomes a revision.
            throw new DomainException.Conflict("Another assignment for this patient was saved at the same time.");
        }
    }

    private Assigned store(Protocol protocol, NewProgram input, List<Planned> plan, Clearance answer) {
        String physio = identity.getPrincipal().getName();
        LocalDateTime now = LocalDateTime.now();
        LocalDate today = now.toLocalDate();
        Program program = programs.activeForPatient(input.patientId()).orElse(null);
        if (program != null && program.isOnHold()) {
            throw new DomainException.Refused(ON_HOLD_REFUSAL);
        }
        boolean created = program == null;
        if (created) {
            program = new Program();
            program.patientId = input.patientId();
            program.activePatientId = input.patientId();
            program.status = Program.ACTIVE;
            program.startedOn = today;
            program.phaseSince = today;
            program.currentRevision = 0;
            program.createdBy = physio;
            program.createdAt = now;
        } else {
            programs.deleteExercises(program.id);
            if (program.phase != input.phase()) {
                program.phaseSince = today;
            }
        }
        program.protocol = protocol;
        program.phase = input.phase();
        program.patientAccount = answer.patientAccount();
        program.carePhysio = answer.carePhysio() != null ? answer.carePhysio() : physio;
        program.updatedAt = now;
        program.currentRevision++;
        if (created) {
            programs.persist(program);
        }
        programs.flush();
        List<ProgramExercise> rows = revisions.replaceExercises(program, plan);
        revisions.add(program, rows, input.reason() != null ? input.reason() : created ? "assigned" : "re-assigned");
        programs.flush();
        audit.record(created ? "PROGRAM_ASSIGNED" : "PROGRAM_REVISED", program.patientId, program.id);
        if (!created) {
            revised.fire(new ProgramRevised(program, ProgramRevised.REASSIGNED));
        }
        return new Assigned(view(program, rows), created);
    }

    /**
     * Moves a program to another phase of its protocol (the phase's default exercises), recording who, when and
     * why as a new revision. A stale {@code version} is refused with {@link DomainException.Conflict}.
     */
    @Transactional
    public ProgramView changePhase(long id, PhaseChange change) {
        Program program = lookup.visible(id, "PROGRAM_PHASE_CHANGED");
        Discharged.refuseIfDischarged(program);
        if (program.isOnHold()) {
            throw new DomainException.Refused(ON_HOLD_REFUSAL);
        }
        if (program.version != change.version()) {
            throw new DomainException.Conflict("The program changed since version " + change.version() + ".");
        }
        if (!program.isActive()) {
            throw new DomainException.Refused("The program is not active.");
        }
        requirePhase(program.protocol, change.phase(), "phase");
        List<Planned> plan = check.phaseDefaults(program.protocol, change.phase());
        check.refuseRetired(plan, false);
        programs.deleteExercises(program.id);
        if (program.phase != change.phase()) {
            program.phaseSince = LocalDate.now();
        }
        program.phase = change.phase();
        program.currentRevision++;
        program.updatedAt = LocalDateTime.now();
        programs.flush();
        List<ProgramExercise> rows = revisions.replaceExercises(program, plan);
        revisions.add(program, rows, change.reason());
        programs.flush();
        audit.record("PROGRAM_PHASE_CHANGED", program.patientId, program.id);
        revised.fire(new ProgramRevised(program, ProgramRevised.PHASE_MOVE));
        return view(program, rows);
    }

    /** 422 naming the protocol's phases when it has no such phase. */
    private void requirePhase(Protocol protocol, int phase, String field) {
        int count = protocols.phaseCount(protocol.id);
        if (phase > count) {
            String message = "protocol '" + protocol.code + "' has " + count + " phase" + (count == 1 ? "" : "s")
                    + ": choose 1 to " + count;
            throw new DomainException.Refused(
                    "Protocol",
                    "Phase " + phase + " does not exist: " + message + ".",
                    Map.of("violations", List.of(new Problem.Violation(field, message))));
        }
    }

    /** One program, if the caller may see it (staff: any; patient: only their own, else 404). */
    @Transactional
    public ProgramView get(long id) {
        Program program = lookup.visible(id, "PROGRAM_READ");
        lookup.auditRead("PROGRAM_READ", program);
        return view(program, programs.exercises(program.id));
    }

    /** A patient's programs, newest first (staff only). */
    @Transactional
    public List<ProgramView> forPatient(long patientId) {
        List<Program> found = programs.forPatient(patientId);
        List<Long> ids = found.stream().map(p -> p.id).toList();
        // Four statements whatever the number of programs: programs, their exercises, their revisions, the library
        // rows.
        Map<Long, List<ProgramExercise>> exercisesById =
                programs.exercisesOf(ids).stream().collect(Collectors.groupingBy(pe -> pe.programId));
        Map<Long, List<ProgramRevision>> revisionsById =
                programs.revisionsOf(ids).stream().collect(Collectors.groupingBy(r -> r.programId));
        Map<String, Exercise> latest =
                latest(exercisesById.values().stream().flatMap(List::stream).toList());
        List<ProgramView> result = found.stream()
                .map(p -> ProgramView.of(
                        p,
                        exercisesById.getOrDefault(p.id, List.of()),
                        revisionsById.getOrDefault(p.id, List.of()),
                        latest))
                .toList();
        audit.record("PROGRAM_LIST", patientId, null);
        return result;
    }

    /** The calling patient's active program; 404 if none. */
    public ProgramView mine() {
        Program program = lookup.mine();
        return view(program, programs.exercises(program.id));
    }

    /**
     * Moves one exercise of a running program to the library's newest revision of it, with a reason: a new program
     * revision (who, when, why), audited, never silent. Dosage, review mark and acknowledgement stay; the caution
     * check runs again on the new text. 404 the program has no such exercise, 409 stale program version or already
     * the newest revision, 422 on hold, not active, the exercise retired or a caution of the new text not
     * acknowledged.
     */
    @Transactional
    public ProgramView updateExerciseRevision(long id, String slug, ExerciseRevisionUpdate update) {
        Program program = lookup.visible(id, "PROGRAM_EXERCISE_UPDATED");
        Discharged.refuseIfDischarged(program);
        if (program.isOnHold()) {
            throw new DomainException.Refused(ON_HOLD_REFUSAL);
        }
        if (program.version != update.version()) {
            throw new DomainException.Conflict("The program changed since version " + update.version() + ".");
        }
        if (!program.isActive()) {
            throw new DomainException.Refused("The program is not active.");
        }
        List<ProgramExercise> rows = programs.exercises(program.id);
        ProgramExercise row = rows.stream()
                .filter(pe -> pe.exercise.slug.equals(slug))
                .findFirst()
                .orElseThrow(() -> new DomainException.NotFound("The program has no exercise '" + slug + "'."));
        Exercise newest = exercises
                .findBySlug(slug)
                .orElseThrow(() -> new DomainException.NotFound("No exercise '" + slug + "'."));
        int from = row.exercise.revision;
        if (newest.id.equals(row.exercise.id)) {
            throw new DomainException.Conflict(
                    "Exercise '" + slug + "' is already at its newest revision (" + from + ") in this program.");
        }
        if (newest.retired()) {
            throw new DomainException.Refused("Exercise '" + slug + "' is retired: it is not prescribed anew.");
        }
        row.exercise = newest;
        List<Planned> plan = rows.stream()
                .map(pe -> new Planned(
                        pe.exercise,
                        pe.dosage,
                        pe.cautionAckReason == null
                                ? null
                                : new NewProgram.Acknowledgement(
                                        pe.exercise.slug, pe.cautionAckReason, pe.patientInstructions)))
                .toList();
        check.check(program.protocol, program.phase, plan);
        program.currentRevision++;
        program.updatedAt = LocalDateTime.now();
        programs.flush();
        revisions.add(
                program,
                rows,
                "exercise '" + slug + "' from revision " + from + " to " + newest.revision + ": " + update.reason());
        programs.flush();
        audit.record("PROGRAM_EXERCISE_UPDATED", program.patientId, program.id);
        revised.fire(new ProgramRevised(program, ProgramRevised.EXERCISE_UPDATE));
        return view(program, rows);
    }

    private ProgramView view(Program p, List<ProgramExercise> rows) {
        return ProgramView.of(p, rows, programs.revisions(p.id), latest(rows));
    }

    /** The library's current row of each prescribed exercise, by slug, in one statement. */
    private Map<String, Exercise> latest(List<ProgramExercise> rows) {
        return exercises.findBySlugs(rows.stream().map(pe -> pe.exercise.slug).collect(Collectors.toSet())).stream()
                .collect(Collectors.toMap(e -> e.slug, Function.identity()));
    }
}
