package clinic.portal.outbound;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * patient-service's e-mail notification payloads (issue 20): the patient's preferences ({@code /api/me/preferences}),
 * a staff login's switches ({@code /api/staff/me/notifications}), the unsubscribe link ({@code
 * /api/notifications/unsubscribe}) and the admin view of the outbox ({@code /api/notifications}). Unknown fields are
 * ignored so the service may add more.
 */
public final class NotificationApi {

    private NotificationApi() {}

    /** A patient's e-mail preferences as patient-service shows them, with their address and whether it may be used. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Preferences(
            String email,
            Boolean emailVerified,
            String emailStatus,
            Boolean emailEnabled,
            Boolean exerciseReminder,
            Boolean inactivityNudge,
            Boolean measureDue,
            Boolean programUpdate,
            String reminderTime,
            String timeZone,
            String quietStart,
            String quietEnd,
            String language,
            String updatedAt) {}

    /**
     * What the preferences form sends ({@code PUT /api/me/preferences}): every field, {@code null} quiet hours for
     * none. The address and its verification are not sent: they are read-only (the clinic changes the address).
     */
    public record PreferencesChange(
            boolean emailEnabled,
            boolean exerciseReminder,
            boolean inactivityNudge,
            boolean measureDue,
            boolean programUpdate,
            String reminderTime,
            String timeZone,
            String quietStart,
            String quietEnd,
            String language) {}

    /** A staff login's e-mail switches; {@code urgentAlerts} is always true (cannot be switched off). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record StaffPreferences(
            String email,
            Boolean emailVerified,
            String emailStatus,
            Boolean urgentAlerts,
            Boolean dailyDigest,
            Boolean weeklySummary,
            String timeZone,
            String language) {}

    /**
     * What the staff form sends ({@code PUT /api/staff/me/notifications}): both switches (required) and the time zone
     * as read (null: the clinic's), so saving the switches never changes it; the e-mails' language as chosen.
     */
    public record StaffPreferencesChange(
            boolean dailyDigest, boolean weeklySummary, String timeZone, String language) {}

    /** The body of {@code POST /api/notifications/unsubscribe}: the signed token from the e-mail's link. */
    public record UnsubscribeRequest(String token) {}

    /** What an unsubscribe link would stop ({@code GET /api/notifications/unsubscribe?token=}); nothing changed. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record UnsubscribeLink(String kind, String audience, String description) {}

    /** The answer to a used unsubscribe link: that kind is off now. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Unsubscribed(String kind, Boolean stopped, String audience) {}

    /** One row of the outbox as the admin view lists it; never an address or a body. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Row(
            Long id,
            String kind,
            Long patientId,
            String clinicNumber,
            String recipient,
            String localDay,
            String status,
            String reason,
            Integer attempts,
            String lastError,
            String createdAt,
            String sentAt) {}

    /** A page of outbox rows, newest first. */
    public record RowPage(List<Row> items, Integer page, Integer size, Integer totalPages, Long total) {

        private static final ObjectMapper JSON =
                new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

        /**
         * Reads the service's page: an object with the rows under {@code items} (or {@code content}, {@code rows},
         * {@code notifications}, {@code data}) and {@code page} (from 0), {@code size}, {@code total} (or {@code
         * totalPages}); a bare array is one page of rows.
         */
        public static RowPage of(JsonNode node) {
            if (node == null || node.isNull()) {
                return new RowPage(List.of(), 0, 0, 0, 0L);
            }
            JsonNode array = node.isArray() ? node : null;
            if (array == null) {
                for (String name : List.of("items", "content", "rows", "notifications", "data")) {
                    if (node.path(name).isArray()) {
                        array = node.get(name);
                        break;
                    }
                }
            }
            List<Row> rows = new ArrayList<>();
            if (array != null) {
                for (JsonNode row : array) {
                    rows.add(JSON.convertValue(row, Row.class));
                }
            }
            Integer page = node.path("page").isNumber() ? node.get("page").asInt() : null;
            Integer size = node.path("size").isNumber() ? node.get("size").asInt() : null;
            Integer totalPages =
                    node.path("totalPages").isNumber() ? node.get("totalPages").asInt() : null;
            Long total = node.path("total").isNumber()
                    ? Long.valueOf(node.get("total").asLong())
                    : node.path("totalItems").isNumber()
                            ? Long.valueOf(node.get("totalItems").asLong())
                            : null;
            return new RowPage(rows, page, size, totalPages, total);
        }

        /** Whether older rows follow this page. */
        public boolean hasNext() {
            if (page == null) {
                return false;
            }
            if (totalPages != null) {
                return page + 1 < totalPages;
            }
            return size != null && total != null && (long) (page + 1) * size < total;
        }
    }

    /** The outbox's counts by status over the last 7 days, in the service's order. */
    public record Summary(String from, String to, Map<String, Long> counts) {

        /**
         * Reads the service's summary: counts as an object ({@code {"SENT": 3, ...}}) or a list of {@code {status,
         * count}}, under {@code counts}, {@code byStatus} or {@code statuses}, or the counts as the document itself;
         * {@code from} and {@code to} when given.
         */
        public static Summary of(JsonNode node) {
            Map<String, Long> counts = new LinkedHashMap<>();
            if (node == null || node.isNull()) {
                return new Summary(null, null, counts);
            }
            JsonNode source = node;
            for (String name : List.of("counts", "byStatus", "statuses")) {
                if (node.has(name)) {
                    source = node.get(name);
                    break;
                }
            }
            if (source.isArray()) {
                for (JsonNode entry : source) {
                    String status = entry.path("status").asText(null);
                    if (status != null) {
                        counts.merge(status, entry.path("count").asLong(0), Long::sum);
                    }
                }
            } else if (source.isObject()) {
                source.fields().forEachRemaining(field -> {
                    if (field.getValue().isNumber()) {
                        counts.put(field.getKey(), field.getValue().asLong());
                    }
                });
            }
            String from = node.path("from").isTextual() ? node.get("from").asText() : null;
            String to = node.path("to").isTextual() ? node.get("to").asText() : null;
            return new Summary(from, to, counts);
        }
    }
}
