package clinic.portal.notify;

import clinic.portal.common.FormValues;
import clinic.portal.i18n.Account;
import clinic.portal.i18n.Texts;
import clinic.portal.outbound.NotificationApi.Preferences;
import clinic.portal.outbound.NotificationApi.PreferencesChange;
import clinic.portal.outbound.ProblemBody.Violation;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.jboss.resteasy.reactive.RestForm;

/**
 * The patient's reminder form as typed: kept as text so that a refused value comes back in its field. A checkbox
 * sends "on" when ticked and nothing otherwise.
 */
public class PreferenceForm {

    private static final Pattern TIME = Pattern.compile("([01][0-9]|2[0-3]):[0-5][0-9]");
    private static final Pattern TIME_WITH_SECONDS = Pattern.compile("([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9]");

    @RestForm
    public String emailEnabled;

    @RestForm
    public String exerciseReminder;

    @RestForm
    public String inactivityNudge;

    @RestForm
    public String measureDue;

    @RestForm
    public String programUpdate;

    @RestForm
    public String reminderTime;

    @RestForm
    public String timeZone;

    @RestForm
    public String quietStart;

    @RestForm
    public String quietEnd;

    @RestForm
    public String language;

    /** The form filled with what patient-service has now. */
    static PreferenceForm of(Preferences p) {
        PreferenceForm f = new PreferenceForm();
        f.emailEnabled = tick(p.emailEnabled());
        f.exerciseReminder = tick(p.exerciseReminder());
        f.inactivityNudge = tick(p.inactivityNudge());
        f.measureDue = tick(p.measureDue());
        f.programUpdate = tick(p.programUpdate());
        f.reminderTime = hhmm(p.reminderTime());
        f.timeZone = p.timeZone();
        f.quietStart = hhmm(p.quietStart());
        f.quietEnd = hhmm(p.quietEnd());
        f.language = p.language() == null ? "en" : p.language();
        return f;
    }

    private static String tick(Boolean on) {
        return Boolean.TRUE.equals(on) ? "on" : null;
    }

    /** "18:00:00" shown as "18:00", so the time field shows (and sends back) hours and minutes only. */
    static String hhmm(String time) {
        if (time != null && TIME_WITH_SECONDS.matcher(time).matches()) {
            return time.substring(0, 5);
        }
        return time;
    }

    private static final List<String> FIELDS = List.of(
            "emailEnabled",
            "exerciseReminder",
            "inactivityNudge",
            "measureDue",
            "programUpdate",
            "reminderTime",
            "timeZone",
            "quietStart",
            "quietEnd",
            "language");

    /** The messages of a refusal that name no field of this form (shown above it, without a field name). */
    public List<String> otherMessages(clinic.portal.common.Notice notice) {
        if (notice == null || notice.violations() == null) {
            return List.of();
        }
        return notice.violations().stream()
                .filter(v -> v.field() == null
                        || FIELDS.stream()
                                .noneMatch(f -> f.equals(v.field()) || v.field().endsWith("." + f)))
                .map(Violation::message)
                .toList();
    }

    public boolean on(String value) {
        return value != null && !value.isBlank();
    }

    /**
     * The change to send, or null with the reasons in {@code violations} (field names as the API's). Only what a
     * browser without a time picker can get wrong is checked here; patient-service checks everything again.
     */
    PreferencesChange toChange(List<Violation> violations) {
        List<Violation> found = new ArrayList<>();
        Account msg = Texts.bundle(Account.class);
        String reminder = FormValues.blankToNull(reminderTime);
        String start = FormValues.blankToNull(quietStart);
        String end = FormValues.blankToNull(quietEnd);
        if (reminder == null) {
            found.add(new Violation("reminderTime", msg.pref_err_choose_time("18:00")));
        } else if (!isTime(reminder)) {
            found.add(new Violation("reminderTime", msg.pref_err_time_format("18:00")));
        }
        if (start != null && !isTime(start)) {
            found.add(new Violation("quietStart", msg.pref_err_time_format("21:00")));
        }
        if (end != null && !isTime(end)) {
            found.add(new Violation("quietEnd", msg.pref_err_time_format("07:30")));
        }
        if ((start == null) != (end == null)) {
            found.add(new Violation(start == null ? "quietStart" : "quietEnd", msg.pref_err_both()));
        }
        if (!found.isEmpty()) {
            violations.addAll(found);
            return null;
        }
        return new PreferencesChange(
                on(emailEnabled),
                on(exerciseReminder),
                on(inactivityNudge),
                on(measureDue),
                on(programUpdate),
                hhmm(reminder),
                FormValues.blankToNull(timeZone),
                hhmm(start),
                hhmm(end),
                "es".equals(language) ? "es" : "en");
    }

    private static boolean isTime(String value) {
        return TIME.matcher(value).matches() || TIME_WITH_SECONDS.matcher(value).matches();
    }
}
