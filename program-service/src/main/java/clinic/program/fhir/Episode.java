package clinic.program.fhir;

import clinic.program.library.Dosage;
import clinic.rules.RedFlag;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/**
 * What the export of one program shows, read in one transaction and detached from it: the program, its protocol
 * version with phases and their exercises, the exercises prescribed now, the pain of every session log, the completed
 * questionnaires and the urgent alerts. Plain values only, so the bundle is built outside the transaction.
 */
public record Episode(
        long programId,
        long patientId,
        String status,
        String carePhysio,
        int phase,
        LocalDate startedOn,
        LocalDateTime createdAt,
        LocalDate dischargedOn,
        String dischargeReason,
        String dischargeSummary,
        Hold hold,
        ProtocolVersion protocol,
        List<Prescribed> prescribed,
        List<Pain> pain,
        List<Measure> measures,
        List<UrgentAlert> alerts) {

    /** The program's current hold, or null when it is not on hold. */
    record Hold(LocalDateTime since, String source, String reason, List<RedFlag> flags) {}

    record ProtocolVersion(
            long id, String code, String name, String description, int version, boolean retired, List<Phase> phases) {}

    record Phase(int number, String name, String goal, String entryCriteria, List<PhaseExercise> exercises) {}

    record PhaseExercise(String slug, String name, Dosage dosage) {}

    /** An exercise prescribed now, at the library revision the program holds. */
    record Prescribed(
            String slug,
            String name,
            int revision,
            String category,
            Dosage dosage,
            String patientInstructions,
            boolean markedForReview) {}

    /** The 0-10 pain before and after one logged session. */
    record Pain(long logId, LocalDate date, int before, int after) {}

    /** One completed questionnaire (a row of measure_response). */
    record Measure(
            long id,
            String instrument,
            String instrumentVersion,
            String timepoint,
            LocalDate completedOn,
            String enteredByRole,
            String enteredBy,
            String answersJson,
            BigDecimal score,
            BigDecimal subscore,
            String riskGroup) {}

    /** An alert of URGENT severity (a red flag reported in a session log). */
    record UrgentAlert(
            long id,
            String type,
            String message,
            String status,
            LocalDateTime createdAt,
            LocalDateTime acknowledgedAt) {}
}
