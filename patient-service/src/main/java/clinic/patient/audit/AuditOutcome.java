package clinic.patient.audit;

/** Whether the audited action was done, or refused (403 not in care team, 404 on a patient's data). */
public enum AuditOutcome {
    ALLOWED,
    REFUSED
}
