package clinic.program.common;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * An RFC 9457 problem document: what every error of this service looks like. {@code cautions} is filled only when
 * an assignment is refused for caution or phase-misfit exercises that were not acknowledged.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(
        String type, String title, int status, String detail, List<Violation> violations, List<Caution> cautions) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** One invalid field. */
    public record Violation(String field, String message) {}

    /**
     * An exercise refused in a phase: {@code kind} CAUTION (the guide says to avoid it there; {@code alternatives} are
     * the safer ones that fit the phase) or PHASE (not meant for the phase); {@code phases} are the phases it is meant
     * for.
     */
    public record Caution(
            String exercise, String kind, String reason, List<String> alternatives, List<Integer> phases) {}

    public static Problem of(int status, String title, String detail) {
        return new Problem("about:blank", title, status, detail, null, null);
    }
}
