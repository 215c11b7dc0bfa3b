package clinic.patient.notify;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * A physio's or admin's notification choices (V9 {@code staff_notification_preference}); no row: both on. The
 * URGENT alert has no switch.
 */
@Entity
@Table(name = "staff_notification_preference")
public class StaffPreference {

    @Id
    @Column(name = "username", length = 100)
    public String username;

    @Column(name = "daily_digest", nullable = false)
    public boolean dailyDigest = true;

    @Column(name = "weekly_summary", nullable = false)
    public boolean weeklySummary = true;

    @Column(name = "time_zone", length = 64)
    public String timeZone;

    /** The language of this login's e-mails: {@code en}, {@code es}; null: English (V10). */
    @Column(name = "language", length = 10)
    public String language;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    @Column(name = "version", nullable = false)
    public long version;

    public static StaffPreference defaults(String username) {
        StaffPreference p = new StaffPreference();
        p.username = username;
        return p;
    }

    /** Whether this login wants this kind by e-mail. */
    public boolean wants(NotificationKind kind) {
        return switch (kind) {
            case URGENT_ALERT -> true;
            case ALERT_DIGEST -> dailyDigest;
            case WEEKLY_SUMMARY -> weeklySummary;
            default -> throw new IllegalArgumentException(kind + " is not a staff notification");
        };
    }
}
