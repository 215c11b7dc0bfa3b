package clinic.program.alert;

import clinic.rules.AlertRules;

/**
 * Alert severities, most severe first; {@link #rank()} orders the physio's list (0 = most severe, as stored in
 * {@code alert.severity_rank}). Each is one of {@link AlertRules.Severity}.
 */
public enum Severity {
    URGENT,
    HIGH,
    MEDIUM,
    LOW;

    public int rank() {
        return ordinal();
    }

    public static Severity of(AlertRules.Severity severity) {
        return valueOf(severity.name());
    }
}
