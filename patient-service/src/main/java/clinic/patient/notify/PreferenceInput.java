package clinic.patient.notify;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The body of {@code PUT /api/me/preferences}: every switch and the reminder time are required; {@code timeZone},
 * {@code quietStart}/{@code quietEnd} and {@code language} may be null (the clinic's zone, no quiet hours, the clinic's
 * language). The read-only fields of the GET answer may be sent back and are ignored. Times and the zone are text so a
 * wrong one is a 422 naming the field, not a JSON error.
 */
@JsonIgnoreProperties(
        value = {"email", "emailVerified", "emailStatus", "updatedAt"},
        allowGetters = false)
public record PreferenceInput(
        Boolean emailEnabled,
        Boolean exerciseReminder,
        Boolean inactivityNudge,
        Boolean measureDue,
        Boolean programUpdate,
        String reminderTime,
        String timeZone,
        String quietStart,
        String quietEnd,
        String language) {}
