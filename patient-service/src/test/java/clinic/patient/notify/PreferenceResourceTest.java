package clinic.patient.notify;

import static clinic.patient.notify.NotifyFixtures.activate;
import static clinic.patient.notify.NotifyFixtures.audit;
import static clinic.patient.notify.NotifyFixtures.getPreferences;
import static clinic.patient.notify.NotifyFixtures.patientWithLogin;
import static clinic.patient.notify.NotifyFixtures.preferences;
import static clinic.patient.notify.NotifyFixtures.putPreferences;
import static clinic.patient.testing.Fixtures.TOKENS;
import static clinic.patient.testing.Fixtures.readAsPhysio;
import static clinic.patient.testing.Fixtures.unique;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import clinic.patient.notify.NotifyFixtures.Person;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code /api/me/preferences} and {@code /api/staff/me/notifications}: each caller reaches only their own choices,
 * a change is validated field by field (422 naming the field), stored, audited and answered with the new state. Here
 * Keycloak is down (the test profile's closed port): whether e-mail reaches someone is then UNKNOWN, never guessed;
 * {@link PreferencesWithKeycloakTest} covers verified and unverified addresses.
 */
@QuarkusTest
class PreferenceResourceTest {

    @Inject
    EntityManager em;

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void aPatientWithoutChoicesSeesTheDefaultsAndTheAddressOfTheirRecord() {
        Person p = patientWithLogin(em);
        getPreferences(p.token())
                .then()
                .statusCode(200)
                .body("email", equalTo(p.email()))
                // Invited, no password yet: nothing can be sent, and Keycloak need not be asked.
                .body("emailVerified", equalTo(false))
                .body("emailStatus", equalTo("NO_LOGIN"))
                .body("emailEnabled", equalTo(true))
                .body("exerciseReminder", equalTo(true))
                .body("inactivityNudge", equalTo(true))
                .body("measureDue", equalTo(true))
                .body("programUpdate", equalTo(true))
                .body("reminderTime", equalTo("18:00"))
                .body("timeZone", equalTo("Europe/London"))
                .body("quietStart", nullValue())
                .body("quietEnd", nullValue())
                .body("language", nullValue())
                .body("updatedAt", nullValue());
    }

    @Test
    void withKeycloakDownWhetherTheAddressIsVerifiedIsUnknownNotFalse() {
        Person p = patientWithLogin(em);
        activate(em, p.id());
        getPreferences(p.token())
                .then()
                .statusCode(200)
                .body("email", equalTo(p.email()))
                .body("emailVerified", nullValue())
                .body("emailStatus", equalTo("UNKNOWN"));
    }

    @Test
    void aPatientChangesTheirChoicesWhichAreStoredAuditedAndAnswered() {
        Person p = patientWithLogin(em);
        putPreferences(p.token(), preferences())
                .then()
                .statusCode(200)
                .body("exerciseReminder", equalTo(false))
                .body("measureDue", equalTo(false))
                .body("reminderTime", equalTo("07:45"))
                .body("timeZone", equalTo("America/New_York"))
                .body("quietStart", equalTo("22:00"))
                .body("quietEnd", equalTo("06:30"))
                .body("language", equalTo("es"));
        getPreferences(p.token())
                .then()
                .statusCode(200)
                .body("emailEnabled", equalTo(true))
                .body("exerciseReminder", equalTo(false))
                .body("inactivityNudge", equalTo(true))
                .body("measureDue", equalTo(false))
                .body("programUpdate", equalTo(true))
                .body("reminderTime", equalTo("07:45"))
                .body("timeZone", equalTo("America/New_York"))
                .body("quietStart", equalTo("22:00"))
                .body("quietEnd", equalTo("06:30"))
                .body("language", equalTo("es"))
                .body("updatedAt", org.hamcrest.Matchers.notNullValue());
        List<Map<String, Object>> rows = audit(p.id(), "NOTIFICATION_PREFS_CHANGED");
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).get("user")).isEqualTo(p.email());
        assertThat(rows.get(0).get("role")).isEqualTo("patient");

        // Back to the clinic's zone, no quiet hours, the clinic's language: null clears them.
        Map<String, Object> cleared = preferences();
        cleared.put("timeZone", null);
        cleared.put("quietStart", null);
        cleared.put("quietEnd", null);
        cleared.put("language", null);
        putPreferences(p.token(), cleared)
                .then()
                .statusCode(200)
                .body("timeZone", equalTo("Europe/London"))
                .body("quietStart", nullValue())
                .body("quietEnd", nullValue())
                .body("language", nullValue());
        assertThat(audit(p.id(), "NOTIFICATION_PREFS_CHANGED")).hasSize(2);
    }

    @Test
    void theReadOnlyFieldsOfTheAnswerMaySentBackAndChangeNothing() {
        Person p = patientWithLogin(em);
        Map<String, Object> body = preferences();
        body.put("email", "someone-else@example.test");
        body.put("emailVerified", true);
        body.put("emailStatus", null);
        body.put("updatedAt", "2020-01-01T00:00:00Z");
        putPreferences(p.token(), body)
                .then()
                .statusCode(200)
                .body("email", equalTo(p.email()))
                .body("emailVerified", equalTo(false));
        assertThat(readAsPhysio(p.id()).getString("email")).isEqualTo(p.email());
        // Anything else unknown is still refused, as everywhere in this service.
        body.put("reminderHour", 7);
        putPreferences(p.token(), body).then().statusCode(400).body("violations[0].field", equalTo("reminderHour"));
    }

    @Test
    void aPatientChangesOnlyTheirOwnChoices() {
        Person a = patientWithLogin(em);
        Person b = patientWithLogin(em);
        putPreferences(a.token(), preferences()).then().statusCode(200);
        getPreferences(b.token())
                .then()
                .statusCode(200)
                .body("email", equalTo(b.email()))
                .body("exerciseReminder", equalTo(true))
                .body("language", nullValue())
                .body("updatedAt", nullValue());
    }

    static Stream<Arguments> invalidFields() {
        return Stream.of(
                Arguments.of("reminderTime", "25:00", "reminderTime", "HH:mm"),
                Arguments.of("reminderTime", "6pm", "reminderTime", "HH:mm"),
                Arguments.of("reminderTime", "18:00:00", "reminderTime", "HH:mm"),
                Arguments.of("reminderTime", null, "reminderTime", "required"),
                Arguments.of("timeZone", "Mars/Olympus_Mons", "timeZone", "time zone"),
                Arguments.of("timeZone", "+02:00", "timeZone", "time zone"),
                Arguments.of("quietStart", "7:00", "quietStart", "HH:mm"),
                Arguments.of("quietEnd", null, "quietEnd", "required when quietStart"),
                Arguments.of("quietStart", null, "quietStart", "required when quietEnd"),
                Arguments.of("quietEnd", "22:00", "quietEnd", "must differ from quietStart"),
                Arguments.of("language", "fr", "language", "en or es"),
                Arguments.of("emailEnabled", null, "emailEnabled", "required"),
                Arguments.of("programUpdate", null, "programUpdate", "required"));
    }

    @ParameterizedTest(name = "{0} = {1}")
    @MethodSource("invalidFields")
    void anInvalidFieldIsA422NamingItAndNothingIsStored(String field, String value, String named, String says) {
        Person p = patientWithLogin(em);
        Map<String, Object> body = preferences();
        body.put(field, value);
        putPreferences(p.token(), body)
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("title", equalTo("Invalid preferences"))
                .body("violations.field", contains(named))
                .body("violations[0].message", containsString(says))
                .body("detail", containsString(named));
        getPreferences(p.token()).then().statusCode(200).body("updatedAt", nullValue());
        assertThat(audit(p.id(), "NOTIFICATION_PREFS_CHANGED")).isEmpty();
    }

    @Test
    void everyInvalidFieldIsNamedInOneAnswer() {
        Person p = patientWithLogin(em);
        Map<String, Object> body = preferences();
        body.put("reminderTime", "later");
        body.put("timeZone", "Nowhere/Else");
        body.put("language", "de");
        body.remove("measureDue");
        putPreferences(p.token(), body)
                .then()
                .statusCode(422)
                .body("violations.field", contains("measureDue", "reminderTime", "timeZone", "language"));
    }

    @Test
    void aSwitchThatIsNotTrueOrFalseIsA400() {
        Person p = patientWithLogin(em);
        Map<String, Object> body = preferences();
        body.put("emailEnabled", "maybe");
        putPreferences(p.token(), body).then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void onlyPatientsHavePatientPreferencesAndOnlyWhenARecordIsLinked() {
        for (String token : List.of(TOKENS.physio("physio"), TOKENS.admin("admin"))) {
            getPreferences(token).then().statusCode(403).contentType("application/problem+json");
            putPreferences(token, preferences()).then().statusCode(403);
        }
        given().get("/api/me/preferences").then().statusCode(401);
        given().contentType(ContentType.JSON)
                .body(preferences())
                .put("/api/me/preferences")
                .then()
                .statusCode(401);
        String stranger = TOKENS.patient(unique("nobody-") + "@example.test");
        getPreferences(stranger).then().statusCode(404).contentType("application/problem+json");
        putPreferences(stranger, preferences()).then().statusCode(404);
    }

    // ---- staff ----

    private static io.restassured.response.Response getStaff(String token) {
        return given().auth().oauth2(token).get("/api/staff/me/notifications");
    }

    private static io.restassured.response.Response putStaff(String token, Object body) {
        return given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(body)
                .put("/api/staff/me/notifications");
    }

    @Test
    void aPhysioSeesBothStaffEmailsOnAndUrgentAlertsAlwaysOn() {
        getStaff(TOKENS.physio(unique("physio-new-")))
                .then()
                .statusCode(200)
                .body("urgentAlerts", equalTo(true))
                .body("dailyDigest", equalTo(true))
                .body("weeklySummary", equalTo(true))
                .body("timeZone", equalTo("Europe/London"))
                .body("email", nullValue())
                .body("emailVerified", nullValue())
                .body("emailStatus", equalTo("UNKNOWN"));
    }

    @Test
    void physiosAndAdminsChangeTheirOwnStaffEmailsAudited() {
        String physio = unique("physio-digest-");
        String admin = unique("admin-weekly-");
        Map<String, Object> body = new HashMap<>();
        body.put("dailyDigest", false);
        body.put("weeklySummary", true);
        body.put("timeZone", "Europe/Madrid");
        body.put("urgentAlerts", true);
        body.put("emailVerified", true);
        putStaff(TOKENS.physio(physio), body)
                .then()
                .statusCode(200)
                .body("dailyDigest", equalTo(false))
                .body("weeklySummary", equalTo(true))
                .body("urgentAlerts", equalTo(true))
                .body("timeZone", equalTo("Europe/Madrid"))
                .body("language", equalTo("en"));
        getStaff(TOKENS.physio(physio)).then().body("dailyDigest", equalTo(false));
        // The e-mails' language: Spanish when chosen, English when not given.
        body.put("language", "es");
        putStaff(TOKENS.physio(physio), body).then().statusCode(200).body("language", equalTo("es"));
        getStaff(TOKENS.physio(physio)).then().body("language", equalTo("es"));
        body.remove("language");

        body.put("dailyDigest", true);
        body.put("weeklySummary", false);
        body.remove("timeZone");
        putStaff(TOKENS.admin(admin), body)
                .then()
                .statusCode(200)
                .body("weeklySummary", equalTo(false))
                .body("timeZone", equalTo("Europe/London"));
        // Each login has its own: the physio's choice is untouched by the admin's.
        getStaff(TOKENS.physio(physio))
                .then()
                .body("dailyDigest", equalTo(false))
                .body("weeklySummary", equalTo(true));

        List<Map<String, Object>> rows = audit(null, "STAFF_NOTIFICATIONS_CHANGED");
        assertThat(rows).extracting(r -> r.get("user")).contains(physio, admin);
    }

    @Test
    void urgentAlertsCannotBeSwitchedOffAndStaffFieldsAreValidated() {
        String physio = unique("physio-urgent-");
        Map<String, Object> body = new HashMap<>();
        body.put("dailyDigest", false);
        body.put("weeklySummary", false);
        body.put("urgentAlerts", false);
        putStaff(TOKENS.physio(physio), body)
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("violations.field", contains("urgentAlerts"))
                .body("violations[0].message", containsString("cannot be switched off"));
        body.put("urgentAlerts", true);
        body.put("timeZone", "Europe/Londres");
        body.put("language", "fr");
        body.remove("weeklySummary");
        putStaff(TOKENS.physio(physio), body)
                .then()
                .statusCode(422)
                .body("violations.field", contains("weeklySummary", "timeZone", "language"));
        getStaff(TOKENS.physio(physio)).then().body("dailyDigest", equalTo(true));
    }

    @Test
    void patientsHaveNoStaffEmails() {
        Person p = patientWithLogin(em);
        getStaff(p.token()).then().statusCode(403).contentType("application/problem+json");
        Map<String, Object> body = Map.of("dailyDigest", false, "weeklySummary", false);
        putStaff(p.token(), body).then().statusCode(403);
        given().get("/api/staff/me/notifications").then().statusCode(401);
    }
}
