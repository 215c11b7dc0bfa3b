package clinic.program.protocol;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** One phase of a protocol: who it is for and what it aims at. */
@Entity
@Table(name = "protocol_phase")
public class ProtocolPhase {

    @Id
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
}
