package clinic.rules;

/** How soon a patient with a red flag needs a doctor (docs/clinical-rules.md, "Emergency advice fits the flag"). */
public enum Urgency {
    /** Possible cauda equina syndrome: emergency care now. */
    EMERGENCY_NOW,
    /** Urgent medical assessment the same day. */
    SAME_DAY
}
