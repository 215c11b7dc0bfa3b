package clinic.program.alert;

import clinic.rules.AlertRules.Severity;
import java.time.LocalDateTime;

/** An alert as the API shows it. */
public record AlertView(
        long id,
        long programId,
        long patientId,
        String carePhysio,
        Long sessionId,
        String type,
        Severity severity,
        String message,
        String status,
        LocalDateTime createdAt,
        String acknowledgedBy,
        LocalDateTime acknowledgedAt,
        String note) {

    public static AlertView of(Alert a) {
        return new AlertView(
                a.id,
                a.programId,
                a.patientId,
                a.carePhysio,
                a.sessionLogId,
                a.type,
                a.severity,
                a.message,
                a.status,
                a.createdAt,
                a.acknowledgedBy,
                a.acknowledgedAt,
                a.note);
    }
}
