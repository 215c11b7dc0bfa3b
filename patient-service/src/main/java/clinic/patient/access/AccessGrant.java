package clinic.patient.access;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A break-the-glass grant: one physio may access one patient until {@link #expiresAt}. Never updated or deleted. */
@Entity
@Table(name = "access_grant")
public class AccessGrant {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "patient_id", nullable = false, updatable = false)
    public Long patientId;

    @Column(name = "granted_to", nullable = false, updatable = false, length = 100)
    public String grantedTo;

    @Column(name = "reason", nullable = false, updatable = false, length = 500)
    public String reason;

    @Column(name = "granted_at", nullable = false, updatable = false)
    public Instant grantedAt;

    @Column(name = "expires_at", nullable = false, updatable = false)
    public Instant expiresAt;
}
