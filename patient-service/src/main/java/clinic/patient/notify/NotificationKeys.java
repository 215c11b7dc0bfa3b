package clinic.patient.notify;

import java.time.LocalDate;

/**
 * The outbox's unique keys: one notification per kind, recipient and day, or per kind, recipient and the event it
 * answers. Planning the same one twice (two replicas, a retried job, a notice read twice) hits the unique key and
 * stores it once.
 */
public final class NotificationKeys {

    private NotificationKeys() {}

    /** A patient's notification of one local day: {@code EXERCISE_REMINDER|P12|2026-12-02}. */
    public static String patientDay(NotificationKind kind, long patientId, LocalDate day) {
        return kind.name() + "|P" + patientId + "|" + day;
    }

    /** A patient's notification answering one thing: {@code MEASURE_DUE|P12|due-WEEK_4}, {@code PROGRAM_CHANGED|P12|r7}. */
    public static String patientRef(NotificationKind kind, long patientId, String ref) {
        return kind.name() + "|P" + patientId + "|" + ref;
    }

    /** A staff notification of one day: {@code ALERT_DIGEST|U:physio|2026-12-02}. */
    public static String staffDay(NotificationKind kind, String username, LocalDate day) {
        return kind.name() + "|U:" + username + "|" + day;
    }

    /** A staff notification answering one thing: {@code URGENT_ALERT|U:physio|A31}. */
    public static String staffRef(NotificationKind kind, String username, String ref) {
        return kind.name() + "|U:" + username + "|" + ref;
    }
}
