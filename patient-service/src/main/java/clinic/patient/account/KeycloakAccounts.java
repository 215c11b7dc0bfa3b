package clinic.patient.account;

import clinic.patient.outbound.KeycloakAdminClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * Patient logins in Keycloak. No password is ever made, seen or sent here: a new login has none, and Keycloak
 * e-mails the patient a link to set one ({@link #invite}). Every method may throw whatever the REST client throws
 * when Keycloak is down or refuses; callers decide whether that means "retry later" or 503.
 */
@ApplicationScoped
public class KeycloakAccounts {

    static final String PATIENTS_GROUP = "/patients";
    /** What the invitation link makes the patient do: choose a password, and prove the address is theirs. */
    static final List<String> INVITATION_ACTIONS = List.of("UPDATE_PASSWORD", "VERIFY_EMAIL");

    private static final Set<String> STAFF_ROLES = Set.of("physio", "admin");

    private final KeycloakAdminClient keycloak;
    private final String clientId;
    private final String redirectUri;
    private final Duration lifespan;

    public KeycloakAccounts(
            @RestClient KeycloakAdminClient keycloak,
            @ConfigProperty(name = "clinic.accounts.invitation.client-id") String clientId,
            @ConfigProperty(name = "clinic.accounts.invitation.redirect-uri") String redirectUri,
            @ConfigProperty(name = "clinic.accounts.invitation.lifespan") Duration lifespan) {
        this.keycloak = keycloak;
        this.clientId = clientId;
        this.redirectUri = redirectUri;
        this.lifespan = lifespan;
    }

    /**
     * A login that now exists for the patient.
     *
     * @param hasPassword the patient has set a password already (a linked, used login)
     */
    public record Login(String userId, String username, boolean hasPassword) {}

    /**
     * Links the existing user with this e-mail (searching first is what keeps retries from creating duplicates),
     * or creates one in group {@code /patients}, e-mail not yet verified, without any credential.
     *
     * @throws StaffLoginRefused if the e-mail belongs to a staff login
     */
    public Login ensure(String email, String givenName, String familyName) {
        List<KeycloakAdminClient.User> found = keycloak.findByEmail(email, true);
        if (!found.isEmpty()) {
            return link(found.get(0));
        }
        String username = email.toLowerCase(Locale.ROOT);
        KeycloakAdminClient.User user = new KeycloakAdminClient.User(
                null, username, givenName, familyName, email, false, true, List.of(PATIENTS_GROUP), List.of());
        String id;
        try (Response created = keycloak.create(user)) {
            id = idFrom(created);
        }
        if (id == null) {
            // No Location header: find the user just made by its (unique) user name.
            id = keycloak.findByUsername(username, true).stream()
                    .map(KeycloakAdminClient.User::id)
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("created login not found"));
        }
        return new Login(id, username, false);
    }

    /**
     * The existing login with this user name, if any.
     *
     * @throws StaffLoginRefused if the user is staff
     */
    public Optional<Login> byUsername(String username) {
        return keycloak.findByUsername(username, true).stream().findFirst().map(this::link);
    }

    /** Has Keycloak e-mail the invitation (set a password, verify the address) to the login's address. */
    public void invite(Login login) {
        keycloak.executeActionsEmail(login.userId(), clientId, redirectUri, lifespan.toSeconds(), INVITATION_ACTIONS);
    }

    private Login link(KeycloakAdminClient.User user) {
        refuseStaff(user.id());
        keycloak.joinGroup(user.id(), patientsGroupId());
        boolean hasPassword = keycloak.credentials(user.id()).stream().anyMatch(c -> "password".equals(c.type()));
        return new Login(user.id(), user.username(), hasPassword);
    }

    private static String idFrom(Response created) {
        if (created.getLocation() == null) {
            return null;
        }
        String path = created.getLocation().getPath();
        return path.substring(path.lastIndexOf('/') + 1);
    }

    private void refuseStaff(String userId) {
        // A patient record must never take over (or send a password link for) a physio's or admin's login.
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
