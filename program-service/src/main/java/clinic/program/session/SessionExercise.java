package clinic.program.session;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** One exercise within a logged session. */
@Entity
@Table(name = "session_exercise")
public class SessionExercise {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "session_log_id")
    public SessionLog log;

    @Column(name = "exercise_slug", nullable = false, length = 80)
    public String exerciseSlug;

    @Column(nullable = false)
    public boolean completed;

    public Integer sets;
    public Integer reps;

    @Column(length = 10)
    public String side;

    @Column(name = "nerve_pain", nullable = false)
    public boolean nervePain;
}
