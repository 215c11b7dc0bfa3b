package clinic.patient.notify;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;

/**
 * A patient's notification choices as {@code GET /api/me/preferences} shows them: the address on their record and
 * whether e-mail can reach it ({@link EmailState}), each switch, the effective time zone (theirs or the clinic's), and
 * {@code updatedAt} null while they have never changed the defaults.
 */
@JsonPropertyOrder({
    "email",
    "emailVerified",
    "emailStatus",
    "emailEnabled",
    "exerciseReminder",
    "inactivityNudge",
    "measureDue",
    "programUpdate",
    "reminderTime",
    "timeZone",
    "quietStart",
    "quietEnd",
    "language",
    "updatedAt"
})
public record PreferenceView(
        String email,
        Boolean emailVerified,
        String emailStatus,
        boolean emailEnabled,
        boolean exerciseReminder,
        boolean inactivityNudge,
        boolean measureDue,
        boolean programUpdate,
        String reminderTime,
        String timeZone,
        String quietStart,
        String quietEnd,
        String language,
        Instant updatedAt) {

    static PreferenceView of(String email, EmailState state, NotificationPreference p, String clinicZone) {
        return new PreferenceView(
                email,
                state.verified(),
                state.status(),
                p.emailEnabled,
                p.exerciseReminder,
                p.inactivityNudge,
                p.measureDue,
                p.programUpdate,
                PreferenceRules.format(p.reminderTime),
                p.timeZone != null ? p.timeZone : clinicZone,
                PreferenceRules.format(p.quietStart),
                PreferenceRules.format(p.quietEnd),
                p.language,
                p.updatedAt);
    }
}
