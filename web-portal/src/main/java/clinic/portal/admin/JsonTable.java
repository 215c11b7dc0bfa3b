package clinic.portal.admin;

import clinic.portal.i18n.Texts;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A JSON answer as a table: an array of objects (or a page object with {@code items}/{@code content}) becomes rows
 * with one column per field. Reports and audit entries are shown this way so their shape can grow without a portal
 * release. Values are text; Qute escapes them.
 */
public record JsonTable(List<String> columns, List<List<String>> rows) {

    public static JsonTable of(JsonNode node) {
        JsonNode items = node;
        if (node != null && node.isObject()) {
            for (String key : List.of("items", "content", "data", "entries", "rows")) {
                if (node.has(key) && node.get(key).isArray()) {
                    items = node.get(key);
                    break;
                }
            }
        }
        List<JsonNode> list = new ArrayList<>();
        if (items != null && items.isArray()) {
            items.forEach(list::add);
        } else if (items != null && items.isObject()) {
            return fieldsOf(items);
        }
        Set<String> columns = new LinkedHashSet<>();
        for (JsonNode row : list) {
            Iterator<String> names = row.fieldNames();
            names.forEachRemaining(columns::add);
        }
        List<List<String>> rows = new ArrayList<>();
        for (JsonNode row : list) {
            List<String> cells = new ArrayList<>();
            for (String column : columns) {
                JsonNode value = row.get(column);
                cells.add(text(value));
            }
            rows.add(cells);
        }
        return new JsonTable(List.copyOf(columns), rows);
    }

    /** A single object (such as an overview) as one row per field. */
    private static JsonTable fieldsOf(JsonNode object) {
        List<List<String>> rows = new ArrayList<>();
        object.fields().forEachRemaining(field -> rows.add(List.of(field.getKey(), text(field.getValue()))));
        return new JsonTable(List.of("field", "value"), rows);
    }

    private static String text(JsonNode value) {
        return value == null || value.isNull() ? "" : value.isValueNode() ? value.asText() : value.toString();
    }

    /**
     * The ids of the {@code patientId} column (reports carry patients as ids only), in row order without repeats;
     * cells that are not numbers are skipped.
     */
    public List<Long> patientIds() {
        int index = columns.indexOf("patientId");
        if (index < 0) {
            return List.of();
        }
        Set<Long> ids = new LinkedHashSet<>();
        for (List<String> row : rows) {
            try {
                ids.add(Long.valueOf(row.get(index)));
            } catch (NumberFormatException e) {
                // An empty or odd cell has no patient to name.
            }
        }
        return List.copyOf(ids);
    }

    /**
     * This table with a {@code patient} column after {@code patientId}: the name from {@code names}, else the id
     * itself (patient-service down or the patient not the caller's to see).
     */
    public JsonTable withPatientNames(Map<Long, String> names) {
        int index = columns.indexOf("patientId");
        if (index < 0) {
            return this;
        }
        List<String> newColumns = new ArrayList<>(columns);
        newColumns.add(index + 1, "patient");
        List<List<String>> newRows = new ArrayList<>();
        for (List<String> row : rows) {
            List<String> cells = new ArrayList<>(row);
            String id = row.get(index);
            String name = null;
            try {
                name = names.get(Long.valueOf(id));
            } catch (NumberFormatException e) {
                name = null;
            }
            cells.add(index + 1, name != null ? name : id);
            newRows.add(cells);
        }
        return new JsonTable(List.copyOf(newColumns), newRows);
    }

    public boolean isEmpty() {
        return rows.isEmpty();
    }

    /**
     * A column's heading for people: a report field the portal knows in the request's language, any other the field
     * name's words in sentence case ({@code weeksOnProgram} → "Weeks on
     * program", {@code last7DaysMean} → "Last 7 days mean", {@code patientId} → "Patient ID"). The CSV downloads keep
     * the field names.
     */
    public String heading(String column) {
        return headingOf(column, Texts.bundle(Reports.class));
    }

    /** The heading of a known report field in the bundle's language; a field the portal does not know yet, in English. */
    static String headingOf(String column, Reports words) {
        return switch (column) {
            case "physio" -> words.reports_column_physio();
            case "patients" -> words.reports_column_patients();
            case "activePrograms" -> words.reports_column_active_programs();
            case "meanAdherence" -> words.reports_column_mean_adherence();
            case "openAlerts" -> words.reports_column_open_alerts();
            case "improved" -> words.reports_column_improved();
            case "improvementRate" -> words.reports_column_improvement_rate();
            case "programId" -> words.reports_column_program_id();
            case "patientId" -> words.reports_column_patient_id();
            case "patient" -> words.reports_column_patient();
            case "phase" -> words.reports_column_phase();
            case "startedOn" -> words.reports_column_started_on();
            case "weeksOnProgram" -> words.reports_column_weeks_on_program();
            case "baseline" -> words.reports_column_baseline();
            case "last7DaysMean" -> words.reports_column_last_7days_mean();
            case "painChange" -> words.reports_column_pain_change();
            case "adherence" -> words.reports_column_adherence();
            case "rule" -> words.reports_column_rule();
            case "reason" -> words.reports_column_reason();
            case "loggedDays" -> words.reports_column_logged_days();
            case "prescribedDays" -> words.reports_column_prescribed_days();
            case "field" -> words.reports_column_field();
            case "value" -> words.reports_column_value();
            default -> headingOf(column);
        };
    }

    static String headingOf(String column) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < column.length(); i++) {
            char c = column.charAt(i);
            boolean startsWord = i > 0
                    && (Character.isUpperCase(c) || Character.isDigit(c) != Character.isDigit(column.charAt(i - 1)));
            if (c == '_' || c == ' ' || startsWord) {
                if (!word.isEmpty()) {
                    words.add(word.toString());
                    word.setLength(0);
                }
                if (c == '_' || c == ' ') {
                    continue;
                }
            }
            word.append(Character.toLowerCase(c));
        }
        if (!word.isEmpty()) {
            words.add(word.toString());
        }
        if (words.isEmpty()) {
            return column;
        }
        words.replaceAll(w -> w.equals("id") ? "ID" : w);
        String first = words.get(0);
        words.set(0, Character.toUpperCase(first.charAt(0)) + first.substring(1));
        return String.join(" ", words);
    }
}
