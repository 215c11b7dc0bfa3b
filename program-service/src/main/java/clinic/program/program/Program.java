package clinic.program.program;

import clinic.program.protocol.Protocol;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDate;
import java.time.LocalDateTime;

/** A patient's program. Re-assignment and phase moves change it in place and add a {@link ProgramRevision}. */
@Entity
@Table(name = "program")
public class Program {

    public static final String ACTIVE = "ACTIVE";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "patient_id", nullable = false)
    public long patientId;

    /** Equals patientId while active, else null: a unique key makes "one active program per patient" a DB fact. */
    @Column(name = "active_patient_id")
    public Long activePatientId;

    @Column(name = "patient_account", length = 100)
    public String patientAccount;

    @Column(name = "care_physio", nullable = false, length = 100)
    public String carePhysio;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "protocol_id")
    public Protocol protocol;

    @Column(nullable = false)
    public int phase;

    @Column(nullable = false, length = 20)
    public String status;

    @Column(name = "started_on", nullable = false)
    public LocalDate startedOn;

    @Column(name = "phase_since", nullable = false)
    public LocalDate phaseSince;

    @Column(name = "current_revision", nullable = false)
    public int currentRevision;

    @Column(name = "created_by", nullable = false, length = 100)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public LocalDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    public LocalDateTime updatedAt;

    @Version
    public long version;

    public boolean isActive() {
        return ACTIVE.equals(status);
    }
}
