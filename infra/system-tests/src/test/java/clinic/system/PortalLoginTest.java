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
}
