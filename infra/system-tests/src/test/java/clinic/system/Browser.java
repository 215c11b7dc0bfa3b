package clinic.system;

import java.io.File;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Debian's headless chromium driven by its own chromedriver; nothing is downloaded. */
final class Browser implements AutoCloseable {

    static final String CHROMIUM = "/usr/bin/chromium";
    static final String CHROMEDRIVER = "/usr/bin/chromedriver";

    final WebDriver driver;

    Browser() {
        if (!new File(CHROMIUM).canExecute() || !new File(CHROMEDRIVER).canExecute()) {
            throw new IllegalStateException("The browser tests need Debian's chromium and chromium-driver"
                    + " (./clinic test installs them with apt-get; or: apt-get install chromium chromium-driver)");
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--disable-quic",
                "--window-size=1280,900");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER))
                .usingAnyFreePort()
                .build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
    }

    /** Fills Keycloak's own login form and submits it. */
    void logIn(String username, String password) {
        waitFor(By.id("kc-login"));
        driver.findElement(By.id("username")).sendKeys(username);
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.id("kc-login")).click();
    }

    void waitFor(By locator) {
        try {
            new WebDriverWait(driver, Duration.ofSeconds(30))
                    .until(ExpectedConditions.presenceOfElementLocated(locator));
        } catch (org.openqa.selenium.TimeoutException e) {
            // Say what the page showed instead, so a failure in CI can be understood from its report alone.
            String shown = text();
            throw new AssertionError(
                    "No " + locator + " on " + driver.getCurrentUrl() + "; the page showed: "
                            + shown.substring(0, Math.min(shown.length(), 1500)),
                    e);
        }
    }

    /** Clicks the element and waits until the browser has left its page (the element is gone) and shows the next. */
    void clickAndAwaitNextPage(By locator) {
        org.openqa.selenium.WebElement element = driver.findElement(locator);
        element.click();
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(ExpectedConditions.stalenessOf(element));
        waitFor(By.tagName("body"));
    }

    void waitForUrlStartingWith(String prefix) {
        try {
            new WebDriverWait(driver, Duration.ofSeconds(30))
                    .until(d -> d.getCurrentUrl().startsWith(prefix));
        } catch (org.openqa.selenium.TimeoutException e) {
            String shown = text();
            throw new AssertionError(
                    "Still on " + driver.getCurrentUrl() + ", not " + prefix + "; the page showed: "
                            + shown.substring(0, Math.min(shown.length(), 1500)),
                    e);
        }
    }

    /** Saves what the browser shows to target/screenshots/NAME.png (the docs' screenshots come from here). */
    void screenshot(String name) {
        try {
            java.nio.file.Path dir = java.nio.file.Path.of("target", "screenshots");
            java.nio.file.Files.createDirectories(dir);
            byte[] png = ((org.openqa.selenium.TakesScreenshot) driver)
                    .getScreenshotAs(org.openqa.selenium.OutputType.BYTES);
            java.nio.file.Files.write(dir.resolve(name + ".png"), png);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Narrows the window to a phone's width (360 CSS px). */
    void phoneWidth() {
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(360, 780));
    }

    String text() {
        return driver.findElement(By.tagName("body")).getText();
    }

    @Override
    public void close() {
        driver.quit();
    }
}
