package clinic.portal.outbound;

import clinic.rules.Urgency;
import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** Payloads of program-service, named as in the contract; unknown fields are ignored so the service may add more. */
public final class ProgramApi {

    private ProgramApi() {}

    /** An exercise of the library with its default dosage. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    /** An exercise's words in one language other than English (its current revision). */
    public record ExerciseTranslation(
            String language,
            String name,
            String instructions,
            String shouldFeel,
            String precautions,
            String commonMistakes,
            String progression,
            String cautionReason) {}

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
            Caution caution,
            Boolean builtIn,
            Integer revision,
            Boolean retired,
            Long imageId,
            String videoUrl,
            String illustration) {

        /** A library exercise without its revision and pictures (a clinic exercise of revision 1). */
        public Exercise(
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
                Caution caution) {
            this(
                    slug,
                    name,
                    category,
                    phases,
                    instructions,
                    shouldFeel,
                    precautions,
                    commonMistakes,
                    progression,
                    sets,
                    reps,
                    holdSeconds,
                    minutes,
                    timesPerDay,
                    perSide,
                    caution,
                    false,
                    1,
                    false,
                    null,
                    null,
                    null);
        }
    }

    /**
     * A clinic exercise as the library form sends it: for a new one with {@code slug}, for an edit with the
     * {@code revision} edited (409 when it is no longer current); null fields are left out.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ExerciseInput(
            String slug,
            Integer revision,
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
            Caution caution,
            String videoUrl) {}

    /** Copy an exercise (a built-in one) into a clinic exercise with this slug and name. */
    public record ExerciseCopy(String slug, String name) {}

    /** One revision of a library exercise: who made it, when, whether it is current, and its content. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ExerciseRevision(
            Integer revision, String createdBy, String createdAt, Boolean current, Exercise exercise) {}

    /** Move a program's exercise to the library's newest revision, with a reason; {@code version} as seen. */
    public record RevisionUpdate(String reason, Long version) {}

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
            Boolean markedForReview,
            String commonMistakes,
            Boolean acknowledgedCaution,
            String physioInstructions,
            Integer revision,
            Long imageId,
            String videoUrl,
            String illustration,
            Integer latestRevision,
            Boolean retired) {

        /** With revision and pictures, without the library's latest revision (a routine exercise). */
        public Prescription(
                String exercise,
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
                Boolean markedForReview,
                String commonMistakes,
                Boolean acknowledgedCaution,
                String physioInstructions,
                Integer revision,
                Long imageId,
                String videoUrl,
                String illustration) {
            this(
                    exercise,
                    name,
                    sets,
                    reps,
                    holdSeconds,
                    minutes,
                    timesPerDay,
                    perSide,
                    instructions,
                    shouldFeel,
                    precautions,
                    markedForReview,
                    commonMistakes,
                    acknowledgedCaution,
                    physioInstructions,
                    revision,
                    imageId,
                    videoUrl,
                    illustration,
                    null,
                    null);
        }

        /** Whether the library has a newer revision than the one prescribed (a program's exercise). */
        public boolean newerRevision() {
            return revision != null && latestRevision != null && latestRevision > revision;
        }

        /** Without the routine-only fields (common mistakes, the caution acknowledgement). */
        public Prescription(
                String exercise,
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
            this(
                    exercise,
                    name,
                    sets,
                    reps,
                    holdSeconds,
                    minutes,
                    timesPerDay,
                    perSide,
                    instructions,
                    shouldFeel,
                    precautions,
                    markedForReview,
                    null,
                    null,
                    null);
        }

        /** A routine exercise without its revision and pictures. */
        public Prescription(
                String exercise,
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
                Boolean markedForReview,
                String commonMistakes,
                Boolean acknowledgedCaution,
                String physioInstructions) {
            this(
                    exercise,
                    name,
                    sets,
                    reps,
                    holdSeconds,
                    minutes,
                    timesPerDay,
                    perSide,
                    instructions,
                    shouldFeel,
                    precautions,
                    markedForReview,
                    commonMistakes,
                    acknowledgedCaution,
                    physioInstructions,
                    null,
                    null,
                    null,
                    null);
        }

        /** Only what POST /api/programs takes for one exercise. */
        public Prescription dosageOnly() {
            return new Prescription(
                    exercise, null, sets, reps, holdSeconds, minutes, timesPerDay, perSide, null, null, null, null);
        }

        /**
         * A caution exercise the physio prescribed anyway: the patient reads the physio's instructions and dosage,
         * never the library's "what you should feel" for it.
         */
        public boolean cautionAcknowledged() {
            return Boolean.TRUE.equals(acknowledgedCaution);
        }
    }

    /**
     * A phased protocol such as {@code sciatica-phased}, one version of it: built-in ones are read-only (copy them),
     * retired ones are not offered for new programs.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Protocol(
            String code,
            String name,
            String description,
            List<ProtocolPhase> phases,
            Integer version,
            Boolean requiresScreening,
            Boolean builtIn,
            Boolean retired,
            String createdBy,
            Integer phaseCount) {

        /** Without the version fields (a clinic protocol of version 1). */
        public Protocol(String code, String name, String description, List<ProtocolPhase> phases) {
            this(code, name, description, phases, 1, true, false, false, null, phases == null ? 0 : phases.size());
        }

        public boolean isBuiltIn() {
            return Boolean.TRUE.equals(builtIn);
        }

        public boolean isRetired() {
            return Boolean.TRUE.equals(retired);
        }

        /** Whether a program from it needs a clearing red-flag screening (unknown counts as yes). */
        public boolean screening() {
            return !Boolean.FALSE.equals(requiresScreening);
        }

        public int phaseTotal() {
            return phaseCount != null ? phaseCount : phases == null ? 0 : phases.size();
        }
    }

    /** A new protocol or its next version ({@code version}: the one edited), as the protocol form sends it. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record NewProtocol(
            String code,
            String name,
            String description,
            Boolean requiresScreening,
            List<NewProtocolPhase> phases,
            Integer version) {}

    /** One phase of a new protocol version. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record NewProtocolPhase(
            String name,
            String goal,
            String entryCriteria,
            Double entryMaxMeanPain,
            Integer entryMinAdherence,
            Boolean entryNoNerveFlags,
            List<NewProtocolExercise> exercises) {}

    /** An exercise of a new protocol phase with its dosage. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record NewProtocolExercise(
            String exercise,
            Integer sets,
            Integer reps,
            Integer holdSeconds,
            Integer minutes,
            Integer timesPerDay,
            Boolean perSide) {}

    /** A copy of a protocol under a new code. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ProtocolCopy(String code, String name) {}

    /** One phase of a protocol with its default exercises. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ProtocolPhase(
            @JsonAlias({"number", "phase"}) Integer number,
            @JsonAlias("title") String name,
            String goal,
            @JsonAlias({"entry", "forWhom", "entryCriteria"}) String description,
            List<Prescription> exercises,
            Double entryMaxMeanPain,
            Integer entryMinAdherence,
            Boolean entryNoNerveFlags) {

        /** Without the numeric entry criteria. */
        public ProtocolPhase(
                Integer number, String name, String goal, String description, List<Prescription> exercises) {
            this(number, name, goal, description, exercises, null, null, false);
        }

        public boolean noNerveFlags() {
            return Boolean.TRUE.equals(entryNoNerveFlags);
        }

        /** The number as a form value. */
        public String numberText() {
            return number == null ? "" : number.toString();
        }
    }

    /** What the assign form sends. */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record NewProgram(
            Long patientId,
            String protocol,
            Integer phase,
            List<Prescription> exercises,
            List<Acknowledgement> acknowledgements) {}

    /**
     * A physio's reason for assigning a refused exercise anyway; {@code instructions} are for the patient and required
     * for a caution exercise (kind CAUTION), optional for one outside its phases (kind PHASE).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Acknowledgement(String exercise, String reason, String instructions) {}

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
            Long version,
            Hold hold,
            Integer protocolVersion,
            String dischargedOn,
            String dischargedBy,
            String dischargeReason,
            String dischargeSummary) {

        /** Not discharged. */
        public Program(
                Long id,
                Long patientId,
                String protocol,
                Integer phase,
                String status,
                String startedOn,
                List<Prescription> exercises,
                List<Revision> revisions,
                String patientAccount,
                String carePhysio,
                Boolean considerReferral,
                Long version,
                Hold hold,
                Integer protocolVersion) {
            this(
                    id,
                    patientId,
                    protocol,
                    phase,
                    status,
                    startedOn,
                    exercises,
                    revisions,
                    patientAccount,
                    carePhysio,
                    considerReferral,
                    version,
                    hold,
                    protocolVersion,
                    null,
                    null,
                    null,
                    null);
        }

        /** Without the protocol's version (unknown: the page offers the seed's phases). */
        public Program(
                Long id,
                Long patientId,
                String protocol,
                Integer phase,
                String status,
                String startedOn,
                List<Prescription> exercises,
                List<Revision> revisions,
                String patientAccount,
                String carePhysio,
                Boolean considerReferral,
                Long version,
                Hold hold) {
            this(
                    id,
                    patientId,
                    protocol,
                    phase,
                    status,
                    startedOn,
                    exercises,
                    revisions,
                    patientAccount,
                    carePhysio,
                    considerReferral,
                    version,
                    hold,
                    null);
        }

        /** Without a hold, as before holds existed. */
        public Program(
                Long id,
                Long patientId,
                String protocol,
                Integer phase,
                String status,
                String startedOn,
                List<Prescription> exercises,
                List<Revision> revisions,
                String patientAccount,
                String carePhysio,
                Boolean considerReferral,
                Long version) {
            this(
                    id,
                    patientId,
                    protocol,
                    phase,
                    status,
                    startedOn,
                    exercises,
                    revisions,
                    patientAccount,
                    carePhysio,
                    considerReferral,
                    version,
                    null);
        }

        public boolean isOnHold() {
            return !isDischarged() && ("ON_HOLD".equals(status) || hold != null);
        }

        /** A discharged program is read-only: the pages offer no write form for it. */
        public boolean isDischarged() {
            return "DISCHARGED".equals(status);
        }
    }

    /**
     * Why a program is on hold: since when (local date-time), from a SESSION_LOG or a SCREENING, the red-flag codes, and
     * the reason in staff words.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Hold(String since, String source, List<String> redFlags, String reason) {}

    /** The resume form: a physio's reason, after a new screening cleared the patient. */
    public record Resume(String reason) {}

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
            List<String> painRules,
            String status,
            Advice advice,
            String message) {

        /** An active program's routine. */
        public Today(
                Long programId,
                String date,
                Integer phase,
                String phaseName,
                String goal,
                List<Prescription> exercises,
                List<String> painRules) {
            this(programId, date, phase, phaseName, goal, exercises, painRules, "ACTIVE", null, null);
        }

        public boolean isOnHold() {
            return "ON_HOLD".equals(status);
        }
    }

    /**
     * Red-flag advice in patient words: EMERGENCY_NOW or SAME_DAY, a headline, what to do, and the symptoms reported.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Advice(String urgency, String headline, String text, List<String> symptoms) {

        public boolean isEmergency() {
            return Urgency.EMERGENCY_NOW.name().equals(urgency);
        }

        /** The portal's own copy of the advice, for a page that has none from the service. */
        public static Advice of(clinic.rules.RedFlagAdvice advice) {
            return advice == null
                    ? null
                    : new Advice(advice.urgency().name(), advice.headline(), advice.text(), advice.symptoms());
        }
    }

    /** What a patient reads after a log: the red-flag advice alone, or else the plain-words list. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record SessionAdvice(Advice redFlag, List<String> whatToDo) {}

    /** A session log as the patient submits it. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record NewSession(
            String date,
            Integer painBefore,
            Integer painAfter,
            List<SessionExercise> exercises,
            Boolean painLastedHoursAfter,
            List<String> redFlagSymptoms,
            String notes,
            Boolean painStopsSleepOrWork) {}

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
            String emergencyAdvice,
            SessionAdvice advice,
            String programStatus) {

        /** A stored log as the history lists it. */
        public Session(
                Long id,
                String date,
                Integer painBefore,
                Integer painAfter,
                List<SessionExercise> exercises,
                Boolean painLastedHoursAfter,
                List<String> redFlagSymptoms,
                String notes,
                List<Alert> alerts,
                String emergencyAdvice) {
            this(
                    id,
                    date,
                    painBefore,
                    painAfter,
                    exercises,
                    painLastedHoursAfter,
                    redFlagSymptoms,
                    notes,
                    alerts,
                    emergencyAdvice,
                    null,
                    null);
        }
    }

    /** Adherence, pain trend and the system's suggestion for one program. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Progress(
            Long programId,
            Integer phase,
            Adherence adherence,
            PainTrend pain,
            Suggestion suggestion,
            List<MeasureTrend> measures,
            Stratification stratification) {

        /** Without questionnaires (a service before outcome measures). */
        public Progress(Long programId, Integer phase, Adherence adherence, PainTrend pain, Suggestion suggestion) {
            this(programId, phase, adherence, pain, suggestion, List.of(), null);
        }

        /** The questionnaire scores over time; never null. */
        public List<MeasureTrend> trends() {
            return measures == null ? List.of() : measures;
        }

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

    /**
     * ADVANCE, HOLD, STEP_BACK, CONSIDER_REFERRAL or NOT_ENOUGH_DATA, the rule that fired in words ({@code rule}) and
     * its code ({@code ruleCode}, a {@code clinic.rules.ProgressRules.Rule}). A physio decides.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Suggestion(
            @JsonAlias({"kind", "type"}) String action, @JsonAlias("reason") String rule, String ruleCode) {

        public Suggestion(String action, String rule) {
            this(action, rule, null);
        }
    }

    /**
     * {@code GET /api/reports/outcomes}: the programs discharged in the period, how many reached the minimal important
     * change of their outcome questionnaires (overall, by protocol, by physio), completion of the questionnaires due
     * in the period by time point, and discharge reasons. Percentages are null when there is nothing to divide by.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record OutcomesReport(
            ReportPeriod period,
            long discharged,
            MicShare reachedMic,
            List<OutcomeGroup> byProtocol,
            List<OutcomeGroup> byPhysio,
            Completion completion,
            List<ReasonCount> reasons) {

        /** Episodes with a baseline and a later score, over every protocol (each episode has one). */
        public long withMeasures() {
            return byProtocol == null
                    ? 0
                    : byProtocol.stream().mapToLong(OutcomeGroup::withMeasures).sum();
        }
    }

    /** The period and filters a report is for ({@code asOf}: the day its figures are as of). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ReportPeriod(String from, String to, String asOf, String physio, String protocol) {}

    /** Episodes reaching the MIC, and their share of the episodes with measures. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record MicShare(long count, Double percent) {}

    /** One protocol's or one physio's discharged episodes (the other field is null). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record OutcomeGroup(
            String protocol, String physio, long discharged, long withMeasures, long reachedMic, Double percent) {

        public String name() {
            return protocol != null ? protocol : physio;
        }
    }

    /** Questionnaires due in the period and completed, overall and by time point. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Completion(long due, long completed, Double percent, List<TimepointCompletion> byTimepoint) {}

    /** One time point: BASELINE, WEEK_n, DISCHARGE. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record TimepointCompletion(String timepoint, long due, long completed, Double percent) {

        /** "Baseline", "Week 4", "Discharge". */
        public String label() {
            if (timepoint == null) {
                return "";
            }
            if (timepoint.startsWith("WEEK_")) {
                return "Week " + timepoint.substring(5);
            }
            return timepoint.charAt(0) + timepoint.substring(1).toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** Episodes discharged for one reason, and their share of the discharged. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ReasonCount(String reason, long count, Double percent) {

        /** "Goals met", "Referred on", ... */
        public String label() {
            if (reason == null || reason.isEmpty()) {
                return "";
            }
            String words = reason.replace('_', ' ').toLowerCase(java.util.Locale.ROOT);
            return Character.toUpperCase(words.charAt(0)) + words.substring(1);
        }
    }

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

    // ---- Outcome measures and discharge (issue 19) ----

    /** A standard questionnaire as the service offers it, with whether this clinic has it switched on. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Instrument(
            String code,
            String name,
            String version,
            String kind,
            String description,
            String instructions,
            List<InstrumentItem> items,
            Scoring scoring,
            JsonNode mic,
            Licence licence,
            Boolean enabledByDefault,
            Boolean enabled) {

        public boolean isEnabled() {
            return enabled == null ? Boolean.TRUE.equals(enabledByDefault) : enabled;
        }

        public List<InstrumentItem> questions() {
            return items == null ? List.of() : items;
        }
    }

    /**
     * One question: CHOICE (one of the options), RATING (a whole number from min to max) or TEXT; {@code required}
     * items must be answered or explicitly skipped.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record InstrumentItem(
            String code,
            String text,
            String type,
            List<InstrumentOption> options,
            Integer min,
            Integer max,
            String minLabel,
            String maxLabel,
            Boolean required) {

        public boolean isRequired() {
            return !Boolean.FALSE.equals(required);
        }

        public boolean isText() {
            return "TEXT".equals(type);
        }

        public boolean isRating() {
            return "RATING".equals(type);
        }

        /** The answers offered: the options of a CHOICE, each whole number of a RATING. */
        public List<InstrumentOption> choices() {
            if (isRating() && min != null && max != null && max >= min && max - min <= 20) {
                List<InstrumentOption> values = new java.util.ArrayList<>();
                for (int v = min; v <= max; v++) {
                    values.add(new InstrumentOption(v, Integer.toString(v)));
                }
                return values;
            }
            return options == null ? List.of() : options;
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record InstrumentOption(Integer value, String text) {

        public String valueText() {
            return value == null ? "" : value.toString();
        }
    }

    /** How the answers become a score, and which way is better. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Scoring(
            String method,
            Double min,
            Double max,
            Boolean higherIsBetter,
            String unit,
            Integer maxSkipped,
            String description) {}

    /** Who holds the instrument's rights and on what terms it is used. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Licence(String holder, String terms, String permissionNeeded, String source) {}

    /** A completed questionnaire as the form sends it; the time point is the one due now when left out. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record NewMeasure(String instrument, String timepoint, String completedOn, List<MeasureAnswer> answers) {}

    /** One answer: a value (CHOICE, RATING), a text (TEXT) or explicitly skipped. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record MeasureAnswer(String item, Integer value, String text, Boolean skipped) {}

    /** A stored questionnaire with its score and, from the second one on, its change from the baseline. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Measure(
            Long id,
            Long programId,
            String instrument,
            String instrumentName,
            String instrumentVersion,
            String timepoint,
            String completedOn,
            String enteredBy,
            String enteredByRole,
            List<MeasureAnswer> answers,
            Double score,
            Double scoreMax,
            Double subscore,
            String riskGroup,
            String riskMeaning,
            Boolean higherIsBetter,
            Double baselineScore,
            Double changeFromBaseline,
            Boolean micReached,
            Boolean improved) {}

    /** What is due for a program, per instrument and time point. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record MeasuresDue(Long programId, List<DueMeasure> due) {

        public List<DueMeasure> items() {
            return due == null ? List.of() : due;
        }

        /** Those the patient can fill in now. */
        public List<DueMeasure> open() {
            return items().stream().filter(DueMeasure::isOpen).toList();
        }
    }

    /** DUE, OVERDUE, UPCOMING, DONE, MISSED or AT_DISCHARGE. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record DueMeasure(
            String instrument,
            String instrumentName,
            String timepoint,
            String opensOn,
            String dueOn,
            String status,
            String completedOn) {

        /** Due now or overdue: it can be filled in. */
        public boolean isOpen() {
            return "DUE".equals(status) || "OVERDUE".equals(status);
        }

        public boolean isDone() {
            return "DONE".equals(status);
        }
    }

    /** One instrument's scores over the program (progress), with the change from baseline. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record MeasureTrend(
            String instrument,
            String instrumentName,
            Boolean higherIsBetter,
            Double scoreMin,
            Double scoreMax,
            JsonNode mic,
            List<MeasurePoint> points,
            Double baselineScore,
            Double latestScore,
            Double changeFromBaseline,
            Boolean micReached) {

        public List<MeasurePoint> series() {
            return points == null ? List.of() : points;
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record MeasurePoint(String timepoint, String completedOn, Double score) {}

    /** The risk group of the stratification screen (SBST) and what it usually means for the plan. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Stratification(String riskGroup, String meaning, String completedOn) {}

    /** The discharge form: a reason code and the physio's summary. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Discharge(String reason, String summary) {}

    /** The episode of a discharged program, as the letter and the patient's copy show it. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record DischargeSummary(
            Long programId,
            Long patientId,
            ProtocolRef protocol,
            String carePhysio,
            String startedOn,
            String dischargedOn,
            String dischargedBy,
            String reason,
            String reasonText,
            String summary,
            List<PhaseSpan> phases,
            Adherence adherence,
            PainSummary pain,
            List<MeasureOutcome> measures,
            List<AlertSpan> alerts,
            List<HoldSpan> holds,
            List<SummaryExercise> exercises) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ProtocolRef(String code, String name) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record PhaseSpan(Integer phase, String name, String from, String to) {}

    /** Mean pain of the first and last 7 days' logs. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record PainSummary(Double first, Double last, Double change) {}

    /** One instrument's first and last score over the episode. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record MeasureOutcome(
            String instrument,
            String instrumentName,
            ScoreOn first,
            ScoreOn last,
            Double change,
            JsonNode mic,
            Boolean micReached,
            Boolean higherIsBetter) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ScoreOn(Double score, String completedOn) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record AlertSpan(String type, String raisedOn, String status) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record HoldSpan(String from, String to, List<String> flags) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record SummaryExercise(String slug, String name, @JsonAlias({"dosageText", "text"}) String dosage) {}
}
