package clinic.patient.registry;

/** Formats shared by the create and update payloads. */
final class PatientFields {

    /** Digits, spaces, brackets and dashes, with an optional leading plus: what people type for a phone. */
    static final String PHONE = "^\\+?[0-9 ()-]{6,20}$";

    /** Bean Validation's @Email accepts "a@b"; a clinic needs a deliverable address with a domain. */
    static final String EMAIL = "^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$";

    /** Keycloak user names as the realm issues them. */
    static final String USERNAME = "^[A-Za-z0-9._@-]{1,100}$";

    /** At most this many physios in a care team besides the care physio. */
    static final int MAX_TEAM = 20;

    private PatientFields() {}
}
