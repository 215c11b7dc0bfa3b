package clinic.patient.notify;

import clinic.patient.outbound.KeycloakAdminClient;
import clinic.patient.registry.AccountState;
import clinic.patient.registry.Patient;
import clinic.patient.registry.PatientStatus;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * Where a notification may go, decided when it is sent: never to an address the recipient has not verified. A
 * patient's address is the patient record's e-mail, and only when the patient's own login (Keycloak) has the same
 * address and Keycloak says they verified it (by the invitation link, or an admin who checked it); a change of the
 * record's e-mail stops every e-mail until the new address is verified. A staff login's address is the one Keycloak
 * holds, verified.
 *
 * <p>Keycloak down: {@link DirectoryUnavailable}, so the sender tries again later rather than deciding anything.
 */
@ApplicationScoped
public class Recipients {

    /** A verified address, and the name to greet the recipient by (a given name, never the full name). */
    public record Address(String email, String greeting) {}

    /** An address, or why there is none (a code kept on the notification row). */
    public record Lookup(Optional<Address> address, String refusal) {

        static Lookup to(String email, String greeting) {
            return new Lookup(Optional.of(new Address(email, greeting)), null);
        }

        static Lookup refused(String code) {
            return new Lookup(Optional.empty(), code);
        }
    }

    public static final String NO_EMAIL = "NO_EMAIL";
    public static final String NO_LOGIN = "NO_LOGIN";
    public static final String NOT_VERIFIED = "EMAIL_NOT_VERIFIED";
    public static final String ADDRESS_CHANGED = "EMAIL_DIFFERS_FROM_LOGIN";
    public static final String PATIENT_INACTIVE = "PATIENT_INACTIVE";
    public static final String LOGIN_DISABLED = "LOGIN_DISABLED";

    /** Keycloak did not answer: nothing can be decided now. */
    public static class DirectoryUnavailable extends RuntimeException {
        public DirectoryUnavailable(Throwable cause) {
            super("the login directory (Keycloak) did not answer", cause, false, false);
        }
    }

    private final KeycloakAdminClient keycloak;

    public Recipients(@RestClient KeycloakAdminClient keycloak) {
        this.keycloak = keycloak;
    }

    /** The patient's verified address, or why there is none. */
    public Lookup patient(Patient patient) {
        if (patient.status != PatientStatus.ACTIVE) {
            return Lookup.refused(PATIENT_INACTIVE);
        }
        if (patient.email == null || patient.email.isBlank()) {
            return Lookup.refused(NO_EMAIL);
        }
        if (patient.account != AccountState.ACTIVE || patient.accountUsername == null) {
            return Lookup.refused(NO_LOGIN);
        }
        Optional<KeycloakAdminClient.User> login = user(patient.accountUsername);
        if (login.isEmpty()) {
            return Lookup.refused(NO_LOGIN);
        }
        KeycloakAdminClient.User user = login.get();
        if (Boolean.FALSE.equals(user.enabled())) {
            return Lookup.refused(LOGIN_DISABLED);
        }
        if (user.email() == null || !same(user.email(), patient.email)) {
            return Lookup.refused(ADDRESS_CHANGED);
        }
        if (!Boolean.TRUE.equals(user.emailVerified())) {
            return Lookup.refused(NOT_VERIFIED);
        }
        return Lookup.to(patient.email, patient.givenName);
    }

    /** A staff login's verified address, or why there is none. */
    public Lookup staff(String username) {
        Optional<KeycloakAdminClient.User> login = user(username);
        if (login.isEmpty()) {
            return Lookup.refused(NO_LOGIN);
        }
        KeycloakAdminClient.User user = login.get();
        if (Boolean.FALSE.equals(user.enabled())) {
            return Lookup.refused(LOGIN_DISABLED);
        }
        if (user.email() == null || user.email().isBlank()) {
            return Lookup.refused(NO_EMAIL);
        }
        if (!Boolean.TRUE.equals(user.emailVerified())) {
            return Lookup.refused(NOT_VERIFIED);
        }
        return Lookup.to(user.email(), user.firstName() != null ? user.firstName() : user.username());
    }

    private Optional<KeycloakAdminClient.User> user(String username) {
        List<KeycloakAdminClient.User> found;
        try {
            found = keycloak.findByUsername(username, true);
        } catch (RuntimeException e) {
            throw new DirectoryUnavailable(e);
        }
        return found.stream()
                .filter(u -> u.username() != null && u.username().equalsIgnoreCase(username))
                .findFirst();
    }

    private static boolean same(String a, String b) {
        return a.trim().toLowerCase(Locale.ROOT).equals(b.trim().toLowerCase(Locale.ROOT));
    }
}
