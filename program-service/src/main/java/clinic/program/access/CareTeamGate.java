package clinic.program.access;

import clinic.kit.problem.DomainException;
import clinic.program.audit.AccessNotes;
import clinic.program.audit.Audit;
import clinic.program.outbound.Access;
import clinic.program.outbound.Accessible;
import clinic.program.outbound.PatientAccessCalls;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The one place program-service decides whether a physio may reach a patient's programs, sessions, progress and
 * alerts. patient-service is the source of truth (care physio, care team, break-the-glass grants); it is asked with
 * the caller's own token. Rules:
 *
 * <ul>
 *   <li>Only physios are limited. Admins keep their access, patients keep their own-data rule (elsewhere), and
 *       patient-service's service account ({@code clinical-service}) is trusted for the hold deliveries.
 *   <li>An allowed answer is kept for {@code clinic.care-team.cache-ttl} (15 s), never longer than a grant's {@code
 *       expiresAt}, in bounded maps: the physio's whole list of reachable patients with each one's kind of access
 *       ({@code GET /api/patients/accessible}, one call for every patient of the physio: moving from one patient to
 *       the next asks nothing), and per user and patient the answers about a patient not on that list. A refusal is
 *       never kept, and a patient missing from the list is asked about on its own, so breaking the glass works at
 *       once; a transfer away takes effect within the TTL.
 *   <li>patient-service down or slow: 503 with Retry-After (never "allow"), and nothing is written.
 *   <li>A refusal (403 not in care team, 404 unknown patient) writes a REFUSED audit row, then is thrown.
 * </ul>
 *
 * <p>{@code Program.carePhysio} is a copy taken at assignment and is never used here: after a transfer the access
 * comes from patient-service.
 */
@ApplicationScoped
public class CareTeamGate {

    private record Key(String user, long patientId) {}

    private record Allowed(String access, Instant until) {}

    /** A physio's reachable patients with their kind of access, from one answer, each valid until its instant. */
    private record Reach(Map<Long, Allowed> patients, Instant until) {

        static Reach of(Accessible answer, Instant until) {
            Map<Long, Allowed> patients = new HashMap<>();
            answer.carePhysio().forEach(id -> patients.put(id, new Allowed(CARE_PHYSIO, until)));
            answer.careTeam().forEach(id -> patients.put(id, new Allowed(CARE_TEAM, until)));
            answer.breakGlass()
                    .forEach(g -> patients.put(
                            g.patientId(),
                            new Allowed(Access.BREAK_GLASS, g.expiresAt().isBefore(until) ? g.expiresAt() : until)));
            return new Reach(Map.copyOf(patients), until);
        }

        /** The access to the patient if the list holds one that is still valid at {@code now}. */
        Allowed at(long patientId, Instant now) {
            Allowed a = patients.get(patientId);
            return a != null && a.until().isAfter(now) ? a : null;
        }
    }

    /** Physios whose lists are kept at most (each list holds one entry per patient of theirs). */
    private static final int MAX_LISTS = 1_000;

    private static final String CARE_PHYSIO = "CARE_PHYSIO";
    private static final String CARE_TEAM = "CARE_TEAM";

    private final SecurityIdentity identity;
    private final PatientAccessCalls calls;
    private final Audit audit;
    private final AccessNotes notes;
    private final Duration ttl;
    private final int maxEntries;
    private final Map<Key, Allowed> allowed = new ConcurrentHashMap<>();
    private final Map<String, Reach> reaches = new ConcurrentHashMap<>();

    public CareTeamGate(
            SecurityIdentity identity,
            PatientAccessCalls calls,
            Audit audit,
            AccessNotes notes,
            @ConfigProperty(name = "clinic.care-team.cache-ttl", defaultValue = "15S") Duration ttl,
            @ConfigProperty(name = "clinic.care-team.cache-size", defaultValue = "10000") int maxEntries) {
        this.identity = identity;
        this.calls = calls;
        this.audit = audit;
        this.notes = notes;
        this.ttl = ttl;
        this.maxEntries = Math.max(1, maxEntries);
    }

    /** Whether the caller's access depends on care teams: a physio who is neither admin nor the service account. */
    public boolean limitsCaller() {
        return !identity.isAnonymous()
                && identity.hasRole("physio")
                && !identity.hasRole("admin")
                && !identity.hasRole("clinical-service");
    }

    /**
     * Lets the call go on when the caller may reach the patient; otherwise records the refusal for {@code action}
     * and throws (403 not in care team, 404 unknown patient), or throws 503 when patient-service cannot tell. Call
     * it outside any transaction: it may wait up to 3 s for patient-service.
     */
    public void require(long patientId, String action, Long programId) {
        if (!limitsCaller()) {
            return;
        }
        String user = identity.getPrincipal().getName();
        Key key = new Key(user, patientId);
        Instant now = Instant.now();
        Allowed cached = allowed.get(key);
        if (cached != null && cached.until().isAfter(now)) {
            notes.note(patientId, cached.access());
            return;
        }
        allowed.remove(key);
        Reach reach = reachOf(user, now);
        Allowed listed = reach == null ? null : reach.at(patientId, now);
        if (listed != null) {
            notes.note(patientId, listed.access());
            return;
        }
        Access answer;
        try {
            answer = calls.access(patientId);
        } catch (DomainException.NotInCareTeam e) {
            audit.refused(action, patientId, programId, "not in care team");
            throw e;
        } catch (DomainException.NotFound e) {
            audit.refused(action, patientId, programId, "unknown patient");
            throw e;
        } catch (ForbiddenException e) {
            audit.refused(action, patientId, programId, "refused by patient-service");
            throw e;
        }
        Instant until = now.plus(ttl);
        if (answer.expiresAt() != null && answer.expiresAt().isBefore(until)) {
            until = answer.expiresAt();
        }
        if (until.isAfter(now)) {
            remember(key, new Allowed(answer.access(), until), now);
        }
        notes.note(patientId, answer.access());
    }

    /**
     * The patients the caller may see in a list: empty when the caller is not limited (admin), else the ids from
     * patient-service (503 when it cannot tell). Always asked afresh, so a list never lags; the answer is then kept
     * for the reads of single patients that usually follow (the inbox, then an alert's patient).
     */
    public Optional<Set<Long>> accessiblePatients() {
        if (!limitsCaller()) {
            return Optional.empty();
        }
        Accessible answer = calls.accessible();
        keep(identity.getPrincipal().getName(), answer, Instant.now());
        return Optional.of(Set.copyOf(answer.patientIds()));
    }

    /**
     * The physio's list of reachable patients: the one kept while it is valid, else a fresh one from patient-service
     * (503 when it cannot answer, as for a single patient). Null when patient-service does not say how each patient is
     * reached, or refuses the list: then each patient is asked about on its own.
     */
    private Reach reachOf(String user, Instant now) {
        Reach kept = reaches.get(user);
        if (kept != null && kept.until().isAfter(now)) {
            return kept;
        }
        try {
            return keep(user, calls.accessible(), now);
        } catch (ForbiddenException refused) {
            return null;
        }
    }

    private Reach keep(String user, Accessible answer, Instant now) {
        if (!answer.hasKinds()) {
            reaches.remove(user);
            return null;
        }
        Reach reach = Reach.of(answer, now.plus(ttl));
        if (reaches.size() >= MAX_LISTS && !reaches.containsKey(user)) {
            reaches.values().removeIf(r -> !r.until().isAfter(now));
            if (reaches.size() >= MAX_LISTS) {
                reaches.clear();
            }
        }
        reaches.put(user, reach);
        return reach;
    }

    private void remember(Key key, Allowed value, Instant now) {
        if (allowed.size() >= maxEntries) {
            allowed.values().removeIf(a -> !a.until().isAfter(now));
            if (allowed.size() >= maxEntries) {
                // Still full of live entries: start again rather than grow; the next calls ask patient-service.
                allowed.clear();
            }
        }
        allowed.put(key, value);
    }
}
