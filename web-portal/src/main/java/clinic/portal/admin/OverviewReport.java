package clinic.portal.admin;

import clinic.portal.i18n.Texts;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * The overview report as figures and chart series. The series go to the page twice: as JSON strings for {@code data-}
 * attributes (the CSP forbids inline script, so {@code /js/charts.js} reads them) and as table rows, so the page
 * says everything without JavaScript. Missing fields become empty lists or "–" rather than an error, so a service
 * that adds or drops a field does not break the page.
 */
public record OverviewReport(
        String activePrograms,
        String activePatients,
        String medianPainChange,
        List<Improvement> improvement,
        List<Point> openAlerts,
        List<Point> programsByPhase,
        List<Point> sessionsPerWeek,
        List<Point> adherenceDistribution,
        String programsByPhaseJson,
        String sessionsPerWeekJson,
        String adherenceDistributionJson) {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String NONE = "–";

    /** One bar or point: its label and its value (null when the service has none, e.g. an empty period). */
    public record Point(String label, Number value) {

        public String shown() {
            return value == null ? NONE : value.toString();
        }

        /** An alert severity's label (URGENT, HIGH, MEDIUM, LOW) in the request's language; any other as it came. */
        public String severity() {
            Reports words = Texts.bundle(Reports.class);
            return switch (label == null ? "" : label) {
                case "URGENT" -> words.reports_severity_urgent();
                case "HIGH" -> words.reports_severity_high();
                case "MEDIUM" -> words.reports_severity_medium();
                case "LOW" -> words.reports_severity_low();
                default -> label;
            };
        }
    }

    /** Improvement by week 4 or 8: programs that reached that week, how many improved, and the share. */
    public record Improvement(String week, String programs, String improved, String percent) {}

    public static OverviewReport of(JsonNode node) {
        List<Point> phases = points(node, "programsByPhase", "phase", "programs");
        List<Point> weeks = points(node, "sessionsPerWeek", "weekStart", "sessions");
        List<Point> buckets = points(node, "adherenceDistribution", "bucket", "programs");
        List<Improvement> improvement = new ArrayList<>();
        for (JsonNode row : array(node, "improvement")) {
            improvement.add(new Improvement(
                    text(row.get("week")),
                    text(row.get("programs")),
                    text(row.get("improved")),
                    text(row.get("percent"))));
        }
        return new OverviewReport(
                text(node.get("activePrograms")),
                text(node.get("activePatients")),
                text(node.get("medianPainChange")),
                improvement,
                points(node, "openAlerts", "severity", "open"),
                phases,
                weeks,
                buckets,
                toJson(phases),
                toJson(weeks),
                toJson(buckets));
    }

    private static List<Point> points(JsonNode node, String field, String labelField, String valueField) {
        List<Point> points = new ArrayList<>();
        for (JsonNode row : array(node, field)) {
            JsonNode value = row.get(valueField);
            Number number = value != null && value.isNumber() ? value.numberValue() : null;
            String label = text(row.get(labelField));
            if ("weekStart".equals(labelField) && row.hasNonNull("isoWeek")) {
                // "2026-W47 (2026-11-16)": the ISO week people use plus the date the week begins; a week the period
                // cuts says so, or its smaller count would read as a drop in sessions.
                label = row.get("isoWeek").asText() + " (" + label + partOfWeek(label, node) + ")";
            }
            points.add(new Point(label, number));
        }
        return points;
    }

    /** ", from 2026-09-03 only" / ", to 2026-11-26 only" when the period starts or ends inside the week. */
    private static String partOfWeek(String weekStart, JsonNode node) {
        try {
            LocalDate monday = LocalDate.parse(weekStart);
            LocalDate from =
                    node.hasNonNull("from") ? LocalDate.parse(node.get("from").asText()) : null;
            LocalDate to =
                    node.hasNonNull("to") ? LocalDate.parse(node.get("to").asText()) : null;
            Reports words = Texts.bundle(Reports.class);
            if (from != null && monday.isBefore(from)) {
                return words.reports_week_from_only(from.toString());
            }
            if (to != null && monday.plusDays(6).isAfter(to)) {
                return words.reports_week_to_only(to.toString());
            }
        } catch (DateTimeParseException e) {
            // A label the service did not send as a date is shown as it came.
        }
        return "";
    }

    private static Iterable<JsonNode> array(JsonNode node, String field) {
        JsonNode array = node == null ? null : node.get(field);
        return array != null && array.isArray() ? array : List.of();
    }

    private static String text(JsonNode value) {
        return value == null || value.isNull() ? NONE : value.asText();
    }

    private static String toJson(List<Point> points) {
        try {
            return JSON.writeValueAsString(points.stream()
                    .map(p -> new ChartPoint(p.label(), p.value()))
                    .toList());
        } catch (JsonProcessingException e) {
            return "[]";
        }
    }

    /** The shape {@code /js/charts.js} reads: {@code [{"label": "...", "value": 3}]}. */
    private record ChartPoint(String label, Number value) {}
}
