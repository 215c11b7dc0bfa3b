package clinic.program.prescription;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDateTime;

/** A screening's red flags as delivered by patient-service, kept so a repeated delivery gets the same answer. */
@Entity
@Table(name = "screening_hold")
public class ScreeningHold {

    @Id
    @Column(name = "screening_id")
    public Long screeningId;

    @Column(name = "patient_id", nullable = false)
    public long patientId;

    /** The patient's current program when the delivery came, or null for none. */
    @Column(name = "program_id")
    public Long programId;

    /** The program's status after the delivery, or null for no program. */
    @Column(name = "status_after", length = 20)
    public String statusAfter;

    @Column(name = "red_flags", nullable = false, length = 200)
    public String redFlags;

    @Column(name = "received_by", nullable = false, length = 100)
    public String receivedBy;

    @Column(name = "received_at", nullable = false)
    public LocalDateTime receivedAt;
}
