package clinic.program.outcome;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * One completed questionnaire of a program at one time point. Answers are facts: never edited once written, and a
 * time point is answered once per instrument (the table's unique key).
 */
@Entity
@Table(name = "measure_response")
public class MeasureResponse {

    public static final String BASELINE = "BASELINE";

    public static final String DISCHARGE = "DISCHARGE";

    /** The time point {@code weeks} after the program's start, e.g. {@code WEEK_4}. */
    public static String week(int weeks) {
        return "WEEK_" + weeks;
    }

    public static final String BY_PATIENT = "PATIENT";

    public static final String BY_PHYSIO = "PHYSIO";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "program_id", nullable = false)
    public long programId;

    @Column(name = "patient_id", nullable = false)
    public long patientId;

    /** {@link Instrument#code()}. */
    @Column(nullable = false, length = 20)
    public String instrument;

    @Column(name = "instrument_version", nullable = false, length = 20)
    public String instrumentVersion;

    @Column(nullable = false, length = 20)
    public String timepoint;

    @Column(name = "completed_on", nullable = false)
    public LocalDate completedOn;

    @Column(name = "entered_by_role", nullable = false, length = 20)
    public String enteredByRole;

    @Column(name = "entered_by", nullable = false, length = 100)
    public String enteredBy;

    /** JSON array of {@link Answer}. */
    @Column(nullable = false, columnDefinition = "TEXT")
    public String answers;

    @Column(name = "answered_items", nullable = false)
    public int answeredItems;

    @Column(name = "skipped_items", nullable = false)
    public int skippedItems;

    @Column(nullable = false, precision = 7, scale = 2)
    public BigDecimal score;

    @Column(precision = 7, scale = 2)
    public BigDecimal subscore;

    @Column(name = "risk_group", length = 10)
    public String riskGroup;

    @Column(name = "created_at", nullable = false)
    public LocalDateTime createdAt;

    /** One answer as stored in {@link #answers}: a number, a text (a PSFS activity), or an explicit skip. */
    public record Answer(String item, Integer value, String text, boolean skipped) {}
}
