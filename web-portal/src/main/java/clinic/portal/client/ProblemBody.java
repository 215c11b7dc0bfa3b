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

    /** A caution exercise that needs an acknowledgement, and what to use instead. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Caution(String exercise, String reason, List<String> alternatives) {}
}
