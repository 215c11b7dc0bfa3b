package clinic.program.prescription;

import clinic.program.library.Exercise;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

/**
 * A program as the API shows it: current phase and exercises, plus its revision history. {@code status} is ACTIVE,
 * ON_HOLD or DISCHARGED; {@code hold} is set only while ON_HOLD; the {@code discharge*} fields only once DISCHARGED
 * (who, when, the {@code DischargeReason} code and the physio's summary).
 */
public record ProgramView(
        long id,
        long patientId,
        String patientAccount,
        String carePhysio,
        String protocol,
        int phase,
        String status,
        Hold hold,
        LocalDate startedOn,
        LocalDate phaseSince,
        int revision,
        long version,
        List<ProgramExerciseView> exercises,
        List<RevisionView> revisions,
        int protocolVersion,
        LocalDate dischargedOn,
        String dischargedBy,
        String dischargeReason,
        String dischargeSummary) {

    /**
     * The program with its current exercises and its revisions, oldest first. An exercise's {@code latestRevision} is
     * known when its prescribed row is the current one, else null: use the overload with the library's current rows.
     */
    public static ProgramView of(Program p, List<ProgramExercise> rows, List<ProgramRevision> revisionRows) {
        return of(p, rows, revisionRows, Map.of());
    }

    /**
     * As {@link #of(Program, List, List)}, with the current library row of each prescribed exercise by slug ({@code
     * latest}), for each exercise's {@code latestRevision} and {@code retired}.
     */
    public static ProgramView of(
            Program p, List<ProgramExercise> rows, List<ProgramRevision> revisionRows, Map<String, Exercise> latest) {
        List<RevisionView> revisions = revisionRows.stream()
                .map(r -> new RevisionView(r.number, r.phase, r.protocol, r.changedBy, r.changedAt, r.reason))
                .toList();
        return new ProgramView(
                p.id,
                p.patientId,
                p.patientAccount,
                p.carePhysio,
                p.protocol.code,
                p.phase,
                p.status,
                Hold.of(p),
                p.startedOn,
                p.phaseSince,
                p.currentRevision,
                p.version,
                rows.stream()
                        .map(pe -> ProgramExerciseView.of(pe, latest.get(pe.exercise.slug)))
                        .toList(),
                revisions,
                p.protocol.version,
                p.dischargedOn,
                p.dischargedBy,
                p.dischargeReason,
                p.dischargeSummary);
    }

    /**
     * A prescribed exercise with its dosage; {@code revision} is the exercise revision prescribed, {@code
     * latestRevision} the library's current one (greater: a newer version exists; null: not known here) and {@code
     * retired} whether the library retired it (the program keeps it).
     */
    public record ProgramExerciseView(
            int position,
            String exercise,
            String name,
            Integer sets,
            Integer reps,
            Integer holdSeconds,
            Integer minutes,
            Integer timesPerDay,
            boolean perSide,
            boolean markedForReview,
            String cautionAcknowledgement,
            String patientInstructions,
            int revision,
            Integer latestRevision,
            boolean retired) {

        /** As prescribed; for the revision snapshot (latest = prescribed when it is current). */
        static ProgramExerciseView of(ProgramExercise pe) {
            return of(pe, null);
        }

        static ProgramExerciseView of(ProgramExercise pe, Exercise latest) {
            Exercise given = pe.exercise;
            Integer latestRevision = latest != null ? latest.revision : given.current() ? given.revision : null;
            boolean retired = latest != null ? latest.retired() : given.retired();
            return new ProgramExerciseView(
                    pe.position,
                    pe.exercise.slug,
                    pe.exercise.name,
                    pe.dosage.sets(),
                    pe.dosage.reps(),
                    pe.dosage.holdSeconds(),
                    pe.dosage.minutes(),
                    pe.dosage.timesPerDay(),
                    pe.dosage.eachSide(),
                    pe.markedForReview,
                    pe.cautionAckReason,
                    pe.patientInstructions,
                    given.revision,
                    latestRevision,
                    retired);
        }
    }

    /**
     * Why and since when a program is on hold: {@code source} SESSION_LOG or SCREENING, the red-flag codes, and the
     * reason in the shared red-flag labels (no clinical wording, so it is safe on any page).
     */
    public record Hold(LocalDateTime since, String source, List<String> redFlags, String reason) {

        static Hold of(Program p) {
            if (!p.isOnHold()) {
                return null;
            }
            return new Hold(
                    p.holdSince,
                    p.holdSource,
                    p.holdRedFlags().stream().map(Enum::name).toList(),
                    p.holdReason);
        }
    }

    /** Who changed the program, when, why, and to which phase. */
    public record RevisionView(
            int number, int phase, String protocol, String changedBy, LocalDateTime changedAt, String reason) {}
}
