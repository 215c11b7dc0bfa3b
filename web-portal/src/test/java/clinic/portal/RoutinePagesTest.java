package clinic.portal;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import clinic.portal.client.ProgramApi.Alert;
import clinic.portal.client.ProgramApi.Exercise;
import clinic.portal.client.ProgramApi.NewSession;
import clinic.portal.client.ProgramApi.Prescription;
import clinic.portal.client.ProgramApi.Program;
import clinic.portal.client.ProgramApi.Session;
import clinic.portal.client.ProgramApi.Today;
import clinic.portal.client.ProgramServiceClient;
import io.quarkus.test.InjectMock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.RestAssured;
import java.util.List;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

@QuarkusTest
class RoutinePagesTest {

    @InjectMock
    @RestClient
    ProgramServiceClient programs;

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    private static Today today(long programId) {
        return new Today(
                programId,
                "2026-11-26",
                1,
                "Gentle movement and nerve glides",
                "Calm the nerve",
                List.of(
                        new Prescription("knee-to-chest", null, 1, 3, 30, null, 2, true, null, null, null, null),
                        new Prescription(
                                "pelvic-tilt",
                                "Pelvic tilts",
                                2,
                                10,
                                null,
                                null,
                                2,
                                false,
                                "Flatten the low back, then let it arch a little",
                                "Gentle movement",
                                "Small range only",
                                true)),
                List.of());
    }

    private void library() {
        when(programs.exercises(any(), any()))
                .thenReturn(List.of(new Exercise(
                        "knee-to-chest",
                        "Single knee-to-chest",
                        "mobility",
                        List.of(1),
                        "Lie on your back and draw one knee towards the chest",
                        "A gentle rocking of the pelvis",
                        "Do not force a deep stretch",
                        null,
                        null,
                        1,
                        3,
                        30,
                        null,
                        2,
                        true,
                        null)));
    }

    @Test
    @TestSecurity(
            user = "patient",
            roles = {"patient"})
    void todayShowsExerciseCardsWithThePainRules() {
        when(programs.today()).thenReturn(today(Fixtures.nextId()));
        library();

        Document page = Pages.html(
                given().get("/me/today").then().statusCode(200).extract().response());

        assertThat(page.select("#routine article")).hasSize(2);
        assertThat(page.select("#exercise-knee-to-chest h2").text()).isEqualTo("Single knee-to-chest");
        // Filled in from the library where the routine sends only slug and dosage.
        assertThat(page.select("#exercise-knee-to-chest").text())
                .contains("draw one knee")
                .contains("gentle rocking")
                .contains("Do not force")
                .contains("1 set × 3 reps, hold 30 s, 2 times a day, each side");
        assertThat(page.select("#exercise-pelvic-tilt").text()).contains("Your physio will review this exercise");
        assertThat(page.select(".pain-rules").text()).contains("sharp pain shooting down your leg");
        assertThat(page.select("[data-print]")).isNotEmpty();
    }

    @Test
    @TestSecurity(
            user = "patient",
            roles = {"patient"})
    void patientWithoutProgramIsToldSoKindly() {
        when(programs.today()).thenThrow(Fixtures.problem(404, "No active program"));

        Document page = Pages.html(
                given().get("/me/today").then().statusCode(200).extract().response());

        assertThat(page.select("#no-program").text()).contains("no active exercise program");
    }

    @Test
    @TestSecurity(
            user = "patient",
            roles = {"patient"})
    void logFormCarriesTheEmergencyAdviceHiddenUntilARedFlagIsTicked() {
        when(programs.today()).thenReturn(today(Fixtures.nextId()));
        library();

        Document page = Pages.html(
                given().get("/me/log").then().statusCode(200).extract().response());

        assertThat(page.select("#log-session").attr("method")).isEqualTo("post");
        assertThat(page.select("#emergency-advice").hasAttr("hidden")).isTrue();
        assertThat(page.select("input[name=redFlagSymptoms]")).hasSize(5);
        assertThat(page.select("input[name=completed]").eachAttr("value"))
                .containsExactly("knee-to-chest", "pelvic-tilt");
        assertThat(page.select("select[name=side]")).hasSize(1);
        assertThat(page.select("input[name=idempotencyKey]").attr("value")).isNotBlank();
        assertThat(page.select("script[src=/js/portal.js]")).isNotEmpty();
    }

    @Test
    @TestSecurity(
            user = "patient",
            roles = {"patient"})
    void loggingARedFlagShowsTheEmergencyAdviceAtOnce() {
        long programId = Fixtures.nextId();
        when(programs.today()).thenReturn(today(programId));
        library();
        when(programs.logSession(eq(programId), anyString(), any()))
                .thenReturn(new Session(
                        Fixtures.nextId(),
                        "2026-11-26",
                        6,
                        8,
                        List.of(),
                        false,
                        List.of("SADDLE_NUMBNESS"),
                        null,
                        List.of(new Alert(
                                1L,
                                1L,
                                programId,
                                "RED_FLAG",
                                "URGENT",
                                "Red flag reported",
                                null,
                                "OPEN",
                                null,
                                null)),
                        "Get urgent medical help now."));
        Pages.Csrf csrf = Pages.csrf("/me/log");

        Document page = Pages.html(given().cookie("csrf-token", csrf.cookie())
                .formParam("csrf-token", csrf.token())
                .formParam("idempotencyKey", "key-123")
                .formParam("date", "2026-11-26")
                .formParam("painBefore", "6")
                .formParam("painAfter", "8")
                .formParam("completed", "pelvic-tilt")
                .formParam("nervePain", "knee-to-chest")
                .formParam("side", "knee-to-chest:LEFT", "pelvic-tilt:")
                .formParam("painLastedHoursAfter", "true")
                .formParam("redFlagSymptoms", "SADDLE_NUMBNESS")
                .post("/me/sessions")
                .then()
                .statusCode(200)
                .extract()
                .response());

        assertThat(page.select("#emergency-advice").attr("role")).isEqualTo("alert");
        assertThat(page.select("#emergency-advice").text())
                .contains("Get medical help now")
                .contains("Get urgent medical help now.");
        ArgumentCaptor<NewSession> sent = ArgumentCaptor.forClass(NewSession.class);
        verify(programs).logSession(eq(programId), eq("key-123"), sent.capture());
        NewSession s = sent.getValue();
        assertThat(s.redFlagSymptoms()).containsExactly("SADDLE_NUMBNESS");
        assertThat(s.painBefore()).isEqualTo(6);
        assertThat(s.painLastedHoursAfter()).isTrue();
        assertThat(s.exercises()).hasSize(2);
        assertThat(s.exercises().get(0).exercise()).isEqualTo("knee-to-chest");
        assertThat(s.exercises().get(0).completed()).isFalse();
        assertThat(s.exercises().get(0).nervePain()).isTrue();
        assertThat(s.exercises().get(0).side()).isEqualTo("LEFT");
        assertThat(s.exercises().get(1).completed()).isTrue();
        assertThat(s.exercises().get(1).side()).isNull();
    }

    @Test
    @TestSecurity(
            user = "patient",
            roles = {"patient"})
    void invalidPainIsAnsweredInlineAndKeepsWhatWasTyped() {
        when(programs.today()).thenReturn(today(Fixtures.nextId()));
        library();
        Pages.Csrf csrf = Pages.csrf("/me/log");

        Document page = Pages.html(given().cookie("csrf-token", csrf.cookie())
                .formParam("csrf-token", csrf.token())
                .formParam("date", "2026-11-26")
                .formParam("painBefore", "a lot")
                .formParam("painAfter", "4")
                .formParam("completed", "pelvic-tilt")
                .formParam("notes", "felt <stiff>")
                .post("/me/sessions")
                .then()
                .statusCode(200)
                .extract()
                .response());

        assertThat(page.select("#painBefore").attr("value")).isEqualTo("a lot");
        assertThat(page.select("#painBefore + .field-error").text()).isEqualTo("must be a whole number");
        assertThat(page.select("#done-pelvic-tilt").hasAttr("checked")).isTrue();
        assertThat(page.select("#notes").text()).isEqualTo("felt <stiff>");
        assertThat(page.select("#emergency-advice").hasAttr("hidden")).isTrue();
        verify(programs, never()).logSession(anyLong(), any(), any());
    }

    @Test
    @TestSecurity(
            user = "patient",
            roles = {"patient"})
    void outOfRangePainFromTheServiceIsShownAtTheField() {
        long programId = Fixtures.nextId();
        when(programs.today()).thenReturn(today(programId));
        library();
        when(programs.logSession(eq(programId), anyString(), any()))
                .thenThrow(Fixtures.invalid("painAfter", "must be less than or equal to 10"));
        Pages.Csrf csrf = Pages.csrf("/me/log");

        Document page = Pages.html(given().cookie("csrf-token", csrf.cookie())
                .formParam("csrf-token", csrf.token())
                .formParam("date", "2026-11-26")
                .formParam("painBefore", "3")
                .formParam("painAfter", "11")
                .post("/me/sessions")
                .then()
                .statusCode(200)
                .extract()
                .response());

        assertThat(page.select("#painAfter + .field-error").text()).isEqualTo("must be less than or equal to 10");
        assertThat(page.select("#painAfter").attr("value")).isEqualTo("11");
    }

    @Test
    @TestSecurity(
            user = "patient",
            roles = {"patient"})
    void historyShowsTheChartFromTheSessions() {
        long programId = Fixtures.nextId();
        when(programs.myProgram())
                .thenReturn(new Program(
                        programId,
                        1L,
                        "sciatica-phased",
                        1,
                        "ACTIVE",
                        "2026-11-01",
                        List.of(),
                        List.of(),
                        "patient",
                        "physio",
                        null,
                        1L));
        when(programs.sessions(programId))
                .thenReturn(List.of(new Session(
                        Fixtures.nextId(), "2026-11-03", 5, 4, List.of(), false, List.of(), "ok", null, null)));
        when(programs.progress(programId)).thenThrow(new jakarta.ws.rs.ProcessingException("timeout"));

        Document page = Pages.html(
                given().get("/me/history").then().statusCode(200).extract().response());

        assertThat(page.select("#pain-chart").attr("data-points")).contains("2026-11-03");
        assertThat(page.select("#sessions td").text()).contains("3 Nov 2026");
        assertThat(page.text()).contains("2 to 6 weeks");
    }

    @Test
    @TestSecurity(
            user = "physio",
            roles = {"physio"})
    void physioCannotOpenAPatientsOwnPages() {
        given().get("/me/today").then().statusCode(403);
    }
}
