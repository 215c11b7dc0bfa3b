package clinic.program.protocol;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class ProtocolRepository implements PanacheRepository<Protocol> {

    public Optional<Protocol> findByCode(String code) {
        return find("code", code).firstResultOptional();
    }

    public List<ProtocolPhase> phases(long protocolId) {
        return getEntityManager()
                .createQuery(
                        "select p from ProtocolPhase p where p.protocol.id = :id order by p.number",
                        ProtocolPhase.class)
                .setParameter("id", protocolId)
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
}
