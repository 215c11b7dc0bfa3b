package clinic.portal.admin;

import clinic.portal.common.FormValues;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The filter of the reports page ({@code from}, {@code to} as ISO dates, {@code physio} user name, {@code protocol}
 * code), passed unchanged
 * to every report call; program-service applies its defaults and answers 400 for a bad period. Blank fields are
 * null so they are left out of the service call and of the links.
 */
public record ReportFilter(String from, String to, String physio, String protocol) {

    public static ReportFilter of(String from, String to, String physio) {
        return of(from, to, physio, null);
    }

    /** With a protocol code ({@code protocol}: every version of it). */
    public static ReportFilter of(String from, String to, String physio, String protocol) {
        return new ReportFilter(
                FormValues.blankToNull(from),
                FormValues.blankToNull(to),
                FormValues.blankToNull(physio),
                FormValues.blankToNull(protocol));
    }

    /** The CSV download of one report with this filter. */
    public String csvHref(String report) {
        return "/admin/reports/" + report + ".csv" + query(null, null);
    }

    /**
     * The reports page with this filter and the next page of one paged report ({@code adherence} or {@code
     * referrals}); the other paged report starts again at its first page.
     */
    public String nextHref(String report, String cursor) {
        return "/admin/reports" + query(AdminPages.cursorParameter(report), cursor) + "#report-" + report;
    }

    private String query(String cursorName, String cursor) {
        List<String> parts = new ArrayList<>();
        add(parts, "from", from);
        add(parts, "to", to);
        add(parts, "physio", physio);
        add(parts, "protocol", protocol);
        if (cursorName != null) {
            add(parts, cursorName, cursor);
        }
        return parts.isEmpty() ? "" : "?" + String.join("&", parts);
    }

    private static void add(List<String> parts, String name, String value) {
        if (value != null) {
            parts.add(name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8));
        }
    }
}
