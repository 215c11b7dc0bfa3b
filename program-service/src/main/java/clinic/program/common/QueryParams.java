package clinic.program.common;

/**
 * Query parameters taken as text and checked here, so a bad value is a 400 naming the parameter (JAX-RS would answer
 * a number it cannot convert with a 404, as if the path did not exist).
 */
public final class QueryParams {

    private QueryParams() {}

    /** A positive id, or null when absent; anything else is a 400. */
    public static Long positiveId(String field, String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        if (!value.matches("[0-9]{1,18}") || Long.parseLong(value) <= 0) {
            throw new DomainException.Invalid(field, "must be a positive whole number");
        }
        return Long.parseLong(value);
    }

    /** A whole number within [min, max], or {@code fallback} when absent. */
    public static int number(String field, String value, int fallback, int min, int max) {
        if (value == null || value.isEmpty()) {
            return fallback;
        }
        if (!value.matches("-?[0-9]{1,9}")) {
            throw new DomainException.Invalid(field, "must be a whole number");
        }
        int n = Integer.parseInt(value);
        if (n < min || n > max) {
            throw new DomainException.Invalid(field, "must be between " + min + " and " + max);
        }
        return n;
    }

    /**
     * Free text such as a user name: null when absent or blank, stripped, at most {@code max} characters, no control
     * characters, not invisible-only.
     */
    public static String text(String field, String value, int max) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        String refusal = WellFormedText.refusal(value);
        if (refusal != null) {
            throw new DomainException.Invalid(field, refusal);
        }
        String stripped = value.strip();
        if (stripped.length() > max) {
            throw new DomainException.Invalid(field, "must be at most " + max + " characters");
        }
        return stripped.isEmpty() ? null : stripped;
    }
}
