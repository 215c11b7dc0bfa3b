package clinic.program.session;

import clinic.rules.RedFlag;
import clinic.rules.RedFlagAdvice;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/**
 * A logged session. The answer to a POST also carries what the patient should do now ({@code advice}), the program's
 * status after the log, the alerts it raised as type and severity only (the staff messages stay with staff) and, for
 * red flags, {@code emergencyAdvice}: the red-flag advice's headline and text in one string.
 */
public record SessionView(
        long id,
        long programId,
        LocalDate date,
        int painBefore,
        int painAfter,
        boolean painLastedHoursAfter,
        boolean painStopsSleepOrWork,
        List<RedFlag> redFlagSymptoms,
        String notes,
        List<ExerciseDoneView> exercises,
        LocalDateTime loggedAt,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<AlertRaised> alerts,
        @JsonInclude(JsonInclude.Include.NON_NULL) String emergencyAdvice,
        @JsonInclude(JsonInclude.Include.NON_NULL) Advice advice,
        @JsonInclude(JsonInclude.Include.NON_NULL) String programStatus) {

    /** One exercise of the session. */
    public record ExerciseDoneView(
            String exercise, boolean completed, Integer sets, Integer reps, String side, boolean nervePain) {}

    /** An alert the log raised, as the patient may see it: which rule, how urgent. */
    public record AlertRaised(String type, String severity) {}

    /**
     * What the patient reads after logging: with a red flag only {@code redFlag} (and {@code whatToDo} empty), else
     * the plain-words steps of {@code clinic.rules.PatientGuidance#afterLog}.
     */
    public record Advice(RedFlagAdvice redFlag, List<String> whatToDo) {}

    /** A log as listed (no alerts, no advice). */
    public static SessionView of(SessionLog s) {
        return posted(s, null, null, null);
    }

    /** The answer to logging a session. */
    public static SessionView posted(SessionLog s, List<AlertRaised> alerts, Advice advice, String programStatus) {
        RedFlagAdvice redFlag = advice == null ? null : advice.redFlag();
        return new SessionView(
                s.id,
                s.programId,
                s.sessionDate,
                s.painBefore,
                s.painAfter,
                s.painLastedHoursAfter,
                s.painStopsSleepOrWork,
                s.redFlags(),
                s.notes,
                s.exercises.stream()
                        .map(e ->
                                new ExerciseDoneView(e.exerciseSlug, e.completed, e.sets, e.reps, e.side, e.nervePain))
                        .toList(),
                s.createdAt,
                alerts,
                redFlag == null ? null : redFlag.headline() + " " + redFlag.text(),
                advice,
                programStatus);
    }
}
