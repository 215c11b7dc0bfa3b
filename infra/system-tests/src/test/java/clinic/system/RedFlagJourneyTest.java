package clinic.system;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * Red flags at screening in a real browser: the physio cannot miss them, and a program cannot start. A red flag in a
 * patient's session log: {@link ProgramHoldJourneyTest}.
 */
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
}
