package clinic.system;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/** Logging in to the portal goes through Keycloak's own login page, in a real browser. */
class PortalLoginTest {

    @Test
    void anonymousVisitorIsSentToKeycloakLogin() {
        SystemStack stack = SystemStack.get();
        try (Browser browser = new Browser()) {
            browser.driver.get(stack.portal() + "/");
            browser.waitFor(By.id("kc-login"));
            assertThat(browser.driver.getCurrentUrl())
                    .startsWith(stack.keycloakRealm() + "/protocol/openid-connect/auth");
        }
    }

    @Test
    void physioLogsInThroughKeycloakAndIsGreeted() {
        SystemStack stack = SystemStack.get();
        try (Browser browser = new Browser()) {
            browser.driver.get(stack.portal() + "/");
            browser.logIn("physio", "physio");
            browser.waitForUrlStartingWith(stack.portal());
            browser.waitFor(By.tagName("main"));
            assertThat(browser.text()).contains("Paula Hart");
        }
    }

    @Test
    void adminLogsInAndSeesTheClinicReportsWithCharts() {
        SystemStack stack = SystemStack.get();
        try (Browser browser = new Browser()) {
            browser.driver.get(stack.portal() + "/admin/reports");
            browser.logIn("admin", "admin");
            browser.waitFor(By.id("overview-figures"));
            int active = Integer.parseInt(browser.driver
                    .findElement(By.id("active-programs"))
                    .getText()
                    .trim());
            assertThat(active).as("the demo clinic has active programs").isGreaterThanOrEqualTo(2);
            assertThat(browser.driver.findElements(By.id("phase-chart"))).hasSize(1);
            assertThat(browser.driver.findElements(By.cssSelector("a[href*='.csv']")))
                    .as("a CSV download per report")
                    .hasSizeGreaterThanOrEqualTo(4);
            browser.screenshot("admin-reports");
        }
    }

    @Test
    void patientTypingAnAdminAddressGetsTheNotAllowedPage() {
        SystemStack stack = SystemStack.get();
        try (Browser browser = new Browser()) {
            browser.driver.get(stack.portal() + "/admin/reports");
            browser.logIn("patient", "patient");
            browser.waitFor(By.tagName("main"));
            assertThat(browser.driver.findElements(By.id("overview-figures"))).isEmpty();
            assertThat(browser.text()).containsIgnoringCase("not allowed");
        }
    }
}
