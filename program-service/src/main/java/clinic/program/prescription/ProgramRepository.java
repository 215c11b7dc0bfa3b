package clinic.program.prescription;

import clinic.program.access.ProgramOwners;
import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import org.hibernate.jpa.HibernateHints;

@ApplicationScoped
public class ProgramRepository implements PanacheRepository<Program>, ProgramOwners {

    public Optional<Program> findWithProtocol(long id) {
        return find("from Program p join fetch p.protocol where p.id = ?1", id).firstResultOptional();
    }

    /** The patient a program belongs to, in one small statement (the care-team check runs before the work). */
    @Override
    public Optional<Long> patientIdOf(long programId) {
        return getEntityManager()
                .createQuery("select p.patientId from Program p where p.id = :id", Long.class)
                .setParameter("id", programId)
                .getResultStream()
                .findFirst();
    }

    public Optional<Program> activeForPatient(long patientId) {
        return find("from Program p join fetch p.protocol where p.activePatientId = ?1", patientId)
                .firstResultOptional();
    }

    /**
     * The patient's current program, active or on hold (the one the account's routine and logs are about). The two
     * statuses are two scalar parameters, not a list: Hibernate caches the translated SQL of a query only when no
     * parameter is a list, and this runs on every request of a patient.
     */
    /** The patient's most recently discharged program, for the "no current program" answer to name it. */
    public Optional<Program> lastDischargedForAccount(String account) {
        return getEntityManager()
                .createQuery(
                        "select p from Program p where p.patientAccount = :account and p.status = :discharged"
                                + " order by p.dischargedAt desc, p.id desc",
                        Program.class)
                .setParameter("account", account)
                .setParameter("discharged", Program.DISCHARGED)
                .setMaxResults(1)
                .getResultList()
                .stream()
                .findFirst();
    }

    public Optional<Program> activeForAccount(String account) {
        return getEntityManager()
                .createQuery(
                        "select p from Program p join fetch p.protocol where p.patientAccount = :account"
                                + " and p.status in (:active, :onHold) order by p.id desc",
                        Program.class)
                .setParameter("account", account)
                .setParameter("active", Program.ACTIVE)
                .setParameter("onHold", Program.ON_HOLD)
                .setMaxResults(1)
                .getResultStream()
                .findFirst();
    }

    public List<Program> forPatient(long patientId) {
        return find("from Program p join fetch p.protocol where p.patientId = ?1 order by p.id desc", patientId)
                .list();
    }

    /** Current exercises of a program with their library rows, in one statement. */
    public List<ProgramExercise> exercises(long programId) {
        return getEntityManager()
                .createQuery(
                        "select pe from ProgramExercise pe join fetch pe.exercise where pe.programId = :id"
                                + " order by pe.position",
                        ProgramExercise.class)
                .setParameter("id", programId)
                .getResultList();
    }

    /** Current exercises of several programs, in one statement. */
    public List<ProgramExercise> exercisesOf(List<Long> programIds) {
        if (programIds.isEmpty()) {
            return List.of();
        }
        return getEntityManager()
                .createQuery(
                        "select pe from ProgramExercise pe join fetch pe.exercise where pe.programId in :ids"
                                + " order by pe.programId, pe.position",
                        ProgramExercise.class)
                .setParameter("ids", programIds)
                .getResultList();
    }

    /** Revisions of several programs, in one statement. */
    public List<ProgramRevision> revisionsOf(List<Long> programIds) {
        if (programIds.isEmpty()) {
            return List.of();
        }
        return getEntityManager()
                .createQuery(
                        "select r from ProgramRevision r where r.programId in :ids order by r.programId, r.number",
                        ProgramRevision.class)
                .setParameter("ids", programIds)
                .getResultList();
    }

    public void deleteExercises(long programId) {
        getEntityManager()
                .createQuery("delete from ProgramExercise pe where pe.programId = :id")
                .setParameter("id", programId)
                .executeUpdate();
    }

    public void persistExercise(ProgramExercise exercise) {
        getEntityManager().persist(exercise);
    }

    public void persistRevision(ProgramRevision revision) {
        getEntityManager().persist(revision);
    }

    public List<ProgramRevision> revisions(long programId) {
        return getEntityManager()
                .createQuery(
                        "select r from ProgramRevision r where r.programId = :id order by r.number",
                        ProgramRevision.class)
                .setParameter("id", programId)
                // Read-only: history is never changed, so no snapshots to keep or dirty-check at flush.
                .setHint(HibernateHints.HINT_READ_ONLY, true)
                .getResultList();
    }
}
