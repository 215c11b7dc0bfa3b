package clinic.program.alert;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

@ApplicationScoped
public class AlertRepository implements PanacheRepository<Alert> {

    /** The caller's own patients first, then the most severe, then the newest. */
    public List<Alert> byStatus(String status, String physio, int limit) {
        return getEntityManager()
                .createQuery(
                        "select a from Alert a where a.status = :status order by"
                                + " case when a.carePhysio = :me then 0 else 1 end, a.severityRank, a.createdAt desc,"
                                + " a.id desc",
                        Alert.class)
                .setParameter("status", status)
                .setParameter("me", physio)
                .setMaxResults(limit)
                .getResultList();
    }

    public List<Alert> forSession(long sessionId) {
        return list("sessionLogId = ?1 order by id", sessionId);
    }

    public boolean hasOpen(long programId, String type) {
        return count("programId = ?1 and type = ?2 and status = ?3", programId, type, Alert.OPEN) > 0;
    }
}
