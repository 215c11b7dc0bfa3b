package clinic.program.template;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

@ApplicationScoped
public class PlanTemplateRepository implements PanacheRepository<PlanTemplate> {

    /** The caller's private templates and the clinic-wide ones (only the latter for a null owner), newest first. */
    public List<PlanTemplate> visibleTo(String owner) {
        if (owner == null) {
            return list("visibility = ?1 order by createdAt desc, id desc", PlanTemplate.CLINIC);
        }
        return list("visibility = ?1 or owner = ?2 order by createdAt desc, id desc", PlanTemplate.CLINIC, owner);
    }

    public boolean nameTaken(String scopeKey, String name) {
        return count("scopeKey = ?1 and name = ?2", scopeKey, name) > 0;
    }

    /** The exercises of several templates, in one statement, in order. */
    public List<PlanTemplateExercise> exercisesOf(List<Long> templateIds) {
        if (templateIds.isEmpty()) {
            return List.of();
        }
        return getEntityManager()
                .createQuery(
                        "select e from PlanTemplateExercise e where e.templateId in :ids"
                                + " order by e.templateId, e.position",
                        PlanTemplateExercise.class)
                .setParameter("ids", templateIds)
                .getResultList();
    }

    public void persistExercise(PlanTemplateExercise exercise) {
        getEntityManager().persist(exercise);
    }

    public void deleteExercises(long templateId) {
        getEntityManager()
                .createQuery("delete from PlanTemplateExercise e where e.templateId = :id")
                .setParameter("id", templateId)
                .executeUpdate();
    }
}
