package clinic.portal.notify;

import clinic.portal.i18n.Msg;
import clinic.portal.i18n.Texts;
import io.quarkus.qute.TemplateExtension;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The outbox's codes in words for the e-mail pages ({@code mail:status(..)}, {@code mail:kind(..)}): its statuses
 * are not the patient or account statuses {@code label:of} knows (an e-mail's PENDING is not an invitation's).
 */
@TemplateExtension(namespace = "mail")
public final class MailWords {

    private static final Map<String, Function<Msg, String>> STATUSES = Map.ofEntries(
            Map.entry("PENDING", Msg::mail_status_pending),
            Map.entry("SENDING", Msg::mail_status_sending),
            Map.entry("SENT", Msg::mail_status_sent),
            Map.entry("FAILED", Msg::mail_status_failed),
            Map.entry("UNCERTAIN", Msg::mail_status_uncertain),
            Map.entry("SKIPPED", Msg::mail_status_skipped),
            Map.entry("CANCELLED", Msg::mail_status_cancelled));

    private static final Map<String, Function<Msg, String>> KINDS = Map.ofEntries(
            Map.entry("EXERCISE_REMINDER", Msg::mail_kind_exercise_reminder),
            Map.entry("INACTIVITY_NUDGE", Msg::mail_kind_inactivity_nudge),
            Map.entry("MEASURE_DUE", Msg::mail_kind_measure_due),
            Map.entry("PROGRAM_CHANGED", Msg::mail_kind_program_changed),
            Map.entry("PROGRAM_PAUSED", Msg::mail_kind_program_paused),
            Map.entry("URGENT_ALERT", Msg::mail_kind_urgent_alert),
            Map.entry("ALERT_DIGEST", Msg::mail_kind_alert_digest),
            Map.entry("WEEKLY_SUMMARY", Msg::mail_kind_weekly_summary));

    private static final Map<String, Function<Msg, String>> REASONS = Map.ofEntries(
            Map.entry("LOGGED_TODAY", Msg::mail_reason_logged_today),
            Map.entry("NO_PROGRAM", Msg::mail_reason_no_program),
            Map.entry("ON_HOLD", Msg::mail_reason_on_hold),
            Map.entry("OPTED_OUT", Msg::mail_reason_opted_out),
            Map.entry("NUDGE_SENT", Msg::mail_reason_nudge_sent),
            Map.entry("DISCHARGED", Msg::mail_reason_discharged),
            Map.entry("NO_EMAIL", Msg::mail_reason_no_email),
            Map.entry("NO_LOGIN", Msg::mail_reason_no_login),
            Map.entry("EMAIL_NOT_VERIFIED", Msg::mail_reason_email_not_verified),
            Map.entry("EMAIL_DIFFERS_FROM_LOGIN", Msg::mail_reason_email_differs_from_login),
            Map.entry("PATIENT_INACTIVE", Msg::mail_reason_patient_inactive),
            Map.entry("LOGIN_DISABLED", Msg::mail_reason_login_disabled));

    private MailWords() {}

    /** A reason code in words with the code itself, which is what the logs and the docs name. */
    public static String reason(String code) {
        if (code == null || code.isBlank()) {
            return "";
        }
        Function<Msg, String> words = REASONS.get(code);
        return words == null ? code : words.apply(Texts.msg()) + " (" + code + ")";
    }

    public static String status(String code) {
        return code == null ? "" : said(STATUSES, code);
    }

    public static String kind(String code) {
        return code == null ? "" : said(KINDS, code);
    }

    /** A code's words in the request's language; an unknown code in words of its own. */
    private static String said(Map<String, Function<Msg, String>> known, String code) {
        Function<Msg, String> words = known.get(code);
        return words == null ? words(code) : words.apply(Texts.msg());
    }

    private static String words(String code) {
        String w = code.replace('_', ' ').toLowerCase(Locale.ROOT);
        return w.isEmpty() ? w : Character.toUpperCase(w.charAt(0)) + w.substring(1);
    }
}
