package clinic.program.outcome;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

@ApplicationScoped
public class MeasureRepository implements PanacheRepository<MeasureResponse> {

    /** A program's questionnaires, oldest first (by the day completed, then as entered). */
    public List<MeasureResponse> ofProgram(long programId) {
        return getEntityManager()
                .createQuery(
                        "select m from MeasureResponse m where m.programId = :p order by m.completedOn, m.id",
                        MeasureResponse.class)
                .setParameter("p", programId)
                .getResultList();
    }

    /** The questionnaires of several programs in one statement, oldest first within each program. */
    public List<MeasureResponse> ofPrograms(java.util.Collection<Long> programIds) {
        if (programIds.isEmpty()) {
            return List.of();
        }
        return getEntityManager()
                .createQuery(
                        "select m from MeasureResponse m where m.programId in :p order by m.programId, m.completedOn, m.id",
                        MeasureResponse.class)
                .setParameter("p", programIds)
                .getResultList();
    }
}
