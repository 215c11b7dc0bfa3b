package clinic.program.library;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;

/** One exercise of the library, with its default dosage and, for risky ones, a caution. */
@Entity
@Table(name = "exercise")
public class Exercise {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false, length = 80)
    public String slug;

    @Column(nullable = false, length = 120)
    public String name;

    @Column(nullable = false, length = 40)
    public String category;

    /** Comma-separated phase numbers the exercise belongs to; empty for exercises the guide only warns about. */
    @Column(nullable = false, length = 20)
    public String phases;

    @Column(nullable = false, columnDefinition = "TEXT")
    public String instructions;

    @Column(name = "should_feel", columnDefinition = "TEXT")
    public String shouldFeel;

    @Column(columnDefinition = "TEXT")
    public String precautions;

    @Column(name = "common_mistakes", columnDefinition = "TEXT")
    public String commonMistakes;

    @Column(columnDefinition = "TEXT")
    public String progression;

    /** The default dosage (columns sets, reps, hold_seconds, minutes, times_per_day, per_side). */
    @Embedded
    public Dosage dosage;

    @Column(name = "caution_avoid_phases", length = 20)
    public String cautionAvoidPhases;

    @Column(name = "caution_reason", columnDefinition = "TEXT")
    public String cautionReason;

    @Column(name = "caution_alternatives", length = 500)
    public String cautionAlternatives;

    @Column(name = "built_in", nullable = false)
    public boolean builtIn;

    @Column(name = "created_by", length = 100)
    public String createdBy;

    /** 1 for a new exercise; each edit adds a row with the next revision and the same slug. */
    @Column(nullable = false)
    public int revision = 1;

    /** The slug on the newest revision, null on older ones (unique: one current row per slug). */
    @Column(name = "current_slug", length = 80)
    public String currentSlug;

    /** When the exercise was retired (on its current revision); null while it may be prescribed. */
    @Column(name = "retired_at")
    public LocalDateTime retiredAt;

    @Column(name = "retired_by", length = 100)
    public String retiredBy;

    @Column(name = "created_at")
    public LocalDateTime createdAt;

    /** The uploaded picture of this revision ({@code media.id}), or null. */
    @Column(name = "image_id")
    public Long imageId;

    /** A link to a video of this revision, shown as a link; or null. */
    @Column(name = "video_url", length = 500)
    public String videoUrl;

    /** The key of the project's line drawing (a built-in slug), or null when there is none. */
    @Column(length = 80)
    public String illustration;

    @Version
    public long version;

    /**
     * A new, unsaved row with every column of this one (content, dosage, caution, picture, video link, illustration,
     * retirement), the same slug and the next revision; the caller sets who made it and applies the change.
     */
    public Exercise nextRevision() {
        Exercise e = copyContent();
        e.slug = slug;
        e.revision = revision + 1;
        e.builtIn = builtIn;
        e.createdBy = createdBy;
        e.retiredAt = retiredAt;
        e.retiredBy = retiredBy;
        e.currentSlug = slug;
        e.createdAt = LocalDateTime.now();
        return e;
    }

    /**
     * A new, unsaved row with this one's content, dosage, caution, picture, video link and illustration but no
     * identity: the caller sets slug, revision, author and the rest.
     */
    public Exercise copyContent() {
        Exercise e = new Exercise();
        e.name = name;
        e.category = category;
        e.phases = phases;
        e.instructions = instructions;
        e.shouldFeel = shouldFeel;
        e.precautions = precautions;
        e.commonMistakes = commonMistakes;
        e.progression = progression;
        e.dosage = dosage;
        e.cautionAvoidPhases = cautionAvoidPhases;
        e.cautionReason = cautionReason;
        e.cautionAlternatives = cautionAlternatives;
        e.imageId = imageId;
        e.videoUrl = videoUrl;
        e.illustration = illustration;
        return e;
    }

    public boolean current() {
        return currentSlug != null;
    }

    public boolean retired() {
        return retiredAt != null;
    }

    public List<Integer> phaseList() {
        return numbers(phases);
    }

    public List<Integer> avoidInPhases() {
        return numbers(cautionAvoidPhases);
    }

    public boolean hasCaution() {
        return cautionReason != null;
    }

    /** Whether the guide says to avoid this exercise in the given phase. */
    public boolean avoidIn(int phase) {
        return hasCaution() && avoidInPhases().contains(phase);
    }

    public List<String> alternatives() {
        if (cautionAlternatives == null || cautionAlternatives.isBlank()) {
            return List.of();
        }
        return Arrays.stream(cautionAlternatives.split(",")).map(String::trim).toList();
    }

    private static List<Integer> numbers(String csv) {
        if (csv == null || csv.isBlank()) {
            return List.of();
        }
        return Arrays.stream(csv.split(","))
                .map(String::trim)
                .map(Integer::valueOf)
                .toList();
    }
}
