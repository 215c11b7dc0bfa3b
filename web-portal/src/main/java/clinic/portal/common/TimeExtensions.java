package clinic.portal.common;

import io.quarkus.qute.TemplateExtension;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Dates and times from the APIs (ISO-8601 strings) as people read them: {@code {when:of(alert.createdAt)}} gives
 * "26 Nov 2026, 14:05" in the clinic's time zone ({@code clinic.portal.time-zone}, default the server's zone).
 * A value that is not ISO-8601 is shown as it came, so a changed API format degrades to the raw text, never to an
 * error page.
 */
@TemplateExtension(namespace = "when")
public class TimeExtensions {

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", Locale.UK);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK);
    private static final DateTimeFormatter DATE_TIME_SECONDS =
            DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm:ss", Locale.UK);
    private static final java.util.regex.Pattern ISO_DATE_OR_TIME = java.util.regex.Pattern.compile(
            "\\d{4}-\\d{2}-\\d{2}(T\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?(Z|[+-]\\d{2}:\\d{2})?)?");

    /** An instant, offset date-time or date in the clinic's zone; empty for null. */
    public static String of(String iso) {
        return format(iso, zone());
    }

    /**
     * A table cell (generic JSON tables: reports, audit log): an ISO date or timestamp as people read it, seconds kept
     * for timestamps (an audit trail orders events by them); any other text as it came.
     */
    public static String cell(String text) {
        return cell(text, zone());
    }

    static String cell(String text, ZoneId zone) {
        if (text == null || !ISO_DATE_OR_TIME.matcher(text).matches()) {
            return text == null ? "" : text;
        }
        return format(text, zone, DATE_TIME_SECONDS);
    }

    static String format(String iso, ZoneId zone) {
        return format(iso, zone, DATE_TIME);
    }

    private static String format(String iso, ZoneId zone, DateTimeFormatter dateTime) {
        if (iso == null || iso.isBlank()) {
            return "";
        }
        try {
            if (iso.length() == 10) {
                return DATE.format(LocalDate.parse(iso));
            }
            if (iso.endsWith("Z")) {
                return dateTime.format(Instant.parse(iso).atZone(zone));
            }
            if (iso.matches(".*[+-]\\d{2}:\\d{2}$")) {
                return dateTime.format(OffsetDateTime.parse(iso).atZoneSameInstant(zone));
            }
            // program-service writes local date-times in the clinic's own zone: shown as they are
            return dateTime.format(LocalDateTime.parse(iso));
        } catch (DateTimeParseException e) {
            return iso;
        }
    }

    private static ZoneId zone() {
        try {
            return ConfigProvider.getConfig()
                    .getOptionalValue("clinic.portal.time-zone", String.class)
                    .map(ZoneId::of)
                    .orElseGet(ZoneId::systemDefault);
        } catch (DateTimeException e) {
            return ZoneId.systemDefault();
        }
    }
}
