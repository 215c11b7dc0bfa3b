package clinic.patient.notify;

import static clinic.patient.notify.NotifyFixtures.getPreferences;
import static clinic.patient.testing.Fixtures.TOKENS;
import static clinic.patient.testing.Fixtures.newPatient;
import static clinic.patient.testing.Fixtures.registerPatient;
import static clinic.patient.testing.Fixtures.unique;
import static clinic.patient.testing.Fixtures.uniqueEmail;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import clinic.patient.testing.FakeKeycloak;
import clinic.patient.testing.WithFakeKeycloak;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.HashMap;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Whether e-mail can reach the caller, as the preferences pages show it, decided by the same rule the sender uses
 * ({@link Recipients}) against {@link FakeKeycloak}: a verified login with the record's address, an unverified one,
 * a login whose address differs from the record's, and staff logins.
 */
@QuarkusTest
@TestProfile(WithFakeKeycloak.class)
class PreferencesWithKeycloakTest {

    @ConfigProperty(name = "clinic.keycloak.url")
    String keycloakUrl;

    @Inject
    EntityManager em;

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    /** A patient with an ACTIVE login {@code email} whose Keycloak user has {@code loginEmail}, verified or not. */
    private String patient(String loginEmail, boolean verified) {
        String email = uniqueEmail();
        // Registered without an e-mail (no login made), then linked as an invitation accepted would leave it.
        long id = registerPatient(newPatient());
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                        "UPDATE patient SET email = ?1, account = 'ACTIVE', account_username" + " = ?1 WHERE id = ?2")
                .setParameter(1, email)
                .setParameter(2, id)
                .executeUpdate());
        seed(email, loginEmail == null ? email : loginEmail, verified);
        return email;
    }

    private void seed(String username, String email, boolean verified) {
        Map<String, Object> user = new HashMap<>();
        user.put("username", username);
        user.put("email", email);
        user.put("emailVerified", verified);
        user.put("enabled", true);
        given().contentType(ContentType.JSON)
                .body(user)
                .post(keycloakUrl + "/_fake/users")
                .then()
                .statusCode(201);
    }

    @Test
    void aVerifiedAddressIsShownAsVerified() {
        String email = patient(null, true);
        getPreferences(TOKENS.patient(email))
                .then()
                .statusCode(200)
                .body("email", equalTo(email))
                .body("emailVerified", equalTo(true))
                .body("emailStatus", nullValue());
    }

    @Test
    void anUnverifiedAddressSaysSo() {
        String email = patient(null, false);
        getPreferences(TOKENS.patient(email))
                .then()
                .statusCode(200)
                .body("emailVerified", equalTo(false))
                .body("emailStatus", equalTo("EMAIL_NOT_VERIFIED"));
    }

    @Test
    void aRecordAddressThatIsNotTheLoginsIsNotVerified() {
        String email = patient(uniqueEmail(), true);
        getPreferences(TOKENS.patient(email))
                .then()
                .statusCode(200)
                .body("email", equalTo(email))
                .body("emailVerified", equalTo(false))
                .body("emailStatus", equalTo("EMAIL_DIFFERS_FROM_LOGIN"));
    }

    @Test
    void staffSeeTheirLoginsAddressAndWhetherItIsVerified() {
        String physio = unique("physio-mail-");
        seed(physio, physio + "@staff.clinic.test", true);
        given().auth()
                .oauth2(TOKENS.physio(physio))
                .get("/api/staff/me/notifications")
                .then()
                .statusCode(200)
                .body("email", equalTo(physio + "@staff.clinic.test"))
                .body("emailVerified", equalTo(true))
                .body("emailStatus", nullValue())
                .body("urgentAlerts", equalTo(true));
        String unverified = unique("physio-unverified-");
        seed(unverified, unverified + "@staff.clinic.test", false);
        given().auth()
                .oauth2(TOKENS.physio(unverified))
                .get("/api/staff/me/notifications")
                .then()
                .statusCode(200)
                // Shown so they know which address to verify; nothing is sent to it until they do.
                .body("email", equalTo(unverified + "@staff.clinic.test"))
                .body("emailVerified", equalTo(false))
                .body("emailStatus", equalTo("EMAIL_NOT_VERIFIED"));
        given().auth()
                .oauth2(TOKENS.admin(unique("admin-without-login-")))
                .get("/api/staff/me/notifications")
                .then()
                .statusCode(200)
                .body("email", nullValue())
                .body("emailVerified", equalTo(false))
                .body("emailStatus", equalTo("NO_LOGIN"));
    }
}
