package clinic.portal;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import clinic.portal.outbound.NotificationApi.Preferences;
import clinic.portal.outbound.NotificationApi.PreferencesChange;
import clinic.portal.outbound.NotificationApi.StaffPreferences;
import clinic.portal.outbound.NotificationApi.StaffPreferencesChange;
import clinic.portal.outbound.NotificationApi.UnsubscribeLink;
import clinic.portal.outbound.NotificationApi.UnsubscribeRequest;
import clinic.portal.outbound.NotificationApi.Unsubscribed;
import clinic.portal.outbound.PatientServiceClient;
import clinic.portal.outbound.ProblemBody;
import clinic.portal.outbound.ProgramServiceClient;
import clinic.portal.outbound.ServiceException;
import clinic.portal.outbound.UnsubscribeClient;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.InjectMock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import jakarta.ws.rs.ProcessingException;
import java.util.List;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/**
 * E-mail reminders and notifications in the portal (issue 20): the patient's "Reminders" page, the staff e-mail
 * settings, the public unsubscribe link with its RFC 8058 one-click POST, and the admin's e-mail log.
 */
@QuarkusTest
class NotificationPagesTest {

    @InjectMock
    @RestClient
    PatientServiceClient patients;

    @InjectMock
    @RestClient
    ProgramServiceClient programs;

    @InjectMock
    @RestClient
    UnsubscribeClient links;

    private static final ObjectMapper JSON = new ObjectMapper();

    /** What patient-service signs: base64url("P:7:EXERCISE_REMINDER") "." base64url(hmac). */
    private static final String TOKEN = "UDo3OkVYRVJDSVNFX1JFTUlOREVS.c2lnbmF0dXJlLW9mLXRoaXJ0eS10d28tYnl0ZXMtaGVyZQ";

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    private static Preferences preferences(boolean verified, String status, String language) {
        return new Preferences(
                "sam@example.test",
                verified,
                status,
                true,
                true,
                false,
                true,
                true,
                "18:00",
                "America/New_York",
                "21:00",
                "07:30",
                language,
                "2026-12-01T10:00:00Z");
    }

    private static ServiceException refused(int status, String field, String message) {
        return new ServiceException(
                status,
                new ProblemBody(
                        "about:blank",
                        "Invalid preferences",
                        status,
                        "Some fields are not valid.",
                        List.of(new ProblemBody.Violation(field, message)),
                        null));
    }

    private static Response postPreferences(String token) {
        return given().redirects()
                .follow(false)
                .header("Origin", Pages.origin())
                .formParam("csrf-token", token)
                .formParam("emailEnabled", "on")
                .formParam("exerciseReminder", "on")
                .formParam("measureDue", "on")
                .formParam("reminderTime", "19:15")
                .formParam("timeZone", "Europe/Madrid")
                .formParam("quietStart", "22:00")
                .formParam("quietEnd", "07:00")
                .formParam("language", "es")
                .post("/me/preferences");
    }

    // ---- The patient's "Reminders" page ----

    @Test
    @TestSecurity(
            user = "patient",
            roles = {"patient"})
    void thePatientSeesTheirChoicesTheAddressAndThatItIsVerified() {
        when(patients.myPreferences()).thenReturn(preferences(true, null, "en"));

        Document page = Pages.html(
                given().get("/me/preferences").then().statusCode(200).extract().response());

        assertThat(page.select("nav a[href=/me/preferences]").text()).isEqualTo("Reminders");
        assertThat(page.select("#email").text()).isEqualTo("sam@example.test");
        assertThat(page.select("#email-state").attr("data-state")).isEqualTo("verified");
        assertThat(page.select("#emailEnabled").hasAttr("checked")).isTrue();
        assertThat(page.select("#exerciseReminder").hasAttr("checked")).isTrue();
        assertThat(page.select("#inactivityNudge").hasAttr("checked")).isFalse();
        assertThat(page.select("#measureDue").hasAttr("checked")).isTrue();
        assertThat(page.select("#programUpdate").hasAttr("checked")).isTrue();
        // Each kind says in one line what it is.
        assertThat(page.select("#inactivityNudge-help").text()).contains("3 days");
        assertThat(page.select("#reminderTime").attr("type")).isEqualTo("time");
        assertThat(page.select("#reminderTime").val()).isEqualTo("18:00");
        assertThat(page.select("#quietStart").val()).isEqualTo("21:00");
        assertThat(page.select("#quietEnd").val()).isEqualTo("07:30");
        assertThat(page.select("#timeZone option[selected]").val()).isEqualTo("America/New_York");
        assertThat(page.select("#language option[selected]").val()).isEqualTo("en");
        assertThat(page.select("#language option").eachText()).containsExactly("English", "Español");
        assertThat(page.select("#preferences-form input[name=csrf-token]").val())
                .isNotBlank();
        assertThat(page.select("#saved-notice")).isEmpty();
    }

    @Test
    @TestSecurity(
            user = "patient",
            roles = {"patient"})
    void aZoneOutsideTheCommonListIsOfferedSoSavingKeepsIt() {
        Preferences p = preferences(true, null, "es");
        when(patients.myPreferences())
                .thenReturn(new Preferences(
                        p.email(),
                        p.emailVerified(),
                        null,
                        true,
                        true,
                        true,
                        true,
                        true,
                        "18:00:00",
                        "Asia/Kathmandu",
                        null,
                        null,
                        "es",
                        null));

        Document page = Pages.html(
                given().get("/me/preferences").then().statusCode(200).extract().response());

        assertThat(page.select("#timeZone option[selected]").val()).isEqualTo("Asia/Kathmandu");
        assertThat(page.select("#timeZone option").eachAttr("value")).contains("Europe/London", "America/New_York");
        assertThat(page.select("#reminderTime").val()).isEqualTo("18:00");
        assertThat(page.select("#quietStart").val()).isEmpty();
        assertThat(page.select("#language option[selected]").val()).isEqualTo("es");
    }

    @Test
    @TestSecurity(
            user = "patient",
            roles = {"patient"})
    void anUnverifiedAddressSaysWhatToDo() {
        when(patients.myPreferences()).thenReturn(preferences(false, "EMAIL_NOT_VERIFIED", null));

        Document page = Pages.html(
                given().get("/me/preferences").then().statusCode(200).extract().response());

        assertThat(page.select("#email-state").attr("data-state")).isEqualTo("not-verified");
        assertThat(page.select("#email-state").text()).isEqualTo("Not verified");
        assertThat(page.select("#email-advice").text())
                .contains("no e-mails are sent")
                .contains("follow its link to verify");
        // No language chosen yet: English is what they get.
        assertThat(page.select("#language option[selected]").val()).isEqualTo("en");
    }

    @Test
    @TestSecurity(
            user = "patient",
            roles = {"patient"})
    void whenKeycloakCannotBeAskedTheAddressIsShownAsNotChecked() {
        Preferences p = preferences(false, "UNKNOWN", "en");
        when(patients.myPreferences())
                .thenReturn(new Preferences(
                        p.email(),
                        null,
                        "UNKNOWN",
                        true,
                        true,
                        true,
                        true,
                        true,
                        "18:00",
                        "Europe/London",
                        null,
                        null,
                        "en",
                        null));

        Document page = Pages.html(
                given().get("/me/preferences").then().statusCode(200).extract().response());

        assertThat(page.select("#email-state").attr("data-state")).isEqualTo("unknown");
        assertThat(page.select("#email-advice").text()).contains("cannot check");
    }

    @Test
    @TestSecurity(
            user = "patient",
            roles = {"patient"})
    void savingSendsEveryFieldAndShowsTheSuccessNotice() {
        when(patients.myPreferences()).thenReturn(preferences(true, null, "en"));
        when(patients.savePreferences(any())).thenReturn(preferences(true, null, "es"));
        String token = Pages.csrf("/me/preferences").token();

        postPreferences(token)
                .then()
                .statusCode(303)
                .header("Location", org.hamcrest.Matchers.endsWith("/me/preferences?saved=1"));

        ArgumentCaptor<PreferencesChange> sent = ArgumentCaptor.forClass(PreferencesChange.class);
        verify(patients).savePreferences(sent.capture());
        assertThat(sent.getValue())
                .isEqualTo(new PreferencesChange(
                        true, true, false, true, false, "19:15", "Europe/Madrid", "22:00", "07:00", "es"));

        Document after = Pages.html(given().get("/me/preferences?saved=1")
                .then()
                .statusCode(200)
                .extract()
                .response());
        assertThat(after.select("#saved-notice").text()).startsWith("Saved.");
    }

    @Test
    @TestSecurity(
            user = "patient",
            roles = {"patient"})
    void emptyQuietHoursAreSentAsNone() {
        when(patients.myPreferences()).thenReturn(preferences(true, null, "en"));
        when(patients.savePreferences(any())).thenReturn(preferences(true, null, "en"));
        String token = Pages.csrf("/me/preferences").token();

        given().redirects()
                .follow(false)
                .header("Origin", Pages.origin())
                .formParam("csrf-token", token)
                .formParam("reminderTime", "08:00")
                .formParam("timeZone", "Europe/London")
                .formParam("quietStart", "")
                .formParam("quietEnd", "")
                .formParam("language", "en")
                .post("/me/preferences")
                .then()
                .statusCode(303);

        ArgumentCaptor<PreferencesChange> sent = ArgumentCaptor.forClass(PreferencesChange.class);
        verify(patients).savePreferences(sent.capture());
        // Nothing ticked: everything off, e-mail included.
        assertThat(sent.getValue())
                .isEqualTo(new PreferencesChange(
                        false, false, false, false, false, "08:00", "Europe/London", null, null, "en"));
    }

    @Test
    @TestSecurity(
            user = "patient",
            roles = {"patient"})
    void theServicesRefusalComesBackInlineWithWhatWasTyped() {
        when(patients.myPreferences()).thenReturn(preferences(true, null, "en"));
        // As patient-service words it: the message follows the field's label.
        when(patients.savePreferences(any()))
                .thenThrow(refused(422, "timeZone", "must be a time zone such as Europe/London or America/New_York"));
        String token = Pages.csrf("/me/preferences").token();

        Response answer = postPreferences(token);

        assertThat(answer.statusCode()).isEqualTo(200);
        Document page = Pages.html(answer);
        assertThat(page.select("#timeZone-error").text())
                .isEqualTo("Must be a time zone such as Europe/London or America/New_York");
        assertThat(page.select("#timeZone").attr("aria-invalid")).isEqualTo("true");
        assertThat(page.select("#form-notice").text()).contains("One answer needs changing");
        // What was typed stays, not what the service had.
        assertThat(page.select("#reminderTime").val()).isEqualTo("19:15");
        assertThat(page.select("#quietStart").val()).isEqualTo("22:00");
        assertThat(page.select("#timeZone option[selected]").val()).isEqualTo("Europe/Madrid");
        assertThat(page.select("#language option[selected]").val()).isEqualTo("es");
        assertThat(page.select("#inactivityNudge").hasAttr("checked")).isFalse();
        assertThat(page.select("#measureDue").hasAttr("checked")).isTrue();
        assertThat(page.select("#saved-notice")).isEmpty();
        // The field's JSON name is never shown to the patient.
        assertThat(page.select("#form-notice").text()).doesNotContain("timeZone");
    }

    @Test
    @TestSecurity(
            user = "patient",
            roles = {"patient"})
    void theServicesFieldNamesInAMessageBecomeTheFormsWords() {
        when(patients.myPreferences()).thenReturn(preferences(true, null, "en"));
        when(patients.savePreferences(any())).thenThrow(refused(422, "quietEnd", "must differ from quietStart"));
        String token = Pages.csrf("/me/preferences").token();

        Document page = Pages.html(
                postPreferences(token).then().statusCode(200).extract().response());

        assertThat(page.select("#quietEnd-error").text()).isEqualTo("Must differ from “Quiet from”");
    }

    @Test
    @TestSecurity(
            user = "patient",
            roles = {"patient"})
    void halfAQuietPeriodIsRefusedBeforeAnythingIsSent() {
        when(patients.myPreferences()).thenReturn(preferences(true, null, "en"));
        String token = Pages.csrf("/me/preferences").token();

        Document page = Pages.html(given().header("Origin", Pages.origin())
                .formParam("csrf-token", token)
                .formParam("reminderTime", "6pm")
                .formParam("timeZone", "Europe/London")
                .formParam("quietStart", "21:00")
                .formParam("language", "en")
                .post("/me/preferences")
                .then()
                .statusCode(200)
                .extract()
                .response());

        assertThat(page.select("#reminderTime-error").text()).contains("for example 18:00");
        assertThat(page.select("#quietEnd-error").text()).contains("both");
        assertThat(page.select("#reminderTime").val()).isEqualTo("6pm");
        verify(patients, never()).savePreferences(any());
    }

    @Test
    @TestSecurity(
            user = "patient",
            roles = {"patient"})
    void thePreferencesFormIsRefusedWithoutTheCsrfToken() {
        given().header("Origin", Pages.origin())
                .formParam("reminderTime", "18:00")
                .formParam("timeZone", "Europe/London")
                .post("/me/preferences")
                .then()
                .statusCode(403);
        // A valid token from another origin is refused too.
        when(patients.myPreferences()).thenReturn(preferences(true, null, "en"));
        String token = Pages.csrf("/me/preferences").token();
        given().header("Origin", "https://evil.example")
                .formParam("csrf-token", token)
                .formParam("reminderTime", "18:00")
                .post("/me/preferences")
                .then()
                .statusCode(403);
        verify(patients, never()).savePreferences(any());
    }

    @Test
    @TestSecurity(
            user = "patient",
            roles = {"patient"})
    void patientServiceDownDegradesThePageWithoutAStackTrace() {
        when(patients.myPreferences()).thenThrow(new ProcessingException("connection refused"));

        Response answer = given().get("/me/preferences");

        assertThat(answer.statusCode()).isEqualTo(200);
        Document page = Pages.html(answer);
        assertThat(page.select(".notice.degraded").text()).contains("not reachable");
        assertThat(page.select("#preferences-unavailable")).hasSize(1);
        assertThat(page.select("#preferences-form")).isEmpty();
        assertThat(answer.asString()).doesNotContain("ProcessingException").doesNotContain("connection refused");
    }

    @Test
    @TestSecurity(
            user = "patient",
            roles = {"patient"})
    void savingWhilePatientServiceIsDownKeepsWhatWasTyped() {
        when(patients.myPreferences()).thenReturn(preferences(true, null, "en"));
        String token = Pages.csrf("/me/preferences").token();
        when(patients.savePreferences(any())).thenThrow(new ProcessingException("timeout"));
        when(patients.myPreferences()).thenThrow(new ProcessingException("timeout"));

        Document page = Pages.html(
                postPreferences(token).then().statusCode(200).extract().response());

        assertThat(page.select("#form-notice.degraded").text()).contains("not reachable");
        assertThat(page.select("#reminderTime").val()).isEqualTo("19:15");
        assertThat(page.select("#email-address")).isEmpty();
    }

    @Test
    @TestSecurity(
            user = "physio",
            roles = {"physio"})
    void staffCannotOpenThePatientsReminders() {
        given().get("/me/preferences").then().statusCode(403);
        verifyNoInteractions(patients);
    }

    @Test
    @TestSecurity(
            user = "admin",
            roles = {"admin"})
    void anAdminCannotOpenThePatientsRemindersEither() {
        given().get("/me/preferences").then().statusCode(403);
        given().header("Origin", Pages.origin())
                .formParam("reminderTime", "18:00")
                .post("/me/preferences")
                .then()
                .statusCode(403);
        verifyNoInteractions(patients);
    }

    // ---- Staff e-mail settings ----

    @Test
    @TestSecurity(
            user = "physio",
            roles = {"physio"})
    void aPhysioSeesTheDigestSwitchAndThatUrgentAlertsAlwaysGo() {
        when(patients.myStaffPreferences())
                .thenReturn(new StaffPreferences(
                        "physio@clinic.test", true, null, true, true, false, "Europe/London", null));

        Document page = Pages.html(given().get("/settings/notifications")
                .then()
                .statusCode(200)
                .extract()
                .response());

        assertThat(page.select("nav a[href=/settings/notifications]").text()).isEqualTo("E-mail settings");
        assertThat(page.select("#urgent-always").text()).contains("Urgent alerts are always sent");
        assertThat(page.select("#dailyDigest").hasAttr("checked")).isTrue();
        // Only admins get the weekly summary, so only they see its switch.
        assertThat(page.select("#weeklySummary")).isEmpty();
        assertThat(page.select("#email").text()).isEqualTo("physio@clinic.test");
        assertThat(page.select("#email-state").attr("data-state")).isEqualTo("verified");
    }

    @Test
    @TestSecurity(
            user = "physio",
            roles = {"physio"})
    void aPhysioSwitchesTheDigestOffWithoutTouchingTheWeeklySummary() {
        when(patients.myStaffPreferences())
                .thenReturn(new StaffPreferences(
                        "physio@clinic.test", true, null, true, true, false, "Europe/London", null));
        when(patients.saveStaffPreferences(any()))
                .thenReturn(new StaffPreferences(
                        "physio@clinic.test", true, null, true, false, false, "Europe/London", null));
        String token = Pages.csrf("/settings/notifications").token();

        given().redirects()
                .follow(false)
                .header("Origin", Pages.origin())
                .formParam("csrf-token", token)
                .post("/settings/notifications")
                .then()
                .statusCode(303)
                .header("Location", org.hamcrest.Matchers.endsWith("/settings/notifications?saved=1"));

        // Both switches are required by patient-service: the physio's weekly summary and time zone go back as read.
        verify(patients).saveStaffPreferences(eq(new StaffPreferencesChange(false, false, "Europe/London", null)));
    }

    @Test
    @TestSecurity(
            user = "admin",
            roles = {"admin"})
    void anAdminSwitchesTheWeeklySummary() throws Exception {
        when(patients.myStaffPreferences())
                .thenReturn(new StaffPreferences(
                        "admin@clinic.test", false, "EMAIL_NOT_VERIFIED", true, false, true, "Europe/London", null));
        when(patients.saveStaffPreferences(any())).thenReturn(null);

        Document page = Pages.html(given().get("/settings/notifications")
                .then()
                .statusCode(200)
                .extract()
                .response());
        assertThat(page.select("#weeklySummary").hasAttr("checked")).isTrue();
        assertThat(page.select("#email-state").attr("data-state")).isEqualTo("not-verified");
        assertThat(page.select("#email-advice").text()).contains("urgent ones included");
        // The e-mails' language: English until chosen, offered in each language's own name.
        assertThat(page.select("#language option[selected]").val()).isEqualTo("en");
        assertThat(page.select("#language option").eachText()).containsExactly("English", "Español");

        String token = page.select("input[name=csrf-token]").val();
        given().redirects()
                .follow(false)
                .header("Origin", Pages.origin())
                .formParam("csrf-token", token)
                .formParam("dailyDigest", "on")
                .formParam("language", "es")
                .post("/settings/notifications")
                .then()
                .statusCode(303);
        ArgumentCaptor<StaffPreferencesChange> sent = ArgumentCaptor.forClass(StaffPreferencesChange.class);
        verify(patients).saveStaffPreferences(sent.capture());
        assertThat(sent.getValue()).isEqualTo(new StaffPreferencesChange(true, false, "Europe/London", "es"));
        assertThat(JSON.writeValueAsString(sent.getValue()))
                .isEqualTo("{\"dailyDigest\":true,\"weeklySummary\":false,\"timeZone\":\"Europe/London\","
                        + "\"language\":\"es\"}");
    }

    @Test
    @TestSecurity(
            user = "physio",
            roles = {"physio"})
    void aRefusedSaveShowsWhyAndSavesNothing() {
        when(patients.myStaffPreferences())
                .thenReturn(new StaffPreferences(
                        "physio@clinic.test", true, null, true, true, false, "Europe/London", null));
        when(patients.saveStaffPreferences(any())).thenThrow(new ServiceException(503, null, "20"));
        String token = Pages.csrf("/settings/notifications").token();

        Document page = Pages.html(given().header("Origin", Pages.origin())
                .formParam("csrf-token", token)
                .post("/settings/notifications")
                .then()
                .statusCode(200)
                .extract()
                .response());

        assertThat(page.select(".notice.degraded").text()).contains("busy or down", "20 seconds");
        assertThat(page.select("#saved-notice")).isEmpty();
        assertThat(page.select("#staff-notifications-form")).hasSize(1);
    }

    @Test
    @TestSecurity(
            user = "physio",
            roles = {"physio"})
    void staffSettingsAreRefusedWithoutTheCsrfToken() {
        given().header("Origin", Pages.origin())
                .formParam("dailyDigest", "on")
                .post("/settings/notifications")
                .then()
                .statusCode(403);
        verify(patients, never()).saveStaffPreferences(any());
    }

    @Test
    @TestSecurity(
            user = "physio",
            roles = {"physio"})
    void staffSettingsDegradeWhenPatientServiceIsDown() {
        when(patients.myStaffPreferences()).thenThrow(new ProcessingException("down"));

        Document page = Pages.html(given().get("/settings/notifications")
                .then()
                .statusCode(200)
                .extract()
                .response());

        assertThat(page.select(".notice.degraded").text()).contains("not reachable");
        assertThat(page.select("#urgent-always")).hasSize(1);
        assertThat(page.select("#staff-notifications-form")).isEmpty();
    }

    @Test
    @TestSecurity(
            user = "patient",
            roles = {"patient"})
    void aPatientCannotOpenStaffSettingsOrTheEmailLog() {
        given().get("/settings/notifications").then().statusCode(403);
        given().get("/admin/notifications").then().statusCode(403);
        verifyNoInteractions(patients);
    }

    // ---- The public unsubscribe link ----

    @Test
    void theUnsubscribeLinkShowsWhatItStopsWithoutLogin() {
        when(links.describe(TOKEN))
                .thenReturn(new UnsubscribeLink("EXERCISE_REMINDER", "PATIENT", "daily exercise reminders"));

        Response answer = given().redirects().follow(false).get("/unsubscribe?t=" + TOKEN);

        assertThat(answer.statusCode()).isEqualTo(200);
        Document page = Pages.html(answer);
        assertThat(page.select("#unsubscribe-what").text()).contains("daily exercise reminders");
        assertThat(page.select("#unsubscribe-form").attr("method")).isEqualToIgnoringCase("post");
        assertThat(page.select("#unsubscribe-form").attr("action")).isEqualTo("/unsubscribe?t=" + TOKEN);
        assertThat(page.select("#unsubscribe-button").text()).isEqualTo("Stop these e-mails");
        assertThat(page.select("#preferences-link").attr("href")).isEqualTo("/me/preferences");
        // A GET changes nothing (link previews and mail scanners open links).
        verify(links, never()).stop(any());
        // The portal's security headers apply to the public page too.
        assertThat(answer.header("Content-Security-Policy")).contains("default-src 'self'");
        assertThat(answer.header("Cache-Control")).isEqualTo("no-store");
        assertThat(answer.header("Referrer-Policy")).isEqualTo("same-origin");
        assertThat(answer.header("X-Frame-Options")).isEqualTo("DENY");
    }

    @Test
    void theOneClickPostOfAMailClientWorksWithoutSessionOriginOrCsrfToken() {
        when(links.stop(any())).thenReturn(new Unsubscribed("EXERCISE_REMINDER", true, "PATIENT"));

        // Exactly what RFC 8058 has a mail client send: a POST to the List-Unsubscribe URL with this body.
        Response answer = given().redirects()
                .follow(false)
                .contentType("application/x-www-form-urlencoded")
                .body("List-Unsubscribe=One-Click")
                .post("/unsubscribe?t=" + TOKEN);

        assertThat(answer.statusCode()).isEqualTo(200);
        Document page = Pages.html(answer);
        assertThat(page.select("#unsubscribed").text()).isEqualTo("You will not get these e-mails any more");
        assertThat(page.select("#unsubscribe-done").text()).contains("daily exercise reminders");
        assertThat(page.select("#preferences-link").attr("href")).isEqualTo("/me/preferences");
        verify(links).stop(new UnsubscribeRequest(TOKEN));
        assertThat(answer.header("Content-Security-Policy")).contains("default-src 'self'");
    }

    @Test
    void theOneClickPostAlsoWorksAsMultipartAsRfc8058Recommends() {
        when(links.stop(any())).thenReturn(new Unsubscribed("ALERT_DIGEST", true, "STAFF"));

        Response answer = given().redirects()
                .follow(false)
                .multiPart("List-Unsubscribe", "One-Click")
                .post("/unsubscribe?t=" + TOKEN);

        assertThat(answer.statusCode()).isEqualTo(200);
        Document page = Pages.html(answer);
        assertThat(page.select("#unsubscribe-done").text()).contains("the daily digest of open alerts");
        // A staff member changes their e-mails on the staff settings page.
        assertThat(page.select("#preferences-link").attr("href")).isEqualTo("/settings/notifications");
        verify(links).stop(new UnsubscribeRequest(TOKEN));
    }

    @Test
    @TestSecurity(
            user = "physio",
            roles = {"physio"})
    void theExemptionIsExactlyTheUnsubscribePath() {
        // The portal's other forms still need the CSRF token and the origin, from the same client.
        given().contentType("application/x-www-form-urlencoded")
                .body("List-Unsubscribe=One-Click")
                .post("/settings/notifications")
                .then()
                .statusCode(403);
        given().contentType("application/x-www-form-urlencoded")
                .body("List-Unsubscribe=One-Click")
                .post("/unsubscribe/x?t=" + TOKEN)
                .then()
                .statusCode(403);
        verify(patients, never()).saveStaffPreferences(any());
        verify(links, never()).stop(any());
    }

    @Test
    void aTamperedLinkIsAClear400Page() {
        when(links.describe(any()))
                .thenThrow(new ServiceException(
                        400,
                        new ProblemBody(
                                "https://clinic.example/problems/invalid-unsubscribe-link",
                                "Invalid unsubscribe link",
                                400,
                                "This unsubscribe link is not valid.",
                                null,
                                null)));
        when(links.stop(any())).thenThrow(new ServiceException(400, null));

        Response get = given().get("/unsubscribe?t=" + TOKEN + "x");
        assertThat(get.statusCode()).isEqualTo(400);
        assertThat(Pages.html(get).select("#unsubscribe-invalid").text()).isEqualTo("This link does not work");

        Response post = given().contentType("application/x-www-form-urlencoded")
                .body("List-Unsubscribe=One-Click")
                .post("/unsubscribe?t=" + TOKEN + "x");
        assertThat(post.statusCode()).isEqualTo(400);
        assertThat(Pages.html(post).select("#unsubscribe-invalid")).hasSize(1);
    }

    @Test
    void somethingThatCannotBeATokenIsRefusedWithoutAskingTheService() {
        for (String bad : List.of("", "no-dot", "a.b.c", "<script>.x", "a%20b.c", "x".repeat(401) + ".y")) {
            Response get = given().queryParam("t", bad).get("/unsubscribe");
            assertThat(get.statusCode()).as(bad).isEqualTo(400);
            assertThat(get.asString()).doesNotContain("<script>");
        }
        given().get("/unsubscribe").then().statusCode(400);
        given().contentType("application/x-www-form-urlencoded")
                .body("List-Unsubscribe=One-Click")
                .post("/unsubscribe")
                .then()
                .statusCode(400);
        verifyNoInteractions(links);
    }

    @Test
    void patientServiceDownMakesTheOneClickPostA503ThatMayBeRetried() {
        when(links.stop(any())).thenThrow(new ProcessingException("connection refused"));
        when(links.describe(any())).thenThrow(new ServiceException(503, null, "30"));

        Response post = given().contentType("application/x-www-form-urlencoded")
                .body("List-Unsubscribe=One-Click")
                .post("/unsubscribe?t=" + TOKEN);
        assertThat(post.statusCode()).isEqualTo(503);
        assertThat(post.header("Retry-After")).isEqualTo("60");
        assertThat(Pages.html(post).select("#unsubscribe-unavailable")).hasSize(1);
        assertThat(post.asString()).doesNotContain("ProcessingException");

        Response get = given().get("/unsubscribe?t=" + TOKEN);
        assertThat(get.statusCode()).isEqualTo(503);
        assertThat(Pages.html(get).select("#unsubscribe-unavailable")).hasSize(1);
    }

    @Test
    @TestSecurity(
            user = "patient",
            roles = {"patient"})
    void aSignedInPatientUsesTheLinkLikeAnyoneElse() {
        when(links.stop(any())).thenReturn(new Unsubscribed("MEASURE_DUE", true, "PATIENT"));

        Response answer = given().contentType("application/x-www-form-urlencoded")
                .body("List-Unsubscribe=One-Click")
                .post("/unsubscribe?t=" + TOKEN);

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(Pages.html(answer).select("#unsubscribe-done").text())
                .contains("e-mails when a questionnaire is due");
        verify(links).stop(new UnsubscribeRequest(TOKEN));
    }

    // ---- The admin's e-mail log ----

    @Test
    @TestSecurity(
            user = "admin",
            roles = {"admin"})
    void theAdminSeesProblemRowsAndTheWeeksCounts() throws Exception {
        when(patients.notificationSummary())
                .thenReturn(JSON.readTree("{\"from\":\"2026-11-25\",\"to\":\"2026-12-02\",\"counts\":{\"SENT\":12,"
                        + "\"SKIPPED\":4,\"FAILED\":1,\"UNCERTAIN\":0}}"));
        when(patients.notifications(eq("FAILED,UNCERTAIN,SKIPPED"), isNull(), isNull()))
                .thenReturn(JSON.readTree("{\"items\":[{\"id\":41,\"kind\":\"URGENT_ALERT\",\"patientId\":null,"
                        + "\"clinicNumber\":null,\"recipient\":\"physio\",\"localDay\":\"2026-12-01\","
                        + "\"status\":\"FAILED\",\"reason\":null,\"attempts\":8,"
                        + "\"lastError\":\"SMTPSendFailedException 550\",\"createdAt\":\"2026-12-01T09:00:00Z\","
                        + "\"sentAt\":null},{\"id\":40,\"kind\":\"EXERCISE_REMINDER\",\"patientId\":7,"
                        + "\"clinicNumber\":\"PT-000007\",\"recipient\":null,\"localDay\":\"2026-12-01\","
                        + "\"status\":\"SKIPPED\",\"reason\":\"LOGGED_TODAY\",\"attempts\":0,\"lastError\":null,"
                        + "\"createdAt\":\"2026-12-01T08:00:00Z\",\"sentAt\":null}],\"page\":0,\"size\":50,"
                        + "\"total\":2,\"totalPages\":1}"));

        Document page = Pages.html(given().get("/admin/notifications")
                .then()
                .statusCode(200)
                .extract()
                .response());

        assertThat(page.select("nav a[href=/admin/notifications]").text()).isEqualTo("E-mail log");
        assertThat(page.select("#summary-counts tr[data-status=SENT] td").eachText())
                .containsExactly("Sent", "12");
        assertThat(page.select("#summary-counts tr[data-status=FAILED] td").eachText())
                .containsExactly("Failed", "1");
        assertThat(page.select("#notification-rows tbody tr").eachAttr("id"))
                .containsExactly("notification-41", "notification-40");
        assertThat(page.select("#notification-41").text()).contains("physio", "SMTPSendFailedException 550", "8");
        assertThat(page.select("#notification-40 a").attr("href")).isEqualTo("/patients/7");
        assertThat(page.select("#notification-40 a").text()).isEqualTo("PT-000007");
        assertThat(page.select("#notification-40").text()).contains("LOGGED_TODAY");
        assertThat(page.select("#next-page")).isEmpty();
    }

    @Test
    @TestSecurity(
            user = "admin",
            roles = {"admin"})
    void theLogFiltersByStatusAndKindAndPages() throws Exception {
        when(patients.notificationSummary()).thenReturn(JSON.readTree("[{\"status\":\"SENT\",\"count\":3}]"));
        when(patients.notifications("UNCERTAIN", "WEEKLY_SUMMARY", 1))
                .thenReturn(JSON.readTree("{\"items\":[{\"id\":9,\"kind\":\"WEEKLY_SUMMARY\",\"recipient\":\"admin\","
                        + "\"status\":\"UNCERTAIN\",\"attempts\":1}],\"page\":1,\"size\":20,\"total\":45}"));

        Document page = Pages.html(given().get("/admin/notifications?status=UNCERTAIN&kind=WEEKLY_SUMMARY&page=1")
                .then()
                .statusCode(200)
                .extract()
                .response());

        assertThat(page.select("#summary-counts tr[data-status=SENT] td").eachText())
                .containsExactly("Sent", "3");
        assertThat(page.select("#status option[selected]").val()).isEqualTo("UNCERTAIN");
        assertThat(page.select("#kind option[selected]").val()).isEqualTo("WEEKLY_SUMMARY");
        assertThat(page.select("#notification-9")).hasSize(1);
        assertThat(page.select("#next-page").attr("href"))
                .isEqualTo("/admin/notifications?status=UNCERTAIN&kind=WEEKLY_SUMMARY&page=2");
        assertThat(page.select("#previous-page").attr("href"))
                .isEqualTo("/admin/notifications?status=UNCERTAIN&kind=WEEKLY_SUMMARY&page=0");
    }

    @Test
    @TestSecurity(
            user = "admin",
            roles = {"admin"})
    void theLogDegradesWhenPatientServiceIsDown() {
        when(patients.notificationSummary()).thenThrow(new ProcessingException("down"));
        when(patients.notifications(any(), any(), any())).thenThrow(new ServiceException(503, null, "5"));

        Response answer = given().get("/admin/notifications");

        assertThat(answer.statusCode()).isEqualTo(200);
        Document page = Pages.html(answer);
        assertThat(page.select("#notification-summary .notice.degraded").text()).contains("not reachable");
        assertThat(page.select("#notification-list .notice.degraded").text()).contains("busy or down");
    }

    @Test
    @TestSecurity(
            user = "physio",
            roles = {"physio"})
    void aPhysioCannotOpenTheEmailLog() {
        given().get("/admin/notifications").then().statusCode(403);
        verifyNoInteractions(patients);
    }
}
