package clinic.program.access;

import clinic.kit.problem.DomainException;
import clinic.program.audit.Audit;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Who may reach a program's data, for every feature that shows or changes it (prescription, session, progress,
 * routine). Two checks, at two moments:
 *
 * <ul>
 *   <li>Before the work, outside any transaction ({@link #requireCareTeam}, {@link #requireCareTeamForPatient}): a
 *       physio must be in the patient's care team or hold a break-the-glass grant ({@link CareTeamGate}: 403, 404
 *       for an unknown program or patient, 503 when patient-service cannot tell). Admins, patients and
 *       patient-service's service account pass here.
 *   <li>Inside the transaction, on the loaded program ({@link #requireVisible}): staff see any program; a patient only
 *       their own, and another patient's program answers the same 404 as an absent one, so ids cannot be probed.
 * </ul>
 *
 * Every refusal writes a REFUSED audit row for the action; {@link #auditRead} writes the ALLOWED row of a staff read.
 */
@ApplicationScoped
public class ProgramGate {

    private final CareTeamGate careTeam;
    private final ProgramOwners owners;
    private final SecurityIdentity identity;
    private final Audit audit;

    public ProgramGate(CareTeamGate careTeam, ProgramOwners owners, SecurityIdentity identity, Audit audit) {
        this.careTeam = careTeam;
        this.owners = owners;
        this.identity = identity;
        this.audit = audit;
    }

    /**
     * For a physio: may they reach the patient this program belongs to? 403 not in care team, 404 no such program,
     * 503 patient-service down, each before any work starts. Call it outside any transaction.
     */
    public void requireCareTeam(long programId, String action) {
        if (!careTeam.limitsCaller()) {
            return;
        }
        Long patientId = owners.patientIdOf(programId).orElse(null);
        if (patientId == null) {
            audit.refused(action, null, programId, "no such program");
            throw new DomainException.NotFound("No program " + programId + ".");
        }
        careTeam.require(patientId, action, programId);
    }

    /** For a physio: may they reach this patient? As {@link #requireCareTeam}, for a patient id. */
    public void requireCareTeamForPatient(long patientId, String action) {
        careTeam.require(patientId, action, null);
    }

    /**
     * The own-data rule on a program loaded for {@code action} ({@code owner} null when there is none): staff pass (a
     * physio's care team was checked before), a patient passes only for their own program; otherwise a REFUSED row
     * and the 404 of an absent program.
     */
    public void requireVisible(long programId, ProgramOwners.Owner owner, String action) {
        if (owner == null) {
            audit.refused(action, null, programId, "no such program");
            throw new DomainException.NotFound("No program " + programId + ".");
        }
        if (!audit.callerIsStaff() && !identity.getPrincipal().getName().equals(owner.patientAccount())) {
            audit.refused(action, owner.patientId(), programId, "not the caller's program");
            throw new DomainException.NotFound("No program " + programId + ".");
        }
    }

    /** Audits a read when the caller is staff; patients reading their own data are not audited. */
    public void auditRead(String action, long patientId, long programId) {
        if (audit.callerIsStaff()) {
            audit.record(action, patientId, programId);
        }
    }
}
