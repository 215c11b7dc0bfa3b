package clinic.program.alert;

import clinic.rules.AlertRules.Severity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDateTime;

/** A safety alert for the physio, raised by a pain rule; open until a physio acknowledges it. */
@Entity
@Table(name = "alert")
public class Alert {

    public static final String OPEN = "OPEN";
    public static final String ACKNOWLEDGED = "ACKNOWLEDGED";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "program_id", nullable = false)
    public long programId;

    @Column(name = "patient_id", nullable = false)
    public long patientId;

    @Column(name = "care_physio", nullable = false, length = 100)
    public String carePhysio;

    @Column(name = "session_log_id")
    public Long sessionLogId;

    @Column(nullable = false, length = 40)
    public String type;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    public Severity severity;

    @Column(name = "severity_rank", nullable = false)
    public int severityRank;

    @Column(nullable = false, columnDefinition = "TEXT")
    public String message;

    @Column(nullable = false, length = 20)
    public String status;

    @Column(name = "created_at", nullable = false)
    public LocalDateTime createdAt;

    @Column(name = "acknowledged_by", length = 100)
    public String acknowledgedBy;

    @Column(name = "acknowledged_at")
    public LocalDateTime acknowledgedAt;

    @Column(columnDefinition = "TEXT")
    public String note;

    @Version
    public long version;
}
