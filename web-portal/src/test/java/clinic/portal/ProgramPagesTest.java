package clinic.portal;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import clinic.portal.outbound.PatientApi.Clearance;
import clinic.portal.outbound.PatientServiceClient;
import clinic.portal.outbound.ProblemBody;
import clinic.portal.outbound.ProgramApi.Adherence;
import clinic.portal.outbound.ProgramApi.Caution;
import clinic.portal.outbound.ProgramApi.Exercise;
import clinic.portal.outbound.ProgramApi.Hold;
import clinic.portal.outbound.ProgramApi.NewProgram;
import clinic.portal.outbound.ProgramApi.PainTrend;
import clinic.portal.outbound.ProgramApi.PhaseChange;
import clinic.portal.outbound.ProgramApi.Prescription;
import clinic.portal.outbound.ProgramApi.Program;
import clinic.portal.outbound.ProgramApi.Progress;
import clinic.portal.outbound.ProgramApi.Protocol;
import clinic.portal.outbound.ProgramApi.ProtocolPhase;
import clinic.portal.outbound.ProgramApi.Resume;
import clinic.portal.outbound.ProgramApi.Revision;
import clinic.portal.outbound.ProgramApi.Session;
import clinic.portal.outbound.ProgramApi.SessionExercise;
import clinic.portal.outbound.ProgramApi.Suggestion;
import clinic.portal.outbound.ProgramApi.WeekAdherence;
import clinic.portal.outbound.ProgramServiceClient;
import clinic.portal.outbound.ServiceException;
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

        Document page = Pages.html(given().header("Origin", Pages.origin())
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
                .header("Origin", Pages.origin())
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
                .formParam("ackKind", "CAUTION")
                .formParam("ackReason", "Gentle version only, supervised")
                .formParam("ackInstructions", "Reach only to the knees, stop at any leg pain")
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
            assertThat(a.instructions()).isEqualTo("Reach only to the knees, stop at any leg pain");
        });
    }

    @Test
    @TestSecurity(
            user = "physio",
            roles = {"physio"})
    void notClearedPatientGetsTheServicesRefusalAsAMessage() {
        when(programs.assign(any())).thenThrow(Fixtures.problem(422, "No valid clear screening."));
        Pages.Csrf csrf = Pages.csrf(reviewPage());

        Document page = Pages.html(given().header("Origin", Pages.origin())
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

        Document page = Pages.html(given().header("Origin", Pages.origin())
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
        given().header("Origin", Pages.origin())
                .formParam("phase", "2")
                .formParam("reason", "x")
                .post("/programs/1/phase")
                .then()
                .statusCode(403);
    }

    private Program onHold(long id, String reason) {
        Program p = program(id, 6L);
        return new Program(
                p.id(),
                p.patientId(),
                p.protocol(),
                p.phase(),
                "ON_HOLD",
                p.startedOn(),
                p.exercises(),
                p.revisions(),
                p.patientAccount(),
                p.carePhysio(),
                null,
                p.version(),
                new Hold("2026-11-26T09:05:00", "SESSION_LOG", List.of("SADDLE_NUMBNESS", "SYSTEMIC"), reason));
    }

    private void quietPanels(long programId) {
        when(programs.progress(programId)).thenThrow(Fixtures.problem(503, "busy"));
        when(programs.sessions(programId)).thenReturn(List.of());
    }

    @Test
    @TestSecurity(
            user = "physio",
            roles = {"physio"})
    void programOnHoldShowsWhySinceWhenAndTheResumeForm() {
        long programId = Fixtures.nextId();
        when(programs.program(programId))
                .thenReturn(onHold(programId, "Red flag in the log: <script>alert(1)</script>"));
        quietPanels(programId);

        Document page = Pages.html(given().get("/programs/" + programId)
                .then()
                .statusCode(200)
                .extract()
                .response());

        assertThat(page.select("#hold-title").text()).isEqualTo("On hold since 26 Nov 2026, 09:05 (session log)");
        assertThat(page.select("#hold-flags li").eachText())
                .containsExactly(
                        "Numbness in the saddle area: Saddle anaesthesia: possible cauda equina syndrome",
                        "Fever, weight loss or cancer history with new sciatica: Fever, unexplained weight loss or"
                                + " history of cancer with new sciatica: exclude infection or malignancy today");
        // Free text from the service is escaped, never markup.
        assertThat(page.select("#hold-reason").text()).isEqualTo("Red flag in the log: <script>alert(1)</script>");
        assertThat(page.select("#hold-banner script")).isEmpty();
        assertThat(page.select("#program-status").text()).isEqualTo("On hold");
        assertThat(page.select("#resume-program").attr("action")).isEqualTo("/programs/" + programId + "/resume");
        assertThat(page.select("#resume-program input[name=csrf-token]").attr("value"))
                .isNotBlank();
        assertThat(page.select("#resume-reason").hasAttr("required")).isTrue();
        assertThat(page.select("#screen-again").attr("href")).isEqualTo("/patients/" + patientId + "/screening");
    }

    @Test
    @TestSecurity(
            user = "admin",
            roles = {"admin"})
    void adminSeesTheHoldButCannotResume() {
        long programId = Fixtures.nextId();
        when(programs.program(programId)).thenReturn(onHold(programId, "Red flag"));
        quietPanels(programId);

        Document page = Pages.html(given().get("/programs/" + programId)
                .then()
                .statusCode(200)
                .extract()
                .response());

        assertThat(page.select("#hold-banner")).isNotEmpty();
        assertThat(page.select("#resume-program")).isEmpty();
        given().formParam("reason", "x")
                .post("/programs/" + programId + "/resume")
                .then()
                .statusCode(403);
    }

    @Test
    @TestSecurity(
            user = "physio",
            roles = {"physio"})
    void resumeSendsTheReasonAndComesBackWithANotice() {
        long programId = Fixtures.nextId();
        when(programs.program(programId)).thenReturn(onHold(programId, "Red flag"));
        quietPanels(programId);
        when(programs.resume(eq(programId), any())).thenReturn(program(programId, 7L));
        Pages.Csrf csrf = Pages.csrf("/programs/" + programId);

        given().redirects()
                .follow(false)
                .header("Origin", Pages.origin())
                .formParam("csrf-token", csrf.token())
                .formParam("reason", "  Re-screened clear, symptoms settled  ")
                .post("/programs/" + programId + "/resume")
                .then()
                .statusCode(303)
                .header("Location", org.hamcrest.Matchers.endsWith("/programs/" + programId + "?resumed=1"));

        ArgumentCaptor<Resume> sent = ArgumentCaptor.forClass(Resume.class);
        verify(programs).resume(eq(programId), sent.capture());
        assertThat(sent.getValue().reason()).isEqualTo("Re-screened clear, symptoms settled");

        when(programs.program(programId)).thenReturn(program(programId, 7L));
        Document page = Pages.html(given().get("/programs/" + programId + "?resumed=1")
                .then()
                .statusCode(200)
                .extract()
                .response());
        assertThat(page.select("#resumed-notice").text()).contains("The program is resumed");
        assertThat(page.select("#hold-banner")).isEmpty();
    }

    @Test
    @TestSecurity(
            user = "physio",
            roles = {"physio"})
    void resumeRefusedForWantOfANewScreeningSaysSoWithALinkToScreen() {
        long programId = Fixtures.nextId();
        when(programs.program(programId)).thenReturn(onHold(programId, "Red flag"));
        quietPanels(programId);
        when(programs.resume(eq(programId), any()))
                .thenThrow(Fixtures.problem(
                        422, "Screen the patient again: the latest screening is older than the hold."));
        Pages.Csrf csrf = Pages.csrf("/programs/" + programId);

        Document page = Pages.html(given().header("Origin", Pages.origin())
                .formParam("csrf-token", csrf.token())
                .formParam("reason", "Spoke to the patient <b>today</b>")
                .post("/programs/" + programId + "/resume")
                .then()
                .statusCode(200)
                .extract()
                .response());

        assertThat(page.select("#resume-notice").text())
                .contains("Screen the patient again: the latest screening is older than the hold.");
        assertThat(page.select("#resume-notice a").attr("href")).isEqualTo("/patients/" + patientId + "/screening");
        assertThat(page.select("#resume-reason").text()).isEqualTo("Spoke to the patient <b>today</b>");
    }

    @Test
    @TestSecurity(
            user = "physio",
            roles = {"physio"})
    void resumeWithoutAReasonIsNotSent() {
        long programId = Fixtures.nextId();
        when(programs.program(programId)).thenReturn(onHold(programId, "Red flag"));
        quietPanels(programId);
        Pages.Csrf csrf = Pages.csrf("/programs/" + programId);

        Document page = Pages.html(given().header("Origin", Pages.origin())
                .formParam("csrf-token", csrf.token())
                .formParam("reason", "   ")
                .post("/programs/" + programId + "/resume")
                .then()
                .statusCode(200)
                .extract()
                .response());

        assertThat(page.select("#resume-reason + .field-error").text()).isEqualTo("Give a reason.");
        verify(programs, org.mockito.Mockito.never()).resume(anyLong(), any());
    }

    @Test
    @TestSecurity(
            user = "physio",
            roles = {"physio"})
    void resumeWithoutCsrfTokenIsRefused() {
        given().header("Origin", Pages.origin())
                .formParam("reason", "x")
                .post("/programs/1/resume")
                .then()
                .statusCode(403);
        verify(programs, org.mockito.Mockito.never()).resume(anyLong(), any());
    }

    @Test
    @TestSecurity(
            user = "physio",
            roles = {"physio"})
    void notEnoughDataIsShownWithItsRuleAndNoPhaseIsSuggested() {
        long programId = Fixtures.nextId();
        when(programs.program(programId)).thenReturn(program(programId, 4L));
        when(programs.progress(programId))
                .thenReturn(new Progress(
                        programId,
                        2,
                        new Adherence(1, 14, 7.0, List.of()),
                        new PainTrend(5.0, null, null, null, false, 0),
                        new Suggestion(
                                "NOT_ENOUGH_DATA",
                                "1 logs in the last 14 days: not enough data to judge improvement (needs 3).",
                                "NOT_ENOUGH_DATA")));
        when(programs.sessions(programId)).thenReturn(List.of());

        Document page = Pages.html(given().get("/programs/" + programId)
                .then()
                .statusCode(200)
                .extract()
                .response());

        assertThat(page.select("#suggestion").text())
                .contains("Not enough data to judge")
                .contains("not enough data to judge improvement (needs 3)")
                .doesNotContain("(phase");
        assertThat(page.select("#suggestion").attr("data-rule")).isEqualTo("NOT_ENOUGH_DATA");
        // The phase form stays on the program's own phase.
        assertThat(page.select("#phase option[selected]").attr("value")).isEqualTo("1");
    }

    @Test
    @TestSecurity(
            user = "physio",
            roles = {"physio"})
    void exerciseOutsideItsPhasesComesBackAsMeantForWithAnAcknowledgement() {
        when(programs.assign(any()))
                .thenThrow(new ServiceException(
                        422,
                        new ProblemBody(
                                "about:blank",
                                "Acknowledgement needed",
                                422,
                                "Acknowledge the exercises below.",
                                null,
                                List.of(
                                        new ProblemBody.Caution(
                                                "supine-hamstring-stretch",
                                                "Meant for phases 2, 3, not phase 1.",
                                                List.of(),
                                                "PHASE",
                                                List.of(2, 3)),
                                        new ProblemBody.Caution(
                                                "toe-touch",
                                                "Loads the discs",
                                                List.of("pelvic-tilt"),
                                                "CAUTION",
                                                List.of())))));
        Pages.Csrf csrf = Pages.csrf(reviewPage());

        Document page = Pages.html(given().header("Origin", Pages.origin())
                .formParam("csrf-token", csrf.token())
                .formParam("protocol", "sciatica-phased")
                .formParam("phase", "1")
                .formParam("exercise", "pelvic-tilt")
                .formParam("include", "pelvic-tilt")
                .post("/patients/" + patientId + "/assign")
                .then()
                .statusCode(200)
                .extract()
                .response());

        assertThat(page.select("#caution-supine-hamstring-stretch .meant-for").text())
                .isEqualTo("Meant for phases 2, 3, not phase 1.");
        assertThat(page.select("#caution-supine-hamstring-stretch input[name=ackKind]")
                        .attr("value"))
                .isEqualTo("PHASE");
        assertThat(page.select("#ack-supine-hamstring-stretch").attr("name")).isEqualTo("ackReason");
        assertThat(page.select("label[for=ack-instructions-supine-hamstring-stretch]")
                        .text())
                .contains("optional");
        assertThat(page.select("#caution-toe-touch").text()).contains("Loads the discs");
        assertThat(page.select("label[for=ack-instructions-toe-touch]").text()).contains("required");
    }

    @Test
    @TestSecurity(
            user = "physio",
            roles = {"physio"})
    void cautionAcknowledgementWithoutPatientInstructionsIsNotSent() {
        Pages.Csrf csrf = Pages.csrf(reviewPage());

        Document page = Pages.html(given().header("Origin", Pages.origin())
                .formParam("csrf-token", csrf.token())
                .formParam("protocol", "sciatica-phased")
                .formParam("phase", "1")
                .formParam("exercise", "pelvic-tilt", "toe-touch", "supine-hamstring-stretch")
                .formParam("include", "pelvic-tilt", "toe-touch", "supine-hamstring-stretch")
                .formParam("ackExercise", "toe-touch", "supine-hamstring-stretch")
                .formParam("ackKind", "CAUTION", "PHASE")
                .formParam("ackName", "Toe touches", "Supine hamstring stretch")
                .formParam("ackWhy", "Loads the discs", "")
                .formParam("ackPhases", "", "2,3")
                .formParam("ackAlternatives", "Pelvic tilts", "")
                .formParam("ackReason", "Supervised, <i>gentle</i>", "Ready for it")
                .formParam("ackInstructions", "", "")
                .post("/patients/" + patientId + "/assign")
                .then()
                .statusCode(200)
                .extract()
                .response());

        verify(programs, org.mockito.Mockito.never()).assign(any());
        assertThat(page.select("#caution-toe-touch .field-error").text()).contains("Give the patient instructions");
        assertThat(page.select("#ack-toe-touch").attr("value")).isEqualTo("Supervised, <i>gentle</i>");
        assertThat(page.select("#caution-toe-touch").text()).contains("Safer alternatives: Pelvic tilts");
        assertThat(page.select("#caution-supine-hamstring-stretch .meant-for").text())
                .startsWith("Meant for phases 2, 3");
        assertThat(page.select("#caution-supine-hamstring-stretch .field-error"))
                .isEmpty();
    }
}
