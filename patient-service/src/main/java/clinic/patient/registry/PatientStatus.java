package clinic.patient.registry;

/** Whether the patient is in the clinic's care. Only ACTIVE patients may be cleared for a program. */
public enum PatientStatus {
    ACTIVE,
    DISCHARGED
}
