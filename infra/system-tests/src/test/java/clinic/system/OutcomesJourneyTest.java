package clinic.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import ca.uhn.fhir.validation.ValidationResult;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.SnapshotGeneratingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.ResourceType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

/**
 * Outcomes over a whole episode in a real browser, as issue 19 asks: the patient fills in the baseline questionnaires
 * on a phone-width screen, four weeks later the week-4 one; the physio sees the scores and the risk group, discharges
 * the program and prints the letter; the episode's FHIR bundle validates against the R4 structure definitions; the
 * admin's outcomes report counts the discharge; the patient reads their copy of the summary.
 */
class OutcomesJourneyTest {

    static SystemStack stack;

    @BeforeAll
    static void start() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
        stack = SystemStack.get();
    }

    @Test
    void baselineAndWeekFourQuestionnairesThenDischargeLetterBundleAndReport() throws Exception {
        String suffix = Long.toString(System.nanoTime(), 36);
        String physioToken = Tokens.demo("physio");
        String family = "Outcome" + suffix;
        JsonPath registered = given().auth()
                .oauth2(physioToken)
                .contentType("application/json")
                .body(Map.of(
                        "givenName",
                        "Morgan",
                        "familyName",
                        family,
                        "dateOfBirth",
                        "1969-11-02",
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
        long programId = ProgramHoldTest.assign(physioToken, patientId);

        // 1. Baseline on a phone: the PSFS and the STarT Back, reached from today's banner.
        String password = "Outcome-" + suffix + "-Pw1";
        try (Browser patient = new Browser()) {
            patient.phoneWidth();
            Invitations.accept(patient, stack, username, password, "/me/today");
            patient.waitFor(By.id("measures-due-banner"));
            patient.driver.findElement(By.cssSelector("#measures-due-banner a")).click();
            patient.waitFor(By.id("due-list"));
            assertThat(patient.text())
                    .contains("Patient-Specific Functional Scale")
                    .contains("STarT Back");

            patient.driver.get(stack.portal() + "/me/measures/psfs");
            patient.waitFor(By.id("questionnaire"));
            patient.screenshot("patient-questionnaire-phone");
            psfs(patient, "Sitting through a film", 3);
            assertThat(patient.driver.findElement(By.id("measure-score")).getText())
                    .startsWith("Your score")
                    .contains("3 out of 10");

            patient.driver.get(stack.portal() + "/me/measures/sbst");
            patient.waitFor(By.id("questionnaire"));
            // Agrees with the four physical items only: total 4, distress subscale 0, so the medium-risk group.
            for (int item = 1; item <= 8; item++) {
                click(patient, "a-q" + item + "-" + (item <= 4 ? 1 : 0));
            }
            click(patient, "a-q9-1");
            submit(patient);
            patient.waitFor(By.id("measure-score"));
            assertThat(patient.driver.findElement(By.id("measure-score")).getText())
                    .containsIgnoringCase("medium");
        }

        // 2. Four weeks on (the program's start moved back), the week-4 PSFS: better by more than its MIC.
        try (Connection db = Database.connect("programs");
                PreparedStatement back =
                        db.prepareStatement("UPDATE program SET started_on = DATE_SUB(started_on, INTERVAL 29 DAY),"
                                + " phase_since = DATE_SUB(phase_since, INTERVAL 29 DAY) WHERE id = ?")) {
            back.setLong(1, programId);
            assertThat(back.executeUpdate()).isEqualTo(1);
        }
        try (Browser patient = new Browser()) {
            patient.phoneWidth();
            patient.driver.get(stack.portal() + "/me/measures");
            patient.logIn(username, password);
            patient.waitFor(By.id("due-list"));
            assertThat(patient.text()).contains("Week 4");
            psfs(patient, "Sitting through a film", 7);
            assertThat(patient.driver.findElement(By.id("measure-score")).getText())
                    .contains("7 out of 10")
                    .contains("Since the start");
        }

        // 3. The physio sees the scores and the risk group, discharges the program and prints the letter.
        String summary = "Sits through a film again; walks to work. Home program to continue " + suffix + ".";
        try (Browser physio = new Browser()) {
            physio.driver.get(stack.portal() + "/programs/" + programId);
            physio.logIn("physio", "physio");
            physio.waitFor(By.id("measures-panel"));
            String panel = physio.driver.findElement(By.id("measures-panel")).getText();
            assertThat(panel)
                    .contains("Patient-Specific Functional Scale")
                    .contains("3")
                    .contains("7");
            assertThat(physio.driver.findElement(By.id("stratification")).getText())
                    .containsIgnoringCase("medium");

            physio.driver.get(stack.portal() + "/programs/" + programId + "/discharge");
            physio.waitFor(By.id("discharge-form"));
            new Select(physio.driver.findElement(By.id("reason"))).selectByValue("GOALS_MET");
            physio.driver.findElement(By.id("summary")).sendKeys(summary);
            physio.driver
                    .findElement(By.cssSelector("#discharge-form button[type=submit]"))
                    .click();
            physio.waitFor(By.id("discharge-banner"));
            assertThat(physio.driver.findElements(By.cssSelector("form[action*='/phase']")))
                    .as("a discharged program has no phase form")
                    .isEmpty();

            physio.driver.get(stack.portal() + "/programs/" + programId + "/letter");
            physio.waitFor(By.id("letter"));
            String letter = physio.driver.findElement(By.id("letter")).getText();
            assertThat(letter)
                    .contains("Morgan")
                    .contains(family)
                    .contains("Patient-Specific Functional Scale")
                    .contains(summary);
            physio.screenshot("physio-discharge-letter");
        }

        // Read-only from now on: a phase move is refused as a write on a discharged program.
        given().auth()
                .oauth2(physioToken)
                .contentType("application/json")
                .body(Map.of("phase", 2, "reason", "after discharge", "version", 0))
                .post(stack.programService() + "/api/programs/" + programId + "/phase")
                .then()
                .statusCode(409)
                .body("type", org.hamcrest.Matchers.endsWith("/program-discharged"));

        // 4. The episode as FHIR: valid R4, with the patient's questionnaire answers in it.
        String bundleJson = given().auth()
                .oauth2(physioToken)
                .accept("application/fhir+json")
                .get(stack.programService() + "/api/programs/" + programId + "/fhir")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        FhirContext fhir = FhirContext.forR4();
        Bundle bundle = fhir.newJsonParser().parseResource(Bundle.class, bundleJson);
        assertThat(bundle.getEntry().stream().map(e -> e.getResource().getResourceType()))
                .contains(
                        ResourceType.Patient,
                        ResourceType.CarePlan,
                        ResourceType.PlanDefinition,
                        ResourceType.Questionnaire,
                        ResourceType.QuestionnaireResponse);
        assertThat(bundle.getEntry().stream()
                        .filter(e -> e.getResource().getResourceType() == ResourceType.QuestionnaireResponse)
                        .count())
                .isEqualTo(3);
        ValidationSupportChain support = new ValidationSupportChain(
                fhir.getValidationSupport(),
                new InMemoryTerminologyServerValidationSupport(fhir),
                new CommonCodeSystemsTerminologyService(fhir),
                new SnapshotGeneratingValidationSupport(fhir));
        FhirValidator validator = fhir.newValidator();
        validator.registerValidatorModule(new FhirInstanceValidator(support));
        ValidationResult result = validator.validateWithResult(bundleJson);
        List<String> errors = result.getMessages().stream()
                .filter(m -> m.getSeverity() == ResultSeverityEnum.ERROR || m.getSeverity() == ResultSeverityEnum.FATAL)
                .map(OutcomesJourneyTest::describe)
                .toList();
        assertThat(errors).as("R4 validation errors").isEmpty();

        // 5. The admin's outcomes report counts the discharge.
        try (Browser admin = new Browser()) {
            admin.driver.get(stack.portal() + "/admin/reports");
            admin.logIn("admin", "admin");
            admin.waitFor(By.id("report-outcomes"));
            assertThat(Integer.parseInt(admin.driver
                            .findElement(By.id("outcomes-discharged"))
                            .getText()
                            .trim()))
                    .isGreaterThanOrEqualTo(1);
            assertThat(admin.driver.findElement(By.id("outcomes-reasons")).getText())
                    .containsIgnoringCase("goals");
        }

        // 6. The patient's copy of the summary, linked from today's page.
        try (Browser patient = new Browser()) {
            patient.phoneWidth();
            patient.driver.get(stack.portal() + "/me/today");
            patient.logIn(username, password);
            patient.waitFor(By.id("discharged-banner"));
            patient.driver.findElement(By.id("summary-link")).click();
            patient.waitFor(By.id("letter"));
            assertThat(patient.driver.findElement(By.id("letter")).getText()).contains(summary);
        }
    }

    /** Fills in the PSFS with one activity and its rating, from the patient's questionnaire list. */
    private static void psfs(Browser patient, String activity, int rating) {
        patient.driver.get(stack.portal() + "/me/measures/psfs");
        patient.waitFor(By.id("questionnaire"));
        patient.driver.findElement(By.id("a-activity1")).sendKeys(activity);
        click(patient, "a-rating1-" + rating);
        submit(patient);
        patient.waitFor(By.id("measure-score"));
    }

    private static void click(Browser browser, String id) {
        var element = browser.driver.findElement(By.id(id));
        ((org.openqa.selenium.JavascriptExecutor) browser.driver)
                .executeScript("arguments[0].scrollIntoView({block: 'center'}); arguments[0].click();", element);
    }

    private static void submit(Browser browser) {
        var button = browser.driver.findElement(By.cssSelector("#questionnaire button[type=submit]"));
        ((org.openqa.selenium.JavascriptExecutor) browser.driver)
                .executeScript("arguments[0].scrollIntoView({block: 'center'}); arguments[0].click();", button);
    }

    private static String describe(SingleValidationMessage message) {
        return message.getSeverity() + " " + message.getLocationString() + ": " + message.getMessage();
    }
}
