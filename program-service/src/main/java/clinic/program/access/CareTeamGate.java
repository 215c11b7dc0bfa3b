package clinic.program.access;

import clinic.kit.problem.DomainException;
import clinic.program.audit.AccessNotes;
import clinic.program.audit.Audit;
import clinic.program.outbound.Access;
import clinic.program.outbound.PatientAccessCalls;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
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
 *   <li>An allowed answer is kept for {@code clinic.care-team.cache-ttl} (15 s) per user and patient, never longer
 *       than a grant's {@code expiresAt}, in a bounded map; a refusal is never kept, so breaking the glass works at
 *       once, and a transfer away takes effect within the TTL.
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

    private final SecurityIdentity identity;
    private final PatientAccessCalls calls;
    private final Audit audit;
    private final AccessNotes notes;
    private final Duration ttl;
    private final int maxEntries;
    private final Map<Key, Allowed> allowed = new ConcurrentHashMap<>();

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
        Key key = new Key(identity.getPrincipal().getName(), patientId);
        Instant now = Instant.now();
        Allowed cached = allowed.get(key);
        if (cached != null && cached.until().isAfter(now)) {
            notes.note(patientId, cached.access());
            return;
        }
        allowed.remove(key);
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
     * patient-service (503 when it cannot tell). Not cached: a list is asked for far less often than a record.
     */
    public Optional<Set<Long>> accessiblePatients() {
        if (!limitsCaller()) {
            return Optional.empty();
        }
        return Optional.of(calls.accessible());
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
