package clinic.program.notice;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** What {@code /api/notices} answers (docs/api.md, "Notices (service account)"). */
public final class NoticeViews {

    private NoticeViews() {}

    /**
     * One event of the feed.
     *
     * @param ref what it is about: the alert id (URGENT_ALERT), {@code r<revision>} (PROGRAM_CHANGED), {@code
     *     h<revision of the hold>} (PROGRAM_PAUSED and the PROGRAM_RESUMED that ends that hold), the program id
     *     (PROGRAM_DISCHARGED)
     * @param detail a code: the alert type, the hold's source, the kind of change, the discharge reason
     */
    public record Notice(
            long id,
            String kind,
            long patientId,
            long programId,
            String carePhysio,
            String ref,
            String detail,
            Instant occurredAt) {}

    /** A page of the feed; {@code last} is the cursor for the next read (the {@code after} given on an empty page). */
    public record Page(List<Notice> notices, long last) {}

    /** One patient asked about, with the local date to judge "today" by. */
    public record Asked(Long patientId, LocalDate localDate) {}

    public record StatusRequest(List<Asked> patients) {}

    public record MeasureDue(String instrument, String timepoint, LocalDate opensOn) {}

    /**
     * Where one patient stands on their local date.
     *
     * @param status ACTIVE, ON_HOLD, or NONE (no current program: none ever, or discharged)
     * @param lastLogOn the day of their latest log on or before {@code localDate}; null if none
     * @param daysWithoutLog days from {@code lastLogOn} (or from the start, when never logged) to the local date;
     *     null for NONE
     */
    public record PatientStatus(
            long patientId,
            Long programId,
            String status,
            String carePhysio,
            LocalDate startedOn,
            LocalDate lastLogOn,
            boolean loggedOnLocalDate,
            Integer daysWithoutLog,
            List<MeasureDue> measuresDue) {}

    public record Status(List<PatientStatus> patients) {}

    public record TypeCount(String type, long count) {}

    /** A care physio's OPEN alerts on current programs. */
    public record PhysioAlerts(
            String physio, long open, long urgent, List<TypeCount> byType, LocalDate oldestRaisedOn) {}

    public record OpenAlerts(List<PhysioAlerts> physios) {}

    /**
     * Clinic-wide figures of a period [from, to).
     *
     * @param activePrograms programs ACTIVE or ON_HOLD now that started before {@code to}
     * @param openAlerts alerts OPEN now that were raised before {@code to}
     */
    public record Week(
            LocalDate from,
            LocalDate to,
            long sessionsLogged,
            long patientsLogging,
            long activePrograms,
            long programsStarted,
            long programsDischarged,
            long alertsRaised,
            long urgentAlerts,
            long openAlerts) {}
}
