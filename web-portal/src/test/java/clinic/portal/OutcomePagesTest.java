package clinic.portal;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import clinic.portal.outbound.PatientServiceClient;
import clinic.portal.outbound.ProblemBody;
import clinic.portal.outbound.ProgramApi.Adherence;
import clinic.portal.outbound.ProgramApi.AlertSpan;
import clinic.portal.outbound.ProgramApi.Discharge;
import clinic.portal.outbound.ProgramApi.DischargeSummary;
import clinic.portal.outbound.ProgramApi.DueMeasure;
import clinic.portal.outbound.ProgramApi.HoldSpan;
import clinic.portal.outbound.ProgramApi.Instrument;
import clinic.portal.outbound.ProgramApi.InstrumentItem;
import clinic.portal.outbound.ProgramApi.InstrumentOption;
import clinic.portal.outbound.ProgramApi.Licence;
import clinic.portal.outbound.ProgramApi.Measure;
import clinic.portal.outbound.ProgramApi.MeasureAnswer;
import clinic.portal.outbound.ProgramApi.MeasureOutcome;
import clinic.portal.outbound.ProgramApi.MeasurePoint;
import clinic.portal.outbound.ProgramApi.MeasureTrend;
import clinic.portal.outbound.ProgramApi.MeasuresDue;
import clinic.portal.outbound.ProgramApi.NewMeasure;
import clinic.portal.outbound.ProgramApi.PainSummary;
import clinic.portal.outbound.ProgramApi.PhaseSpan;
import clinic.portal.outbound.ProgramApi.Prescription;
import clinic.portal.outbound.ProgramApi.Program;
import clinic.portal.outbound.ProgramApi.Progress;
import clinic.portal.outbound.ProgramApi.ProtocolRef;
import clinic.portal.outbound.ProgramApi.ScoreOn;
import clinic.portal.outbound.ProgramApi.Scoring;
import clinic.portal.outbound.ProgramApi.Stratification;
import clinic.portal.outbound.ProgramApi.SummaryExercise;
import clinic.portal.outbound.ProgramApi.Today;
import clinic.portal.outbound.ProgramServiceClient;
import clinic.portal.outbound.ServiceException;
import com.fasterxml.jackson.databind.node.DoubleNode;
import io.quarkus.test.InjectMock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.RestAssured;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/** The questionnaire, discharge, letter and FHIR pages with mocked services. */
@QuarkusTest
class OutcomePagesTest {

    @InjectMock
    @RestClient
    ProgramServiceClient programs;

    @InjectMock
    @RestClient
    PatientServiceClient patients;

    long patientId;
    long programId;

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    /** A small yes/no questionnaire shaped like the RMDQ, and a 0-10 rating one with a text item like the PSFS. */
    static final Instrument YES_NO = new Instrument(
            "RMDQ",
            "Roland-Morris Disability Questionnaire",
            "1983",
            "OUTCOME",
            "Everyday activities your back makes hard",
            "Tick the sentences that describe you today.",
            List.of(
                    yesNo("q1", "I stay at home most of the time because of my back."),
                    yesNo("q2", "I walk more slowly than usual because of my back.")),
            new Scoring("COUNT_YES", 0.0, 24.0, false, "points", 2, null),
            new DoubleNode(5.0),
            new Licence("Roland M, Morris R", "Free to use for non-commercial clinical care.", null, "Spine 1983"),
            true,
            true);

    static final Instrument RATING = new Instrument(
            "PSFS",
            "Patient-Specific Functional Scale",
            "1995",
            "OUTCOME",
            null,
            "Name an activity and rate it.",
            List.of(
                    new InstrumentItem("activity1", "Activity 1", "TEXT", List.of(), null, null, null, null, true),
                    new InstrumentItem(
                            "rating1", "How able are you?", "RATING", List.of(), 0, 10, "Unable", "As before", true)),
            new Scoring("MEAN_OF_RATINGS", 0.0, 10.0, true, "points", 0, null),
            null,
            new Licence("P. Stratford et al.", "Free to use.", null, null),
            true,
            true);

    static InstrumentItem yesNo(String code, String text) {
        return new InstrumentItem(
                code,
                text,
                "CHOICE",
                List.of(new InstrumentOption(1, "Yes"), new InstrumentOption(0, "No")),
                null,
                null,
                null,
                null,
                true);
    }

    static Program program(long id, long patientId, String status) {
        return new Program(
                id,
                patientId,
                "sciatica-phased",
                2,
                status,
                "2026-10-01",
                List.of(new Prescription(
                        "pelvic-tilt", "Pelvic tilts", 2, 10, null, null, 2, false, null, null, null, null)),
                List.of(),
                "patient",
                "physio",
                false,
                3L,
                null,
                1,
                "DISCHARGED".equals(status) ? "2026-12-01" : null,
                "DISCHARGED".equals(status) ? "physio" : null,
                "DISCHARGED".equals(status) ? "GOALS_MET" : null,
                "DISCHARGED".equals(status) ? "Back to work <b>fully</b>" : null);
    }

    static Measure measure(long programId, String timepoint, double score, Double change, Boolean mic) {
        return new Measure(
                Fixtures.nextId(),
                programId,
                "RMDQ",
                "Roland-Morris Disability Questionnaire",
                "1983",
                timepoint,
                "2026-11-01",
                "patient",
                "PATIENT",
                List.of(),
                score,
                24.0,
                null,
                null,
                null,
                false,
                12.0,
                change,
                mic,
                mic);
    }

    static MeasuresDue due(long programId, String status) {
        return new MeasuresDue(
                programId,
                List.of(
                        new DueMeasure(
                                "RMDQ",
                                "Roland-Morris Disability Questionnaire",
                                "WEEK_4",
                                "2026-10-26",
                                "2026-11-05",
                                status,
                                null),
                        new DueMeasure(
                                "RMDQ",
                                "Roland-Morris Disability Questionnaire",
                                "BASELINE",
                                "2026-10-01",
                                "2026-10-01",
                                "DONE",
                                "2026-10-01")));
    }

    @BeforeEach
    void aPatientWithAProgram() {
        patientId = Fixtures.nextId();
        programId = Fixtures.nextId();
        when(patients.get(patientId)).thenReturn(Fixtures.patient(patientId, "Sam", "Rivera"));
        when(patients.me()).thenReturn(Fixtures.patient(patientId, "Sam", "Rivera"));
        when(programs.instruments()).thenReturn(List.of(YES_NO, RATING));
        when(programs.myProgram()).thenReturn(program(programId, patientId, "ACTIVE"));
        when(programs.program(programId)).thenReturn(program(programId, patientId, "ACTIVE"));
        when(programs.measuresDue(programId)).thenReturn(due(programId, "DUE"));
    }

    // ---- patient: questionnaires ----

    @Test
    @TestSecurity(
            user = "patient",
            roles = {"patient"})
    void myMeasuresListsWhatIsDueAndTheScoresInPlainWords() {
        when(programs.measures(programId))
                .thenReturn(List.of(
                        measure(programId, "BASELINE", 12.0, null, null),
                        measure(programId, "WEEK_4", 6.0, -6.0, true)));

        Document page = Pages.html(
                given().get("/me/measures").then().statusCode(200).extract().response());

        assertThat(page.select("#due-list li")).hasSize(1);
        assertThat(page.select("#due-list a").attr("href")).isEqualTo("/me/measures/rmdq");
        assertThat(page.select("#due-list").text()).contains("Week 4").contains("Due now");
        assertThat(page.select("#done-list li")).hasSize(2);
        assertThat(page.select("#done-list li").get(1).text())
                .contains("score 6 out of 24")
                .contains("lower is better")
                .contains("6 points better")
                .contains("a change that matters");
        assertThat(page.select("#done-list li").get(0).text()).doesNotContain("Since the start");
    }

    @Test
    @TestSecurity(
            user = "patient",
            roles = {"patient"})
    void theFormHasOneFieldsetPerQuestionASkipChoiceTheInstructionsLicenceAndCsrf() {
        Document page = Pages.html(given().get("/me/measures/rmdq")
                .then()
                .statusCode(200)
                .extract()
                .response());

        assertThat(page.select("#questionnaire fieldset.question")).hasSize(2);
        assertThat(page.select("#q-q1 legend").text()).contains("I stay at home most of the time");
        assertThat(page.select("#q-q1 input[type=radio]").eachAttr("value")).containsExactly("1", "0", "skip");
        assertThat(page.select("label[for=a-q1-skip]").text()).isEqualTo("Prefer not to answer");
        // Every input has a label.
        page.select("#questionnaire input[type=radio]")
                .forEach(input ->
                        assertThat(page.select("label[for=" + input.id() + "]")).isNotEmpty());
        assertThat(page.select("#questionnaire input[name=csrf-token]").attr("value"))
                .isNotBlank();
        assertThat(page.select("#questionnaire").attr("action")).isEqualTo("/me/measures/rmdq");
        assertThat(page.select("#instructions").text()).isEqualTo("Tick the sentences that describe you today.");
        assertThat(page.select("#licence").text())
                .contains("Roland M, Morris R")
                .contains("non-commercial");
        assertThat(page.select("#timepoint-due").text()).contains("Week 4");
        assertThat(page.select("meta[name=viewport]").attr("content")).contains("width=device-width");
    }

    @Test
    @TestSecurity(
            user = "patient",
            roles = {"patient"})
    void aRatingQuestionOffersEachNumberAndATextQuestionASkipBox() {
        when(programs.measuresDue(programId))
                .thenReturn(new MeasuresDue(
                        programId, List.of(new DueMeasure("PSFS", "PSFS", "BASELINE", null, null, "OVERDUE", null))));

        Document page = Pages.html(given().get("/me/measures/psfs")
                .then()
                .statusCode(200)
                .extract()
                .response());

        assertThat(page.select("#q-rating1 input[type=radio]")).hasSize(12);
        assertThat(page.select("#q-rating1 .scale-hint").text())
                .contains("0 = Unable")
                .contains("10 = As before");
        assertThat(page.select("label[for=a-activity1]").text()).isEqualTo("Your answer");
        assertThat(page.select("#skip-activity1").attr("value")).isEqualTo("activity1");
    }

    @Test
    @TestSecurity(
            user = "patient",
            roles = {"patient"})
    void missingAnswersComeBackInlineWithWhatWasTypedAndNothingIsSent() {
        when(programs.measuresDue(programId))
                .thenReturn(new MeasuresDue(
                        programId, List.of(new DueMeasure("PSFS", "PSFS", "BASELINE", null, null, "DUE", null))));
        Pages.Csrf csrf = Pages.csrf("/me/measures/psfs");

        Document page = Pages.html(given().header("Origin", Pages.origin())
                .formParam("csrf-token", csrf.token())
                .formParam("a.activity1", "Sitting <30 min>")
                .post("/me/measures/psfs")
                .then()
                .statusCode(200)
                .extract()
                .response());

        assertThat(page.select("#error-summary").text()).contains("One question needs an answer");
        assertThat(page.select("#error-summary a").attr("href")).isEqualTo("#q-rating1");
        assertThat(page.select("#q-rating1-error").text()).contains("Prefer not to answer");
        assertThat(page.select("#q-rating1").attr("aria-describedby")).isEqualTo("q-rating1-error");
        assertThat(page.select("#a-activity1").attr("value")).isEqualTo("Sitting <30 min>");
        assertThat(page.select("#q-activity1-error")).isEmpty();
        verify(programs, never()).recordMeasure(anyLong(), any());
    }

    @Test
    @TestSecurity(
            user = "patient",
            roles = {"patient"})
    void aChoiceKeepsItsValueWhenTheFormComesBack() {
        Pages.Csrf csrf = Pages.csrf("/me/measures/rmdq");

        Document page = Pages.html(given().header("Origin", Pages.origin())
                .formParam("csrf-token", csrf.token())
                .formParam("a.q1", "1")
                .post("/me/measures/rmdq")
                .then()
                .statusCode(200)
                .extract()
                .response());

        assertThat(page.select("#a-q1-0").hasAttr("checked")).isTrue();
        assertThat(page.select("#q-q2-error").text()).isNotBlank();
        verify(programs, never()).recordMeasure(anyLong(), any());
    }

    @Test
    @TestSecurity(
            user = "patient",
            roles = {"patient"})
    void answersAndExplicitSkipsAreSentAndTheScoreIsConfirmed() {
        when(programs.recordMeasure(eq(programId), any())).thenReturn(measure(programId, "WEEK_4", 8.0, -4.0, false));
        Pages.Csrf csrf = Pages.csrf("/me/measures/rmdq");

        Document page = Pages.html(given().header("Origin", Pages.origin())
                .formParam("csrf-token", csrf.token())
                .formParam("a.q1", "1")
                .formParam("a.q2", "skip")
                .post("/me/measures/rmdq")
                .then()
                .statusCode(200)
                .extract()
                .response());

        ArgumentCaptor<NewMeasure> sent = ArgumentCaptor.forClass(NewMeasure.class);
        verify(programs).recordMeasure(eq(programId), sent.capture());
        assertThat(sent.getValue().instrument()).isEqualTo("RMDQ");
        assertThat(sent.getValue().timepoint()).isNull();
        assertThat(sent.getValue().answers())
                .containsExactly(new MeasureAnswer("q1", 1, null, null), new MeasureAnswer("q2", null, null, true));
        assertThat(page.select("#measure-score").text())
                .contains("8 out of 24")
                .contains("4 points better")
                .contains("Not yet the size of change");
    }

    @Test
    @TestSecurity(
            user = "patient",
            roles = {"patient"})
    void aRefusalOfTheServiceIsShownAtTheForm() {
        when(programs.recordMeasure(eq(programId), any()))
                .thenThrow(new ServiceException(
                        422,
                        new ProblemBody(
                                "about:blank",
                                "Invalid",
                                422,
                                "Too many questions skipped",
                                List.of(new ProblemBody.Violation("answers.q2", "too many skipped")),
                                null)));
        Pages.Csrf csrf = Pages.csrf("/me/measures/rmdq");

        Document page = Pages.html(given().header("Origin", Pages.origin())
                .formParam("csrf-token", csrf.token())
                .formParam("a.q1", "skip")
                .formParam("a.q2", "skip")
                .post("/me/measures/rmdq")
                .then()
                .statusCode(200)
                .extract()
                .response());

        assertThat(page.select("#error-summary").text()).contains("Too many questions skipped");
        assertThat(page.select("#q-q2-error").text()).isEqualTo("too many skipped");
        assertThat(page.select("#a-q2-skip").hasAttr("checked")).isTrue();
    }

    @Test
    @TestSecurity(
            user = "patient",
            roles = {"patient"})
    void anUnknownOrSwitchedOffInstrumentIsNotFound() {
        given().get("/me/measures/sbst").then().statusCode(404);
    }

    @Test
    @TestSecurity(
            user = "patient",
            roles = {"patient"})
    void aDownServiceGivesTheDegradedPanelNotAnError() {
        when(programs.myProgram()).thenThrow(new ProcessingException("down"));

        Document page = Pages.html(
                given().get("/me/measures").then().statusCode(200).extract().response());

        assertThat(page.select(".notice.degraded").text()).contains("not reachable");
    }

    @Test
    @TestSecurity(
            user = "physio",
            roles = {"physio"})
    void patientPagesAreRefusedToStaff() {
        given().get("/me/measures").then().statusCode(403);
        given().get("/me/measures/rmdq").then().statusCode(403);
        given().get("/me/programs/" + programId + "/summary").then().statusCode(403);
    }

    // ---- patient: today banner, discharged program, summary ----

    private static Today today(long programId) {
        return new Today(programId, "2026-11-26", 1, "Gentle", "Calm", List.of(), List.of());
    }

    @Test
    @TestSecurity(
            user = "patient",
            roles = {"patient"})
    void todayShowsABannerWhenAQuestionnaireIsDue() {
        when(programs.today()).thenReturn(today(programId));

        Document page = Pages.html(
                given().get("/me/today").then().statusCode(200).extract().response());

        assertThat(page.select("#measures-due-banner").text()).contains("A questionnaire is due");
        assertThat(page.select("#measures-link").attr("href")).isEqualTo("/me/measures");
    }

    @Test
    @TestSecurity(
            user = "patient",
            roles = {"patient"})
    void todayHasNoBannerWhenNothingIsDueOrTheDueListFails() {
        when(programs.today()).thenReturn(today(programId));
        when(programs.measuresDue(programId)).thenReturn(due(programId, "UPCOMING"));
        assertThat(Pages.html(given().get("/me/today")
                                .then()
                                .statusCode(200)
                                .extract()
                                .response())
                        .select("#measures-due-banner"))
                .isEmpty();

        when(programs.measuresDue(programId)).thenThrow(new ProcessingException("down"));
        Document page = Pages.html(
                given().get("/me/today").then().statusCode(200).extract().response());
        assertThat(page.select("#measures-due-banner")).isEmpty();
        assertThat(page.select("#routine")).isNotEmpty();
    }

    @Test
    @TestSecurity(
            user = "patient",
            roles = {"patient"})
    void afterDischargeTodayLinksTheSummary() {
        long discharged = Fixtures.nextId();
        ServiceException none = new ServiceException(
                404,
                new ProblemBody(
                        "about:blank",
                        "Not Found",
                        404,
                        "No current program",
                        null,
                        null,
                        null,
                        null,
                        null,
                        discharged,
                        "2026-12-01"));
        when(programs.today()).thenThrow(none);
        when(programs.myProgram()).thenThrow(none);

        Document page = Pages.html(
                given().get("/me/today").then().statusCode(200).extract().response());

        assertThat(page.select("#discharged-banner").text()).contains("Your program was discharged on 1 Dec 2026");
        assertThat(page.select("#summary-link").attr("href")).isEqualTo("/me/programs/" + discharged + "/summary");
        assertThat(page.select("#no-program")).isEmpty();
    }

    @Test
    @TestSecurity(
            user = "patient",
            roles = {"patient"})
    void withoutADischargedProgramTodayStaysAsBefore() {
        when(programs.today()).thenThrow(Fixtures.problem(404, "No active program"));
        when(programs.myProgram()).thenThrow(Fixtures.problem(404, "No active program"));

        Document page = Pages.html(
                given().get("/me/today").then().statusCode(200).extract().response());

        assertThat(page.select("#no-program").text()).contains("no active exercise program");
        assertThat(page.select("#discharged-banner")).isEmpty();
    }

    static DischargeSummary summary(long programId, long patientId) {
        return new DischargeSummary(
                programId,
                patientId,
                new ProtocolRef("sciatica-phased", "Sciatica, phased"),
                "physio",
                "2026-10-01",
                "2026-12-01",
                "physio",
                "GOALS_MET",
                "Goals met",
                "Walks 5 km again. <script>alert(1)</script>",
                List.of(
                        new PhaseSpan(1, "Gentle movement", "2026-10-01", "2026-10-20"),
                        new PhaseSpan(2, "Foundations", "2026-10-20", null)),
                new Adherence(40, 50, 80.0, List.of()),
                new PainSummary(6.5, 2.0, -4.5),
                List.of(new MeasureOutcome(
                        "RMDQ",
                        "Roland-Morris Disability Questionnaire",
                        new ScoreOn(14.0, "2026-10-01"),
                        new ScoreOn(4.0, "2026-11-30"),
                        -10.0,
                        new DoubleNode(5.0),
                        true,
                        false)),
                List.of(new AlertSpan("NERVE_PAIN", "2026-10-10", "ACKNOWLEDGED")),
                List.of(new HoldSpan("2026-10-12", "2026-10-14", List.of("SADDLE_NUMBNESS"))),
                List.of(new SummaryExercise("pelvic-tilt", "Pelvic tilts", "2 sets × 10 reps, 2 times a day")));
    }

    @Test
    @TestSecurity(
            user = "patient",
            roles = {"patient"})
    void thePatientReadsTheirOwnSummaryInTheirWords() {
        when(programs.summary(programId)).thenReturn(summary(programId, patientId));

        Document page = Pages.html(given().get("/me/programs/" + programId + "/summary")
                .then()
                .statusCode(200)
                .extract()
                .response());

        assertThat(page.select("#letter").text())
                .contains("Your exercise program has ended")
                .contains("Sam Rivera")
                .contains("Walks 5 km again. <script>alert(1)</script>")
                .contains("Exercises to keep doing");
        assertThat(page.select("#letter-to")).isEmpty();
        assertThat(page.select("#letter script")).isEmpty();
    }

    @Test
    @TestSecurity(
            user = "patient",
            roles = {"patient"})
    void anotherPatientsSummaryIsNotFound() {
        when(programs.summary(programId)).thenReturn(summary(programId, patientId + 1));
        given().get("/me/programs/" + programId + "/summary").then().statusCode(404);

        long other = Fixtures.nextId();
        when(programs.summary(other)).thenThrow(Fixtures.problem(403, "Not your program"));
        given().get("/me/programs/" + other + "/summary").then().statusCode(404);
    }

    // ---- physio: program page, entry in clinic, discharge, letter, FHIR ----

    private Progress progressWithMeasures() {
        return new Progress(
                programId,
                2,
                new Adherence(20, 28, 71.0, List.of()),
                null,
                null,
                List.of(new MeasureTrend(
                        "RMDQ",
                        "Roland-Morris Disability Questionnaire",
                        false,
                        0.0,
                        24.0,
                        new DoubleNode(5.0),
                        List.of(
                                new MeasurePoint("BASELINE", "2026-10-01", 14.0),
                                new MeasurePoint("WEEK_4", "2026-10-29", 8.0)),
                        14.0,
                        8.0,
                        -6.0,
                        true)),
                new Stratification("HIGH", "Psychologically informed care is usually advised.", "2026-10-01"));
    }

    @Test
    @TestSecurity(
            user = "physio",
            roles = {"physio"})
    void theProgramPageShowsScoresRiskGroupWhatIsDueAndTheDischargeLink() {
        when(programs.progress(programId)).thenReturn(progressWithMeasures());
        when(programs.sessions(programId)).thenReturn(List.of());

        Document page = Pages.html(given().get("/programs/" + programId)
                .then()
                .statusCode(200)
                .extract()
                .response());

        assertThat(page.select("#trend-RMDQ .baseline").text()).isEqualTo("14");
        assertThat(page.select("#trend-RMDQ .latest").text()).contains("8").contains("lower is better");
        assertThat(page.select("#trend-RMDQ .change").text()).isEqualTo("6 points better (−6)");
        assertThat(page.select("#trend-RMDQ .mic").text()).isEqualTo("Yes (at least 5 points)");
        assertThat(page.select("#trend-RMDQ canvas[data-chart=measure]").attr("data-points"))
                .contains("\"score\":14.0");
        assertThat(page.select("#stratification").text()).contains("High risk").contains("Psychologically informed");
        assertThat(page.select("#measures-due .enter-in-clinic").attr("href"))
                .isEqualTo("/programs/" + programId + "/measures/rmdq");
        assertThat(page.select("#discharge-link").attr("href")).isEqualTo("/programs/" + programId + "/discharge");
        assertThat(page.select("#phase-change")).isNotEmpty();
    }

    @Test
    @TestSecurity(
            user = "physio",
            roles = {"physio"})
    void aDischargedProgramIsReadOnly() {
        when(programs.program(programId)).thenReturn(program(programId, patientId, "DISCHARGED"));
        when(programs.progress(programId)).thenReturn(progressWithMeasures());
        when(programs.sessions(programId)).thenReturn(List.of());

        Document page = Pages.html(given().get("/programs/" + programId)
                .then()
                .statusCode(200)
                .extract()
                .response());

        assertThat(page.select("#discharge-title").text()).isEqualTo("Discharged on 1 Dec 2026 by physio");
        assertThat(page.select("#discharge-reason").text()).contains("Goals met");
        assertThat(page.select("#discharge-summary").text()).isEqualTo("Back to work <b>fully</b>");
        assertThat(page.select("#letter-link").attr("href")).isEqualTo("/programs/" + programId + "/letter");
        assertThat(page.select("#fhir-link").attr("href")).isEqualTo("/programs/" + programId + "/fhir");
        // The only form left is the header's sign-out.
        assertThat(page.select("main form")).isEmpty();
        assertThat(page.select("#discharge-link, .enter-in-clinic")).isEmpty();
        assertThat(page.select("#trend-RMDQ")).isNotEmpty();
        verify(programs, never()).measuresDue(programId);
    }

    @Test
    @TestSecurity(
            user = "physio",
            roles = {"physio"})
    void thePhysioEntersAQuestionnaireInClinicWithTimePointAndDate() {
        when(programs.recordMeasure(eq(programId), any())).thenReturn(measure(programId, "WEEK_4", 8.0, -4.0, false));
        Document form = Pages.html(given().get("/programs/" + programId + "/measures/rmdq")
                .then()
                .statusCode(200)
                .extract()
                .response());
        assertThat(form.select("#timepoint option").eachAttr("value")).containsExactly("", "WEEK_4");
        assertThat(form.select("label[for=completedOn]")).isNotEmpty();
        assertThat(form.select("h1").text()).contains("entered in clinic");

        Pages.Csrf csrf = Pages.csrf("/programs/" + programId + "/measures/rmdq");
        Document done = Pages.html(given().header("Origin", Pages.origin())
                .formParam("csrf-token", csrf.token())
                .formParam("a.q1", "0")
                .formParam("a.q2", "1")
                .formParam("timepoint", "WEEK_4")
                .formParam("completedOn", "2026-11-01")
                .post("/programs/" + programId + "/measures/rmdq")
                .then()
                .statusCode(200)
                .extract()
                .response());

        ArgumentCaptor<NewMeasure> sent = ArgumentCaptor.forClass(NewMeasure.class);
        verify(programs).recordMeasure(eq(programId), sent.capture());
        assertThat(sent.getValue().timepoint()).isEqualTo("WEEK_4");
        assertThat(sent.getValue().completedOn()).isEqualTo("2026-11-01");
        assertThat(done.select("#measure-score").text())
                .contains("8 / 24")
                .contains("minimal important change reached: Not yet");
    }

    @Test
    @TestSecurity(
            user = "physio",
            roles = {"physio"})
    void enteringOnADischargedProgramIsRefusedInline() {
        when(programs.recordMeasure(eq(programId), any()))
                .thenThrow(new ServiceException(
                        409,
                        new ProblemBody(
                                "https://clinic.example/problems/program-discharged",
                                "Discharged",
                                409,
                                "The program is discharged and read-only.",
                                null,
                                null)));
        Pages.Csrf csrf = Pages.csrf("/programs/" + programId + "/measures/rmdq");

        Document page = Pages.html(given().header("Origin", Pages.origin())
                .formParam("csrf-token", csrf.token())
                .formParam("a.q1", "0")
                .formParam("a.q2", "1")
                .post("/programs/" + programId + "/measures/rmdq")
                .then()
                .statusCode(200)
                .extract()
                .response());

        assertThat(page.select("#error-summary").text()).contains("The program is discharged and read-only.");
        assertThat(page.select("#a-q2-0").hasAttr("checked")).isTrue();
    }

    @Test
    @TestSecurity(
            user = "patient",
            roles = {"patient"})
    void physioPagesAreRefusedToPatients() {
        given().get("/programs/" + programId + "/measures/rmdq").then().statusCode(403);
        given().get("/programs/" + programId + "/discharge").then().statusCode(403);
        given().get("/programs/" + programId + "/letter").then().statusCode(403);
        given().get("/programs/" + programId + "/fhir").then().statusCode(403);
    }

    @Test
    @TestSecurity(
            user = "physio",
            roles = {"physio"})
    void theDischargeFormOffersTheReasonsThePreviewAndTheMissingQuestionnaires() {
        when(programs.progress(programId)).thenReturn(progressWithMeasures());
        when(programs.measuresDue(programId))
                .thenReturn(new MeasuresDue(
                        programId,
                        List.of(new DueMeasure(
                                "RMDQ",
                                "Roland-Morris Disability Questionnaire",
                                "DISCHARGE",
                                null,
                                null,
                                "AT_DISCHARGE",
                                null))));

        Document page = Pages.html(given().get("/programs/" + programId + "/discharge")
                .then()
                .statusCode(200)
                .extract()
                .response());

        assertThat(page.select("#reason option").eachAttr("value"))
                .containsExactly(
                        "", "GOALS_MET", "SELF_MANAGING", "REFERRED_ON", "PATIENT_CHOICE", "DID_NOT_ENGAGE", "OTHER");
        assertThat(page.select("label[for=summary]")).isNotEmpty();
        assertThat(page.select("#discharge-form input[name=csrf-token]").attr("value"))
                .isNotBlank();
        assertThat(page.select("#discharge-measures-missing a").attr("href"))
                .isEqualTo("/programs/" + programId + "/measures/rmdq");
        assertThat(page.select("#letter-preview").text())
                .contains("71")
                .contains("baseline 14, latest 8")
                .contains("High risk");
    }

    @Test
    @TestSecurity(
            user = "physio",
            roles = {"physio"})
    void otherWithoutASummaryIsRefusedInlineAndNothingIsSent() {
        when(programs.progress(programId)).thenReturn(progressWithMeasures());
        Pages.Csrf csrf = Pages.csrf("/programs/" + programId + "/discharge");

        Document page = Pages.html(given().header("Origin", Pages.origin())
                .formParam("csrf-token", csrf.token())
                .formParam("reason", "OTHER")
                .formParam("summary", "  ")
                .post("/programs/" + programId + "/discharge")
                .then()
                .statusCode(200)
                .extract()
                .response());

        assertThat(page.select("#summary-error").text()).contains("Other");
        assertThat(page.select("#reason option[selected]").attr("value")).isEqualTo("OTHER");
        verify(programs, never()).discharge(anyLong(), any());
    }

    @Test
    @TestSecurity(
            user = "physio",
            roles = {"physio"})
    void dischargeSendsReasonAndSummaryAndGoesBackToTheProgram() {
        when(programs.discharge(eq(programId), any())).thenReturn(program(programId, patientId, "DISCHARGED"));
        Pages.Csrf csrf = Pages.csrf("/programs/" + programId + "/discharge");

        given().header("Origin", Pages.origin())
                .formParam("csrf-token", csrf.token())
                .formParam("reason", "GOALS_MET")
                .formParam("summary", " Walks 5 km again. ")
                .redirects()
                .follow(false)
                .post("/programs/" + programId + "/discharge")
                .then()
                .statusCode(303)
                .header("Location", containsString("/programs/" + programId + "?discharged=1"));

        verify(programs).discharge(programId, new Discharge("GOALS_MET", "Walks 5 km again."));
    }

    @Test
    @TestSecurity(
            user = "physio",
            roles = {"physio"})
    void aDischargeRefusedByTheServiceIsShownInline() {
        when(programs.discharge(eq(programId), any()))
                .thenThrow(new ServiceException(
                        409,
                        new ProblemBody(
                                "https://clinic.example/problems/program-discharged",
                                "Discharged",
                                409,
                                "Already discharged by physio2.",
                                null,
                                null)));
        Pages.Csrf csrf = Pages.csrf("/programs/" + programId + "/discharge");

        Document page = Pages.html(given().header("Origin", Pages.origin())
                .formParam("csrf-token", csrf.token())
                .formParam("reason", "GOALS_MET")
                .formParam("summary", "My text")
                .post("/programs/" + programId + "/discharge")
                .then()
                .statusCode(200)
                .extract()
                .response());

        assertThat(page.select("#discharge-notice").text()).contains("Already discharged by physio2.");
        assertThat(page.select("#summary").text()).isEqualTo("My text");
    }

    @Test
    @TestSecurity(
            user = "physio",
            roles = {"physio"})
    void theLetterHoldsTheFactsAndEscapesTheSummary() {
        when(programs.summary(programId)).thenReturn(summary(programId, patientId));

        Document page = Pages.html(given().get("/programs/" + programId + "/letter")
                .then()
                .statusCode(200)
                .extract()
                .response());

        String letter = page.select("#letter").text();
        assertThat(page.select("#letter-to").text()).contains("referring doctor");
        assertThat(page.select("#patient-name").text()).isEqualTo("Sam Rivera");
        assertThat(page.select("#patient-dob").text()).isEqualTo("2 Apr 1980");
        assertThat(page.select("#patient-number").text()).isEqualTo("C-" + patientId);
        assertThat(page.select("#started-on").text()).isEqualTo("1 Oct 2026");
        assertThat(page.select("#discharged-on").text()).isEqualTo("1 Dec 2026 by physio");
        assertThat(page.select("#discharge-reason").text()).isEqualTo("Goals met");
        assertThat(page.select("#letter-phases li")).hasSize(2);
        assertThat(page.select("#letter-adherence").text()).contains("80%").contains("40 of 50");
        assertThat(page.select("#letter-pain").text()).contains("6.5 at the start, 2 at the end");
        assertThat(page.select("#letter-measures-table tbody tr").text())
                .contains("14 (1 Oct 2026)")
                .contains("4 (30 Nov 2026)")
                .contains("10 points better")
                .contains("5 points: reached");
        assertThat(letter).contains("nerve pain").contains("Pelvic tilts: 2 sets × 10 reps");
        assertThat(page.select(".letter-hold").text()).contains("12 Oct 2026");
        assertThat(page.select("#letter-summary .summary-text").text())
                .isEqualTo("Walks 5 km again. <script>alert(1)</script>");
        assertThat(page.select("script:not([src])")).isEmpty();
        assertThat(page.select("[data-print]")).isNotEmpty();
    }

    @Test
    @TestSecurity(
            user = "physio",
            roles = {"physio"})
    void theLetterPrintsWithTheIdWhenPatientServiceIsDownAndSaysSoBeforeDischarge() {
        when(programs.summary(programId)).thenReturn(summary(programId, patientId));
        when(patients.get(patientId)).thenThrow(new ProcessingException("down"));
        Document page = Pages.html(given().get("/programs/" + programId + "/letter")
                .then()
                .statusCode(200)
                .extract()
                .response());
        assertThat(page.select("#patient-name").text()).isEqualTo("Patient " + patientId);

        long current = Fixtures.nextId();
        when(programs.summary(current))
                .thenThrow(new ServiceException(
                        409,
                        new ProblemBody(
                                "https://x/program-not-discharged",
                                "Not discharged",
                                409,
                                "Not discharged",
                                null,
                                null)));
        Document before = Pages.html(given().get("/programs/" + current + "/letter")
                .then()
                .statusCode(200)
                .extract()
                .response());
        assertThat(before.select("#not-discharged").text()).contains("once the program is discharged");
    }

    @Test
    @TestSecurity(
            user = "physio",
            roles = {"physio"})
    void theFhirBundleIsDownloadedAsAnAttachment() {
        String bundle = "{\"resourceType\":\"Bundle\",\"type\":\"collection\"}";
        when(programs.fhir(programId))
                .thenReturn(Response.ok(bundle).type("application/fhir+json").build());

        String body = given().get("/programs/" + programId + "/fhir")
                .then()
                .statusCode(200)
                .contentType(containsString("application/fhir+json"))
                .header(
                        "Content-Disposition",
                        containsString("attachment; filename=\"program-" + programId + "-fhir.json\""))
                .extract()
                .asString();
        assertThat(body).isEqualTo(bundle);
    }

    @Test
    @TestSecurity(
            user = "physio",
            roles = {"physio"})
    void aDownServiceGivesAPageInsteadOfAHalfFile() {
        when(programs.fhir(programId)).thenThrow(new ProcessingException("down"));

        given().get("/programs/" + programId + "/fhir")
                .then()
                .statusCode(503)
                .contentType(containsString("text/html"))
                .body(containsString("not reachable"));
    }

    @Test
    @TestSecurity(
            user = "admin",
            roles = {"admin"})
    void adminsReadTheLetterButDoNotDownloadFhirOrDischarge() {
        when(programs.summary(programId)).thenReturn(summary(programId, patientId));
        given().get("/programs/" + programId + "/letter").then().statusCode(200);
        given().get("/programs/" + programId + "/fhir").then().statusCode(403);
        given().get("/programs/" + programId + "/discharge").then().statusCode(403);
    }
}
