package clinic.program.session;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.hibernate.jpa.HibernateHints;

@ApplicationScoped
public class SessionRepository implements PanacheRepository<SessionLog> {

    public Optional<SessionLog> findByKey(long programId, String key) {
        return find(
                        "from SessionLog s left join fetch s.exercises where s.programId = ?1 and s.idempotencyKey = ?2",
                        programId,
                        key)
                .singleResultOptional();
    }

    /** Logs of a program between two dates (inclusive) with their exercises, newest first, in one statement. */
    public List<SessionLog> between(long programId, LocalDate from, LocalDate to) {
        return find(
                        "select distinct s from SessionLog s left join fetch s.exercises where s.programId = ?1"
                                + " and s.sessionDate between ?2 and ?3 order by s.sessionDate desc, s.id desc",
                        programId,
                        from,
                        to)
                .list();
    }

    /**
     * Every log of a program without exercises, oldest first (progress works on these columns only). Read-only: a
     * program has up to a year of logs, and the page never changes them, so Hibernate keeps no snapshot of each and
     * does not dirty-check them when the read's audit row is flushed.
     */
    public List<SessionLog> allOf(long programId) {
        return find("programId = ?1 order by sessionDate, id", programId)
                .withHint(HibernateHints.HINT_READ_ONLY, true)
                .list();
    }

    /** The first logs of a program before a given log: the pain baseline. */
    public List<SessionLog> firstBefore(long programId, long beforeId, int limit) {
        return find("programId = ?1 and id < ?2 order by sessionDate, id", programId, beforeId)
                .page(0, limit)
                .list();
    }

    public long countPainLasted(long programId, LocalDate from, LocalDate to) {
        return count(
                "programId = ?1 and painLastedHoursAfter = true and sessionDate between ?2 and ?3",
                programId,
                from,
                to);
    }
}
