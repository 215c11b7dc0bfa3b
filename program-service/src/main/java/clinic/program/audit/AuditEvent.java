package clinic.program.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDateTime;

/** Who read or changed which program, when; written in the same transaction as the work it records. */
@Entity
@Table(name = "audit_event")
public class AuditEvent {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false)
    public LocalDateTime at;

    @Column(nullable = false, length = 100)
    public String actor;

    @Column(nullable = false, length = 20)
    public String role;

    @Column(nullable = false, length = 60)
    public String action;

    @Column(name = "patient_id")
    public Long patientId;

    @Column(name = "program_id")
    public Long programId;

    @Column(name = "request_id", length = 100)
    public String requestId;
}
