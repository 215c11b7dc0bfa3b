package clinic.patient.notify;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The body of {@code PUT /api/staff/me/notifications}: both switches required, {@code timeZone} may be null (the
 * clinic's), and so may {@code language} ({@code en} or {@code es}; null: English). {@code urgentAlerts} may be sent back as true; false is refused. The read-only fields of the GET answer
 * are ignored.
 */
@JsonIgnoreProperties(value = {"email", "emailVerified", "emailStatus"})
public record StaffPreferenceInput(
        Boolean dailyDigest, Boolean weeklySummary, String timeZone, Boolean urgentAlerts, String language) {}
