package clinic.rules;

import java.util.ArrayList;
import java.util.List;

/**
 * What a patient reads: the pain rules shown with every routine, what to do after logging a session, and the advice
 * while a program is on hold. Plain words only; staff texts never reach a patient.
 */
public final class PatientGuidance {

    private PatientGuidance() {}

    /** The pain rules, shown with every routine. */
    public static final List<String> PAIN_RULES = List.of(
            "A mild stretch or tired muscles are fine.",
            "Sharp pain shooting down the leg during an exercise means stop that exercise now. Tick 'nerve pain'"
                    + " for it in your log: your physio will review it.",
            "If your pain stays raised for more than a couple of hours after the session, say so in your log."
                    + " Twice in a week and your physio will look at easing the program.",
            "Stop and get medical help at once for any of these: "
                    + String.join(
                            "; ",
                            RedFlag.all().stream()
                                    .map(f -> f.label().toLowerCase(java.util.Locale.ROOT))
                                    .toList())
                    + ".");

    /** What the patient said in a log that the guidance answers. */
    public record Logged(
            boolean redFlag,
            List<String> nervePainExercises,
            boolean painPersisted,
            boolean severePain,
            boolean disabling,
            boolean everythingAggravates) {}

    /** What to do now, after a log without a red flag (a red flag gets {@link RedFlagAdvice} instead, alone). */
    public static List<String> afterLog(Logged log) {
        List<String> advice = new ArrayList<>();
        for (String name : log.nervePainExercises()) {
            advice.add("You felt sharp pain down the leg during '" + name + "'. Leave that exercise out until your"
                    + " physio has looked at it; they have been told.");
        }
        if (log.everythingAggravates()) {
            advice.add("Most of your recent sessions have made the pain worse. Go back to gentle walking and pelvic"
                    + " tilts only, and see your physio or doctor soon: you may need a different treatment first.");
        } else if (log.painPersisted()) {
            advice.add("Your pain has stayed up for hours after more than one session this week. Take it easier"
                    + " tomorrow; your physio will look at easing the program.");
        }
        if (log.severePain()) {
            advice.add("Your pain after the session was high. Rest in a comfortable position; heat or a wrapped ice"
                    + " pack can help. If it does not ease over the next few hours, contact your physio.");
        }
        if (log.disabling()) {
            advice.add("Pain that stops you sleeping or working needs a review: please contact your physio or"
                    + " doctor.");
        }
        if (advice.isEmpty()) {
            advice.add("Thank you, your session is saved. Keep going as planned.");
        }
        return advice;
    }

    /** The patient's routine while the program is on hold for a red flag. */
    public static String onHold() {
        return "Your exercise program is paused. Follow the advice below; your physio will talk to you before you"
                + " start again.";
    }
}
