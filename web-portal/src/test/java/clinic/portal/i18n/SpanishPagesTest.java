package clinic.portal.i18n;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import clinic.portal.Pages;
import clinic.portal.outbound.NotificationApi.Preferences;
import clinic.portal.outbound.NotificationApi.UnsubscribeLink;
import clinic.portal.outbound.PatientServiceClient;
import clinic.portal.outbound.UnsubscribeClient;
import io.quarkus.test.InjectMock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import jakarta.ws.rs.ProcessingException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The shell and the account pages in Spanish: a patient whose language is Spanish reads Spanish headings, links,
 * errors and service notices, with no English sentence left over; and the language chosen on the reminders page
 * becomes the portal's language.
 */
@QuarkusTest
class SpanishPagesTest {

    @InjectMock
    @RestClient
    PatientServiceClient patients;

    @InjectMock
    @RestClient
    UnsubscribeClient links;

    /** What patient-service signs: base64url("P:7:EXERCISE_REMINDER") "." base64url(hmac). */
    private static final String TOKEN = "UDo3OkVYRVJDSVNFX1JFTUlOREVS.c2lnbmF0dXJlLW9mLXRoaXJ0eS10d28tYnl0ZXMtaGVyZQ";

    /**
     * Words that only an English sentence has. The red-flag texts ({@code label:}/{@code guide:}, clinical content in
     * clinic.rules) are left out of the check: they come from clinical content, which is translated and tested there.
     */
    private static final Pattern ENGLISH =
            Pattern.compile("\\b(the|your|you|and|of|to|is|not|with|this|sign|page|Today|Log)\\b");

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    private static Document spanish(String path, int status) {
        return Pages.html(given().cookie("lang", "es")
                .get(path)
                .then()
                .statusCode(status)
                .extract()
                .response());
    }

    /** The page's own text (header, main, footer) without the clinical content that is not this bundle's. */
    private static String ownText(Document page) {
        Document copy = page.clone();
        copy.select(".red-flag-rules, #footer-red-flags, nav.language, #user-name")
                .remove();
        return copy.body().text();
    }

    private static List<String> englishIn(String text) {
        Matcher m = ENGLISH.matcher(text);
        List<String> found = new java.util.ArrayList<>();
        while (m.find()) {
            int from = Math.max(0, m.start() - 30);
            found.add(text.substring(from, Math.min(text.length(), m.end() + 30)));
        }
        return found;
    }

    private static Preferences preferences(String language) {
        return new Preferences(
                "sam@example.test",
                true,
                null,
                true,
                true,
                false,
                true,
                true,
                "18:00",
                "Europe/Madrid",
                null,
                null,
                language,
                "2026-12-01T10:00:00Z");
    }

    @Test
    @TestSecurity(
            user = "patient",
            roles = {"patient"})
    void theBackCareGuideAndTheShellAreInSpanish() {
        Document page = spanish("/education", 200);
        assertThat(page.select("html").attr("lang")).isEqualTo("es");
        assertThat(page.select("h1").text()).isEqualTo("Cuidar la espalda");
        assertThat(page.select("#posture-title").text()).isEqualTo("Postura");
        assertThat(page.select("#help-title").text()).isEqualTo("Cuándo pedir ayuda de inmediato");
        assertThat(page.select("a.skip-link").text()).isEqualTo("Saltar al contenido");
        assertThat(page.select("header nav").attr("aria-label")).isEqualTo("Principal");
        assertThat(page.select("header nav a[href=/me/log]").text()).isEqualTo("Registrar una sesión");
        assertThat(page.select("#sign-out").text()).isEqualTo("Cerrar sesión");
        assertThat(page.select("title").text()).isEqualTo("Cuidar la espalda · Clínica de Fisioterapia");
        assertThat(englishIn(ownText(page)))
                .as("English left on the Spanish page")
                .isEmpty();
    }

    @Test
    @TestSecurity(
            user = "patient",
            roles = {"patient"})
    void theStartPageAndTheErrorPagesAreInSpanish() {
        when(patients.myPreferences()).thenReturn(preferences(null));
        Document home = spanish("/", 200);
        assertThat(home.select("h1").text()).startsWith("Le damos la bienvenida");
        assertThat(home.select("a[href=/me/today]").eachText()).contains("La rutina de hoy");
        assertThat(englishIn(ownText(home))).isEmpty();

        Document notFound = spanish("/no-such-page", 404);
        assertThat(notFound.select("h1").text()).isEqualTo("No encontrado");
        assertThat(englishIn(ownText(notFound))).isEmpty();

        Document signOut = spanish("/logout", 200);
        assertThat(signOut.select("#sign-out-confirm button").text()).isEqualTo("Cerrar sesión ahora");
        assertThat(englishIn(ownText(signOut))).isEmpty();
    }

    @Test
    @TestSecurity(
            user = "patient",
            roles = {"patient"})
    void aServiceThatIsDownIsExplainedInSpanish() {
        when(patients.myPreferences()).thenThrow(new ProcessingException("down"));
        Document page = spanish("/me/preferences", 200);
        assertThat(page.select("h1").text()).isEqualTo("Recordatorios por correo");
        assertThat(page.select(".notice").text()).contains("No se puede conectar con el servicio de pacientes");
        assertThat(page.select("#preferences-unavailable").text()).startsWith("Ahora no se pueden mostrar");
        assertThat(englishIn(ownText(page))).isEmpty();
    }

    @Test
    @TestSecurity(
            user = "patient",
            roles = {"patient"})
    void theRemindersFormAndItsErrorsAreInSpanish() {
        when(patients.myPreferences()).thenReturn(preferences("es"));
        Document page = spanish("/me/preferences", 200);
        assertThat(page.select("label[for=reminderTime]").text()).isEqualTo("Hora del recordatorio");
        assertThat(page.select("#save-preferences").text()).isEqualTo("Guardar");
        assertThat(englishIn(ownText(page))).isEmpty();

        String token = page.select("#preferences-form input[name=csrf-token]").val();
        Document refused = Pages.html(given().cookie("lang", "es")
                .header("Origin", Pages.origin())
                .formParam("csrf-token", token)
                .formParam("reminderTime", "")
                .formParam("timeZone", "Europe/Madrid")
                .formParam("language", "es")
                .post("/me/preferences")
                .then()
                .statusCode(200)
                .extract()
                .response());
        assertThat(refused.select("#reminderTime-error").text()).isEqualTo("Elija una hora, por ejemplo 18:00.");
        assertThat(refused.select("#form-notice").text())
                .contains("Hay que cambiar una respuesta antes de poder guardar sus recordatorios.");
        verify(patients, never()).savePreferences(any());
    }

    @Test
    @TestSecurity(
            user = "patient",
            roles = {"patient"})
    void savingALanguageOnTheRemindersPageMakesItThePortalsLanguage() {
        when(patients.myPreferences()).thenReturn(preferences("en"));
        when(patients.savePreferences(any())).thenReturn(preferences("es"));
        String token = Pages.csrf("/me/preferences").token();

        Response saved = given().redirects()
                .follow(false)
                .header("Origin", Pages.origin())
                .formParam("csrf-token", token)
                .formParam("emailEnabled", "on")
                .formParam("reminderTime", "18:00")
                .formParam("timeZone", "Europe/Madrid")
                .formParam("language", "es")
                .post("/me/preferences");

        assertThat(saved.statusCode()).isEqualTo(303);
        assertThat(saved.getDetailedCookie("lang").getValue()).isEqualTo("es");
        assertThat(saved.getDetailedCookie("lang").getMaxAge()).isGreaterThan(30L * 24 * 3600);
    }

    @Test
    @TestSecurity(
            user = "patient",
            roles = {"patient"})
    void aPatientWithoutAChoiceOnThisDeviceGetsTheLanguageOfTheirPreferences() {
        when(patients.myPreferences()).thenReturn(preferences("es"));

        Response first = given().redirects()
                .follow(false)
                .header("Accept-Language", "en")
                .get("/");
        // The first page was about to be English (the browser's): it comes again, now with the chosen language kept.
        assertThat(first.statusCode()).isEqualTo(303);
        assertThat(first.getDetailedCookie("lang").getValue()).isEqualTo("es");

        // A choice made on this device (the switcher) wins: the preference is not even asked for.
        Document chosen = Pages.html(given().cookie("lang", "en")
                .get("/")
                .then()
                .statusCode(200)
                .extract()
                .response());
        assertThat(chosen.select("html").attr("lang")).isEqualTo("en");
        verify(patients, org.mockito.Mockito.times(1)).myPreferences();
    }

    @Test
    @TestSecurity(
            user = "patient",
            roles = {"patient"})
    void withoutAStoredLanguageTheBrowsersStays() {
        when(patients.myPreferences()).thenReturn(preferences(null));
        Response page = given().header("Accept-Language", "es").get("/");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.getDetailedCookie("lang")).isNull();
        assertThat(Pages.html(page).select("html").attr("lang")).isEqualTo("es");
    }

    @Test
    void theUnsubscribePagesNeedNoLoginAndSpeakSpanish() {
        Document page = spanish("/unsubscribe?t=not-a-token", 400);
        assertThat(page.select("h1").text()).isEqualTo("Este enlace no funciona");
        Element button = page.selectFirst("a.button");
        assertThat(button).isNotNull();
        assertThat(button.text()).isEqualTo("Iniciar sesión para cambiar sus correos");
        assertThat(englishIn(ownText(page))).isEmpty();
    }

    @Test
    void theUnsubscribeLinkSaysInSpanishWhatItStops() {
        when(links.describe(TOKEN))
                .thenReturn(new UnsubscribeLink("EXERCISE_REMINDER", "PATIENT", "daily exercise reminders"));
        Document page = spanish("/unsubscribe?t=" + TOKEN, 200);
        assertThat(page.select("#unsubscribe-what").text())
                .isEqualTo("Con este enlace dejará de recibir los recordatorios diarios de ejercicios de la clínica."
                        + " Los demás correos no cambian.");
        assertThat(page.select("#unsubscribe-button").text()).isEqualTo("Dejar de recibir estos correos");
        assertThat(englishIn(ownText(page))).isEmpty();
    }
}
