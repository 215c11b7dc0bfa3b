package clinic.program.protocol;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class ProtocolRepository implements PanacheRepository<Protocol> {

    /** The current (newest) version of a protocol, retired or not. */
    public Optional<Protocol> findByCode(String code) {
        return find("currentCode", code).firstResultOptional();
    }

    /** The current versions of all protocols, by code. */
    public List<Protocol> listCurrent() {
        return list("currentCode is not null order by code");
    }

    /** Every version of a protocol, oldest first. */
    public List<Protocol> versions(String code) {
        return list("code = ?1 order by version", code);
    }

    /** Whether any version of a protocol has this code. */
    public boolean codeTaken(String code) {
        return count("code", code) > 0;
    }

    /**
     * Makes a version no longer current; false if it was not current any more (another edit won). The caller then
     * inserts the next version in the same transaction.
     */
    public boolean supersede(long id) {
        return update("currentCode = null where id = ?1 and currentCode is not null", id) == 1;
    }

    public List<ProtocolPhase> phases(long protocolId) {
        return getEntityManager()
                .createQuery(
                        "select p from ProtocolPhase p where p.protocol.id = :id order by p.number",
                        ProtocolPhase.class)
                .setParameter("id", protocolId)
                .getResultList();
    }

    /** The phases of several protocol versions in one statement. */
    public List<ProtocolPhase> phasesOf(Collection<Long> protocolIds) {
        if (protocolIds.isEmpty()) {
            return List.of();
        }
        return getEntityManager()
                .createQuery(
                        "select p from ProtocolPhase p where p.protocol.id in :ids order by p.protocol.id, p.number",
                        ProtocolPhase.class)
                .setParameter("ids", protocolIds)
                .getResultList();
    }

    public Optional<ProtocolPhase> phase(long protocolId, int number) {
        return getEntityManager()
                .createQuery(
                        "select p from ProtocolPhase p where p.protocol.id = :id and p.number = :n",
                        ProtocolPhase.class)
                .setParameter("id", protocolId)
                .setParameter("n", number)
                .getResultStream()
                .findFirst();
    }

    /** The number of phases of a protocol version. */
    public int phaseCount(long protocolId) {
        return getEntityManager()
                .createQuery("select count(p) from ProtocolPhase p where p.protocol.id = :id", Long.class)
                .setParameter("id", protocolId)
                .getSingleResult()
                .intValue();
    }

    /** Every exercise of a protocol with its library entry, in one statement. */
    public List<ProtocolExercise> exercises(long protocolId) {
        return getEntityManager()
                .createQuery(
                        "select pe from ProtocolExercise pe join fetch pe.exercise join fetch pe.phase ph"
                                + " where ph.protocol.id = :id order by ph.number, pe.position",
                        ProtocolExercise.class)
                .setParameter("id", protocolId)
                .getResultList();
    }

    /** The exercises of several protocol versions in one statement. */
    public List<ProtocolExercise> exercisesOf(Collection<Long> protocolIds) {
        if (protocolIds.isEmpty()) {
            return List.of();
        }
        return getEntityManager()
                .createQuery(
                        "select pe from ProtocolExercise pe join fetch pe.exercise join fetch pe.phase ph"
                                + " where ph.protocol.id in :ids order by ph.protocol.id, ph.number, pe.position",
                        ProtocolExercise.class)
                .setParameter("ids", protocolIds)
                .getResultList();
    }

    public void persistPhase(ProtocolPhase phase) {
        getEntityManager().persist(phase);
    }

    public void persistExercise(ProtocolExercise exercise) {
        getEntityManager().persist(exercise);
    }
}
