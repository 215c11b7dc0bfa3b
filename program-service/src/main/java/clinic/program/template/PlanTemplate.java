package clinic.program.template;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDateTime;

/**
 * A physio's saved plan: a protocol phase with exercises and dosages, private to its owner or shared with the clinic.
 * Its exercises are {@link PlanTemplateExercise} rows.
 */
@Entity
@Table(name = "plan_template")
public class PlanTemplate {

    public static final String PRIVATE = "PRIVATE";
    public static final String CLINIC = "CLINIC";

    /** The {@link #scopeKey} of clinic-wide templates; a username is never "*". */
    static final String CLINIC_SCOPE = "*";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false, length = 120)
    public String name;

    @Column(columnDefinition = "TEXT")
    public String description;

    @Column(name = "protocol_code", nullable = false, length = 60)
    public String protocol;

    @Column(name = "phase_number", nullable = false)
    public int phase;

    @Column(nullable = false, length = 10)
    public String visibility;

    /** The physio's username. */
    @Column(nullable = false, length = 100)
    public String owner;

    /** The owner for a private template, {@link #CLINIC_SCOPE} for a clinic-wide one: names are unique per scope. */
    @Column(name = "scope_key", nullable = false, length = 100)
    public String scopeKey;

    @Column(name = "created_at", nullable = false)
    public LocalDateTime createdAt;

    @Column(name = "updated_at", nullable = false)
    public LocalDateTime updatedAt;

    @Version
    public long version;

    public boolean clinicWide() {
        return CLINIC.equals(visibility);
    }

    static String scopeOf(String visibility, String owner) {
        return CLINIC.equals(visibility) ? CLINIC_SCOPE : owner;
    }
}
