package clinic.patient.access;

import clinic.kit.problem.DomainException;
import clinic.patient.audit.AuditAction;
import clinic.patient.audit.AuditTrail;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Break the glass and the grants it leaves. Care-team changes (transfer and share) change the patient record and are
 * the registry's ({@code registry.CareTeamService}), which asks {@link CareTeamAccess} first.
 */
@ApplicationScoped
public class AccessService {

    /** Lists of grants are for reading, not a way to dump the table. */
    static final int MAX_GRANTS = 500;

    private final CareTeamAccess access;
    private final AccessGrantRepository grants;
    private final CareTeams careTeams;
    private final AuditTrail audit;
    private final Duration breakGlassDuration;

    public AccessService(
            CareTeamAccess access,
            AccessGrantRepository grants,
            CareTeams careTeams,
            AuditTrail audit,
            @ConfigProperty(name = "clinic.break-glass.duration", defaultValue = "12H") Duration breakGlassDuration) {
        this.access = access;
        this.grants = grants;
        this.careTeams = careTeams;
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
        CareTeams.CareTeam team = careTeams.careTeamOf(patientId).orElse(null);
        if (team == null) {
            audit.refused(AuditAction.BREAK_GLASS, patientId, "no such patient");
            throw new DomainException.NotFound("There is no patient " + patientId + ".");
        }
        String me = access.caller();
        if (team.includes(me)) {
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
}
