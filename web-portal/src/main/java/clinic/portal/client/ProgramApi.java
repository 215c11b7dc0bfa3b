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
            String goal,
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
            String phaseName,
            String goal,
            @JsonAlias({"routine", "items"}) List<Prescription> exercises,
            List<String> painRules) {}

    /** A session log as the patient submits it. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record NewSession(
            String date,
            Integer painBefore,
            Integer painAfter,
            List<SessionExercise> exercises,
            Boolean painLastedHoursAfter,
            List<String> redFlagSymptoms,
            String notes) {}

    /** One exercise of a session: done or not, which side (LEFT/RIGHT/BOTH) and whether nerve pain shot down the leg. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record SessionExercise(String exercise, Boolean completed, String side, Boolean nervePain) {}

    /** A stored session log, with any alerts it raised. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Session(
            Long id,
            String date,
            Integer painBefore,
            Integer painAfter,
            List<SessionExercise> exercises,
            Boolean painLastedHoursAfter,
            List<String> redFlagSymptoms,
            String notes,
            List<Alert> alerts,
            String emergencyAdvice) {}

    /** Adherence, pain trend and the system's suggestion for one program. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Progress(Long programId, Integer phase, Adherence adherence, PainTrend pain, Suggestion suggestion) {

        public List<WeekAdherence> weeks() {
            return adherence == null || adherence.weeks() == null ? List.of() : adherence.weeks();
        }

        /** The phase the suggestion points to, from its action; null when it is not about a phase. */
        public Integer suggestedPhase() {
            if (suggestion == null || suggestion.action() == null || phase == null) {
                return null;
            }
            return switch (suggestion.action()) {
                case "ADVANCE" -> Math.min(3, phase + 1);
                case "STEP_BACK" -> Math.max(1, phase - 1);
                case "HOLD" -> phase;
                default -> null;
            };
        }
    }

    /** Days logged against days prescribed, overall and per week. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Adherence(Integer logged, Integer prescribed, Double percent, List<WeekAdherence> weeks) {}

    /** NPRS trend: baseline against the last 7 days' mean, and the nerve-pain flags of the last 7 days. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record PainTrend(
            Double baseline,
            Double last7DaysMean,
            Double change,
            Double changePercent,
            Boolean clinicallyImportantImprovement,
            Integer nervePainFlagsLast7Days) {}

    /** One point of the pain chart. */
    public record PainPoint(String date, Double painBefore, Double painAfter) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record WeekAdherence(
            @JsonAlias({"week", "from"}) String weekStart, @JsonAlias("adherence") Double percent) {}

    /** ADVANCE, HOLD, STEP_BACK or CONSIDER_REFERRAL and the rule that fired. A physio decides. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Suggestion(@JsonAlias({"kind", "type"}) String action, @JsonAlias("reason") String rule) {}

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
