package clinic.patient.audit;

/** What was done to patient data. Reads by staff are recorded as well as changes. */
public enum AuditAction {
    PATIENT_LISTED,
    PATIENT_READ,
    PATIENT_CREATED,
    PATIENT_UPDATED,
    ACCOUNT_PROVISIONED,
    ACCOUNT_RESET,
    SCREENINGS_READ,
    SCREENING_CREATED,
    CLEARANCE_READ
}
