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

import clinic.portal.outbound.ProgramApi.Advice;
import clinic.portal.outbound.ProgramApi.Alert;
import clinic.portal.outbound.ProgramApi.Exercise;
import clinic.portal.outbound.ProgramApi.NewSession;
import clinic.portal.outbound.ProgramApi.Prescription;
import clinic.portal.outbound.ProgramApi.Program;
import clinic.portal.outbound.ProgramApi.Session;
import clinic.portal.outbound.ProgramApi.SessionAdvice;
import clinic.portal.outbound.ProgramApi.Today;
import clinic.portal.outbound.ProgramServiceClient;
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
        assertThat(page.select(".pain-rules").text()).contains("Sharp pain shooting down the leg");
        // All five red flags in patient words, grouped by what to do.
        assertThat(page.select(".pain-rules .emergency-flags li")).hasSize(3);
        assertThat(page.select(".pain-rules .same-day-flags li")).hasSize(2);
        assertThat(page.select(".pain-rules").text())
                .contains("Get emergency medical help now")
                .contains("See a doctor today")
                .contains("Severe pain all the time that no position or rest eases");
        assertThat(page.select("[data-print]")).isNotEmpty();
        assertThat(page.select("#handout-link").attr("href")).isEqualTo("/me/handout");
        assertThat(page.select("#log-link").attr("href")).isEqualTo("/me/log");
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

    /** The English texts of bundle {@code me} long enough to be unmistakable, none with parameters. */
    private static List<String> englishTexts() {
        return java.util.Arrays.stream(clinic.portal.routine.Me.class.getDeclaredMethods())
                .filter(m -> m.getParameterCount() == 0)
                .map(m -> m.getAnnotation(io.quarkus.qute.i18n.Message.class).value())
                .filter(t -> t.length() > 12)
                .toList();
    }

    @Test
    @TestSecurity(
            user = "patient",
            roles = {"patient"})
    void theRoutineLogAndHandoutReadInSpanishWithNoEnglishLeftOfTheirOwn() {
        when(programs.today()).thenReturn(today(Fixtures.nextId()));
        library();

        Document log = Pages.html(given().cookie("lang", "es")
                .get("/me/log")
                .then()
                .statusCode(200)
                .extract()
                .response());
        assertThat(log.select("html").attr("lang")).isEqualTo("es");
        assertThat(log.select("h1").text()).isEqualTo("Registrar una sesión");
        assertThat(log.select("#painBefore legend").text()).isEqualTo("Dolor antes de los ejercicios");
        assertThat(log.select("#painBefore-anchors").text())
                .isEqualTo("Elija un número: 0 significa sin dolor y 10, el peor dolor imaginable.");
        assertThat(log.select("label[for=painAfter-10]").text()).isEqualTo("10 el peor dolor imaginable");
        assertThat(log.select(".red-flags legend").text())
                .isEqualTo("Desde su última sesión, ¿ha tenido alguno de estos síntomas? Marque todos los que"
                        + " correspondan.");
        assertThat(log.select("#log-session button[type=submit]").text()).isEqualTo("Guardar la sesión");
        assertThat(log.select("script[src=/js/offline.js]").attr("data-queued"))
                .startsWith("No tiene conexión. Su sesión se ha guardado en este teléfono");

        Document today = Pages.html(given().header("Accept-Language", "es-ES,es;q=0.9")
                .get("/me/today")
                .then()
                .statusCode(200)
                .extract()
                .response());
        assertThat(today.select("h1").text()).isEqualTo("Rutina de hoy");
        assertThat(today.select("#routine-phase").text()).startsWith("Fase 1");
        assertThat(today.select("#log-link").text()).isEqualTo("Registrar la sesión de hoy");

        Document handout = Pages.html(given().cookie("lang", "es")
                .get("/me/handout")
                .then()
                .statusCode(200)
                .extract()
                .response());
        assertThat(handout.select("h1").text()).isEqualTo("Mi hoja de ejercicios");

        // The page's own content (the shell around it is the shell's bundle).
        for (Document page : List.of(log, today, handout)) {
            String main = page.select("main").html();
            assertThat(englishTexts()).allSatisfy(english -> assertThat(main).doesNotContain(english));
        }
    }

    @Test
    @TestSecurity(
            user = "patient",
            roles = {"patient"})
    void thePainScaleIsOneRadioGroupWithItsAnchorsTiedToIt() {
        when(programs.today()).thenReturn(today(Fixtures.nextId()));
        library();

        Document page = Pages.html(
                given().get("/me/log").then().statusCode(200).extract().response());

        for (String scale : List.of("painBefore", "painAfter")) {
            // One group of eleven radios (arrow keys move within it), named by its legend, the anchors described.
            assertThat(page.select("fieldset#" + scale + " > legend").text()).startsWith("Pain");
            assertThat(page.select("fieldset#" + scale + " input[type=radio][name=" + scale + "]")
                            .eachAttr("value"))
                    .containsExactly("0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10");
            assertThat(page.select("fieldset#" + scale).attr("aria-describedby"))
                    .isEqualTo(scale + "-anchors");
            assertThat(page.select("#" + scale + "-anchors").text())
                    .isEqualTo("Choose a number: 0 means no pain, 10 means the worst pain imaginable.");
            // Each radio has its own label; the ends say what they mean, in words.
            assertThat(page.select("label[for=" + scale + "-0]").text()).isEqualTo("0 no pain");
            assertThat(page.select("label[for=" + scale + "-5]").text()).isEqualTo("5");
            assertThat(page.select("label[for=" + scale + "-10]").text()).isEqualTo("10 worst pain imaginable");
            assertThat(page.select("input[name=" + scale + "][checked]")).isEmpty();
        }
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
        assertThat(page.select("input[name=redFlagSymptoms]").eachAttr("value"))
                .containsExactly(
                        "BLADDER_BOWEL", "SADDLE_NUMBNESS", "PROGRESSIVE_WEAKNESS", "CONSTANT_SEVERE_PAIN", "SYSTEMIC");
        assertThat(page.select("label[for=rf-SADDLE_NUMBNESS]").text())
                .contains("Numbness between your legs")
                .doesNotContain("anaesthesia");
        assertThat(page.select("#rf-SYSTEMIC").attr("data-urgency")).isEqualTo("SAME_DAY");
        assertThat(page.select("#rf-BLADDER_BOWEL").attr("data-urgency")).isEqualTo("EMERGENCY_NOW");
        assertThat(page.select("#emergency-advice .advice-emergency").text())
                .contains("Get emergency medical help now");
        assertThat(page.select("#emergency-advice .advice-same-day").text()).contains("See a doctor today");
        assertThat(page.select("input[name=painStopsSleepOrWork]").eachAttr("value"))
                .containsExactly("yes", "no");
        assertThat(page.select("#pain-stops legend").text()).isEqualTo("Does the pain stop you sleeping or working?");
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

        Document page = Pages.html(given().header("Origin", Pages.origin())
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

        // Without the service's advice object, the same rules give the advice for what was reported.
        assertThat(page.select("#emergency-advice").attr("role")).isEqualTo("alert");
        assertThat(page.select("#emergency-advice h2").text()).isEqualTo("Get emergency medical help now");
        assertThat(page.select("#emergency-advice .advice-symptoms").text()).contains("Numbness between your legs");
        // Staff words and alert types never reach the patient.
        assertThat(page.text()).doesNotContain("Red flag reported").doesNotContain("RED_FLAG");
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

        Document page = Pages.html(given().header("Origin", Pages.origin())
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

        // The pain scale is a radio group: nothing is chosen, the error is tied to the group and listed at the top.
        assertThat(page.select("input[name=painBefore][checked]")).isEmpty();
        assertThat(page.select("#painBefore-error").text()).isEqualTo("Choose a number from 0 to 10.");
        assertThat(page.select("#painBefore").attr("aria-describedby")).contains("painBefore-error");
        assertThat(page.select("#painBefore-3").attr("aria-invalid")).isEqualTo("true");
        assertThat(page.select("#error-summary a[href=#painBefore-0]").text())
                .isEqualTo("Pain before your exercises: Choose a number from 0 to 10.");
        assertThat(page.select("#error-summary").hasAttr("autofocus")).isTrue();
        assertThat(page.select("#painAfter-4").hasAttr("checked")).isTrue();
        assertThat(page.select("#painAfter-4").hasAttr("aria-invalid")).isFalse();
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

        Document page = Pages.html(given().header("Origin", Pages.origin())
                .formParam("csrf-token", csrf.token())
                .formParam("date", "2026-11-26")
                .formParam("painBefore", "3")
                .formParam("painAfter", "11")
                .post("/me/sessions")
                .then()
                .statusCode(200)
                .extract()
                .response());

        assertThat(page.select("#painAfter-error").text()).isEqualTo("Choose a number from 0 to 10.");
        assertThat(page.select("#painAfter-0").attr("aria-invalid")).isEqualTo("true");
        assertThat(page.select("input[name=painAfter][checked]")).isEmpty();
        assertThat(page.select("#painBefore-3").hasAttr("checked")).isTrue();
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

    private static Today onHold(long programId) {
        return new Today(
                programId,
                "2026-11-26",
                1,
                "Gentle movement and nerve glides",
                "Calm the nerve",
                List.of(),
                List.of(),
                "ON_HOLD",
                new Advice(
                        "SAME_DAY",
                        "See a doctor today",
                        "Stop your exercises for now and see a doctor today.",
                        List.of("Severe pain all the time <b>that</b> no position or rest eases")),
                "Your exercise program is paused. Follow the advice below.");
    }

    @Test
    @TestSecurity(
            user = "patient",
            roles = {"patient"})
    void programOnHoldShowsThePauseAndTheAdviceInsteadOfExercises() {
        when(programs.today()).thenReturn(onHold(Fixtures.nextId()));

        Document page = Pages.html(
                given().get("/me/today").then().statusCode(200).extract().response());

        assertThat(page.select("#paused-title").text()).isEqualTo("Your program is paused");
        assertThat(page.select("#paused-message").text()).contains("Your exercise program is paused.");
        assertThat(page.select("#hold-advice").attr("role")).isEqualTo("alert");
        assertThat(page.select("#hold-advice").hasClass("same-day")).isTrue();
        assertThat(page.select("#hold-advice h2").text()).isEqualTo("See a doctor today");
        assertThat(page.select("#hold-advice .advice-symptoms li").text())
                .isEqualTo("Severe pain all the time <b>that</b> no position or rest eases");
        assertThat(page.select("#hold-advice b")).isEmpty();
        assertThat(page.select("#routine")).isEmpty();
        assertThat(page.select("#log-link")).isEmpty();
        assertThat(page.select("#log-session")).isEmpty();
    }

    @Test
    @TestSecurity(
            user = "patient",
            roles = {"patient"})
    void logPageOfAProgramOnHoldHasNoFormAndSendsNothing() {
        when(programs.today()).thenReturn(onHold(Fixtures.nextId()));

        Document page = Pages.html(
                given().get("/me/log").then().statusCode(200).extract().response());

        assertThat(page.select("#paused-title").text()).isEqualTo("Your program is paused");
        assertThat(page.select("#log-session")).isEmpty();

        long programId = Fixtures.nextId();
        when(programs.today()).thenReturn(today(programId), onHold(programId));
        library();
        Pages.Csrf csrf = Pages.csrf("/me/log");
        given().header("Origin", Pages.origin())
                .formParam("csrf-token", csrf.token())
                .formParam("date", "2026-11-26")
                .formParam("painBefore", "3")
                .formParam("painAfter", "3")
                .post("/me/sessions")
                .then()
                .statusCode(200);
        verify(programs, never()).logSession(anyLong(), any(), any());
    }

    @Test
    @TestSecurity(
            user = "patient",
            roles = {"patient"})
    void refusedLogOfAPausedProgramIsExplainedInPatientWords() {
        long programId = Fixtures.nextId();
        when(programs.today()).thenReturn(today(programId), today(programId), onHold(programId));
        library();
        when(programs.logSession(eq(programId), anyString(), any()))
                .thenThrow(Fixtures.problem(422, "Program 12 is ON_HOLD since 2026-11-26T09:05 (RED_FLAG)."));
        Pages.Csrf csrf = Pages.csrf("/me/log");

        Document page = Pages.html(given().header("Origin", Pages.origin())
                .formParam("csrf-token", csrf.token())
                .formParam("date", "2026-11-26")
                .formParam("painBefore", "3")
                .formParam("painAfter", "4")
                .post("/me/sessions")
                .then()
                .statusCode(200)
                .extract()
                .response());

        assertThat(page.select("#log-refused").text())
                .contains("Your session was not saved: your exercise program is paused.")
                .contains("your physio will talk to you before you start again");
        assertThat(page.text()).doesNotContain("ON_HOLD").doesNotContain("RED_FLAG");
        assertThat(page.select("#hold-advice h2").text()).isEqualTo("See a doctor today");
        assertThat(page.select("#log-session")).isEmpty();
    }

    @Test
    @TestSecurity(
            user = "patient",
            roles = {"patient"})
    void afterALogThePatientReadsWhatToDoAndNeverTheAlerts() {
        long programId = Fixtures.nextId();
        when(programs.today()).thenReturn(today(programId));
        library();
        when(programs.logSession(eq(programId), anyString(), any()))
                .thenReturn(new Session(
                        Fixtures.nextId(),
                        "2026-11-26",
                        4,
                        7,
                        List.of(),
                        false,
                        List.of(),
                        null,
                        List.of(new Alert(
                                null, null, null, "DISABLING_SYMPTOMS", "HIGH", null, null, null, null, null)),
                        null,
                        new SessionAdvice(
                                null,
                                List.of(
                                        "Your pain after the session was high. Rest <now>.",
                                        "Pain that stops you sleeping or working needs a review.")),
                        "ACTIVE"));
        Pages.Csrf csrf = Pages.csrf("/me/log");

        Document page = Pages.html(given().header("Origin", Pages.origin())
                .formParam("csrf-token", csrf.token())
                .formParam("date", "2026-11-26")
                .formParam("painBefore", "4")
                .formParam("painAfter", "7")
                .formParam("painStopsSleepOrWork", "yes")
                .post("/me/sessions")
                .then()
                .statusCode(200)
                .extract()
                .response());

        assertThat(page.select("#what-to-do li").eachText())
                .containsExactly(
                        "Your pain after the session was high. Rest <now>.",
                        "Pain that stops you sleeping or working needs a review.");
        assertThat(page.select("#emergency-advice")).isEmpty();
        assertThat(page.text()).doesNotContain("DISABLING").doesNotContain("disabling");
        ArgumentCaptor<NewSession> sent = ArgumentCaptor.forClass(NewSession.class);
        verify(programs).logSession(eq(programId), anyString(), sent.capture());
        assertThat(sent.getValue().painStopsSleepOrWork()).isTrue();
    }

    @Test
    @TestSecurity(
            user = "patient",
            roles = {"patient"})
    void aRedFlagLogShowsOnlyTheAdviceThatFitsTheFlag() {
        long programId = Fixtures.nextId();
        when(programs.today()).thenReturn(today(programId));
        library();
        when(programs.logSession(eq(programId), anyString(), any()))
                .thenReturn(new Session(
                        Fixtures.nextId(),
                        "2026-11-26",
                        8,
                        8,
                        List.of(),
                        false,
                        List.of("CONSTANT_SEVERE_PAIN"),
                        null,
                        List.of(new Alert(null, null, null, "RED_FLAG", "URGENT", null, null, null, null, null)),
                        "See a doctor today Stop your exercises for now and see a doctor today.",
                        new SessionAdvice(
                                new Advice(
                                        "SAME_DAY",
                                        "See a doctor today",
                                        "Stop your exercises for now and see a doctor today.",
                                        List.of("Severe pain all the time that no position or rest eases")),
                                List.of()),
                        "ON_HOLD"));
        Pages.Csrf csrf = Pages.csrf("/me/log");

        Document page = Pages.html(given().header("Origin", Pages.origin())
                .formParam("csrf-token", csrf.token())
                .formParam("date", "2026-11-26")
                .formParam("painBefore", "8")
                .formParam("painAfter", "8")
                .formParam("painStopsSleepOrWork", "no")
                .formParam("redFlagSymptoms", "CONSTANT_SEVERE_PAIN")
                .post("/me/sessions")
                .then()
                .statusCode(200)
                .extract()
                .response());

        assertThat(page.select("#emergency-advice").hasClass("same-day")).isTrue();
        assertThat(page.select("#emergency-advice h2").text()).isEqualTo("See a doctor today");
        assertThat(page.text()).doesNotContain("cauda equina").doesNotContain("emergency department now");
        assertThat(page.select("#what-to-do")).isEmpty();
        assertThat(page.select("#logged-paused").text()).contains("Your exercise program is paused");
        ArgumentCaptor<NewSession> sent = ArgumentCaptor.forClass(NewSession.class);
        verify(programs).logSession(eq(programId), anyString(), sent.capture());
        assertThat(sent.getValue().painStopsSleepOrWork()).isFalse();
    }

    private static Today withAcknowledgedCaution(long programId) {
        return new Today(
                programId,
                "2026-11-26",
                2,
                "Building foundations",
                null,
                List.of(
                        new Prescription(
                                "toe-touch",
                                "Toe touches",
                                1,
                                5,
                                null,
                                null,
                                1,
                                false,
                                "Reach to the knees only <em>slowly</em>",
                                null,
                                "Stop at any leg pain",
                                false,
                                "Bouncing at the bottom",
                                true,
                                "Reach to the knees only <em>slowly</em>"),
                        new Prescription(
                                "pelvic-tilt",
                                "Pelvic tilts",
                                2,
                                10,
                                null,
                                null,
                                2,
                                false,
                                "Flatten the low back",
                                "Gentle movement in the low back",
                                null,
                                false,
                                "Holding the breath; lifting the hips",
                                false,
                                null)),
                List.of());
    }

    @Test
    @TestSecurity(
            user = "patient",
            roles = {"patient"})
    void acknowledgedCautionExerciseShowsThePhysiosInstructionsNotWhatToFeel() {
        when(programs.today()).thenReturn(withAcknowledgedCaution(Fixtures.nextId()));
        // The library's text for an exercise to avoid must not fill the gap.
        when(programs.exercises(any(), any()))
                .thenReturn(List.of(new Exercise(
                        "toe-touch",
                        "Toe touches",
                        "stretch",
                        List.of(),
                        "Bend down and touch your toes",
                        "Not recommended for sciatica",
                        null,
                        "Bouncing",
                        null,
                        1,
                        5,
                        null,
                        null,
                        1,
                        false,
                        null)));

        Document page = Pages.html(
                given().get("/me/today").then().statusCode(200).extract().response());

        String card = page.select("#exercise-toe-touch").text();
        assertThat(card)
                .contains("Your physio's instructions")
                .contains("Reach to the knees only <em>slowly</em>")
                .contains("Dosage: 1 set × 5 reps, 1 time a day")
                .contains("Common mistakes Bouncing at the bottom")
                .doesNotContain("What you should feel")
                .doesNotContain("Not recommended")
                .doesNotContain("touch your toes");
        assertThat(page.select("#exercise-toe-touch em")).isEmpty();
        assertThat(page.select("#exercise-pelvic-tilt").text())
                .contains("What you should feel Gentle movement in the low back")
                .contains("Common mistakes Holding the breath; lifting the hips");
    }

    @Test
    @TestSecurity(
            user = "patient",
            roles = {"patient"})
    void handoutHasEveryExerciseInFullWithThePainRulesAndRedFlags() {
        when(programs.today()).thenReturn(withAcknowledgedCaution(Fixtures.nextId()));
        library();

        Document page = Pages.html(
                given().get("/me/handout").then().statusCode(200).extract().response());

        assertThat(page.select(".handout-exercise")).hasSize(2);
        assertThat(page.select("#handout-pelvic-tilt").text())
                .contains("How to do it Flatten the low back")
                .contains("What you should feel")
                .contains("Common mistakes")
                .contains("2 sets × 10 reps, 2 times a day");
        assertThat(page.select("#handout-toe-touch").text())
                .contains("Your physio's instructions")
                .contains("Take care Stop at any leg pain")
                .doesNotContain("What you should feel");
        assertThat(page.select("#handout .pain-rules li").text()).contains("A mild stretch or tired muscles are fine.");
        assertThat(page.select("#handout .emergency-flags li, #handout .same-day-flags li"))
                .hasSize(5);
        assertThat(page.select("#handout [data-print]")).isNotEmpty();
        assertThat(page.select("link[href=/css/app.css]")).isNotEmpty();
    }

    @Test
    @TestSecurity(
            user = "physio",
            roles = {"physio"})
    void handoutIsThePatientsOwn() {
        given().get("/me/handout").then().statusCode(403);
    }
}
