package clinic.system;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** Red flags in a real browser: the physio cannot miss them, and a program cannot start. */
class RedFlagJourneyTest {

    @Test
    void bladderBowelSymptomShowsTheEmergencyBannerAndBlocksTheProgram() {
        SystemStack stack = SystemStack.get();
        String family = "Redflag" + Long.toString(System.nanoTime(), 36);
        try (Browser physio = new Browser()) {
            physio.driver.get(stack.portal() + "/patients/new");
            physio.logIn("physio", "physio");
            physio.waitFor(By.id("register-patient"));
            physio.driver.findElement(By.id("givenName")).sendKeys("Robin");
            physio.driver.findElement(By.id("familyName")).sendKeys(family);
            ((org.openqa.selenium.JavascriptExecutor) physio.driver)
                    .executeScript("document.getElementById('dateOfBirth').value = '1971-02-03';");
            physio.driver
                    .findElement(By.cssSelector("#register-patient button[type=submit]"))
                    .click();
            physio.waitFor(By.id("registered-patient"));
            String patientUrl = physio.driver
                    .findElement(By.cssSelector("#registered-patient a"))
                    .getAttribute("href");

            physio.driver.get(patientUrl + "/screening");
            physio.waitFor(By.id("screening-form"));
            physio.driver.findElement(By.id("rf-BLADDER_BOWEL")).click();
            physio.driver.findElement(By.id("ss-RADIATING_BELOW_BUTTOCK")).click();
            physio.driver
                    .findElement(By.cssSelector("#screening-form button[type=submit]"))
                    .click();
            physio.waitFor(By.id("emergency-banner"));
            WebElement banner = physio.driver.findElement(By.id("emergency-banner"));
            assertThat(banner.isDisplayed()).isTrue();
            assertThat(banner.getAttribute("role")).isEqualTo("alert");
            physio.screenshot("physio-urgent-referral");

            // The patient page shows the patient is not cleared, and assigning is refused by the service.
            physio.driver.get(patientUrl + "/assign?protocol=sciatica-phased&phase=1");
            physio.waitFor(By.id("assign-program"));
            physio.driver
                    .findElement(By.cssSelector("#assign-program button[type=submit]"))
                    .click();
            physio.waitFor(By.tagName("main"));
            assertThat(physio.driver.getCurrentUrl()).doesNotContain("/programs/");
            assertThat(physio.text()).containsIgnoringCase("urgent");
        }
    }

    @Test
    void patientTickingARedFlagSeesEmergencyAdviceAndThePhysioGetsAnUrgentAlert() {
        SystemStack stack = SystemStack.get();
        try (Browser patient = new Browser()) {
            patient.driver.get(stack.portal() + "/me/log");
            patient.logIn("patient2", "patient2");
            patient.waitFor(By.id("log-session"));
            WebElement advice = patient.driver.findElement(By.id("emergency-advice"));
            assertThat(advice.isDisplayed()).isFalse();
            patient.driver.findElement(By.id("painBefore")).sendKeys("6");
            patient.driver.findElement(By.id("painAfter")).sendKeys("7");
            patient.driver.findElement(By.id("rf-SADDLE_NUMBNESS")).click();
            // Shown at once, before anything is sent.
            assertThat(advice.isDisplayed()).isTrue();
            patient.driver
                    .findElement(By.cssSelector("#log-session button[type=submit]"))
                    .click();
            patient.waitFor(By.id("emergency-advice"));
            assertThat(patient.driver.findElement(By.id("emergency-advice")).isDisplayed())
                    .isTrue();
        }
        try (Browser physio = new Browser()) {
            physio.driver.get(stack.portal() + "/alerts");
            physio.logIn("physio2", "physio2");
            physio.waitFor(By.id("alerts"));
            assertThat(physio.driver.findElements(By.cssSelector("#alerts article.urgent")).stream()
                            .map(WebElement::getText)
                            .filter(t -> t.contains("Morgan")))
                    .as("an urgent alert for Alex Morgan in: %s", physio.text())
                    .isNotEmpty();
        }
    }
}
