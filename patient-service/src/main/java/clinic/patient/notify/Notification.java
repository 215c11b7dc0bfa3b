package clinic.patient.notify;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One notification in the outbox (V9 {@code notification}): recorded before it is sent, under a unique {@link
 * #dedupeKey}. Holds no address, name or clinical detail; the address is looked up at sending time.
 */
@Entity
@Table(name = "notification")
public class Notification {

    public static final String PENDING = "PENDING";
    public static final String SENDING = "SENDING";
    public static final String SENT = "SENT";
    public static final String FAILED = "FAILED";
    public static final String UNCERTAIN = "UNCERTAIN";
    public static final String CANCELLED = "CANCELLED";
    public static final String SKIPPED = "SKIPPED";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    /** Unique: {@link NotificationKeys}. */
    @Column(name = "dedupe_key", nullable = false, updatable = false, length = 200)
    public String dedupeKey;

    @Enumerated(EnumType.STRING)
    @Column(name = "kind", nullable = false, updatable = false, length = 30)
    public NotificationKind kind;

    @Column(name = "patient_id", updatable = false)
    public Long patientId;

    /** A staff notification's login. */
    @Column(name = "recipient", updatable = false, length = 100)
    public String recipient;

    @Column(name = "local_day", nullable = false, updatable = false)
    public LocalDate localDay;

    @Column(name = "ref", updatable = false, length = 100)
    public String ref;

    @Column(name = "status", nullable = false, length = 20)
    public String status;

    @Column(name = "reason", length = 60)
    public String reason;

    @Column(name = "attempts", nullable = false)
    public int attempts;

    @Column(name = "next_attempt_at", nullable = false)
    public Instant nextAttemptAt;

    @Column(name = "last_error", length = 300)
    public String lastError;

    @Column(name = "message_id", length = 200)
    public String messageId;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "sending_at")
    public Instant sendingAt;

    @Column(name = "sent_at")
    public Instant sentAt;

    @Version
    @Column(name = "version", nullable = false)
    public long version;
}
