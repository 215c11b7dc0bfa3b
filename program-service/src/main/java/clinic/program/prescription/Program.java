package clinic.program.prescription;

import clinic.program.access.ProgramOwners;
import clinic.program.protocol.Protocol;
import clinic.rules.RedFlag;
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
import java.util.Arrays;
import java.util.List;

/** A patient's program. Re-assignment and phase moves change it in place and add a {@link ProgramRevision}. */
@Entity
@Table(name = "program")
public class Program {

    public static final String ACTIVE = "ACTIVE";
    /** Paused for a red flag: no exercises, no logs, until a physio resumes it after a new clearing screening. */
    public static final String ON_HOLD = "ON_HOLD";
    /** The statuses of a patient's current program (the one {@code active_patient_id} points at). */
    public static final List<String> CURRENT = List.of(ACTIVE, ON_HOLD);

    /** Ended by a physio's discharge: read-only from then on. */
    public static final String DISCHARGED = "DISCHARGED";

    /** Where a hold came from. */
    public static final String FROM_SESSION_LOG = "SESSION_LOG";

    public static final String FROM_SCREENING = "SCREENING";

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

    /** While ON_HOLD: since when, why (source, red-flag codes, the screening if any) and the reason in words. */
    @Column(name = "hold_since")
    public LocalDateTime holdSince;

    @Column(name = "hold_source", length = 20)
    public String holdSource;

    /** Comma-separated {@link RedFlag} codes. */
    @Column(name = "hold_flags", length = 200)
    public String holdFlags;

    @Column(name = "hold_screening_id")
    public Long holdScreeningId;

    @Column(name = "hold_reason", columnDefinition = "TEXT")
    public String holdReason;

    @Column(name = "discharged_on")
    public LocalDate dischargedOn;

    @Column(name = "discharged_at")
    public LocalDateTime dischargedAt;

    @Column(name = "discharged_by", length = 100)
    public String dischargedBy;

    /** One of {@code DischargeReason}'s codes. */
    @Column(name = "discharge_reason", length = 30)
    public String dischargeReason;

    @Column(name = "discharge_summary", columnDefinition = "TEXT")
    public String dischargeSummary;

    @Version
    public long version;

    /** Whose program it is, for the access gate. */
    public ProgramOwners.Owner owner() {
        return new ProgramOwners.Owner(patientId, patientAccount);
    }

    public boolean isActive() {
        return ACTIVE.equals(status);
    }

    public boolean isDischarged() {
        return DISCHARGED.equals(status);
    }

    public boolean isOnHold() {
        return ON_HOLD.equals(status);
    }

    /** The red flags the program is on hold for (empty when it is not). */
    public List<RedFlag> holdRedFlags() {
        if (holdFlags == null || holdFlags.isBlank()) {
            return List.of();
        }
        return Arrays.stream(holdFlags.split(","))
                .map(code -> RedFlag.fromCode(code).orElseThrow())
                .toList();
    }
}
