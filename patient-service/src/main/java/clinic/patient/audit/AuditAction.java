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
    CLEARANCE_READ,
    /** A physio outside the care team opened the record for a limited time; the reason is kept. */
    BREAK_GLASS,
    /** Care physio or care team changed (transfer or share); the reason column says from what to what. */
    CARE_TEAM_CHANGED,
    /** The list of break-the-glass grants of one patient was read. */
    ACCESS_GRANTS_READ,
    /** A patient changed their own e-mail notification choices (issue 20). */
    NOTIFICATION_PREFS_CHANGED,
    /** A physio or admin changed their own e-mail notification choices; no patient. */
    STAFF_NOTIFICATIONS_CHANGED,
    /** An e-mail's unsubscribe link switched one kind off (actor {@code unsubscribe-link}, no login); the kind is the reason. */
    NOTIFICATION_UNSUBSCRIBED,
    /** An admin listed notifications of the outbox: one row per patient disclosed. */
    NOTIFICATIONS_LISTED
}
