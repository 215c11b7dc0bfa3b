package clinic.patient.notify;

import static clinic.patient.testing.Fixtures.TOKENS;
import static clinic.patient.testing.Fixtures.newPatient;
import static clinic.patient.testing.Fixtures.registerPatient;
import static clinic.patient.testing.Fixtures.uniqueEmail;
import static io.restassured.RestAssured.given;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.persistence.EntityManager;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Patients with a login of their own, preference bodies and audit look-ups for the notify tests. */
final class NotifyFixtures {

    private NotifyFixtures() {}

    /** A registered patient whose login (user name = e-mail) finds the record, as after registration. */
    record Person(long id, String email) {

        String token() {
            return TOKENS.patient(email);
        }
    }

    /**
     * A patient invited to the portal whose login (user name = e-mail) finds the record. Keycloak is down in the
     * default test profile, so the link the invitation would make is written here.
     */
    static Person patientWithLogin(EntityManager em) {
        String email = uniqueEmail();
        Map<String, Object> body = newPatient();
        body.put("email", email);
        long id = registerPatient(body);
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                        "UPDATE patient SET account = 'INVITED', account_username = ?1 WHERE id = ?2")
                .setParameter(1, email)
                .setParameter(2, id)
                .executeUpdate());
        return new Person(id, email);
    }

    /** The login is set up (a password was chosen): the state in which e-mail may go, if Keycloak agrees. */
    static void activate(EntityManager em, long patientId) {
        QuarkusTransaction.requiringNew()
                .run(() -> em.createNativeQuery("UPDATE patient SET account = 'ACTIVE' WHERE id = ?1")
                        .setParameter(1, patientId)
                        .executeUpdate());
    }

    /** A full, valid PUT body. */
    static Map<String, Object> preferences() {
        Map<String, Object> body = new HashMap<>();
        body.put("emailEnabled", true);
        body.put("exerciseReminder", false);
        body.put("inactivityNudge", true);
        body.put("measureDue", false);
        body.put("programUpdate", true);
        body.put("reminderTime", "07:45");
        body.put("timeZone", "America/New_York");
        body.put("quietStart", "22:00");
        body.put("quietEnd", "06:30");
        body.put("language", "es");
        return body;
    }

    static Response getPreferences(String token) {
        return given().auth().oauth2(token).get("/api/me/preferences");
    }

    static Response putPreferences(String token, Object body) {
        return given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(body)
                .put("/api/me/preferences");
    }

    /** The patient-service audit rows of one patient and action, newest first. */
    static List<Map<String, Object>> audit(Long patientId, String action) {
        var request = given().auth()
                .oauth2(TOKENS.admin("admin"))
                .queryParam("action", action)
                .queryParam("size", 100);
        if (patientId != null) {
            request = request.queryParam("patientId", patientId);
        }
        JsonPath page =
                request.get("/api/audit").then().statusCode(200).extract().jsonPath();
        return page.getList("items");
    }
}
