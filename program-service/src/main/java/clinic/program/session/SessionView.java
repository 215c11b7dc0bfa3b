package clinic.program.session;

import clinic.program.alert.AlertView;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/** A logged session; after a POST it carries the alerts it raised and, for red flags, the emergency advice. */
public record SessionView(
        long id,
        long programId,
        LocalDate date,
        int painBefore,
        int painAfter,
        boolean painLastedHoursAfter,
        List<RedFlag> redFlagSymptoms,
        String notes,
        List<ExerciseDoneView> exercises,
        LocalDateTime loggedAt,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<AlertView> alerts,
        @JsonInclude(JsonInclude.Include.NON_NULL) String emergencyAdvice) {

    /** One exercise of the session. */
    public record ExerciseDoneView(
            String exercise, boolean completed, Integer sets, Integer reps, String side, boolean nervePain) {}

    public static SessionView of(SessionLog s, List<AlertView> alerts, String emergencyAdvice) {
        return new SessionView(
                s.id,
                s.programId,
                s.sessionDate,
                s.painBefore,
                s.painAfter,
                s.painLastedHoursAfter,
                s.redFlags(),
                s.notes,
                s.exercises.stream()
                        .map(e ->
                                new ExerciseDoneView(e.exerciseSlug, e.completed, e.sets, e.reps, e.side, e.nervePain))
                        .toList(),
                s.createdAt,
                alerts,
                emergencyAdvice);
    }
}
