package clinic.program.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDateTime;

/**
 * Who read or changed which program, when, and whether it was allowed; written in the same transaction as the work it
 * records (a refusal in a transaction of its own). {@code at} is the UTC time (the column has no zone, so it holds UTC
 * wall-clock time whatever the server's zone).
 */
@Entity
@Table(name = "audit_event")
public class AuditEvent {

    public static final String ALLOWED = "ALLOWED";
    public static final String REFUSED = "REFUSED";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    /** UTC. */
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

    @Column(nullable = false, length = 10)
    public String outcome;

    @Column(length = 500)
    public String reason;

    @Column(name = "request_id", length = 100)
    public String requestId;

    /** The W3C trace id of the request (OpenTelemetry), null where none was active. */
    @Column(name = "trace_id", length = 32)
    public String traceId;
}
