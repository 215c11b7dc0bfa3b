package clinic.program.protocol;

import clinic.program.library.Dosage;
import clinic.program.library.Exercise;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** An exercise of a protocol phase, in order, with the phase's dosage. */
@Entity
@Table(name = "protocol_exercise")
public class ProtocolExercise {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "protocol_phase_id")
    public ProtocolPhase phase;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "exercise_id")
    public Exercise exercise;

    @Column(nullable = false)
    public int position;

    /** The phase's dosage (columns sets, reps, hold_seconds, minutes, times_per_day, per_side). */
    @Embedded
    public Dosage dosage;
}
