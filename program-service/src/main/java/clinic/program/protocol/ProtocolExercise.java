package clinic.program.protocol;

import clinic.program.exercise.Dosage;
import clinic.program.exercise.Exercise;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** An exercise of a protocol phase, in order, with the phase's dosage. */
@Entity
@Table(name = "protocol_exercise")
public class ProtocolExercise {

    @Id
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "protocol_phase_id")
    public ProtocolPhase phase;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "exercise_id")
    public Exercise exercise;

    @Column(nullable = false)
    public int position;

    public Integer sets;
    public Integer reps;

    @Column(name = "hold_seconds")
    public Integer holdSeconds;

    public Integer minutes;

    @Column(name = "times_per_day")
    public Integer timesPerDay;

    @Column(name = "per_side", nullable = false)
    public boolean perSide;

    public Dosage dosage() {
        return new Dosage(sets, reps, holdSeconds, minutes, timesPerDay, perSide);
    }
}
