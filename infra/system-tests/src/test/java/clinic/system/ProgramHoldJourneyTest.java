package clinic.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * A red flag stops the program, in a real browser through Keycloak's own pages: the patient ticks saddle numbness in
 * a session log and reads only the emergency advice for it; their routine then says the program is paused; the
 * physio sees the hold with the finding in clinical words and the urgent alert, cannot resume before a new
 * screening, screens again and resumes with a reason; the patient's routine is back.
 *
 * <p>A patient of its own (registered, screened and prescribed over the API), so the demo patients' programs stay
 * active for the other tests.
 */
class ProgramHoldJourneyTest {

    static SystemStack stack;

    @BeforeAll
    static void start() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
        stack = SystemStack.get();
    }

    @Test
    void aRedFlagInASessionLogPausesTheProgramUntilThePhysioResumesAfterANewScreening() {
        String physioToken = Tokens.demo("physio");
        String family = "Paused" + Long.toString(System.nanoTime(), 36);
        JsonPath registered = given().auth()
                .oauth2(physioToken)
                .contentType("application/json")
                .body(Map.of(
                        "givenName",
                        "Casey",
                        "familyName",
                        family,
                        "dateOfBirth",
                        "1969-08-21",
                        "email",
                        family.toLowerCase() + "@example.test"))
                .post(stack.patientService() + "/api/patients")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath();
        long patientId = registered.getLong("id");
        String username = registered.getString("accountUsername");
        assertThat(registered.getString("account")).isEqualTo("INVITED");
        assertThat(ProgramHoldTest.screen(physioToken, patientId, List.of()).getString("outcome"))
                .isEqualTo("CLEAR");
        long programId = ProgramHoldTest.assign(physioToken, patientId);
        String newPassword = "Sciatica-" + Long.toString(System.nanoTime(), 36);

        try (Browser patient = new Browser()) {
            // Fresh patient via the API: the first login comes from the invitation e-mail.
            Invitations.accept(patient, stack, username, newPassword, "/me/today");
            patient.waitFor(By.id("routine"));
            assertThat(patient.driver.findElements(By.cssSelector("#routine .exercise")))
                    .hasSizeGreaterThanOrEqualTo(3);

            patient.driver.get(stack.portal() + "/me/log");
            patient.waitFor(By.id("log-session"));
            patient.driver
                    .findElement(By.cssSelector("label[for=painBefore-5]"))
                    .click();
            patient.driver.findElement(By.cssSelector("label[for=painAfter-6]")).click();
            patient.driver.findElement(By.id("rf-SADDLE_NUMBNESS")).click();
            // The advice shows before anything is sent, without the network.
            assertThat(patient.driver.findElement(By.id("emergency-advice")).isDisplayed())
                    .isTrue();
            patient.driver
                    .findElement(By.cssSelector("#log-session button[type=submit]"))
                    .click();
            patient.waitFor(By.id("session-saved"));
            WebElement advice = patient.driver.findElement(By.id("emergency-advice"));
            assertThat(advice.isDisplayed()).isTrue();
            assertThat(advice.getText()).contains("Get emergency medical help now");
            assertThat(patient.driver.findElements(By.cssSelector(".emergency")))
                    .as("one piece of advice, not two emergency texts in a row")
                    .hasSize(1);
            assertThat(patient.text())
                    .as("patients read patient words only")
                    .doesNotContain("Contact the patient")
                    .doesNotContain("Saddle anaesthesia")
                    .doesNotContain("RED_FLAG")
                    .doesNotContain("on hold.");
            patient.screenshot("patient-red-flag-advice");

            patient.driver.get(stack.portal() + "/me/today");
            patient.waitFor(By.id("program-paused"));
            assertThat(patient.driver.findElement(By.id("hold-advice")).getText())
                    .contains("Get emergency medical help now");
            assertThat(patient.driver.findElements(By.cssSelector("#routine .exercise")))
                    .isEmpty();
            assertThat(patient.driver.findElements(By.id("log-link"))).isEmpty();
            patient.screenshot("patient-program-paused");
        }

        try (Browser physio = new Browser()) {
            physio.driver.get(stack.portal() + "/alerts");
            physio.logIn("physio", "physio");
            physio.waitFor(By.id("alerts"));
            assertThat(physio.driver.findElements(By.cssSelector("#alerts article.urgent")).stream()
                            .map(WebElement::getText)
                            .filter(t -> t.contains(family)))
                    .as("an urgent alert for %s in: %s", family, physio.text())
                    .singleElement()
                    .asString()
                    .contains("Saddle anaesthesia");

            String programPage = stack.portal() + "/programs/" + programId;
            physio.driver.get(programPage);
            physio.waitFor(By.id("hold-banner"));
            assertThat(physio.driver.findElement(By.id("hold-banner")).getText())
                    .contains("session log")
                    .contains("Saddle anaesthesia");
            physio.screenshot("physio-program-on-hold");

            // No resume before a new screening clears the patient.
            physio.driver.findElement(By.id("resume-reason")).sendKeys("Patient says it passed");
            physio.driver
                    .findElement(By.cssSelector("#resume-program button[type=submit]"))
                    .click();
            physio.waitFor(By.id("resume-notice"));
            assertThat(physio.driver.findElement(By.id("resume-notice")).getText())
                    .containsIgnoringCase("screen");

            physio.driver.get(stack.portal() + "/patients/" + patientId + "/screening");
            physio.waitFor(By.id("screening-form"));
            physio.driver.findElement(By.id("ss-RADIATING_BELOW_BUTTOCK")).click();
            physio.driver.findElement(By.id("ss-PARAESTHESIA")).click();
            physio.driver
                    .findElement(By.cssSelector("#screening-form button[type=submit]"))
                    .click();
            physio.waitFor(By.tagName("main"));
            assertThat(physio.text()).contains("Clear");

            physio.driver.get(programPage);
            physio.waitFor(By.id("resume-program"));
            physio.driver
                    .findElement(By.id("resume-reason"))
                    .sendKeys("Seen in A&E: cauda equina excluded by MRI; screened clear again");
            physio.driver
                    .findElement(By.cssSelector("#resume-program button[type=submit]"))
                    .click();
            physio.waitFor(By.id("resumed-notice"));
            assertThat(physio.driver.findElements(By.id("hold-banner"))).isEmpty();
            assertThat(physio.driver.findElement(By.id("revisions")).getText())
                    .contains("On hold")
                    .contains("cauda equina excluded by MRI");
        }

        try (Browser patient = new Browser()) {
            patient.driver.get(stack.portal() + "/me/today");
            patient.logIn(username, newPassword);
            patient.waitFor(By.id("routine"));
            assertThat(patient.driver.findElements(By.id("program-paused"))).isEmpty();
            assertThat(patient.driver.findElements(By.cssSelector("#routine .exercise")))
                    .as("the routine is back")
                    .hasSizeGreaterThanOrEqualTo(3);
            assertThat(patient.driver.findElements(By.id("log-link"))).hasSize(1);
        }
    }
}
