package clinic.portal.routine;

import clinic.rules.RedFlag;
import clinic.rules.Urgency;
import java.util.List;
import java.util.Optional;
import org.jboss.resteasy.reactive.RestForm;

/**
 * The session log as typed. {@code completed} and {@code nervePain} carry the slugs of the ticked exercises,
 * {@code side} entries read {@code slug:LEFT|RIGHT|BOTH}; the idempotency key is made when the form is shown, so
 * sending the same form twice stores one session.
 */
public class SessionForm {

    @RestForm
    public String date;

    @RestForm
    public String painBefore;

    @RestForm
    public String painAfter;

    @RestForm
    public List<String> completed;

    @RestForm
    public List<String> nervePain;

    @RestForm
    public String painLastedHoursAfter;

    @RestForm
    public List<String> side;

    @RestForm
    public List<String> redFlagSymptoms;

    /** "yes", "no" or nothing: does the pain stop the patient sleeping or working? */
    @RestForm
    public String painStopsSleepOrWork;

    @RestForm
    public String notes;

    @RestForm
    public String idempotencyKey;

    /**
     * The slugs of the exercises the form showed, in its order. A send of a form whose answer was lost, after the red
     * flag it reported paused the program, finds a routine without exercises: the same body is rebuilt from these, so
     * program-service answers it with the session it stored under the key.
     */
    @RestForm
    public List<String> shown;

    /** The pain scale's radio for {@code n} is the one chosen before the exercises. */
    public boolean isPainBefore(int n) {
        return isNumber(painBefore, n);
    }

    /** The pain scale's radio for {@code n} is the one chosen after the exercises. */
    public boolean isPainAfter(int n) {
        return isNumber(painAfter, n);
    }

    private static boolean isNumber(String value, int n) {
        return value != null && value.trim().equals(Integer.toString(n));
    }

    public boolean isCompleted(String slug) {
        return completed != null && completed.contains(slug);
    }

    public boolean hadNervePain(String slug) {
        return nervePain != null && nervePain.contains(slug);
    }

    public boolean isRedFlag() {
        return redFlagSymptoms != null && !redFlagSymptoms.isEmpty();
    }

    public boolean hasRedFlag(String code) {
        return redFlagSymptoms != null && redFlagSymptoms.contains(code);
    }

    /** True for yes, false for no, null when not answered. */
    public Boolean painStops() {
        if ("yes".equalsIgnoreCase(painStopsSleepOrWork)) {
            return true;
        }
        return "no".equalsIgnoreCase(painStopsSleepOrWork) ? false : null;
    }

    /** The flags ticked need emergency care now (the most urgent wins). */
    public boolean isEmergencyNow() {
        return mostUrgent().filter(u -> u == Urgency.EMERGENCY_NOW).isPresent();
    }

    /** The flags ticked need a doctor the same day, and none needs emergency care now. */
    public boolean isSameDay() {
        return mostUrgent().filter(u -> u == Urgency.SAME_DAY).isPresent();
    }

    /** The urgency of the flags ticked (the most urgent wins), or empty for none. */
    private Optional<Urgency> mostUrgent() {
        if (redFlagSymptoms == null) {
            return Optional.empty();
        }
        return RedFlag.mostUrgent(redFlagSymptoms.stream()
                .map(RedFlag::fromCode)
                .flatMap(Optional::stream)
                .toList());
    }

    public boolean isPainLasted() {
        return painLastedHoursAfter != null && !painLastedHoursAfter.isBlank();
    }

    /** The side chosen for an exercise, or null. */
    public String sideOf(String slug) {
        if (side == null) {
            return null;
        }
        return side.stream()
                .filter(s -> s.startsWith(slug + ":"))
                .map(s -> s.substring(slug.length() + 1))
                .filter(s -> !s.isBlank())
                .findFirst()
                .orElse(null);
    }
}
