package clinic.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.RestAssured;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * Break the glass in a real browser through Keycloak's own login page: {@code physio2} opens a patient of
 * {@code physio}'s, is refused with who to ask and the break-the-glass form, gives a reason and reads the record;
 * the admin's audit page then shows the access with its reason, and the care physio sees who opened the patient.
 */
class BreakGlassJourneyTest {

    static SystemStack stack;

    @BeforeAll
    static void start() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
        stack = SystemStack.get();
    }

    @Test
    void aPhysioOutsideTheCareTeamBreaksTheGlassWithAReasonAndTheAdminSeesIt() {
        CareTeamTest.Episode episode =
                CareTeamTest.episode(stack, Tokens.demo("physio"), CareTeamTest.family("Browser"));
        String patientPage = stack.portal() + "/patients/" + episode.patientId();
        String reason = "Saturday cover: the patient phoned with new numbness in the foot";

        try (Browser physio2 = new Browser()) {
            physio2.driver.get(patientPage);
            physio2.logIn("physio2", "physio2");
            physio2.waitFor(By.id("not-in-care-team"));
            assertThat(physio2.driver.findElement(By.id("care-physio")).getText())
                    .isEqualTo("physio");
            assertThat(physio2.driver.findElements(By.id("patient-name")))
                    .as("no part of the record before the glass is broken")
                    .isEmpty();
            physio2.screenshot("physio2-not-in-care-team");

            // Too short a reason is refused on the page, and nothing opens.
            WebElement field = physio2.driver.findElement(By.id("reason"));
            ((org.openqa.selenium.JavascriptExecutor) physio2.driver)
                    .executeScript("arguments[0].removeAttribute('minlength')", field);
            field.sendKeys("urgent");
            physio2.driver
                    .findElement(By.cssSelector("#break-glass button[type=submit]"))
                    .click();
            physio2.waitFor(By.id("reason-error"));
            assertThat(physio2.driver.findElements(By.id("patient-name"))).isEmpty();

            physio2.driver.findElement(By.id("reason")).clear();
            physio2.driver.findElement(By.id("reason")).sendKeys(reason);
            physio2.driver
                    .findElement(By.cssSelector("#break-glass button[type=submit]"))
                    .click();
            physio2.waitFor(By.id("patient-name"));
            assertThat(physio2.driver.getCurrentUrl()).startsWith(patientPage);
            assertThat(physio2.driver.findElement(By.id("patient-name")).getText())
                    .contains("Robin");
            assertThat(physio2.text()).containsIgnoringCase("emergency access");
            physio2.screenshot("physio2-after-break-the-glass");
        }

        try (Browser admin = new Browser()) {
            admin.driver.get(stack.portal() + "/admin/audit?patientId=" + episode.patientId());
            admin.logIn("admin", "admin");
            admin.waitFor(By.id("audit-entries"));
            List<String> rows = admin.driver.findElements(By.cssSelector("#audit-entries tbody tr")).stream()
                    .map(WebElement::getText)
                    .toList();
            assertThat(rows)
                    .as("the admin's audit page shows the break-the-glass with its reason")
                    .anySatisfy(row -> assertThat(row)
                            .contains("physio2")
                            .contains("BREAK_GLASS")
                            .contains(reason));
            assertThat(rows)
                    .as("and the reads that followed it, from both services")
                    .anySatisfy(row -> assertThat(row).contains("physio2").contains("patient-service"));
            admin.screenshot("admin-audit-break-the-glass");
        }

        try (Browser physio = new Browser()) {
            physio.driver.get(patientPage);
            physio.logIn("physio", "physio");
            physio.waitFor(By.id("access-grants"));
            assertThat(physio.driver.findElement(By.id("access-grants")).getText())
                    .as("the care physio sees who opened their patient, and why")
                    .contains("physio2")
                    .contains(reason);
        }
    }
}
