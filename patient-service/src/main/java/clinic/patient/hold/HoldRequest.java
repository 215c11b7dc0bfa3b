package clinic.patient.hold;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A screening's red flags waiting to reach program-service, or delivered (the outbox of program holds). */
@Entity
@Table(name = "program_hold_request")
public class HoldRequest {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "patient_id", nullable = false, updatable = false)
    public Long patientId;

    @Column(name = "screening_id", nullable = false, updatable = false)
    public Long screeningId;

    /** Red-flag codes, comma-separated. */
    @Column(name = "red_flags", nullable = false, updatable = false, length = 200)
    public String redFlags;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "attempts", nullable = false)
    public int attempts;

    @Column(name = "next_attempt_at", nullable = false)
    public Instant nextAttemptAt;

    @Column(name = "delivered_at")
    public Instant deliveredAt;

    /** Why the last attempt failed ("HTTP 503", "ConnectException"): no personal data. */
    @Column(name = "last_error", length = 200)
    public String lastError;
}
