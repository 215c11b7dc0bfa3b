package clinic.patient.notify;

import clinic.kit.problem.DomainException;
import clinic.kit.problem.Problem;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The checks of a preferences form, collected so one answer names every wrong field: 422 problem+json, title
 * {@value #TITLE}, {@code violations} [{field, message}] (the message never repeats the value).
 */
final class PreferenceRules {

    static final String TITLE = "Invalid preferences";
    static final Set<String> LANGUAGES = Set.of("en", "es");

    private static final Pattern HH_MM = Pattern.compile("([01][0-9]|2[0-3]):[0-5][0-9]");
    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("HH:mm");

    private final List<Problem.Violation> violations = new ArrayList<>();

    boolean required(String field, Boolean value) {
        if (value == null) {
            violations.add(new Problem.Violation(field, "is required (true or false)"));
            return false;
        }
        return value;
    }

    /** A time of day as {@code HH:mm}; null when absent (and not required) or wrong. */
    LocalTime time(String field, String value, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                violations.add(new Problem.Violation(field, "is required, as HH:mm (e.g. 18:00)"));
            }
            return null;
        }
        if (!HH_MM.matcher(value).matches()) {
            violations.add(new Problem.Violation(field, "must be a time of day as HH:mm (00:00 to 23:59)"));
            return null;
        }
        return LocalTime.parse(value);
    }

    /** An IANA time zone id (Europe/London); null for none (the clinic's). */
    String zone(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (!ZoneId.getAvailableZoneIds().contains(value)) {
            violations.add(
                    new Problem.Violation(field, "must be a time zone such as Europe/London or America/New_York"));
            return null;
        }
        return value;
    }

    String language(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (!LANGUAGES.contains(value)) {
            violations.add(new Problem.Violation(field, "must be en or es"));
            return null;
        }
        return value;
    }

    /** Quiet hours: both or neither, as HH:mm, not equal (they may wrap midnight). Null when none or wrong. */
    LocalTime[] quietHours(String startField, String start, String endField, String end) {
        boolean hasStart = start != null && !start.isBlank();
        boolean hasEnd = end != null && !end.isBlank();
        if (hasStart != hasEnd) {
            violations.add(new Problem.Violation(
                    hasStart ? endField : startField,
                    "is required when " + (hasStart ? startField : endField) + " is set"));
            return null;
        }
        LocalTime s = time(startField, start, false);
        LocalTime e = time(endField, end, false);
        if (s == null || e == null) {
            return null;
        }
        if (s.equals(e)) {
            violations.add(new Problem.Violation(endField, "must differ from " + startField));
            return null;
        }
        return new LocalTime[] {s, e};
    }

    void refuse(String field, String message) {
        violations.add(new Problem.Violation(field, message));
    }

    /** Throws the 422 when anything was wrong. */
    void check() {
        if (violations.isEmpty()) {
            return;
        }
        String detail = String.join(
                "; ",
                violations.stream().map(v -> v.field() + " " + v.message()).toList());
        throw new DomainException.Refused(
                TITLE, "Some fields are not valid: " + detail + ".", Map.of("violations", List.copyOf(violations)));
    }

    static String format(LocalTime time) {
        return time == null ? null : FORMAT.format(time);
    }
}
