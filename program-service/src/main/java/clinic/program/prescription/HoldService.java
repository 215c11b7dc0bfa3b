package clinic.program.prescription;

import clinic.kit.contract.Clearance;
import clinic.kit.problem.DomainException;
import clinic.kit.problem.Problem;
import clinic.program.audit.Audit;
import clinic.program.outbound.ClearanceGateway;
import clinic.rules.RedFlag;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The hold lifecycle. A red flag (in a session log, or in a screening delivered by patient-service) puts the
 * patient's current program ON_HOLD in the transaction that records it; only a physio resumes it, with a reason,
 * after patient-service reports a clearing screening newer than the hold. Each hold and resume adds a revision
 * ("On hold: ...", "Resumed: ...") and an audit row ({@code PROGRAM_HELD}, {@code PROGRAM_RESUMED}).
 */
@ApplicationScoped
public class HoldService {

    /** "1 Dec 2026, 08:42": how the portal shows times too. */
    private static final java.time.format.DateTimeFormatter READABLE =
            java.time.format.DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", java.util.Locale.ENGLISH);

    /** How a hold's and a resume's revision reasons begin (the discharge summary reads the holds from them). */
    public static final String HELD_PREFIX = "On hold: ";

    public static final String RESUMED_PREFIX = "Resumed: ";

    private final ProgramRepository programs;
    private final ProgramLookup lookup;
    private final Revisions revisions;
    private final ClearanceGateway clearance;
    private final SecurityIdentity identity;
    private final Audit audit;
    private final EntityManager em;
    private final Event<ProgramHeld> held;
    private final Event<ProgramResumed> resumed;

    public HoldService(
            ProgramRepository programs,
            ProgramLookup lookup,
            Revisions revisions,
            ClearanceGateway clearance,
            SecurityIdentity identity,
            Audit audit,
            EntityManager em,
            Event<ProgramHeld> held,
            Event<ProgramResumed> resumed) {
        this.programs = programs;
        this.lookup = lookup;
        this.revisions = revisions;
        this.clearance = clearance;
        this.identity = identity;
        this.audit = audit;
        this.em = em;
        this.held = held;
        this.resumed = resumed;
    }

    /** The hold's reason for a session log, in the shared red-flag labels. */
    public static String sessionLogReason(LocalDate date, Collection<RedFlag> flags) {
        return "Red flag reported in the session log of " + date + ": " + labels(flags) + ".";
    }

    static String screeningReason(long screeningId, Collection<RedFlag> flags) {
        return "Red flag found at screening " + screeningId + ": " + labels(flags) + ".";
    }

    private static String labels(Collection<RedFlag> flags) {
        return RedFlag.setOf(flags).stream().map(RedFlag::label).collect(Collectors.joining("; "));
    }

    /**
     * Puts an ACTIVE program on hold in the caller's transaction: status, since when, why, a revision with the
     * current exercises and an audit row.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void hold(
            Program program,
            String source,
            Collection<RedFlag> flags,
            Long screeningId,
            String reason,
            List<ProgramExercise> rows) {
        Discharged.refuseIfDischarged(program);
        LocalDateTime now = LocalDateTime.now().truncatedTo(ChronoUnit.MICROS);
        program.status = Program.ON_HOLD;
        program.holdSince = now;
        program.holdSource = source;
        program.holdFlags = RedFlag.setOf(flags).stream().map(Enum::name).collect(Collectors.joining(","));
        program.holdScreeningId = screeningId;
        program.holdReason = reason;
        program.updatedAt = now;
        program.currentRevision++;
        revisions.add(program, rows, HELD_PREFIX + reason);
        audit.record("PROGRAM_HELD", program.patientId, program.id);
        held.fire(new ProgramHeld(program, source, RedFlag.setOf(flags), screeningId));
    }

    /**
     * A screening's red flags from patient-service: holds the patient's current program if it is active. One answer
     * per screening: a repeated delivery changes nothing and gets the first answer.
     */
    @Transactional
    public HoldRequests.HoldAnswer holdForScreening(HoldRequests.ScreeningRedFlags delivery) {
        Set<RedFlag> flags = flags(delivery.redFlags());
        ScreeningHold earlier = em.find(ScreeningHold.class, delivery.screeningId());
        if (earlier != null) {
            return answer(earlier);
        }
        // A discharged program is no patient's current one (active_patient_id is cleared at discharge): a screening
        // after the discharge is recorded against no program and changes nothing.
        Program program = programs.activeForPatient(delivery.patientId()).orElse(null);
        boolean held = program != null && program.isActive();
        if (held) {
            hold(
                    program,
                    Program.FROM_SCREENING,
                    flags,
                    delivery.screeningId(),
                    screeningReason(delivery.screeningId(), flags),
                    programs.exercises(program.id));
        }
        ScreeningHold row = new ScreeningHold();
        row.screeningId = delivery.screeningId();
        row.patientId = delivery.patientId();
        row.programId = program == null ? null : program.id;
        row.statusAfter = program == null ? null : program.status;
        row.redFlags = flags.stream().map(Enum::name).collect(Collectors.joining(","));
        row.receivedBy = identity.getPrincipal().getName();
        row.receivedAt = LocalDateTime.now();
        em.persist(row);
        // Flush here so a concurrent delivery of the same screening fails inside this method (see the resource).
        em.flush();
        if (!held) {
            // No program, or one already on hold: nothing changed, but the delivery is on record.
            audit.record("SCREENING_RED_FLAG_RECEIVED", delivery.patientId(), row.programId);
        }
        return answer(row);
    }

    /** The stored answer for a screening already delivered. */
    @Transactional
    public Optional<HoldRequests.HoldAnswer> delivered(long screeningId) {
        return Optional.ofNullable(em.find(ScreeningHold.class, screeningId)).map(HoldService::answer);
    }

    private static HoldRequests.HoldAnswer answer(ScreeningHold row) {
        return new HoldRequests.HoldAnswer(row.patientId, row.programId, row.statusAfter);
    }

    private static Set<RedFlag> flags(List<String> codes) {
        List<Problem.Violation> violations = new ArrayList<>();
        List<RedFlag> flags = new ArrayList<>();
        for (int i = 0; i < codes.size(); i++) {
            Optional<RedFlag> flag = RedFlag.fromCode(codes.get(i));
            if (flag.isPresent()) {
                flags.add(flag.get());
            } else {
                violations.add(new Problem.Violation("redFlags[" + i + "]", "is not a red-flag code"));
            }
        }
        if (!violations.isEmpty()) {
            throw new DomainException.Invalid(violations);
        }
        return RedFlag.setOf(flags);
    }

    /**
     * A physio resumes a held program: 409 if it is not on hold; patient-service's clearance (asked with the
     * caller's token, outside any transaction) must be cleared by a screening made after the hold began, else 422
     * "Screen the patient again: ..."; 503 if patient-service is down. Then one transaction: ACTIVE again, a revision
     * "Resumed: reason", an audit row.
     */
    public ProgramView resume(long id, String reason) {
        Program held = lookup.visible(id, "PROGRAM_RESUMED");
        Discharged.refuseIfDischarged(held);
        if (!held.isOnHold()) {
            throw new DomainException.Conflict("The program is not on hold.");
        }
        LocalDateTime since = held.holdSince;
        Clearance answer = clearance.clearance(held.patientId);
        if (!answer.cleared()) {
            throw new DomainException.Refused("Screen the patient again: the patient is not cleared for an exercise"
                    + " program (" + (answer.reason() == null ? "no valid screening" : answer.reason()) + ").");
        }
        if (answer.screenedAt() == null
                || !answer.screenedAt()
                        .isAfter(since.atZone(ZoneId.systemDefault()).toInstant())) {
            throw new DomainException.Refused("Screen the patient again: the program has been on hold since "
                    + READABLE.format(since) + " and the latest clearing screening"
                    + (answer.screenedAt() == null
                            ? " has no date"
                            : " (" + READABLE.format(answer.screenedAt().atZone(ZoneId.systemDefault())) + ") is older")
                    + ".");
        }
        return QuarkusTransaction.requiringNew().call(() -> {
            Program program = programs.findWithProtocol(id)
                    .orElseThrow(() -> new DomainException.NotFound("No program " + id + "."));
            Discharged.refuseIfDischarged(program);
            if (!program.isOnHold() || !since.equals(program.holdSince)) {
                throw new DomainException.Conflict("The program changed while it was being resumed; reload it.");
            }
            program.status = Program.ACTIVE;
            program.holdSince = null;
            program.holdSource = null;
            program.holdFlags = null;
            program.holdScreeningId = null;
            program.holdReason = null;
            program.updatedAt = LocalDateTime.now();
            // Nothing but a resume or a discharge changes a held program, so the hold's revision is the latest.
            int holdRevision = program.currentRevision;
            program.currentRevision++;
            List<ProgramExercise> rows = programs.exercises(id);
            revisions.add(program, rows, RESUMED_PREFIX + reason.strip());
            programs.flush();
            audit.record("PROGRAM_RESUMED", program.patientId, program.id);
            resumed.fire(new ProgramResumed(program, holdRevision));
            return ProgramView.of(program, rows, programs.revisions(program.id));
        });
    }
}
