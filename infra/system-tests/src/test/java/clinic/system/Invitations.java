package clinic.system;

import clinic.local.Mailbox;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;

/**
 * A patient's invitation as the patient meets it: the e-mail Keycloak sent to the clinic's mail server, its link
 * opened in the browser, a password chosen on Keycloak's own page, and then the portal.
 */
final class Invitations {

    static final Duration WAIT = Duration.ofSeconds(60);

    private Invitations() {}

    /**
     * How many of Keycloak's e-mails (those with an action link: an invitation, an address to verify) this address
     * has received so far. The clinic's own notifications (reminders, program updates; docs/notifications.md) go to
     * the same mailbox once the address is verified, and are not counted.
     */
    static int count(SystemStack stack, String address) {
        try {
            return actionMails(new Mailbox(stack.mail()).messages(address)).size();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Mailbox.Mail> actionMails(List<Mailbox.Mail> mails) {
        return mails.stream().filter(Invitations::hasActionLink).toList();
    }

    private static boolean hasActionLink(Mailbox.Mail mail) {
        return mail.links().stream().anyMatch(l -> l.contains("/login-actions/action-token"));
    }

    /**
     * Waits for Keycloak's e-mail number {@code previous + 1} (or later) to this address and answers the newest; it
     * holds Keycloak's action link (the clinic's own notifications in between are passed over).
     */
    static Mailbox.Mail awaitMail(SystemStack stack, String address, int previous) {
        Mailbox mailbox = new Mailbox(stack.mail());
        Instant deadline = Instant.now().plus(WAIT);
        while (Instant.now().isBefore(deadline)) {
            try {
                List<Mailbox.Mail> mails = actionMails(mailbox.messages(address));
                if (mails.size() > previous) {
                    return mails.get(mails.size() - 1);
                }
            } catch (IOException e) {
                // the mail server is busy; ask again
            }
            SystemStack.sleep(300);
        }
        throw new AssertionError("no new e-mail for " + address + " within " + WAIT);
    }

    /** Keycloak's action link in an e-mail (set the password, verify the address). */
    static String actionLink(Mailbox.Mail mail) {
        return mail.links().stream()
                .filter(l -> l.contains("/login-actions/action-token"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no action link in the e-mail: " + mail.text()));
    }

    /**
     * Follows the newest invitation to {@code address} in the browser: chooses {@code password} on Keycloak's page,
     * verifies the address if Keycloak asks (by the link of a further e-mail), and ends on the portal's {@code path}
     * signed in as the patient (logging in with the new password if Keycloak asks).
     */
    static void accept(Browser browser, SystemStack stack, String address, String password, String path) {
        int mails = count(stack, address);
        browser.driver.get(actionLink(awaitMail(stack, address, mails - 1)));
        boolean passwordSet = false;
        Instant deadline = Instant.now().plus(WAIT);
        while (Instant.now().isBefore(deadline)) {
            try {
                String url = browser.driver.getCurrentUrl();
                if (passwordSet && url.startsWith(stack.portal()) && !url.contains("/login")) {
                    break;
                }
                if (!browser.driver.findElements(By.id("password-new")).isEmpty()) {
                    browser.driver.findElement(By.id("password-new")).sendKeys(password);
                    browser.driver.findElement(By.id("password-confirm")).sendKeys(password);
                    browser.driver
                            .findElement(By.cssSelector("input[type=submit], button[type=submit]"))
                            .click();
                    passwordSet = true;
                } else if (passwordSet
                        && !browser.driver.findElements(By.id("kc-login")).isEmpty()) {
                    browser.logIn(address, password);
                } else if (passwordSet
                        && browser.text().toLowerCase(Locale.ROOT).contains("verify")
                        && count(stack, address) > mails) {
                    // Keycloak wants the address verified by a further e-mail: follow its link.
                    mails = count(stack, address);
                    browser.driver.get(actionLink(awaitMail(stack, address, mails - 1)));
                } else if (!clickProceed(browser) && passwordSet) {
                    // "Your account has been updated" without a way on: go to the portal.
                    browser.driver.get(stack.portal() + path);
                }
            } catch (WebDriverException pageChanged) {
                // the page changed under us; look again
            }
            SystemStack.sleep(300);
        }
        if (!passwordSet) {
            throw new AssertionError("Keycloak never asked for a new password: " + browser.text());
        }
        browser.driver.get(stack.portal() + path);
        if (!browser.driver.findElements(By.id("kc-login")).isEmpty()) {
            browser.logIn(address, password);
        }
    }

    /** Clicks Keycloak's "Click here to proceed" or "Back to application" link, if the page has one. */
    private static boolean clickProceed(Browser browser) {
        for (WebElement a : browser.driver.findElements(By.tagName("a"))) {
            String text = a.getText().toLowerCase(Locale.ROOT);
            if (text.contains("proceed") || text.contains("back to application")) {
                a.click();
                return true;
            }
        }
        return false;
    }
}
