package clinic.portal.common;

import clinic.portal.i18n.Languages;
import clinic.portal.i18n.Texts;
import io.quarkus.qute.TemplateExtension;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.Locale;
import java.util.Map;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Dates and times from the APIs (ISO-8601 strings) as people read them: {@code {when:of(alert.createdAt)}} gives
 * "26 Nov 2026, 14:05" in the clinic's time zone ({@code clinic.portal.time-zone}, default the server's zone), and
 * "26 nov 2026, 14:05" on a Spanish page. A value that is not ISO-8601 is shown as it came, so a changed API format
 * degrades to the raw text, never to an error page.
 */
@TemplateExtension(namespace = "when")
public class TimeExtensions {

    /**
     * Spanish month abbreviations, lower case and without a dot ("2 dic 2026"), written out here rather than taken
     * from the JDK's Spanish locale, whose abbreviations changed between Java versions (with and without a dot): a
     * letter's date must not change with the server's Java.
     */
    private static final Map<Long, String> SPANISH_MONTHS = Map.ofEntries(
            Map.entry(1L, "ene"),
            Map.entry(2L, "feb"),
            Map.entry(3L, "mar"),
            Map.entry(4L, "abr"),
            Map.entry(5L, "may"),
            Map.entry(6L, "jun"),
            Map.entry(7L, "jul"),
            Map.entry(8L, "ago"),
            Map.entry(9L, "sept"),
            Map.entry(10L, "oct"),
            Map.entry(11L, "nov"),
            Map.entry(12L, "dic"));

    private record Formats(DateTimeFormatter date, DateTimeFormatter dateTime, DateTimeFormatter dateTimeSeconds) {}

    private static final Formats ENGLISH = new Formats(
            DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK),
            DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", Locale.UK),
            DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm:ss", Locale.UK));

    private static final Formats SPANISH = new Formats(spanish(""), spanish(", HH:mm"), spanish(", HH:mm:ss"));

    private static final java.util.regex.Pattern ISO_DATE_OR_TIME = java.util.regex.Pattern.compile(
            "\\d{4}-\\d{2}-\\d{2}(T\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?(Z|[+-]\\d{2}:\\d{2})?)?");

    private static DateTimeFormatter spanish(String time) {
        DateTimeFormatterBuilder b = new DateTimeFormatterBuilder()
                .appendValue(ChronoField.DAY_OF_MONTH)
                .appendLiteral(' ')
                .appendText(ChronoField.MONTH_OF_YEAR, SPANISH_MONTHS)
                .appendLiteral(' ')
                .appendPattern("yyyy");
        if (!time.isEmpty()) {
            b.appendPattern("'" + time.substring(0, 2) + "'" + time.substring(2));
        }
        return b.toFormatter(Locale.ROOT);
    }

    private static Formats formats(String language) {
        return "es".equals(language) ? SPANISH : ENGLISH;
    }

    /** An instant, offset date-time or date in the clinic's zone, in the request's language; empty for null. */
    public static String of(String iso) {
        return format(iso, zone(), Texts.tag());
    }

    /**
     * A table cell (generic JSON tables: reports, audit log): an ISO date or timestamp as people read it, seconds kept
     * for timestamps (an audit trail orders events by them); any other text as it came.
     */
    public static String cell(String text) {
        return cell(text, zone(), Texts.tag());
    }

    static String cell(String text, ZoneId zone) {
        return cell(text, zone, Languages.DEFAULT);
    }

    static String cell(String text, ZoneId zone, String language) {
        if (text == null || !ISO_DATE_OR_TIME.matcher(text).matches()) {
            return text == null ? "" : text;
        }
        Formats f = formats(language);
        return format(text, zone, f.date(), f.dateTimeSeconds());
    }

    static String format(String iso, ZoneId zone) {
        return format(iso, zone, Languages.DEFAULT);
    }

    static String format(String iso, ZoneId zone, String language) {
        Formats f = formats(language);
        return format(iso, zone, f.date(), f.dateTime());
    }

    private static String format(String iso, ZoneId zone, DateTimeFormatter date, DateTimeFormatter dateTime) {
        if (iso == null || iso.isBlank()) {
            return "";
        }
        try {
            if (iso.length() == 10) {
                return date.format(LocalDate.parse(iso));
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
