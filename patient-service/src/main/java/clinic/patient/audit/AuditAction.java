package clinic.patient.audit;

/** What was done to patient data. Reads by staff are recorded as well as changes. */
public enum AuditAction {
    PATIENT_LISTED,
    PATIENT_READ,
    PATIENT_CREATED,
    PATIENT_UPDATED,
    ACCOUNT_PROVISIONED,
    /** Older rows only: a temporary password was set (no longer done; invitations replaced it). */
    ACCOUNT_RESET,
    /** Keycloak was asked to e-mail the patient the link to set a password and verify the address. */
    ACCOUNT_INVITED,
    SCREENINGS_READ,
    SCREENING_CREATED,
    CLEARANCE_READ
}
