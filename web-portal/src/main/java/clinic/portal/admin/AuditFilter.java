package clinic.portal.admin;

import clinic.portal.common.FormValues;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The audit page's filter as typed: patient number, user name, action, dates (ISO, inclusive) and the page. Passed
 * unchanged to both services' {@code GET /api/audit}; a patient number that is not a number filters nothing.
 */
public record AuditFilter(String patientId, String user, String action, String from, String to, int page) {

    public static AuditFilter of(String patientId, String user, String action, String from, String to, Integer page) {
        return new AuditFilter(
                FormValues.blankToNull(patientId),
                FormValues.blankToNull(user),
                FormValues.blankToNull(action),
                FormValues.blankToNull(from),
                FormValues.blankToNull(to),
                page == null || page < 0 ? 0 : page);
    }

    public Long patientNumber() {
        try {
            return patientId == null ? null : Long.valueOf(patientId.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The filter as a query string (URL-encoded, without the page), for the CSV link and the pager. */
    public String query() {
        List<String> parts = new ArrayList<>();
        add(parts, "patientId", patientId);
        add(parts, "user", user);
        add(parts, "action", action);
        add(parts, "from", from);
        add(parts, "to", to);
        return String.join("&", parts);
    }

    private static void add(List<String> parts, String name, String value) {
        if (value != null) {
            parts.add(name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8));
        }
    }
}
