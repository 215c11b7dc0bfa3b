package clinic.patient.patient;

/** The patient's portal login: none (no e-mail), waiting for Keycloak, or created and linked. */
public enum AccountState {
    NONE,
    PENDING,
    ACTIVE
}
