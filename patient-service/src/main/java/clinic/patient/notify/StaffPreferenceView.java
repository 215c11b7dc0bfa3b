package clinic.patient.notify;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * A physio's or admin's e-mail choices as {@code GET /api/staff/me/notifications} shows them: their login's address
 * (null when Keycloak has none or did not answer), whether e-mail can reach it ({@link EmailState}), {@code
 * urgentAlerts} always true (cannot be switched off), the two optional kinds, the effective time zone and the e-mails' language ({@code en} unless {@code es} was chosen).
 */
@JsonPropertyOrder({
    "email",
    "emailVerified",
    "emailStatus",
    "urgentAlerts",
    "dailyDigest",
    "weeklySummary",
    "timeZone",
    "language"
})
public record StaffPreferenceView(
        String email,
        Boolean emailVerified,
        String emailStatus,
        boolean urgentAlerts,
        boolean dailyDigest,
        boolean weeklySummary,
        String timeZone,
        String language) {}
