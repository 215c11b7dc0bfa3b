package clinic.patient.notify;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalTime;

/**
 * A patient's notification choices (V9 {@code notification_preference}). A patient without a row has the defaults
 * ({@link #defaults}). Whatever they say, nothing is sent without an address the patient verified.
 */
@Entity
@Table(name = "notification_preference")
public class NotificationPreference {

    public static final LocalTime DEFAULT_REMINDER_TIME = LocalTime.of(18, 0);

    @Id
    @Column(name = "patient_id")
    public Long patientId;

    @Column(name = "email_enabled", nullable = false)
    public boolean emailEnabled = true;

    @Column(name = "exercise_reminder", nullable = false)
    public boolean exerciseReminder = true;

    @Column(name = "inactivity_nudge", nullable = false)
    public boolean inactivityNudge = true;

    @Column(name = "measure_due", nullable = false)
    public boolean measureDue = true;

    /** Program changed, paused or resumed. */
    @Column(name = "program_update", nullable = false)
    public boolean programUpdate = true;

    @Column(name = "reminder_time", nullable = false)
    public LocalTime reminderTime = DEFAULT_REMINDER_TIME;

    /** IANA zone id; null: the clinic's ({@code clinic.notify.zone}). */
    @Column(name = "time_zone", length = 64)
    public String timeZone;

    /** Both null: no quiet hours. May wrap midnight (22:00-07:00). */
    @Column(name = "quiet_start")
    public LocalTime quietStart;

    @Column(name = "quiet_end")
    public LocalTime quietEnd;

    /** {@code en}, {@code es}; null: the clinic's default language. */
    @Column(name = "language", length = 10)
    public String language;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "updated_by", nullable = false, length = 100)
    public String updatedBy;

    @Version
    @Column(name = "version", nullable = false)
    public long version;

    /** The choices of a patient who has made none (not persisted). */
    public static NotificationPreference defaults(long patientId) {
        NotificationPreference p = new NotificationPreference();
        p.patientId = patientId;
        return p;
    }

    /** Whether the patient wants this kind by e-mail. */
    public boolean wants(NotificationKind kind) {
        if (!emailEnabled) {
            return false;
        }
        return switch (kind) {
            case EXERCISE_REMINDER -> exerciseReminder;
            case INACTIVITY_NUDGE -> inactivityNudge;
            case MEASURE_DUE -> measureDue;
            case PROGRAM_CHANGED, PROGRAM_PAUSED -> programUpdate;
            default -> throw new IllegalArgumentException(kind + " is not a patient's notification");
        };
    }
}
