package clinic.program.prescription;

import clinic.kit.problem.DomainException;
import clinic.kit.problem.Problem;
import clinic.program.access.CareTeamGate;
import clinic.program.audit.Audit;
import clinic.program.library.Dosage;
import clinic.program.library.Exercise;
import clinic.program.library.ExerciseRepository;
import clinic.program.outbound.Clearance;
import clinic.program.outbound.ClearanceGateway;
import clinic.program.protocol.Protocol;
import clinic.program.protocol.ProtocolExercise;
import clinic.program.protocol.ProtocolRepository;
import clinic.rules.PrescriptionRules;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Programs: assignment (with the caution and clearance checks), re-assignment as a new revision, phase moves and
 * who-may-see-what. The clearance call happens outside any transaction, so a slow patient-service holds no locks
 * and a failed one leaves nothing written.
 */
@ApplicationScoped
public class ProgramService {

    private final ProgramRepository programs;
    private final ProtocolRepository protocols;
    private final ExerciseRepository exercises;
    private final ClearanceGateway clearance;
    private final CareTeamGate careTeam;
    private final SecurityIdentity identity;
    private final Audit audit;
    private final ObjectMapper json;

    public ProgramService(
            ProgramRepository programs,
            ProtocolRepository protocols,
            ExerciseRepository exercises,
            ClearanceGateway clearance,
            CareTeamGate careTeam,
            SecurityIdentity identity,
            Audit audit,
            ObjectMapper json) {
        this.programs = programs;
        this.protocols = protocols;
        this.exercises = exercises;
        this.clearance = clearance;
        this.careTeam = careTeam;
        this.identity = identity;
        this.audit = audit;
        this.json = json;
    }

    /** The outcome of an assignment: the program and whether it was new or a new revision of the active one. */
    public record Assigned(ProgramView program, boolean created) {}

    /** Refusal of any change to a held program but a resume. */
    public static final String ON_HOLD_REFUSAL =
            "The program is on hold: resume it after a new screening clears the patient.";

    private record Planned(Exercise exercise, Dosage dosage, NewProgram.Acknowledgement ack) {

        String ackReason() {
            return ack == null ? null : ack.reason();
        }

        String instructions() {
            return ack == null
                            || ack.instructions() == null
                            || ack.instructions().isBlank()
                    ? null
                    : ack.instructions().strip();
        }
    }

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
        List<Planned> plan = plan(protocol, input);
        // Before anything about the patient is read or told (a held program, clearance): is the caller in the team?
        careTeam.require(input.patientId(), "PROGRAM_ASSIGNED", null);
        if (programs.activeForPatient(input.patientId())
                .filter(Program::isOnHold)
                .isPresent()) {
            throw new DomainException.Refused(ON_HOLD_REFUSAL);
        }
        checkPrescription(input.phase(), plan);
        Clearance answer = clearance.clearance(input.patientId());
        if (!answer.cleared()) {
            throw new DomainException.Refused("The patient is not cleared for an exercise program: "
                    + (answer.reason() == null ? "no valid screening." : answer.reason()));
        }
        try {
            return QuarkusTransaction.requiringNew().call(() -> store(protocol, input, plan, answer));
        } catch (PersistenceException e) {
            // Two assignments for the same patient raced; the loser retries and becomes a revision.
            throw new DomainException.Conflict("Another assignment for this patient was saved at the same time.");
        }
    }

    private List<Planned> plan(Protocol protocol, NewProgram input) {
        int phase = input.phase();
        Map<String, ProtocolExercise> phaseDefaults = protocols.exercises(protocol.id).stream()
                .filter(pe -> pe.phase.number == phase)
                .collect(Collectors.toMap(pe -> pe.exercise.slug, Function.identity(), (a, b) -> a));
        Map<String, NewProgram.Acknowledgement> acks = new HashMap<>();
        List<Problem.Violation> violations = new ArrayList<>();
        Set<String> wanted = new HashSet<>();
        if (input.acknowledgements() != null) {
            input.acknowledgements().forEach(a -> acks.put(a.exercise(), a));
            wanted.addAll(acks.keySet());
        }
        if (input.exercises() != null) {
            input.exercises().forEach(c -> wanted.add(c.exercise()));
        }
        Map<String, Exercise> known =
                exercises.findBySlugs(wanted).stream().collect(Collectors.toMap(e -> e.slug, Function.identity()));
        if (input.acknowledgements() != null) {
            for (int i = 0; i < input.acknowledgements().size(); i++) {
                NewProgram.Acknowledgement ack = input.acknowledgements().get(i);
                Exercise acknowledged = known.get(ack.exercise());
                if (acknowledged == null) {
                    violations.add(new Problem.Violation("acknowledgements[" + i + "].exercise", "unknown exercise"));
                } else if (acknowledged.hasCaution()
                        && (ack.instructions() == null || ack.instructions().isBlank())) {
                    // The patient reads these instead of the library's "not recommended" text.
                    violations.add(new Problem.Violation(
                            "acknowledgements[" + i + "].instructions",
                            "is required for an exercise with a caution: tell the patient how to do it safely"));
                }
            }
        }
        List<Planned> plan = new ArrayList<>();
        if (input.exercises() == null || input.exercises().isEmpty()) {
            protocols.exercises(protocol.id).stream()
                    .filter(pe -> pe.phase.number == phase)
                    .forEach(pe -> plan.add(new Planned(
                            pe.exercise, pe.dosage.orElse(pe.exercise.dosage), acks.get(pe.exercise.slug))));
        } else {
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < input.exercises().size(); i++) {
                NewProgram.ExerciseChoice choice = input.exercises().get(i);
                Exercise exercise = known.get(choice.exercise());
                if (exercise == null) {
                    violations.add(new Problem.Violation("exercises[" + i + "].exercise", "unknown exercise"));
                    continue;
                }
                if (!seen.add(exercise.slug)) {
                    violations.add(new Problem.Violation("exercises[" + i + "].exercise", "listed twice"));
                    continue;
                }
                Dosage base = phaseDefaults.containsKey(exercise.slug)
                        ? phaseDefaults.get(exercise.slug).dosage.orElse(exercise.dosage)
                        : exercise.dosage;
                Dosage dosage = new Dosage(
                                choice.sets(),
                                choice.reps(),
                                choice.holdSeconds(),
                                choice.minutes(),
                                choice.timesPerDay(),
                                choice.perSide())
                        .orElse(base);
                plan.add(new Planned(exercise, dosage, acks.get(exercise.slug)));
            }
        }
        if (!violations.isEmpty()) {
            throw new DomainException.Invalid(violations);
        }
        return plan;
    }

    /**
     * {@link PrescriptionRules}: an exercise the guide warns against in this phase (CAUTION, with the alternatives that
     * fit the phase) or not meant for this phase (PHASE, with the phases it is meant for) is refused unless
     * acknowledged with a reason.
     */
    private void checkPrescription(int phase, List<Planned> plan) {
        Set<String> alternatives = new HashSet<>();
        plan.forEach(p -> alternatives.addAll(p.exercise().alternatives()));
        Map<String, List<Integer>> phasesBySlug = alternatives.isEmpty()
                ? Map.of()
                : exercises.findBySlugs(alternatives).stream()
                        .collect(Collectors.toMap(e -> e.slug, Exercise::phaseList));
        Set<String> acknowledged = plan.stream()
                .filter(p -> p.ackReason() != null && !p.ackReason().isBlank())
                .map(p -> p.exercise().slug)
                .collect(Collectors.toSet());
        List<Caution> refused = PrescriptionRules.check(
                        phase, plan.stream().map(p -> rulesView(p.exercise())).toList(), acknowledged, phasesBySlug)
                .stream()
                .map(r -> new Caution(r.exercise(), r.kind().name(), r.reason(), r.alternatives(), r.phases()))
                .toList();
        if (!refused.isEmpty()) {
            throw new DomainException.Refused(
                    DomainException.Refused.CLINICAL_RULE,
                    "Some exercises are to be avoided in phase " + phase + " or are not meant for it; choose the"
                            + " safer alternatives or acknowledge each with a reason.",
                    Map.of("cautions", refused));
        }
    }

    private static PrescriptionRules.Exercise rulesView(Exercise e) {
        return new PrescriptionRules.Exercise(
                e.slug,
                Set.copyOf(e.phaseList()),
                e.hasCaution() ? Set.copyOf(e.avoidInPhases()) : Set.of(),
                e.cautionReason,
                e.alternatives());
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
        List<ProgramExercise> rows = replaceExercises(program, plan);
        addRevision(program, rows, input.reason() != null ? input.reason() : created ? "assigned" : "re-assigned");
        programs.flush();
        audit.record(created ? "PROGRAM_ASSIGNED" : "PROGRAM_REVISED", program.patientId, program.id);
        return new Assigned(view(program, rows), created);
    }

    private List<ProgramExercise> replaceExercises(Program program, List<Planned> plan) {
        List<ProgramExercise> rows = new ArrayList<>();
        int position = 1;
        for (Planned p : plan) {
            ProgramExercise pe = new ProgramExercise();
            pe.programId = program.id;
            pe.exercise = p.exercise();
            pe.position = position++;
            pe.dosage = p.dosage().toStore();
            pe.cautionAckReason = p.ackReason();
            pe.patientInstructions = p.instructions();
            programs.persistExercise(pe);
            rows.add(pe);
        }
        return rows;
    }

    void addRevision(Program program, List<ProgramExercise> rows, String reason) {
        ProgramRevision revision = new ProgramRevision();
        revision.programId = program.id;
        revision.number = program.currentRevision;
        revision.phase = program.phase;
        revision.protocol = program.protocol.code;
        revision.changedBy = identity.getPrincipal().getName();
        revision.changedAt = LocalDateTime.now();
        revision.effectiveOn = revision.changedAt.toLocalDate();
        revision.reason = reason;
        try {
            revision.exercises = json.writeValueAsString(
                    rows.stream().map(ProgramView.ProgramExerciseView::of).toList());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("revision snapshot not serialisable", e);
        }
        programs.persistRevision(revision);
    }

    /**
     * Moves a program to another phase of its protocol (the phase's default exercises), recording who, when and
     * why as a new revision. A stale {@code version} is refused with {@link DomainException.Conflict}.
     */
    @Transactional
    public ProgramView changePhase(long id, PhaseChange change) {
        Program program = visible(id, "PROGRAM_PHASE_CHANGED");
        if (program.isOnHold()) {
            throw new DomainException.Refused(ON_HOLD_REFUSAL);
        }
        if (program.version != change.version()) {
            throw new DomainException.Conflict("The program changed since version " + change.version() + ".");
        }
        if (!program.isActive()) {
            throw new DomainException.Refused("The program is not active.");
        }
        List<Planned> plan = protocols.exercises(program.protocol.id).stream()
                .filter(pe -> pe.phase.number == change.phase())
                .map(pe -> new Planned(pe.exercise, pe.dosage.orElse(pe.exercise.dosage), null))
                .toList();
        programs.deleteExercises(program.id);
        if (program.phase != change.phase()) {
            program.phaseSince = LocalDate.now();
        }
        program.phase = change.phase();
        program.currentRevision++;
        program.updatedAt = LocalDateTime.now();
        programs.flush();
        List<ProgramExercise> rows = replaceExercises(program, plan);
        addRevision(program, rows, change.reason());
        programs.flush();
        audit.record("PROGRAM_PHASE_CHANGED", program.patientId, program.id);
        return view(program, rows);
    }

    /** One program, if the caller may see it (staff: any; patient: only their own, else 404). */
    @Transactional
    public ProgramView get(long id) {
        Program program = visible(id, "PROGRAM_READ");
        auditRead("PROGRAM_READ", program);
        return view(program, programs.exercises(program.id));
    }

    /** A patient's programs, newest first (staff only). */
    @Transactional
    public List<ProgramView> forPatient(long patientId) {
        List<Program> found = programs.forPatient(patientId);
        List<Long> ids = found.stream().map(p -> p.id).toList();
        // Three statements whatever the number of programs: programs, their exercises, their revisions.
        Map<Long, List<ProgramExercise>> exercisesById =
                programs.exercisesOf(ids).stream().collect(Collectors.groupingBy(pe -> pe.programId));
        Map<Long, List<ProgramRevision>> revisionsById =
                programs.revisionsOf(ids).stream().collect(Collectors.groupingBy(r -> r.programId));
        List<ProgramView> result = found.stream()
                .map(p -> view(
                        p, exercisesById.getOrDefault(p.id, List.of()), revisionsById.getOrDefault(p.id, List.of())))
                .toList();
        audit.record("PROGRAM_LIST", patientId, null);
        return result;
    }

    /** The calling patient's active program; 404 if none. */
    public ProgramView mine() {
        Program program = myProgram();
        return view(program, programs.exercises(program.id));
    }

    /** The calling patient's active program entity; 404 if none. */
    public Program myProgram() {
        return programs.activeForAccount(identity.getPrincipal().getName())
                .orElseThrow(() -> new DomainException.NotFound("You have no active program."));
    }

    /**
     * Loads a program the caller may see. A patient asking for someone else's gets the same 404 as for an absent
     * one, so ids cannot be probed; either is recorded as a REFUSED {@code action}. Staff pass here: a physio's care
     * team is checked before, outside the transaction ({@link #checkCareTeam}).
     */
    public Program visible(long id, String action) {
        Program program = programs.findWithProtocol(id).orElse(null);
        if (program == null) {
            audit.refused(action, null, id, "no such program");
            throw new DomainException.NotFound("No program " + id + ".");
        }
        if (!audit.callerIsStaff() && !identity.getPrincipal().getName().equals(program.patientAccount)) {
            audit.refused(action, program.patientId, id, "not the caller's program");
            throw new DomainException.NotFound("No program " + id + ".");
        }
        return program;
    }

    /**
     * For a physio: may they reach the patient this program belongs to? Asks patient-service (cached briefly, see
     * {@link CareTeamGate}); 403 not in care team, 404 no such program, 503 patient-service down, each before any
     * work starts. Admins and patients pass (patients meet their own-data rule in {@link #visible}). Runs outside
     * any transaction.
     */
    public void checkCareTeam(long programId, String action) {
        if (!careTeam.limitsCaller()) {
            return;
        }
        Long patientId = programs.patientIdOf(programId).orElse(null);
        if (patientId == null) {
            audit.refused(action, null, programId, "no such program");
            throw new DomainException.NotFound("No program " + programId + ".");
        }
        careTeam.require(patientId, action, programId);
    }

    /** For a physio: may they reach this patient? As {@link #checkCareTeam}, for a patient id. */
    public void checkCareTeamForPatient(long patientId, String action) {
        careTeam.require(patientId, action, null);
    }

    /** Audits a read when the caller is staff; patients reading their own data are not audited. */
    public void auditRead(String action, Program program) {
        if (audit.callerIsStaff()) {
            audit.record(action, program.patientId, program.id);
        }
    }

    ProgramView view(Program p, List<ProgramExercise> rows) {
        return view(p, rows, programs.revisions(p.id));
    }

    private static ProgramView view(Program p, List<ProgramExercise> rows, List<ProgramRevision> revisionRows) {
        List<ProgramView.RevisionView> revisions = revisionRows.stream()
                .map(r ->
                        new ProgramView.RevisionView(r.number, r.phase, r.protocol, r.changedBy, r.changedAt, r.reason))
                .toList();
        return new ProgramView(
                p.id,
                p.patientId,
                p.patientAccount,
                p.carePhysio,
                p.protocol.code,
                p.phase,
                p.status,
                ProgramView.Hold.of(p),
                p.startedOn,
                p.phaseSince,
                p.currentRevision,
                p.version,
                rows.stream().map(ProgramView.ProgramExerciseView::of).toList(),
                revisions);
    }
}
