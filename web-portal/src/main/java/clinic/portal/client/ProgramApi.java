package clinic.portal.client;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** Payloads of program-service, named as in the contract; unknown fields are ignored so the service may add more. */
public final class ProgramApi {

    private ProgramApi() {}

    /** An exercise of the library with its default dosage. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Exercise(
            String slug,
            String name,
            String category,
            List<Integer> phases,
            String instructions,
            String shouldFeel,
            String precautions,
            String commonMistakes,
            String progression,
            Integer sets,
            Integer reps,
            Integer holdSeconds,
            Integer minutes,
            Integer timesPerDay,
            Boolean perSide,
            Caution caution) {}

    /** Why an exercise needs care, in which phases, and what is safer. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Caution(List<Integer> avoidInPhases, String reason, List<String> alternatives) {}

    /**
     * An exercise as prescribed in a program or protocol phase: the slug plus dosage, and, where the service sends
     * them, the descriptive fields of the exercise.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Prescription(
            @JsonAlias("slug") String exercise,
            String name,
            Integer sets,
            Integer reps,
            Integer holdSeconds,
            Integer minutes,
            Integer timesPerDay,
            Boolean perSide,
            String instructions,
            String shouldFeel,
            String precautions,
            Boolean markedForReview) {

        /** Only what POST /api/programs takes for one exercise. */
        public Prescription dosageOnly() {
            return new Prescription(
                    exercise, null, sets, reps, holdSeconds, minutes, timesPerDay, perSide, null, null, null, null);
        }
    }

    /** A phased protocol such as {@code sciatica-phased}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Protocol(String code, String name, String description, List<ProtocolPhase> phases) {}

    /** One phase of a protocol with its default exercises. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ProtocolPhase(
            @JsonAlias({"number", "phase"}) Integer number,
            @JsonAlias("title") String name,
            @JsonAlias({"entry", "forWhom", "entryCriteria"}) String description,
            List<Prescription> exercises) {}

    /** What the assign form sends. */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record NewProgram(
            Long patientId,
            String protocol,
            Integer phase,
            List<Prescription> exercises,
            List<Acknowledgement> acknowledgements) {}

    /** A physio's reason for assigning a caution exercise anyway. */
    public record Acknowledgement(String exercise, String reason) {}

    /** A patient's program. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Program(
            Long id,
            Long patientId,
            String protocol,
            Integer phase,
            String status,
            @JsonAlias({"startedAt", "startDate"}) String startedOn,
            List<Prescription> exercises,
            List<Revision> revisions,
            String patientAccount,
            String carePhysio,
            Boolean considerReferral,
            Long version) {}

    /** Who changed a program, when and why. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Revision(
            @JsonAlias({"changedAt", "when"}) String at,
            @JsonAlias({"changedBy", "who"}) String by,
            Integer fromPhase,
            @JsonAlias("phase") Integer toPhase,
            String reason) {}

    /** The phase change form. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record PhaseChange(Integer phase, String reason, Long version) {}

    /** Today's routine of the signed-in patient. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Today(
            Long programId,
            String date,
            Integer phase,
            @JsonAlias({"routine", "items"}) List<Prescription> exercises) {}

    /** A session log as the patient submits it. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record NewSession(
            String date,
            Integer painBefore,
            Integer painAfter,
            List<SessionExercise> exercises,
            Double painLastedHoursAfter,
            Boolean redFlagSymptoms,
            String notes) {}

    /** One exercise of a session: done or not, and whether nerve pain shot down the leg. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record SessionExercise(String exercise, Boolean completed, Boolean nervePain) {}

    /** A stored session log, with any alerts it raised. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Session(
            Long id,
            String date,
            Integer painBefore,
            Integer painAfter,
            List<SessionExercise> exercises,
            Double painLastedHoursAfter,
            Boolean redFlagSymptoms,
            String notes,
            List<Alert> alerts) {}

    /** Adherence, pain trend and the system's phase suggestion. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Progress(
            Long programId,
            Double adherence,
            @JsonAlias({"painTrend", "pain"}) List<PainPoint> painTrend,
            List<WeekAdherence> weeklyAdherence,
            Suggestion suggestion,
            Boolean considerReferral) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record PainPoint(String date, Double painBefore, Double painAfter) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record WeekAdherence(
            @JsonAlias({"week", "weekStart", "from"}) String weekStart,
            @JsonAlias({"adherence", "percent"}) Double percent) {}

    /** What the system suggests: the phase to move to (or stay in) and why. A physio decides. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Suggestion(
            @JsonAlias({"suggestedPhase", "toPhase"}) Integer phase,
            @JsonAlias({"kind", "type"}) String action,
            String reason) {}

    /** A safety alert for the care physio. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Alert(
            Long id,
            Long patientId,
            Long programId,
            @JsonAlias("kind") String type,
            @JsonAlias({"priority", "level"}) String severity,
            @JsonAlias({"detail", "text"}) String message,
            @JsonAlias({"raisedAt", "at"}) String createdAt,
            String status,
            String acknowledgedBy,
            String note) {

        public boolean isUrgent() {
            return severity != null && severity.equalsIgnoreCase("URGENT");
        }

        public boolean isOpen() {
            return status == null || status.equalsIgnoreCase("OPEN");
        }
    }

    /** The acknowledge form. */
    public record Acknowledge(String note) {}
}
