package clinic.portal.notify;

import io.quarkus.qute.TemplateExtension;
import java.util.Locale;
import java.util.Map;

/**
 * The outbox's codes in words for the e-mail pages ({@code mail:status(..)}, {@code mail:kind(..)}): its statuses
 * are not the patient or account statuses {@code label:of} knows (an e-mail's PENDING is not an invitation's).
 */
@TemplateExtension(namespace = "mail")
public final class MailWords {

    private static final Map<String, String> STATUSES = Map.of(
            "PENDING", "Waiting to be sent",
            "SENDING", "Being sent",
            "SENT", "Sent",
            "FAILED", "Failed",
            "UNCERTAIN", "Uncertain",
            "SKIPPED", "Skipped",
            "CANCELLED", "Cancelled");

    private static final Map<String, String> KINDS = Map.of(
            "EXERCISE_REMINDER", "Exercise reminder",
            "INACTIVITY_NUDGE", "Check-in after days without a session",
            "MEASURE_DUE", "Questionnaire due",
            "PROGRAM_CHANGED", "Program changed",
            "PROGRAM_PAUSED", "Program paused or resumed",
            "URGENT_ALERT", "Urgent alert",
            "ALERT_DIGEST", "Daily alert digest",
            "WEEKLY_SUMMARY", "Weekly summary");

    private static final Map<String, String> REASONS = Map.ofEntries(
            Map.entry("LOGGED_TODAY", "Today's session was already logged"),
            Map.entry("NO_PROGRAM", "No current program"),
            Map.entry("ON_HOLD", "Program on hold"),
            Map.entry("OPTED_OUT", "Switched off by the recipient"),
            Map.entry("NUDGE_SENT", "A check-in e-mail went instead"),
            Map.entry("DISCHARGED", "Discharged"),
            Map.entry("NO_EMAIL", "No e-mail address"),
            Map.entry("NO_LOGIN", "No login"),
            Map.entry("EMAIL_NOT_VERIFIED", "Address not verified"),
            Map.entry("EMAIL_DIFFERS_FROM_LOGIN", "Address differs from the login's"),
            Map.entry("PATIENT_INACTIVE", "Patient not active"),
            Map.entry("LOGIN_DISABLED", "Login disabled"));

    private MailWords() {}

    /** A reason code in words with the code itself, which is what the logs and the docs name. */
    public static String reason(String code) {
        if (code == null || code.isBlank()) {
            return "";
        }
        String words = REASONS.get(code);
        return words == null ? code : words + " (" + code + ")";
    }

    public static String status(String code) {
        return code == null ? "" : STATUSES.getOrDefault(code, words(code));
    }

    public static String kind(String code) {
        return code == null ? "" : KINDS.getOrDefault(code, words(code));
    }

    private static String words(String code) {
        String w = code.replace('_', ' ').toLowerCase(Locale.ROOT);
        return w.isEmpty() ? w : Character.toUpperCase(w.charAt(0)) + w.substring(1);
    }
}
