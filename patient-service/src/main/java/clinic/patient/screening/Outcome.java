package clinic.patient.screening;

/** What a screening concludes. */
public enum Outcome {
    /** Sciatica pattern without red flags: a program may start. */
    CLEAR,
    /** Mostly "other" signs: a program needs a physio's override with a reason. */
    REFER_FOR_ASSESSMENT,
    /** A red flag: urgent medical review; never overridable. */
    URGENT_REFERRAL
}
