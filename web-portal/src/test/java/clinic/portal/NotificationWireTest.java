package clinic.portal;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import clinic.portal.StubServices.Answer;
import clinic.portal.StubServices.Received;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.RestAssured;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The e-mail pages' real REST clients against a stub patient-service speaking the JSON of PLAN20 / patient-service's
 * notify resources: what the portal sends (PUT bodies, the unsubscribe token, no login with it) and reads (problem+json
 * violations, the admin page and summary documents).
 */
@QuarkusTest
@QuarkusTestResource(value = StubServices.class, restrictToAnnotatedClass = true)
class NotificationWireTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String PREFERENCES = "{\"email\":\"sam@example.test\",\"emailVerified\":true,"
            + "\"emailStatus\":null,\"emailEnabled\":true,\"exerciseReminder\":true,\"inactivityNudge\":true,"
            + "\"measureDue\":false,\"programUpdate\":true,\"reminderTime\":\"18:00\",\"timeZone\":\"Europe/London\","
            + "\"quietStart\":null,\"quietEnd\":null,\"language\":null,\"updatedAt\":\"2026-12-01T10:00:00.123Z\"}";

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    private static JsonNode lastBody(String request) throws Exception {
        List<Received> received = StubServices.received(request);
        assertThat(received).isNotEmpty();
        return JSON.readTree(received.get(received.size() - 1).body());
    }

    @Test
    @TestSecurity(
            user = "patient",
            roles = {"patient"},
            augmentors = StubTokens.class)
    void preferencesAreReadAndSavedInTheServicesShape() throws Exception {
        StubServices.answerAs("patient", "GET /api/me/preferences", Answer.json(PREFERENCES));
        StubServices.answerAs("patient", "PUT /api/me/preferences", Answer.json(PREFERENCES));
        Document form = Pages.html(
                given().get("/me/preferences").then().statusCode(200).extract().response());
        assertThat(form.select("#measureDue").hasAttr("checked")).isFalse();
        assertThat(form.select("#email-state").attr("data-state")).isEqualTo("verified");

        given().redirects()
                .follow(false)
                .header("Origin", Pages.origin())
                .formParam("csrf-token", form.select("input[name=csrf-token]").val())
                .formParam("emailEnabled", "on")
                .formParam("programUpdate", "on")
                .formParam("reminderTime", "07:45")
                .formParam("timeZone", "America/New_York")
                .formParam("quietStart", "22:00")
                .formParam("quietEnd", "06:30")
                .formParam("language", "es")
                .post("/me/preferences")
                .then()
                .statusCode(303);

        assertThat(lastBody("PUT /api/me/preferences"))
                .isEqualTo(JSON.readTree("{\"emailEnabled\":true,\"exerciseReminder\":false,"
                        + "\"inactivityNudge\":false,\"measureDue\":false,\"programUpdate\":true,"
                        + "\"reminderTime\":\"07:45\",\"timeZone\":\"America/New_York\",\"quietStart\":\"22:00\","
                        + "\"quietEnd\":\"06:30\",\"language\":\"es\"}"));
        List<Received> puts = StubServices.received("PUT /api/me/preferences");
        assertThat(puts.get(puts.size() - 1).user()).isEqualTo("patient");
    }

    @Test
    @TestSecurity(
            user = "patient2",
            roles = {"patient"},
            augmentors = StubTokens.class)
    void the422OfPatientServiceComesBackInline() {
        StubServices.answerAs("patient2", "GET /api/me/preferences", Answer.json(PREFERENCES));
        // DomainException.Refused with the violations as a member of the problem document.
        StubServices.answerAs(
                "patient2",
                "PUT /api/me/preferences",
                Answer.problem(
                        422,
                        "{\"type\":\"about:blank\",\"title\":\"Invalid preferences\",\"status\":422,"
                                + "\"detail\":\"Some fields are not valid: quietEnd must differ from quietStart.\","
                                + "\"violations\":[{\"field\":\"quietEnd\",\"message\":\"must differ from"
                                + " quietStart\"}]}",
                        Map.of()));
        String token = Pages.csrf("/me/preferences").token();

        Document page = Pages.html(given().header("Origin", Pages.origin())
                .formParam("csrf-token", token)
                .formParam("reminderTime", "18:00")
                .formParam("timeZone", "Europe/London")
                .formParam("quietStart", "22:00")
                .formParam("quietEnd", "22:00")
                .formParam("language", "en")
                .post("/me/preferences")
                .then()
                .statusCode(200)
                .extract()
                .response());

        assertThat(page.select("#quietEnd-error").text()).isEqualTo("Must differ from “Quiet from”");
        assertThat(page.select("#quietEnd").val()).isEqualTo("22:00");
        assertThat(page.select("#form-notice").text()).doesNotContain("quietStart");
    }

    @Test
    @TestSecurity(
            user = "patient",
            roles = {"patient"},
            augmentors = StubTokens.class)
    void theUnsubscribeLinkIsUsedWithoutTheSignedInUsersLogin() throws Exception {
        String token = "UDo5OkVYRVJDSVNFX1JFTUlOREVS.d2lyZS10ZXN0LXNpZ25hdHVyZQ";
        StubServices.answer(
                "POST /api/notifications/unsubscribe",
                Answer.json("{\"kind\":\"EXERCISE_REMINDER\",\"stopped\":true,\"audience\":\"PATIENT\"}"));

        given().contentType("application/x-www-form-urlencoded")
                .body("List-Unsubscribe=One-Click")
                .post("/unsubscribe?t=" + token)
                .then()
                .statusCode(200);

        List<Received> posts = StubServices.received("POST /api/notifications/unsubscribe");
        Received sent = posts.get(posts.size() - 1);
        assertThat(JSON.readTree(sent.body())).isEqualTo(JSON.readTree("{\"token\":\"" + token + "\"}"));
        // No Authorization header: the link alone decides, whoever is signed in in this browser.
        assertThat(sent.user()).isNull();
    }

    @Test
    void aLinkPatientServiceRefusesIsA400Page() {
        String token = "VTpwaHlzaW86VVJHRU5UX0FMRVJU.c2lnbmF0dXJl";
        StubServices.answer(
                "GET /api/notifications/unsubscribe?token=" + token,
                Answer.problem(
                        400,
                        "{\"type\":\"https://clinic.example/problems/invalid-unsubscribe-link\","
                                + "\"title\":\"Invalid unsubscribe link\",\"status\":400,"
                                + "\"detail\":\"Urgent alerts cannot be switched off.\"}",
                        Map.of()));

        Document page = Pages.html(given().get("/unsubscribe?t=" + token)
                .then()
                .statusCode(400)
                .extract()
                .response());

        assertThat(page.select("#unsubscribe-invalid").text()).isEqualTo("This link does not work");
    }

    @Test
    void aRateLimitedLinkSaysTryAgain() {
        String token = "UDo4Ok1FQVNVUkVfRFVF.cmF0ZS1saW1pdGVk";
        StubServices.answer(
                "GET /api/notifications/unsubscribe?token=" + token,
                Answer.problem(
                        429,
                        "{\"type\":\"about:blank\",\"title\":\"Too Many Requests\",\"status\":429}",
                        Map.of("Retry-After", "30")));

        given().get("/unsubscribe?t=" + token).then().statusCode(429);
    }

    @Test
    @TestSecurity(
            user = "admin",
            roles = {"admin"},
            augmentors = StubTokens.class)
    void theAdminLogReadsTheServicesPageAndSummary() {
        StubServices.answer(
                "GET /api/notifications/summary",
                Answer.json("{\"since\":\"2026-11-25T06:00:00Z\",\"days\":7,\"counts\":{\"SENT\":20,\"SKIPPED\":5,"
                        + "\"FAILED\":1},\"total\":26}"));
        StubServices.answer(
                "GET /api/notifications?status=FAILED%2CUNCERTAIN%2CSKIPPED",
                Answer.json("{\"items\":[{\"id\":3,\"kind\":\"MEASURE_DUE\",\"patientId\":4,"
                        + "\"clinicNumber\":\"PT-000004\",\"recipient\":null,\"localDay\":\"2026-12-01\","
                        + "\"status\":\"SKIPPED\",\"reason\":\"EMAIL_NOT_VERIFIED\",\"attempts\":0,"
                        + "\"lastError\":null,\"createdAt\":\"2026-12-01T18:00:00Z\",\"sentAt\":null}],"
                        + "\"page\":0,\"size\":20,\"total\":21}"));

        Document page = Pages.html(given().get("/admin/notifications")
                .then()
                .statusCode(200)
                .extract()
                .response());

        assertThat(page.select("#summary-counts tr[data-status=SKIPPED] td").eachText())
                .containsExactly("Skipped", "5");
        assertThat(page.select("#notification-3").text())
                .contains("PT-000004", "Questionnaire due", "Address not verified (EMAIL_NOT_VERIFIED)");
        assertThat(page.select("#next-page").attr("href")).isEqualTo("/admin/notifications?status=problems&page=1");
    }
}
