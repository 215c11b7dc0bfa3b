package clinic.rules;

/** What a screening decides. */
public enum ScreeningOutcome {
    /** The sciatica pattern and no red flag: a program may start. */
    CLEAR,
    /** No clear sciatica pattern: a proper diagnosis first, or a physio override with a reason. */
    REFER_FOR_ASSESSMENT,
    /** A red flag: no program, urgent medical review. */
    URGENT_REFERRAL
}
