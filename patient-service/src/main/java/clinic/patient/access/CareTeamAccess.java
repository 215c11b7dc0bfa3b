package clinic.patient.access;

import clinic.kit.problem.DomainException;
import clinic.patient.audit.AuditAction;
import clinic.patient.audit.AuditTrail;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The one place that decides whether the caller may read or change a patient's data. A physio may iff they are the
 * patient's care physio, in the care team, or hold an unexpired break-the-glass grant; an admin always (admins are not
 * limited by care teams); anyone else never (patients reach their own record through {@code /me} only).
 *
 * <p>Every endpoint that reads or changes one patient's data calls {@link #require} first (in its transaction, or
 * without one for a read). A refusal (403 not in care
 * team, or 404 unknown patient) is audited as REFUSED in a transaction of its own, since the refused request rolls
 * back.
 */
@ApplicationScoped
public class CareTeamAccess {

    /** What {@link #require} found: the patient, and why the caller may act on it. */
    public record Allowed(long patientId, AccessKind kind, Instant expiresAt) {}

    private final CareTeams careTeams;
    private final AccessGrantRepository grants;
    private final AuditTrail audit;
    private final SecurityIdentity identity;

    public CareTeamAccess(
            CareTeams careTeams, AccessGrantRepository grants, AuditTrail audit, SecurityIdentity identity) {
        this.careTeams = careTeams;
        this.grants = grants;
        this.audit = audit;
        this.identity = identity;
    }

    /**
     * The patient, if the caller may access it; otherwise the refusal is audited (as {@code attempted}, REFUSED) and
     * thrown.
     *
     * @throws DomainException.NotFound if there is no such patient (404)
     * @throws DomainException.NotInCareTeam if the caller is a physio without access (403 with who to ask)
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Allowed require(long patientId, AuditAction attempted) {
        CareTeams.CareTeam p = careTeams.careTeamOf(patientId).orElse(null);
        if (p == null) {
            audit.refused(attempted, patientId, "no such patient");
            throw new DomainException.NotFound("There is no patient " + patientId + ".");
        }
        Optional<Allowed> allowed = accessTo(p);
        if (allowed.isEmpty()) {
            audit.refused(attempted, patientId, "not in care team");
            throw new DomainException.NotInCareTeam(p.patientId(), p.carePhysio());
        }
        return allowed.get();
    }

    /**
     * The caller's access to a patient, for {@code GET /api/patients/{id}/access}: not audited (it discloses the care
     * team only, and program-service asks it before every read it then audits itself).
     *
     * @throws DomainException.NotFound if there is no such patient
     * @throws DomainException.NotInCareTeam if the caller has no access
     */
    @Transactional
    public AccessView check(long patientId) {
        CareTeams.CareTeam p = careTeams
                .careTeamOf(patientId)
                .orElseThrow(() -> new DomainException.NotFound("There is no patient " + patientId + "."));
        Allowed a = accessTo(p).orElseThrow(() -> new DomainException.NotInCareTeam(p.patientId(), p.carePhysio()));
        return new AccessView(p.patientId(), p.carePhysio(), p.sortedMembers(), a.kind(), a.expiresAt());
    }

    /**
     * The patients the calling physio may access now, by kind as {@link #accessTo} decides it (care physio, else care
     * team, else an unexpired grant): two statements whatever the number.
     */
    @Transactional
    public AccessibleView accessible() {
        String me = caller();
        List<Long> own = new ArrayList<>();
        List<Long> team = new ArrayList<>();
        for (CareTeams.InCare p : careTeams.inCareOf(me)) {
            (p.carePhysio() ? own : team).add(p.patientId());
        }
        Set<Long> all = new TreeSet<>(own);
        all.addAll(team);
        List<AccessibleView.Grant> glass = new ArrayList<>();
        grants.activeOf(me, now()).forEach((patientId, until) -> {
            if (all.add(patientId)) {
                glass.add(new AccessibleView.Grant(patientId, until));
            }
        });
        return new AccessibleView(List.copyOf(all), own, team, glass);
    }

    /** Whether the caller is an admin (not limited by care teams). */
    public boolean isAdmin() {
        return identity.hasRole("admin");
    }

    /** The caller's user name. */
    public String caller() {
        return identity.getPrincipal().getName();
    }

    /** Reads the grants, in the caller's transaction if there is one. */
    Optional<Allowed> accessTo(CareTeams.CareTeam p) {
        long id = p.patientId();
        if (isAdmin()) {
            return Optional.of(new Allowed(id, AccessKind.ADMIN, null));
        }
        if (!identity.hasRole("physio")) {
            // Only staff reach patient endpoints (@RolesAllowed); anything else is refused as a role, not a team.
            throw new ForbiddenException();
        }
        String me = caller();
        if (me.equals(p.carePhysio())) {
            return Optional.of(new Allowed(id, AccessKind.CARE_PHYSIO, null));
        }
        if (p.members().contains(me)) {
            return Optional.of(new Allowed(id, AccessKind.CARE_TEAM, null));
        }
        return grants.active(id, me, now()).map(g -> new Allowed(id, AccessKind.BREAK_GLASS, g.expiresAt));
    }

    static Instant now() {
        return Instant.now();
    }
}
