package clinic.portal.common;

import clinic.portal.outbound.AuditApi.Entry;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * Both services' audit trails as one: entries ordered by time, newest first, and written as CSV that a spreadsheet
 * opens without running anything (cells that start like a formula are prefixed with an apostrophe).
 */
public final class AuditMerge {

    /** The CSV columns: the API's field names. */
    public static final List<String> CSV_COLUMNS = List.of(
            "at", "service", "user", "role", "action", "patientId", "programId", "outcome", "reason", "requestId");

    private static final Comparator<Entry> NEWEST_FIRST = Comparator.comparing(
                    (Entry e) -> instant(e.at()), Comparator.nullsLast(Comparator.reverseOrder()))
            .thenComparing(e -> e.service() == null ? "" : e.service())
            .thenComparing(e -> e.id() == null ? 0L : e.id(), Comparator.reverseOrder());

    private AuditMerge() {}

    /** All entries of the given lists, newest first; entries without a readable time come last. */
    @SafeVarargs
    public static List<Entry> newestFirst(Collection<Entry>... lists) {
        List<Entry> all = new ArrayList<>();
        for (Collection<Entry> list : lists) {
            if (list != null) {
                all.addAll(list);
            }
        }
        all.sort(NEWEST_FIRST);
        return all;
    }

    public static Instant instant(String at) {
        if (at == null) {
            return null;
        }
        try {
            return Instant.parse(at);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** The entries as CSV with a header line; CRLF line ends (RFC 4180). */
    public static String csv(List<Entry> entries) {
        StringBuilder out = new StringBuilder(String.join(",", CSV_COLUMNS)).append("\r\n");
        for (Entry e : entries) {
            List<String> cells = List.of(
                    text(e.at()),
                    text(e.service()),
                    text(e.user()),
                    text(e.role()),
                    text(e.action()),
                    e.patientId() == null ? "" : e.patientId().toString(),
                    e.programId() == null ? "" : e.programId().toString(),
                    text(e.outcome()),
                    text(e.reason()),
                    text(e.requestId()));
            out.append(String.join(",", cells.stream().map(AuditMerge::cell).toList()))
                    .append("\r\n");
        }
        return out.toString();
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }

    /**
     * One CSV cell: a value starting with {@code = + - @}, tab or carriage return is prefixed with {@code '} so a
     * spreadsheet shows it as text (formula injection, e.g. through a break-the-glass reason); quoted when needed.
     */
    static String cell(String value) {
        String safe = value;
        if (!safe.isEmpty() && "=+-@\t\r".indexOf(safe.charAt(0)) >= 0) {
            safe = "'" + safe;
        }
        if (safe.indexOf(',') >= 0 || safe.indexOf('"') >= 0 || safe.indexOf('\n') >= 0 || safe.indexOf('\r') >= 0) {
            safe = "\"" + safe.replace("\"", "\"\"") + "\"";
        }
        return safe;
    }
}
