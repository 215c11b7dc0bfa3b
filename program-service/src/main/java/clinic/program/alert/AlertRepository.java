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

    /** As {@link #byStatus}, only for these patients (a physio's accessible ones); none when the set is empty. */
    public List<Alert> byStatusFor(String status, String physio, java.util.Collection<Long> patientIds, int limit) {
        if (patientIds.isEmpty()) {
            return List.of();
        }
        return getEntityManager()
                .createQuery(
                        "select a from Alert a where a.status = :status and a.patientId in :ids order by"
                                + " case when a.carePhysio = :me then 0 else 1 end, a.severityRank, a.createdAt desc,"
                                + " a.id desc",
                        Alert.class)
                .setParameter("status", status)
                .setParameter("ids", patientIds)
                .setParameter("me", physio)
                .setMaxResults(limit)
                .getResultList();
    }

    /** The patient and program an alert is about, without loading it for change. */
    public java.util.Optional<Object[]> patientAndProgramOf(long alertId) {
        return getEntityManager()
                .createQuery("select a.patientId, a.programId from Alert a where a.id = :id", Object[].class)
                .setParameter("id", alertId)
                .getResultStream()
                .findFirst();
    }

    public List<Alert> forSession(long sessionId) {
        return list("sessionLogId = ?1 order by id", sessionId);
    }

    public boolean hasOpen(long programId, String type) {
        return count("programId = ?1 and type = ?2 and status = ?3", programId, type, Alert.OPEN) > 0;
    }
}
