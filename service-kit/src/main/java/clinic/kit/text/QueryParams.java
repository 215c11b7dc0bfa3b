package clinic.kit.text;

import clinic.kit.problem.DomainException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.regex.Pattern;

/**
 * Query parameters taken as text and checked here, so a bad value is a 400 naming the parameter (JAX-RS would answer
 * a number it cannot convert with a 404, as if the path did not exist, and a date it cannot parse with a 500).
 */
public final class QueryParams {

    private static final Pattern INSTANT =
            Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?Z");

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

    /** A plain ISO date ({@code yyyy-MM-dd}) within {@link StrictDates#MIN} and {@link StrictDates#MAX}, or null. */
    public static LocalDate date(String field, String value) {
        return StrictDates.queryParam(field, value);
    }

    /**
     * A date (the start of that day in UTC, or the start of the next day when {@code endOfDay}: "to=2026-11-26"
     * includes that day) or an ISO instant in UTC ({@code 2026-11-26T10:00:00Z}); null when absent.
     */
    public static Instant instant(String field, String value, boolean endOfDay) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        LocalDate day = StrictDates.parseOrNull(v);
        if (day != null) {
            return (endOfDay ? day.plusDays(1) : day)
                    .atStartOfDay(ZoneOffset.UTC)
                    .toInstant();
        }
        if (INSTANT.matcher(v).matches()) {
            try {
                Instant instant = Instant.parse(v);
                LocalDate on = LocalDate.ofInstant(instant, ZoneOffset.UTC);
                if (!on.isBefore(StrictDates.MIN) && !on.isAfter(StrictDates.MAX)) {
                    return instant;
                }
            } catch (DateTimeException e) {
                // answered below
            }
        }
        throw new DomainException.Invalid(field, "must be an ISO date (2026-11-26) or instant (2026-11-26T10:00:00Z)");
    }
}
