package clinic.patient.notify;

/**
 * What a notification is about, and who it goes to. A patient's kinds can each be switched off in their preferences
 * and carry a one-click unsubscribe link; of the staff kinds only the digest and the weekly summary can, never the
 * URGENT alert (docs/notifications.md).
 */
public enum NotificationKind {
    /** The daily exercise reminder, at the patient's chosen time, when today's session is not logged yet. */
    EXERCISE_REMINDER(Audience.PATIENT, true),
    /** No session logged for N days (the inactivity rule's N, default 3): once per gap. */
    INACTIVITY_NUDGE(Audience.PATIENT, true),
    /** An outcome questionnaire is due (once per instrument and time point). */
    MEASURE_DUE(Audience.PATIENT, true),
    /** The physio changed the program (a new revision or phase). */
    PROGRAM_CHANGED(Audience.PATIENT, true),
    /** The program was paused (on hold after a red flag), or resumed. */
    PROGRAM_PAUSED(Audience.PATIENT, true),
    /** An URGENT alert (a red flag in a session log): to the care physio at once; cannot be switched off. */
    URGENT_ALERT(Audience.STAFF, false),
    /** A physio's daily digest of their other open alerts. */
    ALERT_DIGEST(Audience.STAFF, true),
    /** An admin's weekly summary of the clinic. */
    WEEKLY_SUMMARY(Audience.STAFF, true);

    public enum Audience {
        PATIENT,
        STAFF
    }

    private final Audience audience;
    private final boolean optional;

    NotificationKind(Audience audience, boolean optional) {
        this.audience = audience;
        this.optional = optional;
    }

    public Audience audience() {
        return audience;
    }

    /** Whether the recipient may switch it off (and the e-mail carries an unsubscribe link). */
    public boolean optional() {
        return optional;
    }
}
