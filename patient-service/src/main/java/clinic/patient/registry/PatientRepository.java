package clinic.patient.registry;

import clinic.patient.access.CareTeams;
import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The patient table; also where {@code access} reads care teams ({@link CareTeams}). */
@ApplicationScoped
public class PatientRepository implements PanacheRepository<Patient>, CareTeams {

    /**
     * The record with its care team in one statement (the care team is a collection table that would otherwise be a
     * second one). The record stays in the persistence context, so the caller's {@code findById} that follows the
     * access check sends nothing.
     */
    @Override
    public Optional<CareTeam> careTeamOf(long patientId) {
        return getEntityManager()
                .createQuery("select p from Patient p left join fetch p.careTeam where p.id = :id", Patient.class)
                .setParameter("id", patientId)
                .getResultList()
                .stream()
                .findFirst()
                .map(p -> new CareTeam(p.id, p.carePhysio, Set.copyOf(p.careTeam)));
    }

    public Optional<Patient> findByAccount(String username) {
        return find("accountUsername", username).firstResultOptional();
    }

    /** Whether another ACTIVE patient already uses this (lower-case) e-mail. */
    public boolean activeEmailTaken(String email, Long exceptId) {
        if (exceptId == null) {
            return count("email = ?1 and status = ?2", email, PatientStatus.ACTIVE) > 0;
        }
        return count("email = ?1 and status = ?2 and id <> ?3", email, PatientStatus.ACTIVE, exceptId) > 0;
    }

    public List<Patient> pendingAccounts(int limit) {
        return find("account", Sort.by("id"), AccountState.PENDING)
                .page(Page.ofSize(limit))
                .list();
    }

    /**
     * Next clinic number, from the counter row. LAST_INSERT_ID(expr) keeps the value per connection, so two
     * concurrent registrations never get the same number (the row lock orders them).
     */
    public long nextClinicNumber() {
        getEntityManager()
                .createNativeQuery(
                        "UPDATE clinic_number_counter SET next_value = LAST_INSERT_ID(next_value + 1) WHERE id = 1")
                .executeUpdate();
        return ((Number) getEntityManager()
                        .createNativeQuery("SELECT LAST_INSERT_ID()")
                        .getSingleResult())
                .longValue();
    }

    /** One page of a search, newest first, and the total count for the same filter. */
    public SearchResult search(PatientSearch search, int page, int size) {
        List<String> where = new ArrayList<>();
        Parameters params = new Parameters();
        if (search.text() != null) {
            // Prefix matches so the name and clinic-number indexes can be used; the collation ignores case.
            where.add("(givenName like :prefix or familyName like :prefix"
                    + " or concat(givenName, ' ', familyName) like :prefix or clinicNumber like :prefix)");
            params.and("prefix", escapeLike(search.text()) + "%");
        }
        if (search.status() != null) {
            where.add("status = :status");
            params.and("status", search.status());
        }
        if (search.carePhysio() != null) {
            where.add("carePhysio = :carePhysio");
            params.and("carePhysio", search.carePhysio());
        }
        if (search.ids() != null) {
            where.add("id in :ids");
            params.and("ids", search.ids());
        }
        if (search.visibleTo() != null) {
            where.add("(" + ACCESSIBLE + ")");
            params.and("me", search.visibleTo()).and("now", Instant.now());
        }
        String query = where.isEmpty() ? "1 = 1" : String.join(" and ", where);
        var panacheQuery = find(query, Sort.descending("createdAt", "id"), params);
        long total = panacheQuery.count();
        List<Patient> items = panacheQuery.page(Page.of(page, size)).list();
        return new SearchResult(items, total);
    }

    /**
     * The care-team rule as a query: the physio {@code :me} is the care physio, in the care team, or holds a grant
     * unexpired at {@code :now}. The same rule as {@code access.CareTeamAccess}, for lists.
     */
    static final String ACCESSIBLE = "carePhysio = :me or :me member of careTeam"
            + " or id in (select g.patientId from AccessGrant g where g.grantedTo = :me and g.expiresAt > :now)";

    @Override
    public List<InCare> inCareOf(String me) {
        return getEntityManager()
                .createQuery(
                        "select p.id, p.carePhysio from Patient p where p.carePhysio = :me or :me member of p.careTeam"
                                + " order by p.id",
                        Object[].class)
                .setParameter("me", me)
                .getResultStream()
                .map(row -> new InCare((Long) row[0], me.equals(row[1])))
                .toList();
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    /**
     * Filters of the patient list; null means "any". {@code visibleTo}: only patients that physio may access (their
     * care team and grants).
     */
    public record PatientSearch(
            String text, PatientStatus status, String carePhysio, List<Long> ids, String visibleTo) {}

    public record SearchResult(List<Patient> items, long total) {}
}
