package clinic.program.protocol;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.math.BigDecimal;

/** One phase of a protocol: who it is for and what it aims at. */
@Entity
@Table(name = "protocol_phase")
public class ProtocolPhase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "protocol_id")
    public Protocol protocol;

    @Column(name = "phase_number", nullable = false)
    public int number;

    @Column(nullable = false, length = 120)
    public String name;

    @Column(nullable = false, columnDefinition = "TEXT")
    public String goal;

    @Column(name = "entry_criteria", nullable = false, columnDefinition = "TEXT")
    public String entryCriteria;

    /** Enter this phase at a recent mean pain (0-10) at most this; null: no such criterion. */
    @Column(name = "entry_max_mean_pain", precision = 3, scale = 1)
    public BigDecimal entryMaxMeanPain;

    /** Enter this phase at an adherence (percent of days logged) in the phase before of at least this; null: none. */
    @Column(name = "entry_min_adherence")
    public Integer entryMinAdherence;

    /** Enter this phase only without a nerve-pain flag in the recent window. */
    @Column(name = "entry_no_nerve_flags", nullable = false)
    public boolean entryNoNerveFlags;
}
