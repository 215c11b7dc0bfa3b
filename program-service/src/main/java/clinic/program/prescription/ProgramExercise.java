package clinic.program.prescription;

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

/** An exercise currently prescribed in a program, with its dosage; flagged for review after nerve pain. */
@Entity
@Table(name = "program_exercise")
public class ProgramExercise {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "program_id", nullable = false)
    public long programId;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "exercise_id")
    public Exercise exercise;

    @Column(nullable = false)
    public int position;

    /** The prescribed dosage (columns sets, reps, hold_seconds, minutes, times_per_day, per_side). */
    @Embedded
    public Dosage dosage;

    @Column(name = "marked_for_review", nullable = false)
    public boolean markedForReview;

    /** The physio's reason for prescribing the exercise where a caution or its phases say otherwise. */
    @Column(name = "caution_ack_reason", columnDefinition = "TEXT")
    public String cautionAckReason;

    /** What the physio tells the patient about this exercise (required with an acknowledged caution). */
    @Column(name = "patient_instructions", columnDefinition = "TEXT")
    public String patientInstructions;

    /** An exercise from the "exercises to avoid" list that the physio prescribed anyway, with a reason. */
    public boolean acknowledgedCaution() {
        return cautionAckReason != null && exercise.hasCaution();
    }
}
