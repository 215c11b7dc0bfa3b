package clinic.program.prescription;

import clinic.kit.problem.DomainException;
import clinic.program.audit.Audit;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Discharge: a physio ends a program (ACTIVE or ON_HOLD) with a reason and a summary. The program becomes DISCHARGED
 * and read-only ({@link Discharged}), stops being the patient's current one ({@code active_patient_id} cleared, so a
 * new program may be assigned), keeps its exercises as they were at discharge, and gains a revision ("Discharged:
 * ...") and a {@code PROGRAM_DISCHARGED} audit row, in one transaction. A hold ends with the discharge (its history
 * stays in the revisions).
 */
@ApplicationScoped
public class DischargeService {

    private final ProgramRepository programs;
    private final ProgramLookup lookup;
    private final Revisions revisions;
    private final SecurityIdentity identity;
    private final Audit audit;
    private final Event<ProgramDischarged> discharged;

    public DischargeService(
            ProgramRepository programs,
            ProgramLookup lookup,
            Revisions revisions,
            SecurityIdentity identity,
            Audit audit,
            Event<ProgramDischarged> discharged) {
        this.programs = programs;
        this.lookup = lookup;
        this.revisions = revisions;
        this.identity = identity;
        this.audit = audit;
        this.discharged = discharged;
    }

    /**
     * Discharges the program: 409 already discharged ({@code /program-discharged}) or a stale {@code version}; 400 an
     * unknown reason, or OTHER without a summary.
     */
    @Transactional
    public ProgramView discharge(long id, DischargeRequest request) {
        Program program = lookup.visible(id, "PROGRAM_DISCHARGED");
        Discharged.refuseIfDischarged(program);
        DischargeReason reason = DischargeReason.fromCode(request.reason().strip())
                .orElseThrow(() -> new DomainException.Invalid(
                        "reason",
                        "must be one of "
                                + Arrays.stream(DischargeReason.values())
                                        .map(Enum::name)
                                        .collect(Collectors.joining(", "))));
        String summary = request.summary() == null || request.summary().isBlank()
                ? null
                : request.summary().strip();
        if (reason == DischargeReason.OTHER && summary == null) {
            throw new DomainException.Invalid("summary", "is required when the reason is OTHER");
        }
        if (request.version() != null && program.version != request.version()) {
            throw new DomainException.Conflict("The program changed since version " + request.version() + ".");
        }
        LocalDateTime now = LocalDateTime.now().truncatedTo(ChronoUnit.MICROS);
        program.status = Program.DISCHARGED;
        program.activePatientId = null;
        program.dischargedAt = now;
        program.dischargedOn = now.toLocalDate();
        program.dischargedBy = identity.getPrincipal().getName();
        program.dischargeReason = reason.name();
        program.dischargeSummary = summary;
        program.holdSince = null;
        program.holdSource = null;
        program.holdFlags = null;
        program.holdScreeningId = null;
        program.holdReason = null;
        program.updatedAt = now;
        program.currentRevision++;
        List<ProgramExercise> rows = programs.exercises(program.id);
        revisions.add(program, rows, "Discharged: " + reason.text() + ".");
        programs.flush();
        audit.record("PROGRAM_DISCHARGED", program.patientId, program.id, "reason " + reason.name());
        discharged.fire(new ProgramDischarged(program));
        return ProgramView.of(program, rows, programs.revisions(program.id));
    }
}
