package clinic.patient.registry;

import clinic.kit.problem.DomainException;
import clinic.patient.access.AccessKind;
import clinic.patient.access.CareTeamAccess;
import clinic.patient.access.PhysioDirectory;
import clinic.patient.audit.AuditAction;
import clinic.patient.audit.AuditTrail;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Care-team changes (transfer and share): who is the care physio and who else is in the team are fields of the
 * patient record, so the registry changes them, after {@link CareTeamAccess} said the caller may.
 */
@ApplicationScoped
public class CareTeamService {

    private final CareTeamAccess access;
    private final PatientRepository patients;
    private final PhysioDirectory physios;
    private final AuditTrail audit;

    public CareTeamService(
            CareTeamAccess access, PatientRepository patients, PhysioDirectory physios, AuditTrail audit) {
        this.access = access;
        this.patients = patients;
        this.physios = physios;
        this.audit = audit;
    }

    /**
     * Replaces the care physio and team. Only the current care physio or an admin may; names that join must be
     * physios in Keycloak (asked outside any transaction); audited as CARE_TEAM_CHANGED with what changed.
     *
     * @throws DomainException.NotInCareTeam if the caller has no access to the patient
     * @throws DomainException.Forbidden if the caller has access but is not the care physio (nor an admin)
     * @throws DomainException.Conflict if {@code version} is stale
     */
    public PatientView change(long patientId, CareTeamChange change) {
        String carePhysio = change.carePhysio();
        Set<String> team = new LinkedHashSet<>(change.careTeam() == null ? List.of() : change.careTeam());
        team.remove(carePhysio);
        Set<String> joining = QuarkusTransaction.requiringNew().call(() -> {
            Patient p = mayChangeTeam(patientId);
            Set<String> added = new LinkedHashSet<>(team);
            added.add(carePhysio);
            added.remove(p.carePhysio);
            added.removeAll(p.careTeam);
            return added;
        });
        physios.requirePhysios("careTeam", joining);
        return QuarkusTransaction.requiringNew().call(() -> {
            Patient p = mayChangeTeam(patientId);
            if (p.version != change.version()) {
                throw new DomainException.Conflict("The record was changed by someone else; reload it and try again.");
            }
            String before = describe(p.carePhysio, p.careTeam);
            p.carePhysio = carePhysio;
            p.careTeam.clear();
            p.careTeam.addAll(team);
            p.updatedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
            patients.flush();
            audit.record(AuditAction.CARE_TEAM_CHANGED, patientId, before + " -> " + describe(carePhysio, team));
            return PatientView.of(p);
        });
    }

    private Patient mayChangeTeam(long patientId) {
        CareTeamAccess.Allowed allowed = access.require(patientId, AuditAction.CARE_TEAM_CHANGED);
        if (allowed.kind() != AccessKind.CARE_PHYSIO && allowed.kind() != AccessKind.ADMIN) {
            throw new DomainException.Forbidden("Only the care physio or an admin may change the care team.");
        }
        return patients.findById(patientId);
    }

    private static String describe(String carePhysio, Set<String> team) {
        return "carePhysio=" + carePhysio + " careTeam="
                + team.stream().sorted().toList();
    }
}
