package clinic.system;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The everyday journey in a real browser, through Keycloak's own pages: a physio registers, screens and
 * prescribes; the new patient follows the invitation e-mail, sets a password, sees the routine and logs nerve
 * pain; the physio sees and acknowledges the alert.
 */
class PhysioAndPatientJourneyTest {

    @Test
    void physioPrescribesAndPatientFollowsThroughTheirFirstLogin() {
        SystemStack stack = SystemStack.get();
        String family = "Journey" + Long.toString(System.nanoTime(), 36);
        String email = family.toLowerCase() + "@example.test";
        String patientUrl;

        try (Browser physio = new Browser()) {
            physio.driver.get(stack.portal() + "/patients/new");
            physio.logIn("physio", "physio");
            physio.waitFor(By.id("register-patient"));
            physio.driver.findElement(By.id("givenName")).sendKeys("Jordan");
            physio.driver.findElement(By.id("familyName")).sendKeys(family);
            setValue(physio, physio.driver.findElement(By.id("dateOfBirth")), "1980-05-17");
            physio.driver.findElement(By.id("email")).sendKeys(email);
            physio.driver.findElement(By.id("condition")).sendKeys("Right-sided sciatica for three weeks");
            physio.driver
                    .findElement(By.cssSelector("#register-patient button[type=submit]"))
                    .click();

            physio.waitFor(By.id("invitation-sent"));
            physio.screenshot("physio-registered-invitation");
            assertThat(physio.driver.findElement(By.id("invitation-sent")).getText())
                    .startsWith("Invitation sent to " + email);
            assertThat(physio.text()).doesNotContainIgnoringCase("temporary password");
            patientUrl = physio.driver
                    .findElement(By.cssSelector("#registered-patient a"))
                    .getAttribute("href");

            // Screening with a classic sciatica pattern: cleared for exercise.
            physio.driver.get(patientUrl + "/screening");
            physio.waitFor(By.id("screening-form"));
            physio.driver.findElement(By.id("ss-RADIATING_BELOW_BUTTOCK")).click();
            physio.driver.findElement(By.id("ss-PARAESTHESIA")).click();
            physio.driver.findElement(By.id("ss-WORSE_SITTING_COUGHING")).click();
            physio.driver
                    .findElement(By.cssSelector("#screening-form button[type=submit]"))
                    .click();
            physio.waitFor(By.tagName("main"));
            assertThat(physio.text()).contains("Clear: an exercise program may start");
            assertThat(physio.driver.findElements(By.id("emergency-banner"))).isEmpty();

            // Assign phase 1 with a caution exercise that must be acknowledged.
            physio.driver.get(patientUrl + "/assign");
            physio.waitFor(By.id("assign-program"));
            new Select(physio.driver.findElement(By.id("phase"))).selectByValue("1");
            physio.driver
                    .findElement(By.cssSelector("#assign-program button[type=submit]"))
                    .click();
            physio.waitFor(By.id("extra"));
            new Select(physio.driver.findElement(By.id("extra"))).selectByValue("toe-touch-forward-bend");
            physio.driver
                    .findElement(By.cssSelector("#assign-program button[type=submit]"))
                    .click();
            physio.waitFor(By.id("cautions"));
            physio.screenshot("physio-assign-caution");
            assertThat(physio.driver.findElement(By.id("cautions")).getText())
                    .as("the refusal names the safer alternatives")
                    .isNotBlank();
            physio.driver
                    .findElement(By.id("ack-toe-touch-forward-bend"))
                    .sendKeys("Supervised in clinic only, tiny range, stop on leg symptoms");
            // A caution exercise needs the physio's own instructions: the patient reads them instead of the library's.
            physio.driver
                    .findElement(By.id("ack-instructions-toe-touch-forward-bend"))
                    .sendKeys("Only in clinic with me: reach to the knees, not the toes; stop if the leg tingles.");
            physio.driver
                    .findElement(By.cssSelector("#assign-program button[type=submit]"))
                    .click();
            physio.waitForUrlStartingWith(stack.portal() + "/programs/");
            assertThat(physio.text())
                    .contains("Program: Jordan " + family)
                    .contains("Modified slump glide")
                    .as("the acknowledged caution exercise is part of the program")
                    .contains("Toe touches and standing forward bends");
            physio.screenshot("physio-program");

            physio.driver.findElement(By.id("sign-out")).click();
            physio.waitFor(By.id("kc-login"));
        }

        try (Browser patient = new Browser()) {
            // The invitation e-mail's link: Keycloak's own page makes the patient choose a password.
            String newPassword = "Sciatica-" + Long.toString(System.nanoTime(), 36);
            Invitations.accept(patient, stack, email, newPassword, "/me/today");
            patient.waitFor(By.id("routine"));
            assertThat(patient.text()).contains("Phase 1");
            patient.screenshot("patient-routine-desktop");
            patient.phoneWidth();
            patient.driver.navigate().refresh();
            patient.waitFor(By.id("routine"));
            patient.screenshot("patient-routine-phone");
            assertThat(patient.driver.findElements(By.cssSelector("#routine .exercise")))
                    .hasSizeGreaterThanOrEqualTo(3);

            patient.driver.get(stack.portal() + "/me/log");
            patient.waitFor(By.id("log-session"));
            patient.driver
                    .findElement(By.cssSelector("label[for=painBefore-4]"))
                    .click();
            patient.driver.findElement(By.id("done-single-knee-to-chest")).click();
            patient.driver.findElement(By.id("nerve-single-knee-to-chest")).click();
            patient.driver.findElement(By.cssSelector("label[for=painAfter-5]")).click();
            patient.driver
                    .findElement(By.cssSelector("#log-session button[type=submit]"))
                    .click();
            patient.waitFor(By.tagName("main"));
            assertThat(patient.driver.getCurrentUrl()).doesNotEndWith("/me/log");

            patient.driver.findElement(By.id("sign-out")).click();
            patient.waitFor(By.id("kc-login"));
            // After logout the Back button must not show the routine again.
            patient.driver.navigate().back();
            patient.waitFor(By.tagName("body"));
            assertThat(patient.text()).doesNotContain("Phase 1");
        }

        try (Browser physio = new Browser()) {
            physio.driver.get(stack.portal() + "/alerts");
            physio.logIn("physio", "physio");
            physio.waitFor(By.id("alerts"));
            WebElement alert = physio.driver.findElements(By.cssSelector("#alerts article")).stream()
                    .filter(a -> a.getText().contains(family))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no alert for " + family + " in: " + physio.text()));
            assertThat(alert.getText()).containsIgnoringCase("nerve");
            physio.screenshot("physio-alerts");
            String alertId = alert.getAttribute("id");
            alert.findElement(By.name("note")).sendKeys("Called the patient, dropped knee-to-chest for now");
            alert.findElement(By.cssSelector("button[type=submit]")).click();
            physio.waitFor(By.id("alerts"));
            assertThat(physio.driver.findElements(By.id(alertId)))
                    .as("acknowledged alert leaves the open list")
                    .isEmpty();
        }
    }

    private static void setValue(Browser browser, WebElement input, String value) {
        ((JavascriptExecutor) browser.driver).executeScript("arguments[0].value = arguments[1];", input, value);
    }
}
