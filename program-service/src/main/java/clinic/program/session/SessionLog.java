package clinic.program.session;

import clinic.rules.RedFlag;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** One exercise session a patient logged. Logs are facts: never edited once written. */
@Entity
@Table(name = "session_log")
public class SessionLog {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "program_id", nullable = false)
    public long programId;

    @Column(name = "session_date", nullable = false)
    public LocalDate sessionDate;

    @Column(name = "pain_before", nullable = false)
    public int painBefore;

    @Column(name = "pain_after", nullable = false)
    public int painAfter;

    @Column(name = "pain_lasted_hours_after", nullable = false)
    public boolean painLastedHoursAfter;

    /** Comma-separated {@link RedFlag} codes, null when none. */
    @Column(name = "red_flag_symptoms", length = 200)
    public String redFlagSymptoms;

    @Column(columnDefinition = "TEXT")
    public String notes;

    /** The patient said the pain stops them sleeping or working. */
    @Column(name = "pain_stops_sleep_or_work", nullable = false)
    public boolean painStopsSleepOrWork;

    /** True when any exercise of the session brought on nerve pain; kept on the log so trends need no join. */
    @Column(name = "nerve_pain", nullable = false)
    public boolean nervePain;

    @Column(name = "idempotency_key", length = 100)
    public String idempotencyKey;

    @Column(name = "request_hash", length = 64)
    public String requestHash;

    @Column(name = "logged_by", nullable = false, length = 100)
    public String loggedBy;

    @Column(name = "created_at", nullable = false)
    public LocalDateTime createdAt;

    @OneToMany(mappedBy = "log", cascade = CascadeType.PERSIST)
    @OrderBy("id")
    public List<SessionExercise> exercises = new ArrayList<>();

    public SessionLog() {}

    /** A detached log with only the columns the progress page reads (see {@link SessionRepository#allOf}). */
    public SessionLog(
            LocalDate sessionDate,
            int painBefore,
            boolean nervePain,
            boolean painLastedHoursAfter,
            boolean painStopsSleepOrWork) {
        this.sessionDate = sessionDate;
        this.painBefore = painBefore;
        this.nervePain = nervePain;
        this.painLastedHoursAfter = painLastedHoursAfter;
        this.painStopsSleepOrWork = painStopsSleepOrWork;
    }

    /** Nerve pain during an exercise or pain lasting hours afterwards: the session aggravated the symptoms. */
    public boolean aggravated() {
        return nervePain || painLastedHoursAfter;
    }

    public List<RedFlag> redFlags() {
        return redFlags(redFlagSymptoms);
    }

    /** The red flags of a comma-separated column of {@link RedFlag} codes (empty for null or blank). */
    public static List<RedFlag> redFlags(String codes) {
        if (codes == null || codes.isBlank()) {
            return List.of();
        }
        return Arrays.stream(codes.split(","))
                .map(code -> RedFlag.fromCode(code).orElseThrow())
                .toList();
    }
}
