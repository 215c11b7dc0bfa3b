package clinic.portal.common;

import clinic.portal.i18n.Msg;
import clinic.portal.i18n.Texts;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.qute.TemplateExtension;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Questionnaire scores, time points, due states, risk groups and discharge reasons in plain words
 * ({@code {measure:…}} in templates). The scores, changes and whether the minimal important change is reached are the
 * service's; this only words them.
 */
@TemplateExtension(namespace = "measure")
public class MeasureWords {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The discharge reasons of the API, in the order the form offers them, with their words. */
    private static final Map<String, Function<Msg, String>> REASONS = new LinkedHashMap<>();

    static {
        REASONS.put("GOALS_MET", Msg::mw_goals_met);
        REASONS.put("SELF_MANAGING", Msg::mw_self_managing);
        REASONS.put("REFERRED_ON", Msg::mw_referred_on);
        REASONS.put("PATIENT_CHOICE", Msg::mw_patient_choice);
        REASONS.put("DID_NOT_ENGAGE", Msg::mw_did_not_engage);
        REASONS.put("OTHER", Msg::mw_other);
    }

    private static final Map<String, Function<Msg, String>> STATUS = Map.of(
            "DUE", Msg::mw_due,
            "OVERDUE", Msg::mw_overdue,
            "UPCOMING", Msg::mw_upcoming,
            "DONE", Msg::mw_done,
            "MISSED", Msg::mw_missed,
            "AT_DISCHARGE", Msg::mw_at_discharge);

    private MeasureWords() {}

    /** The words in the request's language (English outside a request). */
    private static Msg msg() {
        return Texts.msg();
    }

    public static List<String> reasons() {
        return List.copyOf(REASONS.keySet());
    }

    /** A discharge reason code in words; an unknown code in words of its own. */
    public static String reason(String code) {
        if (code == null) {
            return "";
        }
        Function<Msg, String> words = REASONS.get(code);
        return words != null ? words.apply(msg()) : code.replace('_', ' ').toLowerCase();
    }

    /** BASELINE, WEEK_n, DISCHARGE as people say it. */
    public static String timepoint(String code) {
        if (code == null) {
            return "";
        }
        if ("BASELINE".equals(code)) {
            return msg().mw_baseline();
        }
        if ("DISCHARGE".equals(code)) {
            return msg().mw_discharge();
        }
        if (code.startsWith("WEEK_")) {
            return msg().mw_week(code.substring("WEEK_".length()));
        }
        return code.replace('_', ' ').toLowerCase();
    }

    public static String status(String code) {
        if (code == null) {
            return "";
        }
        Function<Msg, String> words = STATUS.get(code);
        return words != null ? words.apply(msg()) : code.replace('_', ' ').toLowerCase();
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
        // A decimal comma in Spanish ("4,5"), a point in English.
        return String.format("es".equals(Texts.tag()) ? new Locale("es") : Locale.UK, "%.1f", value);
    }

    /**
     * A change from baseline in words: "3 points better (+3)", "2 points worse (+2)", "no change"; the direction comes
     * from whether a higher score is better, and without it only the signed number is given.
     */
    public static String change(Double change, Boolean higherIsBetter) {
        Msg msg = msg();
        if (change == null) {
            return msg.mw_no_earlier();
        }
        if (change == 0) {
            return msg.mw_no_change();
        }
        double size = Math.abs(change);
        String unit = size == 1 ? msg.mw_point() : msg.mw_points();
        String signed = (change > 0 ? "+" : "−") + score(size);
        if (higherIsBetter == null) {
            // The direction unknown (a summary that does not say): the number alone, never a guessed "better".
            return signed + " " + unit;
        }
        boolean better = higherIsBetter ? change > 0 : change < 0;
        return better ? msg.mw_better(score(size), unit, signed) : msg.mw_worse(score(size), unit, signed);
    }

    /** Whether the minimal important change is reached, for staff. */
    public static String mic(Boolean reached) {
        if (reached == null) {
            return "–";
        }
        return reached ? msg().mw_yes() : msg().mw_not_yet();
    }

    /** The same for a patient. */
    public static String micForPatient(Boolean reached) {
        if (reached == null) {
            return "";
        }
        return reached ? msg().mw_matters() : msg().mw_not_matters();
    }

    /** Which way is better, in words. */
    public static String direction(Boolean higherIsBetter) {
        if (higherIsBetter == null) {
            return "";
        }
        return higherIsBetter ? msg().mw_higher_better() : msg().mw_lower_better();
    }

    /** The minimal important change in words, from a number of points or the instrument's {points, percent, rule}. */
    public static String micText(JsonNode mic) {
        if (mic == null || mic.isNull() || mic.isMissingNode()) {
            return "";
        }
        if (mic.isNumber()) {
            return score(mic.asDouble()) + " " + msg().mw_points();
        }
        if (mic.hasNonNull("rule")) {
            return mic.get("rule").asText();
        }
        if (mic.hasNonNull("points")) {
            return score(mic.get("points").asDouble()) + " " + msg().mw_points();
        }
        if (mic.hasNonNull("percent")) {
            return score(mic.get("percent").asDouble()) + "%";
        }
        return "";
    }

    /** The minimal important change and whether it was reached, for the letter: "2 points: reached". */
    public static String micLine(JsonNode mic, Boolean reached) {
        String size = micText(mic);
        String state = reached == null ? "–" : reached ? msg().mw_reached() : msg().mw_not_reached();
        return size.isEmpty() ? state : size + ": " + state;
    }

    /** " (at least 2 points)" after a "Yes"/"Not yet", or nothing when the size is unknown. */
    public static String micHint(JsonNode mic) {
        String size = micText(mic);
        return size.isEmpty() ? "" : " " + msg().mw_at_least(size);
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
            case "LOW" -> msg().mw_low();
            case "MEDIUM" -> msg().mw_medium();
            case "HIGH" -> msg().mw_high();
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
