package clinic.patient.account;

import clinic.patient.patient.FirstLogin;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * Patient logins in Keycloak. Every method may throw whatever the REST client throws when Keycloak is down or
 * refuses; callers decide whether that means "retry later" or 503.
 */
@ApplicationScoped
public class KeycloakAccounts {

    static final String PATIENTS_GROUP = "/patients";
    private static final Set<String> STAFF_ROLES = Set.of("physio", "admin");

    private final KeycloakAdminClient keycloak;

    public KeycloakAccounts(@RestClient KeycloakAdminClient keycloak) {
        this.keycloak = keycloak;
    }

    /** A login that now exists for the patient; {@code firstLogin} only when it was created just now. */
    public record Login(String username, FirstLogin firstLogin) {}

    /**
     * Links the existing user with this e-mail (searching first is what keeps retries from creating duplicates),
     * or creates one in group {@code /patients} with a temporary password.
     *
     * @throws StaffLoginRefused if the e-mail belongs to a staff login
     */
    public Login ensure(String email, String givenName, String familyName) {
        List<KeycloakAdminClient.User> found = keycloak.findByEmail(email, true);
        if (!found.isEmpty()) {
            KeycloakAdminClient.User user = found.get(0);
            refuseStaff(user.id());
            keycloak.joinGroup(user.id(), patientsGroupId());
            return new Login(user.username(), null);
        }
        String username = email.toLowerCase(Locale.ROOT);
        String password = TemporaryPasswords.generate();
        KeycloakAdminClient.User user = new KeycloakAdminClient.User(
                null,
                username,
                givenName,
                familyName,
                email,
                true,
                true,
                List.of(PATIENTS_GROUP),
                List.of("UPDATE_PASSWORD"),
                List.of(KeycloakAdminClient.Credential.temporaryPassword(password)));
        keycloak.create(user).close();
        return new Login(username, new FirstLogin(username, password));
    }

    /**
     * Gives an existing patient login a new temporary password (Keycloak then asks for a new one at next login).
     *
     * @return empty if there is no user with that name
     * @throws StaffLoginRefused if the user is staff
     */
    public java.util.Optional<FirstLogin> resetTemporaryPassword(String username) {
        List<KeycloakAdminClient.User> found = keycloak.findByUsername(username, true);
        if (found.isEmpty()) {
            return java.util.Optional.empty();
        }
        KeycloakAdminClient.User user = found.get(0);
        refuseStaff(user.id());
        String password = TemporaryPasswords.generate();
        keycloak.resetPassword(user.id(), KeycloakAdminClient.Credential.temporaryPassword(password));
        return java.util.Optional.of(new FirstLogin(user.username(), password));
    }

    private void refuseStaff(String userId) {
        // A patient record must never take over (or reset) a physio's or admin's login.
        boolean staff =
                keycloak.effectiveRealmRoles(userId).stream().anyMatch(role -> STAFF_ROLES.contains(role.name()));
        if (staff) {
            throw new StaffLoginRefused();
        }
    }

    private String patientsGroupId() {
        return keycloak.findGroups("patients", true).stream()
                .filter(g -> PATIENTS_GROUP.equals(g.path()))
                .map(KeycloakAdminClient.Group::id)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("group /patients is missing in the realm"));
    }

    /** The e-mail or user name belongs to staff: no patient may be linked to it. */
    public static class StaffLoginRefused extends RuntimeException {
        StaffLoginRefused() {
            super("the login belongs to staff", null, false, false);
        }
    }
}
