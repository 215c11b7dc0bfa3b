package clinic.portal.common;

import clinic.portal.outbound.ProblemBody.Violation;
import java.util.ArrayList;
import java.util.List;

/** Small parsing helpers for form input that arrives as text, so a typo becomes an inline message, not a 400. */
public final class FormValues {

    private FormValues() {}

    public static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    /** Parses an optional whole number; records a violation for {@code field} when it is not one. */
    public static Integer integer(String value, String field, List<Violation> violations) {
        String v = blankToNull(value);
        if (v == null) {
            return null;
        }
        try {
            return Integer.valueOf(v);
        } catch (NumberFormatException e) {
            violations.add(new Violation(field, "must be a whole number"));
            return null;
        }
    }

    public static Double decimal(String value, String field, List<Violation> violations) {
        String v = blankToNull(value);
        if (v == null) {
            return null;
        }
        try {
            return Double.valueOf(v.replace(',', '.'));
        } catch (NumberFormatException e) {
            violations.add(new Violation(field, "must be a number"));
            return null;
        }
    }

    public static void required(String value, String field, List<Violation> violations) {
        if (blankToNull(value) == null) {
            violations.add(new Violation(field, "is required"));
        }
    }

    public static List<String> orEmpty(List<String> values) {
        return values == null ? new ArrayList<>() : values;
    }

    /** The i-th element of a parallel form list, or null when the browser sent fewer. */
    public static String at(List<String> values, int i) {
        return values != null && i < values.size() ? values.get(i) : null;
    }
}
