package clinic.portal.common;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.when;

import clinic.portal.Fixtures;
import clinic.portal.Pages;
import clinic.portal.outbound.ProgramApi.Today;
import clinic.portal.outbound.ProgramServiceClient;
import clinic.rules.RedFlag;
import io.quarkus.test.InjectMock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.RestAssured;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The clinical words a patient reads on every page (red flags and what to do, the pain rules) follow the page's
 * language: {@code label:} and {@code guide:} read the language of the page being rendered.
 */
@QuarkusTest
class ClinicalWordsLanguageTest {

    @InjectMock
    @RestClient
    ProgramServiceClient programs;

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    private static Document education(String lang) {
        return Pages.html(given().cookie("lang", lang)
                .get("/education")
                .then()
                .statusCode(200)
                .extract()
                .response());
    }

    @Test
    @TestSecurity(
            user = "patient",
            roles = {"patient"})
    void aSpanishPatientReadsTheRedFlagsTheEmergencyAdviceAndThePainRulesInSpanish() {
        Document page = education("es");
        String rules = page.select("#red-flags").text();

        assertThat(rules)
                .contains("Pida ayuda médica urgente ahora")
                .contains("Llame ahora al número de emergencias")
                .contains("Consulte a un médico hoy")
                .contains("Entumecimiento entre las piernas");
        assertThat(page.select(".emergency-flags li")).hasSize(3);
        assertThat(page.select(".same-day-flags li")).hasSize(2);
        // no English clinical words left on the Spanish page
        for (RedFlag f : RedFlag.values()) {
            assertThat(page.text()).doesNotContain(f.patientWords()).doesNotContain(f.label());
            assertThat(rules).contains(f.patientWords(Locale.forLanguageTag("es")));
        }
        assertThat(rules).doesNotContain("Get emergency medical help now").doesNotContain("See a doctor today");
        // the footer on every page lists the flags in the page's language
        assertThat(page.select("#footer-red-flags").text())
                .contains("pérdida del control de la vejiga o del intestino");
    }

    @Test
    @TestSecurity(
            user = "patient",
            roles = {"patient"})
    void anEnglishPatientStillReadsTheEnglishWords() {
        Document page = education("en");
        assertThat(page.select("#red-flags").text())
                .contains("Get emergency medical help now")
                .doesNotContain("Pida ayuda");
        assertThat(page.select("#footer-red-flags").text()).contains("loss of bladder or bowel control");
    }

    @Test
    @TestSecurity(
            user = "patient",
            roles = {"patient"})
    void theRoutinesPainRulesFollowThePagesLanguage() {
        when(programs.today())
                .thenReturn(new Today(Fixtures.nextId(), "2026-11-26", 1, "Fase", "Meta", List.of(), List.of()));
        when(programs.exercises(any(), any())).thenReturn(List.of());

        String spanish = Pages.html(given().cookie("lang", "es")
                        .get("/me/today")
                        .then()
                        .statusCode(200)
                        .extract()
                        .response())
                .select(".pain-rules")
                .text();
        String english = Pages.html(given().cookie("lang", "en")
                        .get("/me/today")
                        .then()
                        .statusCode(200)
                        .extract()
                        .response())
                .select(".pain-rules")
                .text();

        assertThat(spanish)
                .contains("Es normal notar un estiramiento suave")
                .contains("dolor agudo que baja por la pierna")
                .doesNotContain("A mild stretch")
                .doesNotContain("Sharp pain shooting");
        assertThat(english)
                .contains("A mild stretch or tired muscles are fine.")
                .doesNotContain("Es normal");
    }
}
