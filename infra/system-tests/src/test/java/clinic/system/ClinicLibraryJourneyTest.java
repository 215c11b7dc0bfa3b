package clinic.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The clinic's own library in a real browser, as issue 18 asks: a physio makes a new exercise in the library pages,
 * uploads a photo of it, builds a two-phase "knee osteoarthritis" protocol from it and two built-in exercises, and
 * assigns it to a patient; the patient's routine shows the photo for the new exercise and the project's line drawings
 * for the built-in ones, each image actually loaded through the portal.
 */
class ClinicLibraryJourneyTest {

    static SystemStack stack;

    @BeforeAll
    static void start() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
        stack = SystemStack.get();
    }

    @Test
    void aPhysioBuildsAKneeProtocolFromANewPhotographedExerciseAndThePatientSeesThePictures() throws Exception {
        String suffix = Long.toString(System.nanoTime(), 36);
        String slug = "step-up-" + suffix;
        String exerciseName = "Step-ups onto a low step " + suffix;
        String code = "knee-oa-" + suffix;

        // A patient of its own, registered and screened over the API (the demo patients keep their programs).
        String physioToken = Tokens.demo("physio");
        String family = "Knee" + suffix;
        JsonPath registered = given().auth()
                .oauth2(physioToken)
                .contentType("application/json")
                .body(Map.of(
                        "givenName",
                        "Robin",
                        "familyName",
                        family,
                        "dateOfBirth",
                        "1958-03-14",
                        "email",
                        family.toLowerCase() + "@example.test"))
                .post(stack.patientService() + "/api/patients")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath();
        long patientId = registered.getLong("id");
        String username = registered.getString("accountUsername");
        assertThat(ProgramHoldTest.screen(physioToken, patientId, List.of()).getString("outcome"))
                .isEqualTo("CLEAR");

        Path photo = Files.createTempFile("step-up-", ".jpg");
        Files.write(photo, photo());

        try (Browser physio = new Browser()) {
            // 1. A new clinic exercise in the library.
            physio.driver.get(stack.portal() + "/library/new");
            physio.logIn("physio", "physio");
            physio.waitFor(By.id("exercise-form"));
            physio.driver.findElement(By.id("slug")).sendKeys(slug);
            physio.driver.findElement(By.id("name")).sendKeys(exerciseName);
            physio.driver.findElement(By.id("category")).sendKeys("strength");
            // A new exercise starts in phase 1; the physio keeps that.
            assertThat(physio.driver.findElement(By.id("phase-1")).isSelected())
                    .as("phase 1 ticked")
                    .isTrue();
            physio.driver
                    .findElement(By.id("instructions"))
                    .sendKeys("Stand facing a low step, holding a rail. Step up with the sore leg, straighten it,"
                            + " then step down slowly with the other leg first.");
            physio.driver.findElement(By.id("shouldFeel")).sendKeys("Work in the front of the thigh.");
            physio.driver.findElement(By.id("sets")).sendKeys("2");
            physio.driver.findElement(By.id("reps")).sendKeys("8");
            physio.driver.findElement(By.id("timesPerDay")).sendKeys("1");
            physio.driver
                    .findElement(By.cssSelector("#exercise-form button[type=submit]"))
                    .click();
            physio.waitForUrlStartingWith(stack.portal() + "/library/" + slug);
            physio.waitFor(By.id("exercise-facts"));
            assertThat(physio.text()).contains(exerciseName);

            // 2. Its photo: uploaded, checked and stored by program-service, shown back through the portal.
            physio.driver.get(stack.portal() + "/library/" + slug + "/picture");
            physio.waitFor(By.id("picture-upload"));
            physio.driver.findElement(By.id("picture-file")).sendKeys(photo.toString());
            physio.driver
                    .findElement(By.cssSelector("#picture-upload button[type=submit]"))
                    .click();
            physio.waitFor(By.id("picture-full"));
            assertThat(loaded(physio, physio.driver.findElement(By.id("picture-full"))))
                    .as("the uploaded photo loads")
                    .isTrue();
            physio.screenshot("physio-exercise-picture");

            // 3. A two-phase protocol: the new exercise and two built-in ones.
            physio.driver.get(stack.portal() + "/protocols/new");
            physio.waitFor(By.id("protocol-form"));
            physio.driver.findElement(By.id("code")).sendKeys(code);
            physio.driver.findElement(By.id("name")).sendKeys("Knee osteoarthritis " + suffix);
            physio.driver.findElement(By.id("description")).sendKeys("Exercise therapy for knee osteoarthritis.");
            physio.driver.findElement(By.id("p0-name")).sendKeys("Move and load gently");
            physio.driver.findElement(By.id("p0-goal")).sendKeys("Daily walking and first loading of the knee.");
            physio.driver.findElement(By.id("p0-entryCriteria")).sendKeys("Painful knee, able to walk indoors.");
            new Select(physio.driver.findElement(By.id("p0-e0-exercise"))).selectByValue(slug);
            new Select(physio.driver.findElement(By.id("p0-e1-exercise"))).selectByValue("short-frequent-walks");
            new Select(physio.driver.findElement(By.id("p0-e2-exercise"))).selectByValue("standing-hip-abduction");
            physio.driver.findElement(By.id("p1-name")).sendKeys("Strengthen");
            physio.driver.findElement(By.id("p1-goal")).sendKeys("Stronger hips and thighs.");
            physio.driver.findElement(By.id("p1-entryCriteria")).sendKeys("Walking comfortably for 10 minutes.");
            physio.driver.findElement(By.id("p1-entryMaxMeanPain")).sendKeys("3");
            new Select(physio.driver.findElement(By.id("p1-e0-exercise"))).selectByValue(slug);
            new Select(physio.driver.findElement(By.id("p1-e1-exercise"))).selectByValue("standing-hip-abduction");
            new Select(physio.driver.findElement(By.id("p1-e2-exercise"))).selectByValue("short-frequent-walks");
            physio.driver
                    .findElement(By.cssSelector("#protocol-form button[type=submit]"))
                    .click();
            physio.waitForUrlStartingWith(stack.portal() + "/protocols/" + code);
            assertThat(physio.text())
                    .contains("Knee osteoarthritis " + suffix)
                    .contains("Move and load gently")
                    .contains("Strengthen")
                    .contains(exerciseName);
            shoot(physio, "h2", "physio-protocol-knee-oa");

            // 4. Assigned through the usual review, with all its checks.
            physio.driver.get(stack.portal() + "/patients/" + patientId + "/assign?protocol=" + code + "&phase=1");
            physio.waitFor(By.id("assign-program"));
            assertThat(physio.text())
                    .contains(exerciseName)
                    .contains("Short, frequent walks")
                    .contains("Standing hip abduction");
            physio.driver
                    .findElement(By.cssSelector("#assign-program button[type=submit]"))
                    .click();
            physio.waitForUrlStartingWith(stack.portal() + "/programs/");
            physio.waitFor(By.id("revisions"));
            assertThat(physio.text()).contains(code).contains(exerciseName);
        }

        String newPassword = "Knee-" + suffix + "-Pw1";
        try (Browser patient = new Browser()) {
            Invitations.accept(patient, stack, username, newPassword, "/me/today");
            patient.waitFor(By.id("routine"));
            assertThat(patient.text()).contains(exerciseName).contains("Short, frequent walks");

            List<WebElement> photos = patient.driver.findElements(By.cssSelector("#routine img.exercise-picture"));
            assertThat(photos).as("the new exercise shows its photo").hasSize(1);
            assertThat(photos.get(0).getAttribute("src")).contains("/media/");
            assertThat(loaded(patient, photos.get(0)))
                    .as("the photo loads for the patient")
                    .isTrue();

            List<WebElement> drawings =
                    patient.driver.findElements(By.cssSelector("#routine img.exercise-illustration"));
            assertThat(drawings.stream().map(d -> d.getAttribute("src")))
                    .as("each built-in exercise shows its line drawing")
                    .hasSize(2)
                    .anySatisfy(src -> assertThat(src).endsWith("/illustrations/short-frequent-walks.svg"))
                    .anySatisfy(src -> assertThat(src).endsWith("/illustrations/standing-hip-abduction.svg"));
            for (WebElement drawing : drawings) {
                assertThat(loaded(patient, drawing)).as("the drawing loads").isTrue();
            }
            shoot(patient, "#routine .exercise", "patient-routine-with-pictures");
        }
    }

    /** A tall screenshot from the first element matching {@code selector} down (the docs show these). */
    private static void shoot(Browser browser, String selector, String name) {
        browser.driver.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 1600));
        ((JavascriptExecutor) browser.driver)
                .executeScript(
                        "const e = document.querySelector(arguments[0]); if (e) window.scrollTo(0, e.offsetTop - 16);",
                        selector);
        browser.screenshot(name);
        browser.driver.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 900));
    }

    /** Whether the browser fetched and decoded the image (a broken image has naturalWidth 0). */
    private static boolean loaded(Browser browser, WebElement image) {
        Object ok = ((JavascriptExecutor) browser.driver)
                .executeScript(
                        "const i = arguments[0]; return i.complete && i.naturalWidth > 0 && i.naturalHeight > 0;",
                        image);
        return Boolean.TRUE.equals(ok);
    }

    /** A 1200x900 "photo" (a step and a figure) as a JPEG, as a phone would send it. */
    private static byte[] photo() throws Exception {
        BufferedImage image = new BufferedImage(1200, 900, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(new Color(232, 238, 243));
        g.fillRect(0, 0, 1200, 900);
        g.setColor(new Color(140, 110, 80));
        g.fillRect(600, 700, 400, 120);
        g.setColor(new Color(30, 60, 90));
        g.setStroke(new BasicStroke(28, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.drawOval(540, 160, 110, 110);
        g.drawLine(595, 270, 595, 520);
        g.drawLine(595, 520, 700, 610);
        g.drawLine(700, 610, 700, 700);
        g.drawLine(595, 520, 560, 820);
        g.dispose();
        var out = new java.io.ByteArrayOutputStream();
        ImageIO.write(image, "jpg", out);
        return out.toByteArray();
    }
}
