package clinic.program.template;

import clinic.program.library.Dosage;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * One exercise of a template, by slug (the template follows the exercise's current revision; a program made from it
 * pins the revision it was given), with its dosage.
 */
@Entity
@Table(name = "plan_template_exercise")
public class PlanTemplateExercise {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "template_id", nullable = false)
    public long templateId;

    @Column(nullable = false)
    public int position;

    @Column(name = "exercise_slug", nullable = false, length = 80)
    public String exercise;

    /** Columns sets, reps, hold_seconds, minutes, times_per_day, per_side. */
    @Embedded
    public Dosage dosage;
}
