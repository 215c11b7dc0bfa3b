package clinic.patient.common;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.regex.Pattern;

/**
 * Date query parameters, parsed strictly: exactly {@code yyyy-MM-dd} (a real calendar day) or an ISO instant in UTC
 * ({@code 2026-11-26T10:00:00Z}), with a year from 1900 to 2100. Anything else is a 400 naming the parameter, never a
 * date silently cut or rolled over.
 */
public final class DateParams {

    public static final int MIN_YEAR = 1900;
    public static final int MAX_YEAR = 2100;

    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern INSTANT =
            Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?Z");
    private static final DateTimeFormatter STRICT_DATE =
            DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);

    private DateParams() {}

    /** A strict ISO date, or null when absent. */
    public static LocalDate date(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        try {
            if (DATE.matcher(v).matches()) {
                return inRange(field, LocalDate.parse(v, STRICT_DATE));
            }
        } catch (DateTimeException e) {
            // fall through to the 400 below
        }
        throw new BadRequestProblem(field, "must be an ISO date such as 2026-11-26");
    }

    /**
     * A date (the start of that day in UTC, or the start of the next day when {@code endOfDay}: "to=2026-11-26"
     * includes that day) or an instant.
     */
    public static Instant instant(String field, String value, boolean endOfDay) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        try {
            if (DATE.matcher(v).matches()) {
                LocalDate day = inRange(field, LocalDate.parse(v, STRICT_DATE));
                return (endOfDay ? day.plusDays(1) : day)
                        .atStartOfDay(ZoneOffset.UTC)
                        .toInstant();
            }
            if (INSTANT.matcher(v).matches()) {
                Instant instant = Instant.parse(v);
                inRange(field, LocalDate.ofInstant(instant, ZoneOffset.UTC));
                return instant;
            }
        } catch (DateTimeException e) {
            // fall through to the 400 below
        }
        throw new BadRequestProblem(field, "must be an ISO date (2026-11-26) or instant (2026-11-26T10:00:00Z)");
    }

    private static LocalDate inRange(String field, LocalDate day) {
        if (day.getYear() < MIN_YEAR || day.getYear() > MAX_YEAR) {
            throw new BadRequestProblem(field, "must be a date from " + MIN_YEAR + " to " + MAX_YEAR);
        }
        return day;
    }
}
