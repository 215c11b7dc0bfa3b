package clinic.patient.access;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

@ApplicationScoped
public class AccessGrantRepository implements PanacheRepository<AccessGrant> {

    /** The caller's unexpired grant for the patient that lasts longest, if any. */
    public Optional<AccessGrant> active(long patientId, String user, Instant now) {
        return find(
                        "patientId = ?1 and grantedTo = ?2 and expiresAt > ?3",
                        Sort.descending("expiresAt"),
                        patientId,
                        user,
                        now)
                .firstResultOptional();
    }

    /** The user's unexpired grants, one per patient (the one that lasts longest): patient id to its expiry. */
    public Map<Long, Instant> activeOf(String user, Instant now) {
        Map<Long, Instant> until = new TreeMap<>();
        getEntityManager()
                .createQuery(
                        "select g.patientId, max(g.expiresAt) from AccessGrant g"
                                + " where g.grantedTo = :user and g.expiresAt > :now group by g.patientId",
                        Object[].class)
                .setParameter("user", user)
                .setParameter("now", now)
                .getResultStream()
                .forEach(row -> until.put((Long) row[0], (Instant) row[1]));
        return until;
    }

    /** Grants of one patient, newest first. */
    public List<AccessGrant> ofPatient(long patientId, int max) {
        return find("patientId", Sort.descending("grantedAt", "id"), patientId)
                .page(Page.ofSize(max))
                .list();
    }

    /** All grants, newest first; {@code active} null for all, true for unexpired, false for expired. */
    public List<AccessGrant> all(Boolean active, Instant now, int max) {
        Sort newest = Sort.descending("grantedAt", "id");
        var query = active == null ? findAll(newest) : find(active ? "expiresAt > ?1" : "expiresAt <= ?1", newest, now);
        return query.page(Page.ofSize(max)).list();
    }
}
