package clinic.patient;

import static clinic.patient.Fixtures.TOKENS;
import static clinic.patient.Fixtures.newPatient;
import static clinic.patient.Fixtures.uniqueEmail;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Provisioning against {@link FakeKeycloak}: what is sent to Keycloak, and what the physio gets back once. */
@QuarkusTest
@TestProfile(WithFakeKeycloak.class)
class AccountProvisioningWithKeycloakTest {

    @ConfigProperty(name = "clinic.keycloak.url")
    String keycloakUrl;

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void registrationCreatesPatientLoginAndShowsTemporaryPasswordOnce() {
        String email = uniqueEmail();
        Map<String, Object> body = newPatient();
        body.put("email", email.toUpperCase());
        JsonPath created = given().auth()
                .oauth2(TOKENS.physio("physio"))
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/patients")
                .then()
                .statusCode(201)
                .body("account", equalTo("ACTIVE"))
                .body("accountUsername", equalTo(email))
                .body("firstLogin.username", equalTo(email))
                .extract()
                .jsonPath();
        String password = created.getString("firstLogin.temporaryPassword");
        assertThat(password)
                .hasSizeGreaterThanOrEqualTo(12)
                .matches("[A-Za-z0-9]+")
                .matches(".*[0-9].*");

        Map<String, Object> user = keycloakUser(email);
        assertThat(user.get("username")).isEqualTo(email);
        assertThat(user.get("firstName")).isEqualTo(body.get("givenName"));
        assertThat(user.get("lastName")).isEqualTo(body.get("familyName"));
        assertThat(user.get("emailVerified")).isEqualTo(true);
        assertThat(user.get("groups")).isEqualTo(List.of("/patients"));
        assertThat(user.get("requiredActions")).isEqualTo(List.of("UPDATE_PASSWORD"));
        assertThat(user.get("credentials"))
                .isEqualTo(List.of(Map.of("type", "password", "value", password, "temporary", true)));

        given().auth()
                .oauth2(TOKENS.physio("physio"))
                .get("/api/patients/{id}", created.getLong("id"))
                .then()
                .statusCode(200)
                .body(not(containsString(password)))
                .body("firstLogin", equalTo(null));
    }

    @Test
    void physioGetsFreshTemporaryPasswordForAnExistingLogin() {
        String email = uniqueEmail();
        Map<String, Object> body = newPatient();
        body.put("email", email);
        JsonPath created = given().auth()
                .oauth2(TOKENS.physio("physio"))
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/patients")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath();
        String first = created.getString("firstLogin.temporaryPassword");
        String fresh = given().auth()
                .oauth2(TOKENS.physio("physio"))
                .post("/api/patients/{id}/account", created.getLong("id"))
                .then()
                .statusCode(200)
                .header("Cache-Control", "no-store")
                .body("firstLogin.username", equalTo(email))
                .extract()
                .path("firstLogin.temporaryPassword");
        assertThat(fresh).isNotEqualTo(first);
        assertThat(keycloakUser(email).get("credentials"))
                .isEqualTo(List.of(Map.of("type", "password", "value", fresh, "temporary", true)));
    }

    @Test
    void existingPatientLoginWithSameEmailIsLinkedNotDuplicated() {
        String email = uniqueEmail();
        seedUser(Map.of("username", "returning-" + email, "email", email));
        Map<String, Object> body = newPatient();
        body.put("email", email);
        given().auth()
                .oauth2(TOKENS.physio("physio"))
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/patients")
                .then()
                .statusCode(201)
                .body("account", equalTo("ACTIVE"))
                .body("accountUsername", equalTo("returning-" + email))
                .body("firstLogin", equalTo(null));
        assertThat(users().stream().filter(u -> email.equals(u.get("email"))))
                .singleElement()
                .satisfies(u -> assertThat(u.get("groups")).isEqualTo(List.of("/patients")));
    }

    @Test
    void staffLoginIsNeverLinkedToAPatient() {
        String email = uniqueEmail();
        seedUser(Map.of("username", "staff-" + email, "email", email, "realmRoles", List.of("physio")));
        Map<String, Object> body = newPatient();
        body.put("email", email);
        given().auth()
                .oauth2(TOKENS.physio("physio"))
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/patients")
                .then()
                .statusCode(201)
                .body("account", equalTo("PENDING"))
                .body("firstLogin", equalTo(null));
    }

    @Test
    void patientReadsOwnRecordThroughLinkedLoginAndNobodyElses() {
        String email = uniqueEmail();
        Map<String, Object> body = newPatient();
        body.put("email", email);
        long id = given().auth()
                .oauth2(TOKENS.physio("physio"))
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/patients")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getLong("id");
        given().auth()
                .oauth2(TOKENS.patient(email))
                .get("/api/patients/me")
                .then()
                .statusCode(200)
                .body("id", equalTo((int) id))
                .body("familyName", equalTo(body.get("familyName")));
        given().auth()
                .oauth2(TOKENS.patient(email))
                .get("/api/patients/{id}", id)
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(TOKENS.patient("someone-else-" + email))
                .get("/api/patients/me")
                .then()
                .statusCode(404);
    }

    private Map<String, Object> keycloakUser(String email) {
        return users().stream()
                .filter(u -> email.equals(u.get("email")))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no Keycloak user for the e-mail"));
    }

    private List<Map<String, Object>> users() {
        return given().get(keycloakUrl + "/_fake/users")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("$");
    }

    private void seedUser(Map<String, Object> user) {
        given().contentType(ContentType.JSON)
                .body(user)
                .post(keycloakUrl + "/_fake/users")
                .then()
                .statusCode(201);
    }
}
