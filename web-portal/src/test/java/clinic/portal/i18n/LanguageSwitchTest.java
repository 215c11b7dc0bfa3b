package clinic.portal.i18n;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import clinic.portal.Pages;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.response.Response;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/** The page's language: the visitor's choice (cookie), else the browser's, else English; and the switcher. */
@QuarkusTest
class LanguageSwitchTest {

    @Test
    @TestSecurity(
            user = "patient",
            roles = {"patient"})
    void theBrowsersLanguageChoosesThePageLanguage() {
        Response es =
                given().header("Accept-Language", "es-ES,es;q=0.9,en;q=0.5").get("/");
        Document page = Pages.html(es.then().statusCode(200).extract().response());
        assertThat(page.select("html").attr("lang")).isEqualTo("es");
        // The switcher offers the other language, in its own name and marked as such for screen readers.
        assertThat(page.select("nav.language a").attr("lang")).isEqualTo("en");
        assertThat(page.select("nav.language a").text()).isEqualTo("English");
        assertThat(page.select("nav.language").attr("aria-label")).isEqualTo("Idioma");
        assertThat(es.header("Content-Language")).isEqualTo("es");

        Document unsupported = Pages.html(given().header("Accept-Language", "fr-FR, de;q=0.8")
                .get("/")
                .then()
                .statusCode(200)
                .extract()
                .response());
        assertThat(unsupported.select("html").attr("lang")).isEqualTo("en");
    }

    @Test
    @TestSecurity(
            user = "patient",
            roles = {"patient"})
    void theChosenLanguageWinsOverTheBrowsers() {
        Document page = Pages.html(given().header("Accept-Language", "es")
                .cookie("lang", "en")
                .get("/")
                .then()
                .statusCode(200)
                .extract()
                .response());
        assertThat(page.select("html").attr("lang")).isEqualTo("en");
        assertThat(page.select("nav.language a").attr("href")).isEqualTo("/language/es?back=%2F");
        // The texts follow the choice too, not only the lang attribute.
        assertThat(page.select("nav.language").attr("aria-label")).isEqualTo("Language");
        Document spanish = Pages.html(given().header("Accept-Language", "en")
                .cookie("lang", "es")
                .get("/")
                .then()
                .statusCode(200)
                .extract()
                .response());
        assertThat(spanish.select("nav.language").attr("aria-label")).isEqualTo("Idioma");
    }

    @Test
    void theSwitcherKeepsTheChoiceAndReturnsToThePageEvenSignedOut() {
        Response answer = given().urlEncodingEnabled(false)
                .redirects()
                .follow(false)
                .get("/language/es?back=/me/today%3Fx%3D1")
                .then()
                .statusCode(303)
                .extract()
                .response();
        assertThat(answer.header("Location")).endsWith("/me/today?x=1");
        assertThat(answer.getDetailedCookie("lang").getValue()).isEqualTo("es");
        assertThat(answer.getDetailedCookie("lang").getMaxAge()).isGreaterThan(30L * 24 * 3600);
    }

    @Test
    void theSwitcherNeverSendsAnywhereElseAndIgnoresUnknownLanguages() {
        for (String back :
                new String[] {"https://evil.example/", "//evil.example/", "/\\evil.example", "javascript:x"}) {
            String location = given().redirects()
                    .follow(false)
                    .queryParam("back", back)
                    .get("/language/es")
                    .then()
                    .statusCode(303)
                    .extract()
                    .header("Location");
            assertThat(location).as(back).doesNotContain("evil").endsWith("/");
        }
        Response unknown = given().redirects()
                .follow(false)
                .get("/language/xx?back=/")
                .then()
                .statusCode(303)
                .extract()
                .response();
        assertThat(unknown.getDetailedCookie("lang")).isNull();
    }

    @Test
    @TestSecurity(
            user = "physio",
            roles = {"physio"})
    void aRefusedFormIsWordedInItsOwnRequestsLanguageNotThePreviousOnes() {
        for (int i = 0; i < 3; i++) {
            given().cookie("lang", "es").get("/").then().statusCode(200);
            Document refused = Pages.html(given().header("Origin", Pages.origin())
                    .contentType("application/x-www-form-urlencoded")
                    .formParam("givenName", "x")
                    .post("/patients")
                    .then()
                    .statusCode(403)
                    .extract()
                    .response());
            assertThat(refused.select("html").attr("lang")).isEqualTo("en");
        }
    }

    @Test
    void resolvingTheLanguage() {
        assertThat(Languages.resolve(null, "es-MX,es;q=0.9")).isEqualTo("es");
        assertThat(Languages.resolve(null, "en-GB,es;q=0.5")).isEqualTo("en");
        assertThat(Languages.resolve(null, "de, es;q=0.1")).isEqualTo("es");
        assertThat(Languages.resolve(null, "es;q=0")).isEqualTo("en");
        assertThat(Languages.resolve("xx", "not a header ;;;")).isEqualTo("en");
        assertThat(Languages.resolve("es", "en")).isEqualTo("es");
    }
}
