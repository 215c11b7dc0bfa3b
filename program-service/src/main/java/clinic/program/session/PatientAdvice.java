package clinic.program.session;

import java.util.List;

/** Texts shown to patients: the pain rules with every routine (CLINICAL.md "Pain rules") and emergency advice. */
public final class PatientAdvice {

    /** CLINICAL.md "Pain rules for patients", in the words shown with every routine. */
    public static final List<String> PAIN_RULES = List.of(
            "A mild stretch or tired muscles are fine.",
            "Sharp pain shooting down the leg during an exercise means stop that exercise now. Tick 'nerve pain'"
                    + " for it in your log: your physio will review it.",
            "If your pain stays raised for more than a couple of hours after the session, say so in your log."
                    + " Twice in a week and your physio will look at easing the program.",
            "Loss of bladder or bowel control, numbness between the legs, quickly worsening weakness in the legs,"
                    + " or constant severe pain that no position eases: stop and get urgent medical help.");

    /** Shown at once when a log reports a red-flag symptom. */
    public static final String EMERGENCY_ADVICE = "Stop exercising and get urgent medical help now: call the"
            + " emergency number or go to the nearest emergency department. These symptoms can mean a nerve"
            + " compression (cauda equina syndrome) that needs treatment without delay. Your physiotherapist has"
            + " been alerted as well.";

    private PatientAdvice() {}
}
