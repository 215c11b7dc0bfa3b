package clinic.portal;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import clinic.portal.client.PatientApi.Clearance;
import clinic.portal.client.PatientServiceClient;
import clinic.portal.client.ProblemBody;
import clinic.portal.client.ProgramApi.Adherence;
import clinic.portal.client.ProgramApi.Caution;
import clinic.portal.client.ProgramApi.Exercise;
import clinic.portal.client.ProgramApi.NewProgram;
import clinic.portal.client.ProgramApi.PainTrend;
import clinic.portal.client.ProgramApi.PhaseChange;
import clinic.portal.client.ProgramApi.Prescription;
import clinic.portal.client.ProgramApi.Program;
import clinic.portal.client.ProgramApi.Progress;
import clinic.portal.client.ProgramApi.Protocol;
import clinic.portal.client.ProgramApi.ProtocolPhase;
import clinic.portal.client.ProgramApi.Revision;
import clinic.portal.client.ProgramApi.Session;
import clinic.portal.client.ProgramApi.SessionExercise;
import clinic.portal.client.ProgramApi.Suggestion;
import clinic.portal.client.ProgramApi.WeekAdherence;
import clinic.portal.client.ProgramServiceClient;
import clinic.portal.client.ServiceException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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

@QuarkusTest
class ProgramPagesTest {

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
    void aClearedPatientAndTheLibrary() {
        patientId = Fixtures.nextId();
        when(patients.get(patientId)).thenReturn(Fixtures.patient(patientId, "Sam", "Rivera"));
        when(patients.clearance(patientId))
                .thenReturn(new Clearance(patientId, true, "Clear", 5L, "2027-02-24", "patient", "physio"));
        when(programs.exercises(any(), any()))
                .thenReturn(List.of(
                        exercise("pelvic-tilt", "Pelvic tilts"),
                        exercise("knee-to-chest", "Single knee-to-chest"),
                        new Exercise(
                                "toe-touch",
                                "Toe touches",
                                "stretch",
                                List.of(),
                                "How",
                                "Feel",
                                "Care",
                                null,
                                null,
                                1,
                                5,
                                null,
                                null,
                                1,
                                false,
                                new Caution(List.of(1, 2), "Loads the discs", List.of("pelvic-tilt"))),
                        exercise("supine-hamstring-stretch", "Supine hamstring stretch")));
        when(programs.protocol("sciatica-phased"))
                .thenReturn(new Protocol(
                        "sciatica-phased",
                        "Sciatica, phased",
                        null,
                        List.of(new ProtocolPhase(
                                1,
                                "Gentle movement and nerve glides",
                                null,
                                null,
                                List.of(
                                        dose("pelvic-tilt", 2, 10, null, false),
                                        dose("knee-to-chest", 1, 3, 30, true))))));
    }

    private String reviewPage() {
        return "/patients/" + patientId + "/assign?protocol=sciatica-phased&phase=1";
    }

    private static Exercise exercise(String slug, String name) {
        return new Exercise(
                slug,
                name,
                "mobility",
                List.of(1),
                "How",
                "Feel",
                "Care",
                null,
                null,
                2,
                10,
                null,
                null,
                2,
                false,
                null);
    }

    private static Prescription dose(String slug, Integer sets, Integer reps, Integer hold, boolean perSide) {
        return new Prescription(slug, null, sets, reps, hold, null, 3, perSide, null, null, null, null);
    }

    @Test
    @TestSecurity(
            user = "physio",
            roles = {"physio"})
    void reviewListsThePhaseExercisesWithTheirDosage() {
        Document page = Pages.html(given().queryParam("protocol", "sciatica-phased")
                .queryParam("phase", "1")
                .get("/patients/" + patientId + "/assign")
                .then()
                .statusCode(200)
                .extract()
                .response());

        assertThat(page.select("#assign-program").attr("method")).isEqualTo("post");
        assertThat(page.select("#assign-program legend").eachText())
                .containsExactly("Pelvic tilts", "Single knee-to-chest");
        assertThat(page.select("#hold-knee-to-chest").attr("value")).isEqualTo("30");
        assertThat(page.select("#side-knee-to-chest").hasAttr("checked")).isTrue();
        assertThat(page.select("#side-pelvic-tilt").hasAttr("checked")).isFalse();
        assertThat(page.text()).contains("Phase 1: Gentle movement and nerve glides");
    }

    @Test
    @TestSecurity(
            user = "physio",
            roles = {"physio"})
    void refusedCautionExerciseComesBackWithSaferAlternativesAndAReasonField() {
        when(programs.assign(any()))
                .thenThrow(new ServiceException(
                        422,
                        new ProblemBody(
                                "about:blank",
                                "Caution exercise",
                                422,
                                "Toe touches needs an acknowledgement in phase 1.",
                                null,
                                List.of(new ProblemBody.Caution(
                                        "toe-touch",
                                        "Stresses discs and stretches the nerve hard",
                                        List.of("pelvic-tilt", "supine-hamstring-stretch"))))));
        Pages.Csrf csrf = Pages.csrf(reviewPage());

        Document page = Pages.html(given().cookie("csrf-token", csrf.cookie())
                .formParam("csrf-token", csrf.token())
                .formParam("protocol", "sciatica-phased")
                .formParam("phase", "1")
                .formParam("exercise", "pelvic-tilt")
                .formParam("sets", "3")
                .formParam("reps", "12")
                .formParam("holdSeconds", "")
                .formParam("minutes", "")
                .formParam("timesPerDay", "2")
                .formParam("include", "pelvic-tilt")
                .formParam("extra", "toe-touch")
                .post("/patients/" + patientId + "/assign")
                .then()
                .statusCode(200)
                .extract()
                .response());

        assertThat(page.select("#cautions h3").text()).isEqualTo("Toe touches");
        assertThat(page.select("#cautions").text())
                .contains("Stresses discs")
                .contains("Safer alternatives: Pelvic tilts, Supine hamstring stretch");
        assertThat(page.select("#ack-toe-touch").attr("name")).isEqualTo("ackReason");
        assertThat(page.select("#sets-pelvic-tilt").attr("value")).isEqualTo("3");
        assertThat(page.select("#reps-pelvic-tilt").attr("value")).isEqualTo("12");
        assertThat(page.select("#include-toe-touch").hasAttr("checked")).isTrue();
        // The library's own caution is shown on the row too, before any confirmation.
        assertThat(page.select(".caution-note").text())
                .contains("Loads the discs")
                .contains("Safer alternatives: Pelvic tilts");
    }

    @Test
    @TestSecurity(
            user = "physio",
            roles = {"physio"})
    void acknowledgedAssignmentIsSentAndRedirectsToTheProgram() {
        long programId = Fixtures.nextId();
        when(programs.assign(any())).thenReturn(program(programId, 1L));
        Pages.Csrf csrf = Pages.csrf(reviewPage());

        given().redirects()
                .follow(false)
                .cookie("csrf-token", csrf.cookie())
                .formParam("csrf-token", csrf.token())
                .formParam("protocol", "sciatica-phased")
                .formParam("phase", "1")
                .formParam("exercise", "pelvic-tilt", "toe-touch")
                .formParam("sets", "3", "1")
                .formParam("reps", "12", "5")
                .formParam("holdSeconds", "", "")
                .formParam("minutes", "", "")
                .formParam("timesPerDay", "2", "1")
                .formParam("include", "pelvic-tilt", "toe-touch")
                .formParam("ackExercise", "toe-touch")
                .formParam("ackReason", "Gentle version only, supervised")
                .post("/patients/" + patientId + "/assign")
                .then()
                .statusCode(303)
                .header("Location", org.hamcrest.Matchers.endsWith("/programs/" + programId));

        ArgumentCaptor<NewProgram> sent = ArgumentCaptor.forClass(NewProgram.class);
        verify(programs).assign(sent.capture());
        NewProgram p = sent.getValue();
        assertThat(p.patientId()).isEqualTo(patientId);
        assertThat(p.phase()).isEqualTo(1);
        assertThat(p.exercises()).extracting(Prescription::exercise).containsExactly("pelvic-tilt", "toe-touch");
        assertThat(p.exercises().get(0).sets()).isEqualTo(3);
        assertThat(p.exercises().get(0).holdSeconds()).isNull();
        assertThat(p.acknowledgements()).singleElement().satisfies(a -> {
            assertThat(a.exercise()).isEqualTo("toe-touch");
            assertThat(a.reason()).isEqualTo("Gentle version only, supervised");
        });
    }

    @Test
    @TestSecurity(
            user = "physio",
            roles = {"physio"})
    void notClearedPatientGetsTheServicesRefusalAsAMessage() {
        when(programs.assign(any())).thenThrow(Fixtures.problem(422, "No valid clear screening."));
        Pages.Csrf csrf = Pages.csrf(reviewPage());

        Document page = Pages.html(given().cookie("csrf-token", csrf.cookie())
                .formParam("csrf-token", csrf.token())
                .formParam("protocol", "sciatica-phased")
                .formParam("phase", "1")
                .post("/patients/" + patientId + "/assign")
                .then()
                .statusCode(200)
                .extract()
                .response());

        assertThat(page.select(".notice.error").text()).contains("No valid clear screening.");
    }

    private Program program(long id, long version) {
        return new Program(
                id,
                patientId,
                "sciatica-phased",
                1,
                "ACTIVE",
                "2026-11-01",
                List.of(dose("pelvic-tilt", 2, 10, null, false)),
                List.of(new Revision("2026-11-01T09:00:00", "physio", null, 1, "Acute flare")),
                "patient",
                "physio",
                null,
                version);
    }

    @Test
    @TestSecurity(
            user = "physio",
            roles = {"physio"})
    void programPageShowsChartDataSuggestionAndRevisions() throws Exception {
        long programId = Fixtures.nextId();
        when(programs.program(programId)).thenReturn(program(programId, 4L));
        when(programs.progress(programId))
                .thenReturn(new Progress(
                        programId,
                        1,
                        new Adherence(5, 7, 71.0, List.of(new WeekAdherence("2026-11-01", 71.0))),
                        new PainTrend(6.0, 3.5, -2.5, -41.0, true, 0),
                        new Suggestion("ADVANCE", "Mean pain of the last 7 days is 4 or less")));
        when(programs.sessions(programId))
                .thenReturn(List.of(session("2026-11-02", 6, 5), session("2026-11-01", 7, 6)));

        Document page = Pages.html(given().get("/programs/" + programId)
                .then()
                .statusCode(200)
                .extract()
                .response());

        JsonNode pain = new ObjectMapper().readTree(page.select("#pain-chart").attr("data-points"));
        assertThat(pain).hasSize(2);
        assertThat(pain.get(0).get("date").asText()).isEqualTo("2026-11-01");
        assertThat(pain.get(0).get("painBefore").asDouble()).isEqualTo(7.0);
        JsonNode weeks =
                new ObjectMapper().readTree(page.select("#adherence-chart").attr("data-points"));
        assertThat(weeks.get(0).get("percent").asDouble()).isEqualTo(71.0);
        assertThat(page.select("script[src=/js/charts.js]")).isNotEmpty();
        assertThat(page.select("script[src=/webjars/chart.js/dist/chart.umd.js]"))
                .isNotEmpty();
        assertThat(page.select("script:not([src])")).isEmpty();
        assertThat(page.select("#suggestion").text())
                .contains("Move up a phase")
                .contains("(phase 2)");
        assertThat(page.select("#phase option[selected]").attr("value")).isEqualTo("2");
        assertThat(page.select("#phase-change input[name=version]").attr("value"))
                .isEqualTo("4");
        assertThat(page.select("#revisions td").text()).contains("Acute flare");
    }

    private static Session session(String date, int before, int after) {
        return new Session(
                Fixtures.nextId(),
                date,
                before,
                after,
                List.of(new SessionExercise("pelvic-tilt", true, null, false)),
                false,
                List.of(),
                null,
                null,
                null);
    }

    @Test
    @TestSecurity(
            user = "physio",
            roles = {"physio"})
    void staleVersionOnPhaseChangeSaysSoAndKeepsTheReason() {
        long programId = Fixtures.nextId();
        when(programs.program(programId)).thenReturn(program(programId, 5L));
        when(programs.progress(programId)).thenThrow(Fixtures.problem(503, "busy"));
        when(programs.sessions(anyLong())).thenReturn(List.of());
        when(programs.changePhase(eq(programId), any())).thenThrow(Fixtures.problem(409, "Version 4 is stale."));
        Pages.Csrf csrf = Pages.csrf("/programs/" + programId);

        Document page = Pages.html(given().cookie("csrf-token", csrf.cookie())
                .formParam("csrf-token", csrf.token())
                .formParam("phase", "2")
                .formParam("reason", "Pain settled, sitting longer")
                .formParam("version", "4")
                .post("/programs/" + programId + "/phase")
                .then()
                .statusCode(200)
                .extract()
                .response());

        assertThat(page.select(".notice.error").text()).contains("changed by someone else");
        assertThat(page.select("#reason").text()).isEqualTo("Pain settled, sitting longer");
        ArgumentCaptor<PhaseChange> sent = ArgumentCaptor.forClass(PhaseChange.class);
        verify(programs).changePhase(eq(programId), sent.capture());
        assertThat(sent.getValue().version()).isEqualTo(4L);
        assertThat(sent.getValue().phase()).isEqualTo(2);
    }

    @Test
    @TestSecurity(
            user = "physio",
            roles = {"physio"})
    void phaseChangeWithoutCsrfTokenIsRefused() {
        given().formParam("phase", "2")
                .formParam("reason", "x")
                .post("/programs/1/phase")
                .then()
                .statusCode(400);
    }
}
