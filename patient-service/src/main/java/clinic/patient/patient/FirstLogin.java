package clinic.patient.patient;

/**
 * What a new patient needs to log in the first time. Shown once in the response that created it; the password is
 * temporary (Keycloak makes the patient choose a new one) and this service never stores or logs it.
 */
public record FirstLogin(String username, String temporaryPassword) {

    @Override
    public String toString() {
        return "FirstLogin[username=" + username + ", temporaryPassword=***]";
    }
}
