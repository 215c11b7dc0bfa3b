package clinic.patient.access;

import clinic.kit.problem.DomainException;
import clinic.patient.audit.AuditAction;
import clinic.patient.audit.AuditTrail;
import clinic.patient.patient.Patient;
import clinic.patient.patient.PatientRepository;
import clinic.patient.patient.PatientView;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Break the glass, the grants it leaves, and care-team changes (transfer and share). */
@ApplicationScoped
public class AccessService {

    /** Lists of grants are for reading, not a way to dump the table. */
    static final int MAX_GRANTS = 500;

    private final CareTeamAccess access;
    private final AccessGrantRepository grants;
    private final PatientRepository patients;
    private final PhysioDirectory physios;
    private final AuditTrail audit;
    private final Duration breakGlassDuration;

    public AccessService(
            CareTeamAccess access,
            AccessGrantRepository grants,
            PatientRepository patients,
            PhysioDirectory physios,
            AuditTrail audit,
            @ConfigProperty(name = "clinic.break-glass.duration", defaultValue = "12H") Duration breakGlassDuration) {
        this.access = access;
        this.grants = grants;
        this.patients = patients;
        this.physios = physios;
        this.audit = audit;
        this.breakGlassDuration = breakGlassDuration;
    }

    /**
     * Opens a patient outside the caller's care team until now + {@code clinic.break-glass.duration}; audited as
     * BREAK_GLASS with the reason.
     *
     * @throws DomainException.NotFound if there is no such patient
     * @throws DomainException.Conflict if the caller is in the care team already (nothing to open)
     */
    @Transactional
    public GrantView breakGlass(long patientId, String reason) {
        Patient p = patients.findByIdOptional(patientId).orElse(null);
        if (p == null) {
            audit.refused(AuditAction.BREAK_GLASS, patientId, "no such patient");
            throw new DomainException.NotFound("There is no patient " + patientId + ".");
        }
        String me = access.caller();
        if (me.equals(p.carePhysio) || p.careTeam.contains(me)) {
            throw new DomainException.Conflict(
                    "You are in this patient's care team already; there is no glass to break.");
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        AccessGrant g = new AccessGrant();
        g.patientId = patientId;
        g.grantedTo = me;
        g.reason = reason.strip();
        g.grantedAt = now;
        g.expiresAt = now.plus(breakGlassDuration);
        grants.persist(g);
        audit.record(AuditAction.BREAK_GLASS, patientId, g.reason);
        return GrantView.of(g, now);
    }

    /**
     * Who opened this patient, when, why, until when; newest first. For the care team and admins (a physio holding
     * only a grant may not see the others').
     */
    @Transactional
    public List<GrantView> grantsOf(long patientId) {
        CareTeamAccess.Allowed allowed = access.require(patientId, AuditAction.ACCESS_GRANTS_READ);
        if (allowed.kind() == AccessKind.BREAK_GLASS) {
            throw new DomainException.Forbidden(
                    "Only the patient's care team or an admin may see who opened this record.");
        }
        audit.record(AuditAction.ACCESS_GRANTS_READ, patientId);
        Instant now = Instant.now();
        return grants.ofPatient(patientId, MAX_GRANTS).stream()
                .map(g -> GrantView.of(g, now))
                .toList();
    }

    /** Every grant, newest first (at most 500); for admins. */
    @Transactional
    public List<GrantView> allGrants(Boolean active) {
        Instant now = Instant.now();
        return grants.all(active, now, MAX_GRANTS).stream()
                .map(g -> GrantView.of(g, now))
                .toList();
    }

    /**
     * Replaces the care physio and team. Only the current care physio or an admin may; names that join must be
     * physios in Keycloak (asked outside any transaction); audited as CARE_TEAM_CHANGED with what changed.
     *
     * @throws DomainException.NotInCareTeam if the caller has no access to the patient
     * @throws DomainException.Forbidden if the caller has access but is not the care physio (nor an admin)
     * @throws DomainException.Conflict if {@code version} is stale
     */
    public PatientView changeCareTeam(long patientId, CareTeamChange change) {
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
        return allowed.patient();
    }

    private static String describe(String carePhysio, Set<String> team) {
        return "carePhysio=" + carePhysio + " careTeam="
                + team.stream().sorted().toList();
    }
}
