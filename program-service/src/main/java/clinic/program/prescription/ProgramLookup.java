package clinic.program.prescription;

import clinic.kit.problem.DomainException;
import clinic.program.access.ProgramGate;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;

/**
 * Loads the program a request is about, through the {@link ProgramGate}: the one way the features that read or add
 * to a program (prescription, session, progress, routine) get hold of it.
 */
@ApplicationScoped
public class ProgramLookup {

    private final ProgramRepository programs;
    private final ProgramGate gate;
    private final SecurityIdentity identity;

    public ProgramLookup(ProgramRepository programs, ProgramGate gate, SecurityIdentity identity) {
        this.programs = programs;
        this.gate = gate;
        this.identity = identity;
    }

    /**
     * A program the caller may see, loaded for {@code action}: a patient asking for someone else's gets the same 404
     * as for an absent one, and either is recorded as REFUSED. A physio's care team is checked before, outside the
     * transaction ({@link ProgramGate#requireCareTeam}).
     */
    public Program visible(long id, String action) {
        Program program = programs.findWithProtocol(id).orElse(null);
        gate.requireVisible(id, program == null ? null : program.owner(), action);
        return program;
    }

    /** The calling patient's current program (active or on hold); 404 if none. */
    public Program mine() {
        String account = identity.getPrincipal().getName();
        return programs.activeForAccount(account).orElseThrow(() -> noCurrentProgram(account));
    }

    /**
     * "No current program", naming the patient's last discharged one (its id and date) when there is one, so the
     * patient's pages can link the discharge summary.
     */
    DomainException.NotFound noCurrentProgram(String account) {
        return programs.lastDischargedForAccount(account)
                .map(p -> new DomainException.NotFound(
                        "You have no active program. Your last program was discharged on " + p.dischargedOn + ".",
                        Map.<String, Object>of(
                                "dischargedProgramId", p.id, "dischargedOn", String.valueOf(p.dischargedOn))))
                .orElseGet(() -> new DomainException.NotFound("You have no active program."));
    }

    /** Audits a read of the program when the caller is staff. */
    public void auditRead(String action, Program program) {
        gate.auditRead(action, program.patientId, program.id);
    }
}
