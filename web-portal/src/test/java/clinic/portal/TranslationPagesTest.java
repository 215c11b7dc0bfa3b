package clinic.portal;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import clinic.portal.outbound.ProgramApi.ExerciseTranslation;
import clinic.portal.outbound.ProgramServiceClient;
import io.quarkus.test.InjectMock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.RestAssured;
import java.util.List;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/** A physio translates a clinic exercise into Spanish beside its English words; built-ins are read-only. */
@QuarkusTest
class TranslationPagesTest {

    @InjectMock
    @RestClient
    ProgramServiceClient programs;

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @BeforeEach
    void library() {
        when(programs.exercise("knee-slide")).thenReturn(LibraryPagesTest.clinic(2, false));
        when(programs.exerciseTranslations("knee-slide"))
                .thenReturn(List.of(new ExerciseTranslation(
                        "es", "Deslizamiento de rodilla", "Deslice el talón.", null, null, null, null, null)));
    }

    @Test
    @TestSecurity(
            user = "physio",
            roles = {"physio"})
    void theFormShowsTheEnglishBesideTheSpanishAndSavesIt() {
        Document page = Pages.html(given().get("/library/knee-slide/translations/es")
                .then()
                .statusCode(200)
                .extract()
                .response());
        assertThat(page.select("#name").attr("value")).isEqualTo("Deslizamiento de rodilla");
        assertThat(page.select("#name").attr("lang")).isEqualTo("es");
        assertThat(page.select("#instructions-en").text()).contains("Slide the heel.");
        assertThat(page.select("#instructions-en").attr("lang")).isEqualTo("en");
        assertThat(page.select("#translation-form button[type=submit]")).hasSize(1);

        when(programs.translateExercise(eq("knee-slide"), eq("es"), any()))
                .thenReturn(new ExerciseTranslation("es", "x", "y", null, null, null, null, null));
        Pages.Csrf csrf = Pages.csrf("/library/knee-slide/translations/es");
        given().header("Origin", Pages.origin())
                .redirects()
                .follow(false)
                .formParam("csrf-token", csrf.token())
                .formParam("name", "Deslizamiento de rodilla")
                .formParam("instructions", "Deslice el talón despacio.")
                .formParam("precautions", "Pare si nota un dolor que baja por la pierna.")
                .formParam("shouldFeel", "")
                .post("/library/knee-slide/translations/es")
                .then()
                .statusCode(303)
                .header("Location", endsWith("/library/knee-slide/translations/es?saved=1"));
        ArgumentCaptor<ExerciseTranslation> sent = ArgumentCaptor.forClass(ExerciseTranslation.class);
        verify(programs).translateExercise(eq("knee-slide"), eq("es"), sent.capture());
        assertThat(sent.getValue().instructions()).isEqualTo("Deslice el talón despacio.");
        assertThat(sent.getValue().shouldFeel()).isNull();
    }

    @Test
    @TestSecurity(
            user = "physio",
            roles = {"physio"})
    void aMissingNameIsTiedToItsFieldAndNothingIsSent() {
        Pages.Csrf csrf = Pages.csrf("/library/knee-slide/translations/es");
        Document page = Pages.html(given().header("Origin", Pages.origin())
                .cookie("lang", "es")
                .formParam("csrf-token", csrf.token())
                .formParam("name", " ")
                .formParam("instructions", "Deslice el talón.")
                .post("/library/knee-slide/translations/es")
                .then()
                .statusCode(200)
                .extract()
                .response());
        assertThat(page.select("#name").attr("aria-invalid")).isEqualTo("true");
        assertThat(page.select("#name").attr("aria-describedby")).contains("name-error");
        assertThat(page.select("#name-error").text()).isEqualTo("Obligatorio.");
        // the page itself in Spanish: no English label left in the form
        assertThat(page.select("label[for=name]").text()).isEqualTo("Nombre (obligatorio)");
        assertThat(page.select("#translation-form button").text()).isEqualTo("Guardar la traducción");
        verify(programs, never()).translateExercise(anyString(), anyString(), any());
    }

    @Test
    @TestSecurity(
            user = "admin",
            roles = {"admin"})
    void anAdminReadsButCannotSaveAndEnglishIsNotALanguageToTranslateInto() {
        Document page = Pages.html(given().get("/library/knee-slide/translations/es")
                .then()
                .statusCode(200)
                .extract()
                .response());
        assertThat(page.select("#translation-form button")).isEmpty();
        assertThat(page.select("#name").hasAttr("readonly")).isTrue();
        given().get("/library/knee-slide/translations/en").then().statusCode(404);
        given().get("/library/knee-slide/translations/fr").then().statusCode(404);
    }
}
