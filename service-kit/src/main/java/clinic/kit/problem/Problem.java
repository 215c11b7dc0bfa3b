package clinic.kit.problem;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An RFC 9457 problem document: what every error of every service looks like. {@code violations} names the invalid
 * fields of a 400; a problem type may add its own members (the care-team refusal names {@code carePhysio}, a refused
 * assignment lists its {@code cautions}), which are written beside the standard ones.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"type", "title", "status", "detail", "violations"})
public final class Problem {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** One invalid field and why, in words safe to show (never the value itself). */
    public record Violation(String field, String message) {}

    private final String type;
    private final String title;
    private final int status;
    private final String detail;
    private final List<Violation> violations;
    private final Map<String, Object> members;

    public Problem(
            String type,
            String title,
            int status,
            String detail,
            List<Violation> violations,
            Map<String, Object> members) {
        this.type = Objects.requireNonNull(type);
        this.title = Objects.requireNonNull(title);
        this.status = status;
        this.detail = detail;
        this.violations = violations == null ? null : List.copyOf(violations);
        this.members = members == null ? Map.of() : new LinkedHashMap<>(members);
    }

    /** A problem of no particular type ({@code about:blank}): the status and title say it all. */
    public static Problem of(int status, String title, String detail) {
        return new Problem("about:blank", title, status, detail, null, null);
    }

    /** A 400 naming the invalid fields. */
    public static Problem invalid(List<Violation> violations) {
        return new Problem("about:blank", "Invalid request", 400, "Some fields are not valid.", violations, null);
    }

    public String getType() {
        return type;
    }

    public String getTitle() {
        return title;
    }

    public int getStatus() {
        return status;
    }

    public String getDetail() {
        return detail;
    }

    public List<Violation> getViolations() {
        return violations;
    }

    /** The members a problem type adds; written as top-level members of the document. */
    @JsonAnyGetter
    public Map<String, Object> members() {
        return members;
    }

    public int status() {
        return status;
    }

    @Override
    public String toString() {
        return "Problem[" + status + " " + title + ": " + detail + "]";
    }
}
