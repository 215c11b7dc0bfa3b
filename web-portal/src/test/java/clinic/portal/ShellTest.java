package clinic.portal;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.RestAssured;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ShellTest {

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    @TestSecurity(
            user = "physio",
            roles = {"physio"})
    void physioSeesPhysioNavigationAndOwnNameAndSignOut() {
        Document page =
                Pages.html(given().get("/").then().statusCode(200).extract().response());
        assertThat(page.select("#user-name").text()).isEqualTo("physio");
        // Sign-out is a button in a POST form with the session's CSRF token, not a link (a GET never signs out).
        assertThat(page.select("form:has(#sign-out)").attr("method")).isEqualToIgnoringCase("post");
        assertThat(page.select("form:has(#sign-out)").attr("action")).isEqualTo("/logout");
        assertThat(page.select("form:has(#sign-out) input[name=csrf-token]").attr("value"))
                .isNotBlank();
        assertThat(page.select("nav a").eachAttr("href")).contains("/patients", "/patients/new", "/alerts");
        assertThat(page.select("nav a").eachAttr("href")).doesNotContain("/me/today", "/admin/audit");
    }

    @Test
    @TestSecurity(
            user = "patient",
            roles = {"patient"})
    void patientSeesOnlyPatientNavigation() {
        Document page =
                Pages.html(given().get("/").then().statusCode(200).extract().response());
        assertThat(page.select("nav a").eachAttr("href")).contains("/me/today", "/me/log", "/me/history", "/education");
        assertThat(page.select("nav a").eachAttr("href")).doesNotContain("/patients", "/alerts", "/admin/reports");
    }

    @Test
    @TestSecurity(
            user = "admin",
            roles = {"admin"})
    void adminSeesAdminNavigation() {
        Document page =
                Pages.html(given().get("/").then().statusCode(200).extract().response());
        assertThat(page.select("nav a").eachAttr("href")).contains("/admin/reports", "/admin/audit", "/patients");
        assertThat(page.select("nav a").eachAttr("href")).doesNotContain("/me/today", "/alerts");
    }

    @Test
    @TestSecurity(
            user = "patient",
            roles = {"patient"})
    void patientTypingAPhysioAddressGetsTheNotAllowedPage() {
        Document page = Pages.html(given().get("/patients")
                .then()
                .statusCode(403)
                .contentType(containsString("text/html"))
                .extract()
                .response());
        assertThat(page.select("#not-allowed").text()).isEqualTo("Not allowed");
        assertThat(page.select("#user-name").text()).isEqualTo("patient");
    }

    @Test
    @TestSecurity(
            user = "physio",
            roles = {"physio"})
    void physioOnAnAdminPageGetsTheNotAllowedPage() {
        given().get("/admin/audit").then().statusCode(403).body(containsString("Not allowed"));
    }

    @Test
    void anonymousRequestIsNotServedAPage() {
        given().redirects()
                .follow(false)
                .get("/patients")
                .then()
                .statusCode(401)
                .body(not(containsString("patient-list")));
    }

    @Test
    @TestSecurity(
            user = "physio",
            roles = {"physio"})
    void unknownAddressGetsAFriendly404Page() {
        given().get("/no-such-page-here")
                .then()
                .statusCode(404)
                .contentType(containsString("text/html"))
                .body(containsString("id=\"not-found\""));
    }

    @Test
    @TestSecurity(
            user = "physio",
            roles = {"physio"})
    void pagesCarryTheSecurityHeadersAndAreNotStored() {
        given().get("/")
                .then()
                .statusCode(200)
                .header("Content-Security-Policy", containsString("default-src 'self'"))
                .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
                .header("Content-Security-Policy", containsString("form-action 'self'"))
                .header("X-Content-Type-Options", equalTo("nosniff"))
                .header("Referrer-Policy", equalTo("same-origin"))
                .header("Cache-Control", equalTo("no-store"))
                // Plain HTTP here: HSTS would lock browsers out of local runs.
                .header("Strict-Transport-Security", nullValue());
    }

    @Test
    void hstsIsSentWhenServedBehindTls() {
        given().header("X-Forwarded-Proto", "https")
                .get("/css/app.css")
                .then()
                .header("Strict-Transport-Security", containsString("max-age="));
    }

    @Test
    void staticFilesAreServedWithoutLoginAndStayCacheable() {
        given().get("/css/app.css")
                .then()
                .statusCode(200)
                .header("Cache-Control", not(equalTo("no-store")))
                .header("X-Content-Type-Options", equalTo("nosniff"));
        given().get("/js/charts.js").then().statusCode(200);
        given().get("/webjars/chart.js/dist/chart.umd.js").then().statusCode(200);
    }

    @Test
    @TestSecurity(
            user = "patient",
            roles = {"patient"})
    void educationPageKeepsTheGuidesNumbers() {
        Document page = Pages.html(
                given().get("/education").then().statusCode(200).extract().response());
        String text = page.text();
        assertThat(text)
                .contains("5 minutes every 30 to 60 minutes")
                .contains("15 to 20 minutes")
                .contains("about 15 minutes")
                .contains("2 to 6 weeks")
                .contains("3 to 6 months")
                .contains("Loss of bladder or bowel control");
        assertThat(page.select("#red-flags .emergency-flags li, #red-flags .same-day-flags li"))
                .hasSize(5);
        assertThat(page.select("#yoga").text()).contains("deep poses");
        assertThat(page.select("#lifting").text())
                .contains("bent-over rows and deadlifts")
                .contains("nerve pain")
                .contains("phases 1 and 2")
                .contains("physio who knows weight training");
        assertThat(page.select("#footer-red-flags").text())
                .contains("numbness in the saddle area")
                .contains("constant severe pain in every position");
    }
}
