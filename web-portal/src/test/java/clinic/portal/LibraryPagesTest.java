package clinic.portal;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import clinic.portal.outbound.PatientServiceClient;
import clinic.portal.outbound.ProgramApi.Caution;
import clinic.portal.outbound.ProgramApi.Exercise;
import clinic.portal.outbound.ProgramApi.ExerciseCopy;
import clinic.portal.outbound.ProgramApi.ExerciseInput;
import clinic.portal.outbound.ProgramApi.ExerciseRevision;
import clinic.portal.outbound.ProgramApi.Prescription;
import clinic.portal.outbound.ProgramApi.Program;
import clinic.portal.outbound.ProgramApi.RevisionUpdate;
import clinic.portal.outbound.ProgramServiceClient;
import io.quarkus.test.InjectMock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.RestAssured;
import java.util.List;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/** The library pages (list, detail, new, edit, copy, retire) and the program page's "newer version" update. */
@QuarkusTest
class LibraryPagesTest {

    @InjectMock
    @RestClient
    PatientServiceClient patients;

    @InjectMock
    @RestClient
    ProgramServiceClient programs;

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    static Exercise builtIn() {
        return new Exercise(
                "glute-bridge",
                "Glute bridge",
                "glute",
                List.of(2),
                "Lift the hips.",
                "Buttocks working",
                "Stop with leg pain",
                "Arching the back",
                "Hold longer",
                2,
                10,
                2,
                null,
                1,
                false,
                null,
                true,
                1,
                false,
                null,
                null,
                "glute-bridge");
    }

    static Exercise clinic(int revision, boolean retired) {
        return new Exercise(
                "knee-slide",
                "Knee slide <b>",
                "mobility",
                List.of(1, 2),
                "Slide the heel.",
                "A gentle stretch",
                null,
                null,
                null,
                2,
                10,
                null,
                null,
                2,
                true,
                new Caution(List.of(1), "Not in a flare", List.of("pelvic-tilt")),
                false,
                revision,
                retired,
                null,
                "https://example.org/knee-slide",
                null);
    }

    @BeforeEach
    void theLibrary() {
        when(programs.library(anyBoolean())).thenReturn(List.of(builtIn(), clinic(2, false)));
        when(programs.exercise("glute-bridge")).thenReturn(builtIn());
        when(programs.exercise("knee-slide")).thenReturn(clinic(2, false));
        when(programs.exerciseRevisions(anyString()))
                .thenReturn(List.of(
                        new ExerciseRevision(2, "physio", "2026-12-01T10:00:00", true, clinic(2, false)),
                        new ExerciseRevision(1, "physio2", "2026-11-30T09:00:00", false, clinic(1, false))));
    }

    private static boolean anyBoolean() {
        return org.mockito.ArgumentMatchers.anyBoolean();
    }

    private static Document get(String path) {
        return Pages.html(given().get(path).then().statusCode(200).extract().response());
    }

    @Test
    @TestSecurity(
            user = "physio",
            roles = {"physio"})
    void theListSearchesByNameFiltersByPhaseAndBadgesBuiltInAndClinic() {
        Document all = get("/library");
        assertThat(all.select("#library tbody tr").eachAttr("data-slug")).containsExactly("glute-bridge", "knee-slide");
        assertThat(all.select("tr[data-slug=glute-bridge] .badge").text()).isEqualTo("built-in");
        assertThat(all.select("tr[data-slug=knee-slide] .badge").text()).isEqualTo("clinic");
        assertThat(all.select("#category option").eachAttr("value")).containsExactly("", "glute", "mobility");
        assertThat(all.select("nav a[href=/library]").text()).isEqualTo("Library");
        // Escaped, never markup.
        assertThat(all.select("tr[data-slug=knee-slide] a").text()).isEqualTo("Knee slide <b>");

        assertThat(get("/library?q=BRIDGE").select("#library tbody tr").eachAttr("data-slug"))
                .containsExactly("glute-bridge");
        assertThat(get("/library?phase=1").select("#library tbody tr").eachAttr("data-slug"))
                .containsExactly("knee-slide");
        assertThat(get("/library?category=glute&phase=1").select("#no-exercises"))
                .isNotEmpty();
        verify(programs, never()).library(true);
    }

    @Test
    @TestSecurity(
            user = "physio",
            roles = {"physio"})
    void retiredExercisesAreAskedForOnlyWhenTicked() {
        when(programs.library(true)).thenReturn(List.of(clinic(3, true)));
        Document page = get("/library?retired=1");
        assertThat(page.select("input[name=retired]").hasAttr("checked")).isTrue();
        assertThat(page.select("tr[data-slug=knee-slide] .badge.warn").text()).isEqualTo("retired");
        verify(programs).library(true);
    }

    @Test
    @TestSecurity(
            user = "physio",
            roles = {"physio"})
    void aBuiltInExerciseOffersACopyNotAnEditAndShowsItsIllustration() {
        Document page = get("/library/glute-bridge");
        assertThat(page.select("#kind").text()).isEqualTo("built-in");
        assertThat(page.select("#copy-exercise").attr("method")).isEqualTo("post");
        assertThat(page.select("#copy-exercise input[name=csrf-token]").attr("value"))
                .isNotBlank();
        assertThat(page.select("#copy-slug").attr("value")).isEqualTo("clinic-glute-bridge");
        assertThat(page.select("#edit-exercise")).isEmpty();
        assertThat(page.select("#retire-exercise")).isEmpty();
        assertThat(page.select(".exercise-picture img").attr("src")).isEqualTo("/illustrations/glute-bridge.svg");
        assertThat(page.select(".exercise-picture img").attr("alt")).isEqualTo("Glute bridge (start and end position)");
        // A clinic's own photo may replace the drawing of a built-in exercise.
        assertThat(page.select("#picture-link").attr("href")).isEqualTo("/library/glute-bridge/picture");
        assertThat(page.select("#instructions").text()).isEqualTo("Lift the hips.");
    }

    @Test
    @TestSecurity(
            user = "physio",
            roles = {"physio"})
    void aClinicExerciseOffersEditAndRetireAndListsItsRevisions() {
        Document page = get("/library/knee-slide");
        assertThat(page.select("#kind").text()).isEqualTo("clinic");
        assertThat(page.select("#revision").text()).isEqualTo("Revision 2");
        assertThat(page.select("#edit-exercise").attr("href")).isEqualTo("/library/knee-slide/edit");
        assertThat(page.select("#retire-exercise").attr("action")).isEqualTo("/library/knee-slide/retire");
        assertThat(page.select("#retire-exercise input[name=csrf-token]").attr("value"))
                .isNotBlank();
        assertThat(page.select("#copy-exercise")).isEmpty();
        assertThat(page.select("#exercise-revisions tbody tr")).hasSize(2);
        assertThat(page.select("#exercise-revisions tbody tr").first().text())
                .contains("2 (current)")
                .contains("physio");
        assertThat(page.select("#video-link").attr("href")).isEqualTo("https://example.org/knee-slide");
        assertThat(page.select("#video-link").attr("rel")).isEqualTo("noopener noreferrer");
        assertThat(page.select(".exercise-picture img")).isEmpty();
        assertThat(page.select("#caution").text()).contains("Not in a flare").contains("pelvic-tilt");
    }

    @Test
    @TestSecurity(
            user = "physio",
            roles = {"physio"})
    void aNewExerciseIsSentWithItsFieldsAndOpensAfterwards() {
        when(programs.createExercise(any())).thenReturn(clinic(1, false));
        Pages.Csrf csrf = Pages.csrf("/library/new");
        given().header("Origin", Pages.origin())
                .redirects()
                .follow(false)
                .formParam("csrf-token", csrf.token())
                .formParam("slug", "knee-slide")
                .formParam("name", "Knee slide")
                .formParam("category", "mobility")
                .formParam("phases", "1", "2")
                .formParam("instructions", "Slide the heel.")
                .formParam("sets", "2")
                .formParam("reps", "10")
                .formParam("holdSeconds", "")
                .formParam("perSide", "true")
                .formParam("cautionPhases", "1")
                .formParam("cautionReason", "Not in a flare")
                .formParam("cautionAlternatives", "pelvic-tilt, seated-ankle-pump")
                .formParam("videoUrl", "")
                .post("/library")
                .then()
                .statusCode(303)
                .header("Location", endsWith("/library/knee-slide?saved=created"));
        ArgumentCaptor<ExerciseInput> sent = ArgumentCaptor.forClass(ExerciseInput.class);
        verify(programs).createExercise(sent.capture());
        ExerciseInput e = sent.getValue();
        assertThat(e.slug()).isEqualTo("knee-slide");
        assertThat(e.revision()).isNull();
        assertThat(e.phases()).containsExactly(1, 2);
        assertThat(e.sets()).isEqualTo(2);
        assertThat(e.holdSeconds()).isNull();
        assertThat(e.perSide()).isTrue();
        assertThat(e.caution().avoidInPhases()).containsExactly(1);
        assertThat(e.caution().alternatives()).containsExactly("pelvic-tilt", "seated-ankle-pump");
        assertThat(e.videoUrl()).isNull();
    }

    @Test
    @TestSecurity(
            user = "physio",
            roles = {"physio"})
    void theServicesViolationsShowNextToTheirFieldsWithWhatWasTyped() {
        when(programs.createExercise(any())).thenThrow(Fixtures.invalid("caution.avoidInPhases", "must not be empty"));
        Pages.Csrf csrf = Pages.csrf("/library/new");
        Document page = Pages.html(given().header("Origin", Pages.origin())
                .formParam("csrf-token", csrf.token())
                .formParam("slug", "knee-slide")
                .formParam("name", "Knee slide")
                .formParam("category", "mobility")
                .formParam("phases", "2")
                .formParam("instructions", "Slide the heel.")
                .formParam("cautionReason", "Not in a flare")
                .post("/library")
                .then()
                .statusCode(200)
                .extract()
                .response());
        assertThat(page.select("#cautionPhases-error").text()).isEqualTo("must not be empty");
        assertThat(page.select("#name").attr("value")).isEqualTo("Knee slide");
        assertThat(page.select("#cautionReason").text()).isEqualTo("Not in a flare");
        assertThat(page.select("input[name=phases][value=2]").hasAttr("checked"))
                .isTrue();
        assertThat(page.select("input[name=phases][value=1]").hasAttr("checked"))
                .isFalse();

        // A number that is not one is caught before anything is sent.
        Document typo = Pages.html(given().header("Origin", Pages.origin())
                .formParam("csrf-token", csrf.token())
                .formParam("slug", "knee-slide")
                .formParam("name", "Knee slide")
                .formParam("sets", "two")
                .post("/library")
                .then()
                .statusCode(200)
                .extract()
                .response());
        assertThat(typo.select("#sets-error").text()).isEqualTo("must be a whole number");
        verify(programs).createExercise(any());
    }

    @Test
    @TestSecurity(
            user = "physio",
            roles = {"physio"})
    void anEditSendsTheRevisionItStartedFromAndAStaleOneIsExplained() {
        Document form = get("/library/knee-slide/edit");
        assertThat(form.select("input[name=revision]").attr("value")).isEqualTo("2");
        assertThat(form.select("#name").attr("value")).isEqualTo("Knee slide <b>");
        assertThat(form.select("input[name=perSide]").hasAttr("checked")).isTrue();
        assertThat(form.select("#cautionAlternatives").attr("value")).isEqualTo("pelvic-tilt");
        assertThat(form.select("#slug")).isEmpty();

        when(programs.editExercise(eq("knee-slide"), any()))
                .thenThrow(Fixtures.problem(409, "Exercise 'knee-slide' changed since revision 2."));
        Pages.Csrf csrf = Pages.csrf("/library/knee-slide/edit");
        Document page = Pages.html(given().header("Origin", Pages.origin())
                .formParam("csrf-token", csrf.token())
                .formParam("revision", "2")
                .formParam("name", "Knee slide, slower")
                .formParam("category", "mobility")
                .formParam("phases", "1")
                .formParam("instructions", "Slowly.")
                .post("/library/knee-slide/edit")
                .then()
                .statusCode(200)
                .extract()
                .response());
        assertThat(page.select(".notice").text()).contains("changed since revision 2");
        assertThat(page.select("#name").attr("value")).isEqualTo("Knee slide, slower");
        ArgumentCaptor<ExerciseInput> sent = ArgumentCaptor.forClass(ExerciseInput.class);
        verify(programs).editExercise(eq("knee-slide"), sent.capture());
        assertThat(sent.getValue().revision()).isEqualTo(2);
        assertThat(sent.getValue().slug()).isNull();
        assertThat(sent.getValue().caution()).isNull();
    }

    @Test
    @TestSecurity(
            user = "physio",
            roles = {"physio"})
    void aBuiltInExerciseIsNotEditedButCopied() {
        Document page = get("/library/glute-bridge/edit");
        assertThat(page.select("#exercise-form")).isEmpty();
        assertThat(page.select(".notice").text()).contains("read-only");

        Exercise copy = new Exercise(
                "clinic-bridge",
                "Clinic bridge",
                "glute",
                List.of(2),
                "Lift the hips.",
                null,
                null,
                null,
                null,
                2,
                10,
                2,
                null,
                1,
                false,
                null,
                false,
                1,
                false,
                null,
                null,
                "glute-bridge");
        when(programs.copyExercise(eq("glute-bridge"), any())).thenReturn(copy);
        Pages.Csrf csrf = Pages.csrf("/library/glute-bridge");
        given().header("Origin", Pages.origin())
                .redirects()
                .follow(false)
                .formParam("csrf-token", csrf.token())
                .formParam("slug", "clinic-bridge")
                .formParam("name", "Clinic bridge")
                .post("/library/glute-bridge/copy")
                .then()
                .statusCode(303)
                .header("Location", endsWith("/library/clinic-bridge?saved=copied"));
        verify(programs).copyExercise("glute-bridge", new ExerciseCopy("clinic-bridge", "Clinic bridge"));
    }

    @Test
    @TestSecurity(
            user = "physio",
            roles = {"physio"})
    void retiringPostsAndARefusalIsShownOnTheExercise() {
        when(programs.retireExercise("knee-slide")).thenReturn(clinic(2, true));
        Pages.Csrf csrf = Pages.csrf("/library/knee-slide");
        given().header("Origin", Pages.origin())
                .redirects()
                .follow(false)
                .formParam("csrf-token", csrf.token())
                .post("/library/knee-slide/retire")
                .then()
                .statusCode(303)
                .header("Location", endsWith("/library/knee-slide?saved=retired"));
        verify(programs).retireExercise("knee-slide");

        when(programs.retireExercise("glute-bridge"))
                .thenThrow(Fixtures.problem(409, "Built-in exercises are read-only: copy it."));
        Document page = Pages.html(given().header("Origin", Pages.origin())
                .formParam("csrf-token", csrf.token())
                .post("/library/glute-bridge/retire")
                .then()
                .statusCode(200)
                .extract()
                .response());
        assertThat(page.select(".notice.error").text()).contains("read-only");
    }

    @Test
    @TestSecurity(
            user = "physio",
            roles = {"physio"})
    void aFormWithoutTheCsrfTokenIsRefused() {
        given().header("Origin", Pages.origin())
                .formParam("slug", "x")
                .post("/library/knee-slide/retire")
                .then()
                .statusCode(403);
        verify(programs, never()).retireExercise(anyString());
    }

    @Test
    @TestSecurity(
            user = "admin",
            roles = {"admin"})
    void adminsReadTheLibraryButChangeNothing() {
        Document page = get("/library/knee-slide");
        assertThat(page.select("#edit-exercise")).isEmpty();
        assertThat(page.select("#retire-exercise")).isEmpty();
        assertThat(page.select("#exercise-revisions tbody tr")).hasSize(2);
        Document list = get("/library");
        assertThat(list.select("#new-exercise")).isEmpty();
        assertThat(list.select("nav a[href=/library]")).hasSize(1);
        given().get("/library/new").then().statusCode(403);
    }

    @Test
    @TestSecurity(
            user = "patient",
            roles = {"patient"})
    void patientsDoNotSeeTheLibraryPages() {
        given().get("/library").then().statusCode(403);
        given().get("/library/knee-slide").then().statusCode(403);
    }

    private static Program programWith(long id, Prescription exercise) {
        return new Program(
                id,
                Fixtures.nextId(),
                "sciatica-phased",
                1,
                "ACTIVE",
                "2026-11-01",
                List.of(exercise),
                List.of(),
                "pat",
                "physio",
                false,
                6L);
    }

    private static Prescription prescribed(int revision, int latest) {
        return new Prescription(
                "knee-slide",
                "Knee slide",
                2,
                10,
                null,
                null,
                2,
                false,
                null,
                null,
                null,
                false,
                null,
                null,
                null,
                revision,
                null,
                null,
                null,
                latest,
                false);
    }

    @Test
    @TestSecurity(
            user = "physio",
            roles = {"physio"})
    void theProgramPageSaysANewerVersionExistsAndUpdatesItWithAReason() {
        long programId = Fixtures.nextId();
        when(programs.program(programId)).thenReturn(programWith(programId, prescribed(1, 3)));
        when(programs.progress(programId)).thenThrow(Fixtures.problem(503, "busy"));
        when(programs.sessions(anyLong())).thenReturn(List.of());
        when(patients.get(anyLong())).thenReturn(Fixtures.patient(1, "Sam", "Rivera"));

        Document page = get("/programs/" + programId);
        assertThat(page.select("li[data-exercise=knee-slide] .newer-revision").text())
                .contains("Newer version available (revision 3)");
        assertThat(page.select(".update-revision").attr("action"))
                .isEqualTo("/programs/" + programId + "/exercises/knee-slide/update-revision");
        assertThat(page.select(".update-revision input[name=version]").attr("value"))
                .isEqualTo("6");

        Pages.Csrf csrf = Pages.csrf("/programs/" + programId);
        Document noReason = Pages.html(given().header("Origin", Pages.origin())
                .formParam("csrf-token", csrf.token())
                .formParam("version", "6")
                .formParam("reason", " ")
                .post("/programs/" + programId + "/exercises/knee-slide/update-revision")
                .then()
                .statusCode(200)
                .extract()
                .response());
        assertThat(noReason.select(".notice").text()).contains("Give a reason");
        verify(programs, never()).updateExerciseRevision(anyLong(), anyString(), any());

        when(programs.updateExerciseRevision(eq(programId), eq("knee-slide"), any()))
                .thenReturn(programWith(programId, prescribed(3, 3)));
        given().header("Origin", Pages.origin())
                .redirects()
                .follow(false)
                .formParam("csrf-token", csrf.token())
                .formParam("version", "6")
                .formParam("reason", "clearer wording")
                .post("/programs/" + programId + "/exercises/knee-slide/update-revision")
                .then()
                .statusCode(303)
                .header("Location", endsWith("/programs/" + programId));
        verify(programs).updateExerciseRevision(programId, "knee-slide", new RevisionUpdate("clearer wording", 6L));
    }

    @Test
    @TestSecurity(
            user = "physio",
            roles = {"physio"})
    void anExerciseAtItsNewestRevisionShowsNoUpdate() {
        long programId = Fixtures.nextId();
        when(programs.program(programId)).thenReturn(programWith(programId, prescribed(2, 2)));
        when(programs.progress(programId)).thenThrow(Fixtures.problem(503, "busy"));
        when(programs.sessions(anyLong())).thenReturn(List.of());
        when(patients.get(anyLong())).thenReturn(Fixtures.patient(1, "Sam", "Rivera"));
        Document page = get("/programs/" + programId);
        assertThat(page.select("li[data-exercise=knee-slide]")).hasSize(1);
        assertThat(page.select(".newer-revision")).isEmpty();
    }
}
