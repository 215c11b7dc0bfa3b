package clinic.patient.registry;

/**
 * The patient's portal login: none (no e-mail); waiting for Keycloak (not created or not invited yet); invited (the
 * login exists and Keycloak has e-mailed the link to set a password); or active (linked to a login that has a
 * password).
 */
public enum AccountState {
    NONE,
    PENDING,
    INVITED,
    ACTIVE
}
