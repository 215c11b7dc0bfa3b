package clinic.portal.outbound;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/** The services' problem+json error document, with the extra fields some statuses carry. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ProblemBody(
        String type,
        String title,
        Integer status,
        String detail,
        List<Violation> violations,
        List<Caution> cautions,
        Long patientId,
        String carePhysio,
        String breakGlass,
        Long dischargedProgramId,
        String dischargedOn) {

    /** The type of a 403 for a patient outside the caller's care team (both services use it). */
    public static final String NOT_IN_CARE_TEAM = "/not-in-care-team";

    public ProblemBody(
            String type,
            String title,
            Integer status,
            String detail,
            List<Violation> violations,
            List<Caution> cautions) {
        this(type, title, status, detail, violations, cautions, null, null, null);
    }

    /**
     * Without the discharged program: a patient's "no current program" answer may name the program that was
     * discharged ({@code dischargedProgramId}, {@code dischargedOn}) so the patient's pages can link its summary.
     */
    public ProblemBody(
            String type,
            String title,
            Integer status,
            String detail,
            List<Violation> violations,
            List<Caution> cautions,
            Long patientId,
            String carePhysio,
            String breakGlass) {
        this(type, title, status, detail, violations, cautions, patientId, carePhysio, breakGlass, null, null);
    }

    /** A discharged program (409 {@code /program-discharged}): nothing on it may change. */
    public boolean isDischarged() {
        return type != null && type.endsWith("/program-discharged");
    }

    /** The caller is not in this patient's care team; {@code carePhysio} is who to ask, {@code breakGlass} the way in. */
    public boolean isNotInCareTeam() {
        return type != null && type.endsWith(NOT_IN_CARE_TEAM);
    }

    /** One invalid field as the service names it (its JSON field name). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Violation(String field, String message) {}

    /**
     * An exercise that needs an acknowledgement: kind CAUTION (the guide warns against it in this phase; safer
     * alternatives that fit the phase) or PHASE (not meant for this phase; {@code phases} are those it is meant for).
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Caution(
            String exercise, String reason, List<String> alternatives, String kind, List<Integer> phases) {

        public Caution(String exercise, String reason, List<String> alternatives) {
            this(exercise, reason, alternatives, "CAUTION", List.of());
        }
    }
}
