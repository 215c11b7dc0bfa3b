package clinic.program.session;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class SessionRepository implements PanacheRepository<SessionLog> {

    public Optional<SessionLog> findByKey(long programId, String key) {
        return find(
                        "from SessionLog s left join fetch s.exercises where s.programId = ?1 and s.idempotencyKey = ?2",
                        programId,
                        key)
                .singleResultOptional();
    }

    /**
     * Logs of a program between two dates (inclusive) with their exercises, newest first, in one statement. No
     * {@code distinct}: Hibernate returns each log once for a fetch join anyway, and in SQL it made the database build
     * a temporary table for every call.
     */
    public List<SessionLog> between(long programId, LocalDate from, LocalDate to) {
        return find(
                        "select s from SessionLog s left join fetch s.exercises where s.programId = ?1"
                                + " and s.sessionDate between ?2 and ?3 order by s.sessionDate desc, s.id desc",
                        programId,
                        from,
                        to)
                .list();
    }

    /**
     * Every log of a program, oldest first, as detached logs holding only date, pain before and the nerve-pain,
     * lasting-pain and disabling flags: the columns the progress page works on. A program has up to a year of logs; a projection neither reads their
     * notes nor makes Hibernate keep and dirty-check a managed entity for each when the read's audit row is flushed.
     */
    public List<SessionLog> allOf(long programId) {
        return getEntityManager()
                .createQuery(
                        "select new clinic.program.session.SessionLog(s.sessionDate, s.painBefore, s.nervePain,"
                                + " s.painLastedHoursAfter, s.painStopsSleepOrWork)"
                                + " from SessionLog s where s.programId = :id order by s.sessionDate, s.id",
                        SessionLog.class)
                .setParameter("id", programId)
                .getResultList();
    }

    /** The first logs of a program before a given log: the pain baseline. */
    public List<SessionLog> firstBefore(long programId, long beforeId, int limit) {
        return find("programId = ?1 and id < ?2 order by sessionDate, id", programId, beforeId)
                .page(0, limit)
                .list();
    }

    /**
     * How many of the program's last {@code limit} logs up to a given log (by date, then id; that log included)
     * aggravated the symptoms (nerve pain or pain lasting hours).
     */
    public int aggravatedOfLast(long programId, LocalDate date, long id, int limit) {
        return (int) getEntityManager()
                .createQuery(
                        "select s.nervePain, s.painLastedHoursAfter from SessionLog s where s.programId = :p"
                                + " and (s.sessionDate < :d or (s.sessionDate = :d and s.id <= :id))"
                                + " order by s.sessionDate desc, s.id desc",
                        Object[].class)
                .setParameter("p", programId)
                .setParameter("d", date)
                .setParameter("id", id)
                .setMaxResults(limit)
                .getResultList()
                .stream()
                .filter(row -> Boolean.TRUE.equals(row[0]) || Boolean.TRUE.equals(row[1]))
                .count();
    }

    public long countPainLasted(long programId, LocalDate from, LocalDate to) {
        return count(
                "programId = ?1 and painLastedHoursAfter = true and sessionDate between ?2 and ?3",
                programId,
                from,
                to);
    }
}
