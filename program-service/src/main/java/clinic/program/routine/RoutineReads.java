package clinic.program.routine;

import clinic.program.library.Dosage;
import clinic.program.prescription.Program;
import clinic.program.session.SessionLog;
import clinic.program.session.SessionView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The two statements of today's routine, as projections: the columns the routine shows, no managed entities (nothing
 * for Hibernate to snapshot, dirty-check or flush), no joins to the library or the protocol (their texts are
 * reference content, see {@link clinic.program.library.ReferenceTexts}).
 */
@ApplicationScoped
public class RoutineReads {

    /** The caller's current program and its prescribed exercises in their order. */
    public record Current(
            long id, String status, int phase, long protocolId, String holdFlags, List<Prescribed> exercises) {}

    /** One prescribed exercise: the library row it refers to and what the physio set for this patient. */
    public record Prescribed(
            long exerciseId,
            Dosage dosage,
            boolean markedForReview,
            boolean cautionAcknowledged,
            String patientInstructions) {}

    private final EntityManager em;

    public RoutineReads(EntityManager em) {
        this.em = em;
    }

    /**
     * The account's current program (active or on hold, the newest if there were more) with its exercises, in one
     * statement: one row per exercise, or one row with no exercise. The two statuses are two scalar parameters, not a
     * list: Hibernate caches the translated SQL of a query only when no parameter is a list.
     */
    public Optional<Current> current(String account) {
        List<Object[]> rows = em.createQuery(
                        "select p.id, p.status, p.phase, p.protocol.id, p.holdFlags, pe.exercise.id, pe.dosage.sets,"
                                + " pe.dosage.reps, pe.dosage.holdSeconds, pe.dosage.minutes, pe.dosage.timesPerDay,"
                                + " pe.dosage.perSide, pe.markedForReview, pe.cautionAckReason, pe.patientInstructions, pe.position"
                                + " from Program p left join ProgramExercise pe on pe.programId = p.id"
                                + " where p.patientAccount = :account and p.status in (:active, :onHold)",
                        Object[].class)
                .setParameter("account", account)
                .setParameter("active", Program.ACTIVE)
                .setParameter("onHold", Program.ON_HOLD)
                .getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        // Sorted here, not in SQL: an ORDER BY over columns of both tables makes the database build a temporary table
        // and sort it on every call. The newest program counts (there should be only one), its exercises in order.
        Object[] first =
                rows.stream().max(Comparator.comparingLong(r -> (Long) r[0])).orElseThrow();
        long programId = (Long) first[0];
        List<Object[]> mine = rows.stream()
                .filter(r -> (Long) r[0] == programId && r[5] != null)
                .sorted(Comparator.comparingInt(r -> (Integer) r[15]))
                .toList();
        List<Prescribed> exercises = new ArrayList<>();
        for (Object[] r : mine) {
            exercises.add(new Prescribed(
                    (Long) r[5],
                    new Dosage(
                            (Integer) r[6], (Integer) r[7], (Integer) r[8], (Integer) r[9], (Integer) r[10], (Boolean)
                                    r[11]),
                    Boolean.TRUE.equals(r[12]),
                    r[13] != null,
                    (String) r[14]));
        }
        return Optional.of(new Current(
                programId, (String) first[1], (Integer) first[2], (Long) first[3], (String) first[4], exercises));
    }

    /** The program's logs of one day with what was done, newest first, in one statement. */
    public List<SessionView> logsOn(long programId, LocalDate day) {
        List<Object[]> rows = em
                .createQuery(
                        "select s.id, s.sessionDate, s.painBefore, s.painAfter, s.painLastedHoursAfter,"
                                + " s.painStopsSleepOrWork, s.redFlagSymptoms, s.notes, s.createdAt, e.exerciseSlug,"
                                + " e.completed, e.sets, e.reps, e.side, e.nervePain, e.id"
                                + " from SessionLog s left join s.exercises e"
                                + " where s.programId = :id and s.sessionDate = :day",
                        Object[].class)
                .setParameter("id", programId)
                .setParameter("day", day)
                .getResultList()
                .stream()
                // Newest log first, its exercises in the order they were logged; sorted here for the reason above.
                .sorted(Comparator.<Object[]>comparingLong(r -> -(Long) r[0])
                        .thenComparingLong(r -> r[15] == null ? 0 : (Long) r[15]))
                .toList();
        List<SessionView> logs = new ArrayList<>();
        int i = 0;
        while (i < rows.size()) {
            Object[] log = rows.get(i);
            long id = (Long) log[0];
            List<SessionView.ExerciseDoneView> done = new ArrayList<>();
            for (; i < rows.size() && (Long) rows.get(i)[0] == id; i++) {
                Object[] r = rows.get(i);
                if (r[9] != null) {
                    done.add(new SessionView.ExerciseDoneView(
                            (String) r[9],
                            Boolean.TRUE.equals(r[10]),
                            (Integer) r[11],
                            (Integer) r[12],
                            (String) r[13],
                            Boolean.TRUE.equals(r[14])));
                }
            }
            logs.add(new SessionView(
                    id,
                    programId,
                    (LocalDate) log[1],
                    (Integer) log[2],
                    (Integer) log[3],
                    Boolean.TRUE.equals(log[4]),
                    Boolean.TRUE.equals(log[5]),
                    SessionLog.redFlags((String) log[6]),
                    (String) log[7],
                    List.copyOf(done),
                    (LocalDateTime) log[8],
                    null,
                    null,
                    null,
                    null));
        }
        return logs;
    }
}
