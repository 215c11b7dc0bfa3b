package clinic.portal.client;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/** The services' problem+json error document, with the extra fields some statuses carry. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ProblemBody(
        String type, String title, Integer status, String detail, List<Violation> violations, List<Caution> cautions) {

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
