package clinic.rules;

import java.util.Locale;

/** How soon a patient with a red flag needs a doctor (docs/clinical-rules.md, "Emergency advice fits the flag"). */
public enum Urgency {
    /** Possible cauda equina syndrome: emergency care now. */
    EMERGENCY_NOW,
    /** Urgent medical assessment the same day. */
    SAME_DAY;

    /** How soon, in a few words of a language ("Emergency care now", "A doctor today"). */
    public String words(Locale locale) {
        return Texts.get("urgency." + name(), locale);
    }
}
