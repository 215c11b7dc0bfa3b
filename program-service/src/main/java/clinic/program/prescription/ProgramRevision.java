package clinic.program.prescription;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.LocalDateTime;

/** An immutable snapshot of a program after an assignment or phase move: who, when, why, and what. */
@Entity
@Table(name = "program_revision")
public class ProgramRevision {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "program_id", nullable = false)
    public long programId;

    @Column(nullable = false)
    public int number;

    @Column(nullable = false)
    public int phase;

    @Column(nullable = false, length = 60)
    public String protocol;

    /** JSON array of the prescribed exercises and their dosage at that moment. */
    @Column(nullable = false, columnDefinition = "TEXT")
    public String exercises;

    @Column(name = "changed_by", nullable = false, length = 100)
    public String changedBy;

    @Column(name = "changed_at", nullable = false)
    public LocalDateTime changedAt;

    @Column(name = "effective_on", nullable = false)
    public LocalDate effectiveOn;

    @Column(columnDefinition = "TEXT")
    public String reason;
}
