package clinic.portal.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.qute.TemplateExtension;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Questionnaire scores, time points, due states, risk groups and discharge reasons in plain words
 * ({@code {measure:…}} in templates). The scores, changes and whether the minimal important change is reached are the
 * service's; this only words them.
 */
@TemplateExtension(namespace = "measure")
public class MeasureWords {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The discharge reasons of the API, in the order the form offers them. */
    private static final Map<String, String> REASONS = new LinkedHashMap<>();

    static {
        REASONS.put("GOALS_MET", "Goals met");
        REASONS.put("SELF_MANAGING", "Self-managing: continues the exercises on their own");
        REASONS.put("REFERRED_ON", "Referred on to another service");
        REASONS.put("PATIENT_CHOICE", "Patient's choice to stop");
        REASONS.put("DID_NOT_ENGAGE", "Did not engage with the program");
        REASONS.put("OTHER", "Other (say why in the summary)");
    }

    private static final Map<String, String> STATUS = Map.of(
            "DUE", "Due now",
            "OVERDUE", "Overdue",
            "UPCOMING", "Not yet open",
            "DONE", "Done",
            "MISSED", "Missed",
            "AT_DISCHARGE", "At discharge");

    private MeasureWords() {}

    public static List<String> reasons() {
        return List.copyOf(REASONS.keySet());
    }

    /** A discharge reason code in words; an unknown code in words of its own. */
    public static String reason(String code) {
        if (code == null) {
            return "";
        }
        return REASONS.getOrDefault(code, code.replace('_', ' ').toLowerCase());
    }

    /** BASELINE, WEEK_n, DISCHARGE as people say it. */
    public static String timepoint(String code) {
        if (code == null) {
            return "";
        }
        if ("BASELINE".equals(code)) {
            return "Start of the program";
        }
        if ("DISCHARGE".equals(code)) {
            return "End of the program";
        }
        if (code.startsWith("WEEK_")) {
            return "Week " + code.substring("WEEK_".length());
        }
        return code.replace('_', ' ').toLowerCase();
    }

    public static String status(String code) {
        return code == null
                ? ""
                : STATUS.getOrDefault(code, code.replace('_', ' ').toLowerCase());
    }

    /** A badge class for a due state; the word is always shown too (never colour alone). */
    public static String statusCss(String code) {
        if ("OVERDUE".equals(code) || "MISSED".equals(code)) {
            return "danger";
        }
        if ("DUE".equals(code) || "AT_DISCHARGE".equals(code)) {
            return "warn";
        }
        return "DONE".equals(code) ? "ok" : "";
    }

    /** A score without a trailing ".0"; a dash when there is none. */
    public static String score(Double value) {
        if (value == null) {
            return "–";
        }
        if (value == Math.rint(value)) {
            return Long.toString(Math.round(value));
        }
        return String.format(java.util.Locale.UK, "%.1f", value);
    }

    /**
     * A change from baseline in words: "3 points better (+3)", "2 points worse (+2)", "no change"; the direction comes
     * from whether a higher score is better, and without it only the signed number is given.
     */
    public static String change(Double change, Boolean higherIsBetter) {
        if (change == null) {
            return "no earlier score to compare with";
        }
        if (change == 0) {
            return "no change";
        }
        double size = Math.abs(change);
        if (higherIsBetter == null) {
            // The direction unknown (a summary that does not say): the number alone, never a guessed "better".
            return (change > 0 ? "+" : "−") + score(size) + (size == 1 ? " point" : " points");
        }
        boolean better = higherIsBetter ? change > 0 : change < 0;
        return score(size) + (size == 1 ? " point " : " points ") + (better ? "better" : "worse") + " ("
                + (change > 0 ? "+" : "−") + score(size) + ")";
    }

    /** Whether the minimal important change is reached, for staff. */
    public static String mic(Boolean reached) {
        if (reached == null) {
            return "–";
        }
        return reached ? "Yes" : "Not yet";
    }

    /** The same for a patient. */
    public static String micForPatient(Boolean reached) {
        if (reached == null) {
            return "";
        }
        return reached
                ? "That is a change that matters: big enough for you to notice in daily life."
                : "Not yet the size of change most people notice in daily life.";
    }

    /** Which way is better, in words. */
    public static String direction(Boolean higherIsBetter) {
        if (higherIsBetter == null) {
            return "";
        }
        return higherIsBetter ? "higher is better" : "lower is better";
    }

    /** The minimal important change in words, from a number of points or the instrument's {points, percent, rule}. */
    public static String micText(JsonNode mic) {
        if (mic == null || mic.isNull() || mic.isMissingNode()) {
            return "";
        }
        if (mic.isNumber()) {
            return score(mic.asDouble()) + " points";
        }
        if (mic.hasNonNull("rule")) {
            return mic.get("rule").asText();
        }
        if (mic.hasNonNull("points")) {
            return score(mic.get("points").asDouble()) + " points";
        }
        if (mic.hasNonNull("percent")) {
            return score(mic.get("percent").asDouble()) + "%";
        }
        return "";
    }

    /** The minimal important change and whether it was reached, for the letter: "2 points: reached". */
    public static String micLine(JsonNode mic, Boolean reached) {
        String size = micText(mic);
        String state = reached == null ? "–" : reached ? "reached" : "not reached";
        return size.isEmpty() ? state : size + ": " + state;
    }

    /** " (at least 2 points)" after a "Yes"/"Not yet", or nothing when the size is unknown. */
    public static String micHint(JsonNode mic) {
        String size = micText(mic);
        return size.isEmpty() ? "" : " (at least " + size + ")";
    }

    /** The source of the minimal important change, when the service gives one. */
    public static String micSource(JsonNode mic) {
        return mic != null && mic.hasNonNull("source") ? mic.get("source").asText() : "";
    }

    /** LOW/MEDIUM/HIGH of the risk screen in words. */
    public static String risk(String group) {
        if (group == null) {
            return "";
        }
        return switch (group) {
            case "LOW" -> "Low risk";
            case "MEDIUM" -> "Medium risk";
            case "HIGH" -> "High risk";
            default -> group.replace('_', ' ').toLowerCase();
        };
    }

    /** Badge class for a risk group; the words are always shown too. */
    public static String riskCss(String group) {
        if ("HIGH".equals(group)) {
            return "danger";
        }
        return "MEDIUM".equals(group) ? "warn" : "ok";
    }

    /** A value as JSON for a {@code data-} attribute (the CSP allows no inline script). */
    public static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            return "[]";
        }
    }
}
