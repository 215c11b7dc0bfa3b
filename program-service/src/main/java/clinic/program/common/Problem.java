package clinic.program.common;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * An RFC 9457 problem document: what every error of this service looks like. {@code cautions} is filled only when
 * an assignment is refused for caution exercises that were not acknowledged.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(
        String type, String title, int status, String detail, List<Violation> violations, List<Caution> cautions) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** One invalid field. */
    public record Violation(String field, String message) {}

    /** A caution exercise included where the guide says to avoid it, with the safer alternatives. */
    public record Caution(String exercise, String reason, List<String> alternatives) {}

    public static Problem of(int status, String title, String detail) {
        return new Problem("about:blank", title, status, detail, null, null);
    }
}
