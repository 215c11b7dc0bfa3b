package clinic.program.protocol;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDateTime;

/**
 * One version of a phased protocol; its phases and exercises are rows, so a clinic adds one without code. An edit adds
 * a row with the same code and the next version; {@link #currentCode} is set on the newest version only, so a program
 * (which points at one row) keeps the version it was given.
 */
@Entity
@Table(name = "protocol")
public class Protocol {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false, length = 60)
    public String code;

    @Column(nullable = false, length = 120)
    public String name;

    @Column(columnDefinition = "TEXT")
    public String description;

    /** 1 for the first version; an edit adds the next. Not an optimistic lock: rows are never changed by an edit. */
    @Column(nullable = false)
    public int version = 1;

    /** The code on the newest version, null on older ones (unique). */
    @Column(name = "current_code", length = 60)
    public String currentCode;

    /** A program from this protocol starts only for a patient cleared by a red-flag screening. */
    @Column(name = "requires_screening", nullable = false)
    public boolean requiresScreening = true;

    /** Built-in protocols are read-only; a clinic copies one to change it. */
    @Column(name = "built_in", nullable = false)
    public boolean builtIn;

    @Column(name = "retired_at")
    public LocalDateTime retiredAt;

    @Column(name = "retired_by", length = 100)
    public String retiredBy;

    @Column(name = "created_by", length = 100)
    public String createdBy;

    @Column(name = "created_at")
    public LocalDateTime createdAt;

    public boolean current() {
        return currentCode != null;
    }

    public boolean retired() {
        return retiredAt != null;
    }
}
