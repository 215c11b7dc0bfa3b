package clinic.patient.notify;

import static clinic.patient.notify.NotifyFixtures.audit;
import static clinic.patient.notify.NotifyFixtures.getPreferences;
import static clinic.patient.notify.NotifyFixtures.patientWithLogin;
import static clinic.patient.testing.Fixtures.TOKENS;
import static clinic.patient.testing.Fixtures.unique;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import clinic.patient.notify.NotifyFixtures.Person;
import clinic.patient.notify.UnsubscribeTokens.Subject;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The e-mail's unsubscribe link without any login: it stops exactly the kind it was signed for, for exactly its
 * recipient, again and again with the same answer; a link that was changed in any way, signed with another key, or
 * for an URGENT alert is a 400 problem and changes nothing. The audit names the link as the actor.
 */
@QuarkusTest
class UnsubscribeResourceTest {

    @Inject
    UnsubscribeTokens tokens;

    @Inject
    EntityManager em;

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    static Response stop(String token) {
        return given().contentType(ContentType.JSON)
                .body(token == null ? Map.of() : Map.of("token", token))
                .post("/api/notifications/unsubscribe");
    }

    static Response preview(String token) {
        return given().queryParam("token", token).get("/api/notifications/unsubscribe");
    }

    @ParameterizedTest(name = "{0} switches {1} off")
    @CsvSource({
        "EXERCISE_REMINDER, exerciseReminder",
        "INACTIVITY_NUDGE, inactivityNudge",
        "MEASURE_DUE, measureDue",
        "PROGRAM_CHANGED, programUpdate",
        "PROGRAM_PAUSED, programUpdate"
    })
    void aPatientsLinkSwitchesItsKindOffWithoutLoginAndNothingElse(NotificationKind kind, String field) {
        Person p = patientWithLogin(em);
        String token = tokens.sign(Subject.patient(p.id(), kind));

        stop(token)
                .then()
                .statusCode(200)
                .contentType(ContentType.JSON)
                .body("kind", equalTo(kind.name()))
                .body("stopped", equalTo(true))
                .body("audience", equalTo("PATIENT"));

        JsonPath after =
                getPreferences(p.token()).then().statusCode(200).extract().jsonPath();
        for (String other : List.of("exerciseReminder", "inactivityNudge", "measureDue", "programUpdate")) {
            assertThat(after.getBoolean(other)).as(other).isEqualTo(!other.equals(field));
        }
        assertThat(after.getBoolean("emailEnabled")).isTrue();
        List<Map<String, Object>> rows = audit(p.id(), "NOTIFICATION_UNSUBSCRIBED");
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).get("user")).isEqualTo("unsubscribe-link");
        assertThat(rows.get(0).get("role")).isEqualTo("anonymous");
        assertThat(rows.get(0).get("reason")).isEqualTo(kind.name());
    }

    @Test
    void clickingTheLinkAgainAnswersTheSameAndLeavesTheKindOff() {
        Person p = patientWithLogin(em);
        String token = tokens.sign(Subject.patient(p.id(), NotificationKind.EXERCISE_REMINDER));
        stop(token).then().statusCode(200);
        // The patient switches it on again in the portal; an old e-mail's link switches it off again.
        Map<String, Object> on = NotifyFixtures.preferences();
        on.put("exerciseReminder", true);
        NotifyFixtures.putPreferences(p.token(), on).then().statusCode(200);
        stop(token).then().statusCode(200).body("stopped", equalTo(true));
        stop(token)
                .then()
                .statusCode(200)
                .body("kind", equalTo("EXERCISE_REMINDER"))
                .body("stopped", equalTo(true));
        getPreferences(p.token())
                .then()
                .body("exerciseReminder", equalTo(false))
                // What the patient chose otherwise stays as they chose it.
                .body("reminderTime", equalTo("07:45"))
                .body("language", equalTo("es"));
        assertThat(audit(p.id(), "NOTIFICATION_UNSUBSCRIBED"))
                .extracting(r -> r.get("reason"))
                .containsExactly("EXERCISE_REMINDER (already off)", "EXERCISE_REMINDER", "EXERCISE_REMINDER");
    }

    @Test
    void theConfirmationPageAsksWhatTheLinkStopsWithoutChangingAnything() {
        Person p = patientWithLogin(em);
        preview(tokens.sign(Subject.patient(p.id(), NotificationKind.PROGRAM_PAUSED)))
                .then()
                .statusCode(200)
                .body("kind", equalTo("PROGRAM_PAUSED"))
                .body("audience", equalTo("PATIENT"))
                .body("description", containsString("program"));
        preview(tokens.sign(Subject.staff("physio", NotificationKind.ALERT_DIGEST)))
                .then()
                .statusCode(200)
                .body("kind", equalTo("ALERT_DIGEST"))
                .body("audience", equalTo("STAFF"))
                .body("description", containsString("digest"));
        getPreferences(p.token()).then().body("programUpdate", equalTo(true));
        assertThat(audit(p.id(), "NOTIFICATION_UNSUBSCRIBED")).isEmpty();
    }

    @Test
    void aStaffLinkStopsThatLoginsDigestOrWeeklySummary() {
        String physio = unique("physio-unsub-");
        String admin = unique("admin-unsub-");
        stop(tokens.sign(Subject.staff(physio, NotificationKind.ALERT_DIGEST)))
                .then()
                .statusCode(200)
                .body("kind", equalTo("ALERT_DIGEST"))
                .body("audience", equalTo("STAFF"));
        stop(tokens.sign(Subject.staff(admin, NotificationKind.WEEKLY_SUMMARY)))
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(TOKENS.physio(physio))
                .get("/api/staff/me/notifications")
                .then()
                .body("dailyDigest", equalTo(false))
                .body("weeklySummary", equalTo(true))
                .body("urgentAlerts", equalTo(true));
        given().auth()
                .oauth2(TOKENS.admin(admin))
                .get("/api/staff/me/notifications")
                .then()
                .body("dailyDigest", equalTo(true))
                .body("weeklySummary", equalTo(false));
        assertThat(audit(null, "NOTIFICATION_UNSUBSCRIBED"))
                .extracting(r -> r.get("reason"))
                .contains("ALERT_DIGEST for " + physio, "WEEKLY_SUMMARY for " + admin);
    }

    @Test
    void urgentAlertsCannotBeUnsubscribed() {
        String token = tokens.sign(Subject.staff("physio", NotificationKind.URGENT_ALERT));
        for (Response answer : List.of(stop(token), preview(token))) {
            answer.then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("type", equalTo(UnsubscribeRefusal.TYPE))
                    .body("detail", containsString("cannot be switched off"));
        }
    }

    @Test
    void aChangedForeignOrMalformedLinkIsA400AndChangesNothing() {
        Person p = patientWithLogin(em);
        Person other = patientWithLogin(em);
        String good = tokens.sign(Subject.patient(p.id(), NotificationKind.EXERCISE_REMINDER));
        int dot = good.indexOf('.');
        String payload = good.substring(0, dot);
        String signature = good.substring(dot + 1);
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();

        // Another patient's id (or another kind) under this link's signature.
        String otherPatient =
                b64.encodeToString(("P:" + other.id() + ":EXERCISE_REMINDER").getBytes(StandardCharsets.UTF_8)) + "."
                        + signature;
        String otherKind =
                b64.encodeToString(("P:" + p.id() + ":MEASURE_DUE").getBytes(StandardCharsets.UTF_8)) + "." + signature;
        // One character of the signature changed.
        char last = signature.charAt(signature.length() - 2);
        String flipped = payload + "." + signature.substring(0, signature.length() - 2) + (last == 'A' ? 'B' : 'A')
                + signature.charAt(signature.length() - 1);
        // Signed with a key that is not the clinic's.
        String foreign = new UnsubscribeTokens("a-key-that-is-not-the-clinics")
                .sign(Subject.patient(p.id(), NotificationKind.EXERCISE_REMINDER));
        // A staff kind in a patient's link, signed properly: not a link the clinic sends.
        String mismatched = tokens.sign(Subject.patient(p.id(), NotificationKind.ALERT_DIGEST));
        // A patient that does not exist.
        String nobody = tokens.sign(Subject.patient(Long.MAX_VALUE, NotificationKind.EXERCISE_REMINDER));

        for (String bad : List.of(
                otherPatient,
                otherKind,
                flipped,
                foreign,
                mismatched,
                nobody,
                payload,
                "",
                "not-a-token",
                good + "x")) {
            stop(bad)
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("type", equalTo(UnsubscribeRefusal.TYPE))
                    .body("title", equalTo("Invalid unsubscribe link"))
                    .body(not(containsString(p.email())));
            if (!bad.equals(nobody)) {
                preview(bad).then().statusCode(400).body("type", equalTo(UnsubscribeRefusal.TYPE));
            }
        }
        stop(null).then().statusCode(400).body("type", equalTo(UnsubscribeRefusal.TYPE));
        given().get("/api/notifications/unsubscribe").then().statusCode(400);

        for (Person person : List.of(p, other)) {
            getPreferences(person.token())
                    .then()
                    .body("exerciseReminder", equalTo(true))
                    .body("measureDue", equalTo(true));
            assertThat(audit(person.id(), "NOTIFICATION_UNSUBSCRIBED")).isEmpty();
        }
        // The genuine link still works.
        stop(good).then().statusCode(200);
    }

    @Test
    void theLinkNeedsNoLoginButABadBearerTokenDoesNotHelpEither() {
        Person p = patientWithLogin(em);
        String token = tokens.sign(Subject.patient(p.id(), NotificationKind.MEASURE_DUE));
        // A logged-in caller gets the same: the link is the permission, not the login.
        given().auth()
                .oauth2(TOKENS.physio("physio"))
                .contentType(ContentType.JSON)
                .body(Map.of("token", token))
                .post("/api/notifications/unsubscribe")
                .then()
                .statusCode(200)
                .body("kind", equalTo("MEASURE_DUE"));
    }
}
