package clinic.program.alert;

/** Alert severities, most severe first; {@link #rank()} orders the physio's list. */
public enum Severity {
    URGENT,
    HIGH,
    MEDIUM,
    LOW;

    public int rank() {
        return ordinal();
    }
}
