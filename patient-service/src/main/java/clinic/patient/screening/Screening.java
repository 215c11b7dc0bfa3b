package clinic.patient.screening;

import clinic.rules.OtherSign;
import clinic.rules.RedFlag;
import clinic.rules.SciaticaSign;
import clinic.rules.ScreeningOutcome;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;

/**
 * One red-flag and sciatica screening. Screenings are history: written once, never edited, so there is no
 * {@code @Version} and no column is updatable.
 */
@Entity
@Table(name = "screening")
public class Screening {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "patient_id", nullable = false, updatable = false)
    public Long patientId;

    @Convert(converter = EnumSetConverter.RedFlags.class)
    @Column(name = "red_flags", nullable = false, updatable = false, length = 200)
    public Set<RedFlag> redFlags;

    @Convert(converter = EnumSetConverter.SciaticaSigns.class)
    @Column(name = "sciatica_signs", nullable = false, updatable = false, length = 200)
    public Set<SciaticaSign> sciaticaSigns;

    @Convert(converter = EnumSetConverter.OtherSigns.class)
    @Column(name = "other_signs", nullable = false, updatable = false, length = 200)
    public Set<OtherSign> otherSigns;

    @Column(name = "notes", updatable = false, length = 4000)
    public String notes;

    @Enumerated(EnumType.STRING)
    @Column(name = "outcome", nullable = false, updatable = false, length = 30)
    public ScreeningOutcome outcome;

    @Column(name = "overridden", nullable = false, updatable = false)
    public boolean overridden;

    @Column(name = "override_reason", updatable = false, length = 1000)
    public String overrideReason;

    @Column(name = "overridden_by", updatable = false, length = 100)
    public String overriddenBy;

    @Column(name = "screened_at", nullable = false, updatable = false)
    public Instant screenedAt;

    @Column(name = "screened_by", nullable = false, updatable = false, length = 100)
    public String screenedBy;

    /** Last day on which this screening still clears a program. */
    @Column(name = "valid_until", nullable = false, updatable = false)
    public LocalDate validUntil;
}
