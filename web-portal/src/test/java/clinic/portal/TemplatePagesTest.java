package clinic.portal;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import clinic.portal.outbound.PatientApi.Clearance;
import clinic.portal.outbound.PatientServiceClient;
import clinic.portal.outbound.ProgramApi.Exercise;
import clinic.portal.outbound.ProgramApi.Prescription;
import clinic.portal.outbound.ProgramApi.Program;
import clinic.portal.outbound.ProgramApi.Protocol;
import clinic.portal.outbound.ProgramApi.ProtocolPhase;
import clinic.portal.outbound.ProgramApi.Revision;
import clinic.portal.outbound.ProgramServiceClient;
import clinic.portal.outbound.TemplateApi.FromProgram;
import clinic.portal.outbound.TemplateApi.Template;
import clinic.portal.outbound.TemplateApi.TemplateExercise;
import io.quarkus.test.InjectMock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.RestAssured;
import java.util.List;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.hamcrest.Matchers;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

@QuarkusTest
class TemplatePagesTest {

    @InjectMock
    @RestClient
    PatientServiceClient patients;

    @InjectMock
    @RestClient
    ProgramServiceClient programs;

    long patientId;

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @BeforeEach
    void aClearedPatientTheLibraryAndTwoTemplates() {
        patientId = Fixtures.nextId();
        when(patients.get(patientId)).thenReturn(Fixtures.patient(patientId, "Sam", "Rivera"));
        when(patients.clearance(patientId))
                .thenReturn(new Clearance(patientId, true, "Clear", 5L, "2027-02-24", "patient", "physio"));
        when(programs.exercises(any(), any()))
                .thenReturn(List.of(
                        exercise("glute-bridge", "Glute bridge", List.of(2, 3)),
                        exercise("clamshell", "Clamshell", List.of(2, 3)),
                        exercise("pelvic-tilt", "Pelvic tilts", List.of(1, 2, 3))));
        when(programs.protocol("sciatica-phased"))
                .thenReturn(new Protocol(
                        "sciatica-phased",
                        "Sciatica, phased",
                        null,
                        List.of(new ProtocolPhase(2, "Building foundations", null, null, List.of()))));
        when(programs.templates()).thenReturn(List.of(mine(), shared()));
        when(programs.template(7L)).thenReturn(mine());
        when(programs.template(8L)).thenReturn(shared());
    }

    private static Exercise exercise(String slug, String name, List<Integer> phases) {
        return new Exercise(
                slug, name, "mobility", phases, "How", "Feel", "Care", null, null, 2, 10, null, null, 2, false, null);
    }

    /** physio's private template: three exercises, one of them retired since it was saved. */
    private static Template mine() {
        return new Template(
                7L,
                "Foundations, easy",
                null,
                "sciatica-phased",
                2,
                "PRIVATE",
                "physio",
                true,
                "2026-11-30T10:00:00",
                List.of(
                        new TemplateExercise(1, "glute-bridge", "Glute bridge", 3, 12, 5, null, 1, false, false, false),
                        new TemplateExercise(2, "clamshell", "Clamshell", 2, 15, null, null, 2, true, false, false),
                        new TemplateExercise(3, "old-bridge", "Old bridge", 1, 5, null, null, 1, false, true, false)));
    }

    /** physio2's clinic-wide template. */
    private static Template shared() {
        return new Template(
                8L,
                "Walking plan",
                "For the first week",
                "sciatica-phased",
                1,
                "CLINIC",
                "physio2",
                false,
                "2026-11-29T10:00:00",
                List.of(new TemplateExercise(
                        1, "pelvic-tilt", "Pelvic tilts", 1, 10, null, null, 3, false, false, false)));
    }

    @Test
    @TestSecurity(
            user = "physio",
            roles = {"physio"})
    void theAssignPageOffersTheTemplates() {
        Document page = Pages.html(given().get("/patients/" + patientId + "/assign")
                .then()
                .statusCode(200)
                .extract()
                .response());

        assertThat(page.select("#start-from-template").attr("method")).isEqualTo("get");
        assertThat(page.select("#template option").eachAttr("value")).containsExactly("7", "8");
        assertThat(page.select("#template option").eachText())
                .containsExactly(
                        "Foundations, easy (sciatica-phased, phase 2, 3 exercises)",
                        "Walking plan (sciatica-phased, phase 1, 1 exercise, clinic-wide)");
    }

    @Test
    @TestSecurity(
            user = "physio",
            roles = {"physio"})
    void theReviewPreFilledFromATemplateShowsItsDosagesAndLeavesOutRetiredExercises() {
        Document page = Pages.html(given().queryParam("template", "7")
                .get("/patients/" + patientId + "/assign")
                .then()
                .statusCode(200)
                .extract()
                .response());

        assertThat(page.select("#assign-program").attr("method")).isEqualTo("post");
        assertThat(page.select("#assign-program input[name=protocol]").attr("value"))
                .isEqualTo("sciatica-phased");
        assertThat(page.select("#assign-program input[name=phase]").attr("value"))
                .isEqualTo("2");
        assertThat(page.select("#assign-program legend").eachText()).containsExactly("Glute bridge", "Clamshell");
        assertThat(page.select("#sets-glute-bridge").attr("value")).isEqualTo("3");
        assertThat(page.select("#reps-glute-bridge").attr("value")).isEqualTo("12");
        assertThat(page.select("#hold-glute-bridge").attr("value")).isEqualTo("5");
        assertThat(page.select("#times-glute-bridge").attr("value")).isEqualTo("1");
        assertThat(page.select("#reps-clamshell").attr("value")).isEqualTo("15");
        assertThat(page.select("#side-clamshell").hasAttr("checked")).isTrue();
        assertThat(page.select("#side-glute-bridge").hasAttr("checked")).isFalse();
        assertThat(page.select("#include-glute-bridge").hasAttr("checked")).isTrue();
        assertThat(page.select("#template-prefill").text()).contains("Foundations, easy");
        assertThat(page.select("#template-left-out").text()).contains("Old bridge");
        assertThat(page.select("#sets-old-bridge")).isEmpty();
        assertThat(page.text()).contains("Phase 2: Building foundations");
    }

    @Test
    @TestSecurity(
            user = "physio",
            roles = {"physio"})
    void anUnknownTemplateSaysSoOnTheReviewPage() {
        when(programs.template(99L)).thenThrow(Fixtures.problem(404, "No template 99."));

        Document page = Pages.html(given().queryParam("template", "99")
                .get("/patients/" + patientId + "/assign")
                .then()
                .statusCode(200)
                .extract()
                .response());

        assertThat(page.text()).contains("Not found");
        assertThat(page.select("#assign-program legend")).isEmpty();
    }

    private Program program(long id) {
        return new Program(
                id,
                patientId,
                "sciatica-phased",
                2,
                "ACTIVE",
                "2026-11-01",
                List.of(new Prescription(
                        "glute-bridge", "Glute bridge", 3, 12, 5, null, 1, false, null, null, null, null)),
                List.of(new Revision("2026-11-01T09:00:00", "physio", null, 2, "assigned")),
                "patient",
                "physio",
                null,
                1L);
    }

    @Test
    @TestSecurity(
            user = "physio",
            roles = {"physio"})
    void theProgramPageSavesItAsATemplate() {
        long programId = Fixtures.nextId();
        when(programs.program(programId)).thenReturn(program(programId));
        when(programs.progress(programId)).thenThrow(Fixtures.problem(503, "busy"));
        when(programs.sessions(programId)).thenReturn(List.of());
        when(programs.templateFromProgram(eq(programId), any())).thenReturn(mine());

        Document page = Pages.html(given().get("/programs/" + programId)
                .then()
                .statusCode(200)
                .extract()
                .response());
        assertThat(page.select("#save-template").attr("action")).isEqualTo("/templates/from-program/" + programId);
        assertThat(page.select("#save-template input[name=csrf-token]").attr("value"))
                .isNotBlank();
        assertThat(page.select("#template-visibility option").eachAttr("value")).containsExactly("PRIVATE", "CLINIC");

        Pages.Csrf csrf = Pages.csrf("/programs/" + programId);
        given().redirects()
                .follow(false)
                .header("Origin", Pages.origin())
                .formParam("csrf-token", csrf.token())
                .formParam("name", "  Foundations, easy ")
                .formParam("visibility", "CLINIC")
                .post("/templates/from-program/" + programId)
                .then()
                .statusCode(303)
                .header("Location", Matchers.endsWith("/templates?saved=7"));

        ArgumentCaptor<FromProgram> sent = ArgumentCaptor.forClass(FromProgram.class);
        verify(programs).templateFromProgram(eq(programId), sent.capture());
        assertThat(sent.getValue()).isEqualTo(new FromProgram("Foundations, easy", "CLINIC"));
    }

    @Test
    @TestSecurity(
            user = "physio",
            roles = {"physio"})
    void savingWithoutANameOrATakenNameShowsTheErrorAtTheField() {
        long programId = Fixtures.nextId();
        when(programs.program(programId)).thenReturn(program(programId));
        when(programs.progress(programId)).thenThrow(Fixtures.problem(503, "busy"));
        when(programs.sessions(programId)).thenReturn(List.of());
        Pages.Csrf csrf = Pages.csrf("/programs/" + programId);

        Document blank = Pages.html(given().header("Origin", Pages.origin())
                .formParam("csrf-token", csrf.token())
                .formParam("name", " ")
                .formParam("visibility", "PRIVATE")
                .post("/templates/from-program/" + programId)
                .then()
                .statusCode(200)
                .extract()
                .response());
        assertThat(blank.select("#save-template .field-error").text()).isNotBlank();
        verify(programs, never()).templateFromProgram(anyLong(), any());

        when(programs.templateFromProgram(eq(programId), any()))
                .thenThrow(Fixtures.problem(409, "You already have a template named 'Mine'."));
        Document taken = Pages.html(given().header("Origin", Pages.origin())
                .formParam("csrf-token", csrf.token())
                .formParam("name", "Mine")
                .formParam("visibility", "PRIVATE")
                .post("/templates/from-program/" + programId)
                .then()
                .statusCode(200)
                .extract()
                .response());
        assertThat(taken.select("#save-template .field-error").text())
                .isEqualTo("you already have a template with this name");
        assertThat(taken.select("#template-name").attr("value")).isEqualTo("Mine");
        assertThat(taken.select("#template-private").hasAttr("checked")).isTrue();

        when(programs.templateFromProgram(eq(programId), any()))
                .thenThrow(Fixtures.problem(422, "The template cannot be saved: 'old-bridge' is retired."));
        Document retired = Pages.html(given().header("Origin", Pages.origin())
                .formParam("csrf-token", csrf.token())
                .formParam("name", "Other")
                .formParam("visibility", "PRIVATE")
                .post("/templates/from-program/" + programId)
                .then()
                .statusCode(200)
                .extract()
                .response());
        assertThat(retired.select(".notice").text()).contains("'old-bridge' is retired");
    }

    @Test
    @TestSecurity(
            user = "physio",
            roles = {"physio"})
    void theListShowsEachTemplateWithStartAndDeleteForOwnOnes() {
        Document page = Pages.html(
                given().get("/templates").then().statusCode(200).extract().response());

        assertThat(page.select("#templates tbody tr")).hasSize(2);
        assertThat(page.select("#template-7").text())
                .contains("Foundations, easy")
                .contains("sciatica-phased")
                .contains("physio")
                .contains("Only me");
        assertThat(page.select("#template-7 .exercise-count").text()).isEqualTo("3");
        assertThat(page.select("#template-8 .scope").text()).isEqualTo("Clinic-wide");
        assertThat(page.select("#template-7 a.start").attr("href")).isEqualTo("/templates/7/start");
        assertThat(page.select("#template-7 form.delete-template").attr("action"))
                .isEqualTo("/templates/7/delete");
        assertThat(page.select("#template-8 form.delete-template"))
                .as("another physio's clinic-wide template")
                .isEmpty();
        assertThat(page.select("nav a[href=/templates]").text()).isEqualTo("Templates");
    }

    @Test
    @TestSecurity(
            user = "admin",
            roles = {"admin"})
    void anAdminMayDeleteClinicWideTemplatesButStartsNone() {
        Document page = Pages.html(
                given().get("/templates").then().statusCode(200).extract().response());

        assertThat(page.select("#template-8 form.delete-template")).hasSize(1);
        assertThat(page.select("a.start")).isEmpty();
    }

    @Test
    @TestSecurity(
            user = "physio",
            roles = {"physio"})
    void deletingRedirectsToTheListAndARefusalIsShown() {
        Pages.Csrf csrf = Pages.csrf("/templates");
        given().redirects()
                .follow(false)
                .header("Origin", Pages.origin())
                .formParam("csrf-token", csrf.token())
                .post("/templates/7/delete")
                .then()
                .statusCode(303)
                .header("Location", Matchers.endsWith("/templates?deleted=1"));
        verify(programs).deleteTemplate(7L);

        org.mockito.Mockito.doThrow(Fixtures.problem(403, "Only the physio who saved it, or an admin, may delete it."))
                .when(programs)
                .deleteTemplate(8L);
        Document refused = Pages.html(given().header("Origin", Pages.origin())
                .formParam("csrf-token", csrf.token())
                .post("/templates/8/delete")
                .then()
                .statusCode(200)
                .extract()
                .response());
        assertThat(refused.select(".notice.error").text()).contains("may not");
    }

    @Test
    @TestSecurity(
            user = "physio",
            roles = {"physio"})
    void startingFromTheListChoosesThePatientThenOpensThePreFilledReview() {
        when(patients.list(any(), any(), any(), any()))
                .thenReturn(Fixtures.page(Fixtures.patient(patientId, "Sam", "Rivera")));

        Document page = Pages.html(given().get("/templates/7/start")
                .then()
                .statusCode(200)
                .extract()
                .response());

        assertThat(page.select("#start-patients a").attr("href"))
                .isEqualTo("/patients/" + patientId + "/assign?template=7");
        assertThat(page.select("#start-patients a").text()).contains("Sam Rivera");
    }

    @Test
    @TestSecurity(
            user = "patient",
            roles = {"patient"})
    void patientsHaveNoTemplates() {
        given().redirects().follow(false).get("/templates").then().statusCode(403);
    }
}
