package clinic.portal;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import clinic.portal.outbound.PatientApi.Clearance;
import clinic.portal.outbound.PatientServiceClient;
import clinic.portal.outbound.ProblemBody;
import clinic.portal.outbound.ProgramApi.Exercise;
import clinic.portal.outbound.ProgramApi.NewProtocol;
import clinic.portal.outbound.ProgramApi.Prescription;
import clinic.portal.outbound.ProgramApi.Protocol;
import clinic.portal.outbound.ProgramApi.ProtocolPhase;
import clinic.portal.outbound.ProgramServiceClient;
import clinic.portal.outbound.ServiceException;
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

/** The protocol pages (list, view, new/edit form) and the protocol choice of the assign and reports pages. */
@QuarkusTest
class ProtocolPagesTest {

    @InjectMock
    @RestClient
    PatientServiceClient patients;

    @InjectMock
    @RestClient
    ProgramServiceClient programs;

    static final Protocol SEED = new Protocol(
            "sciatica-phased",
            "Sciatica: phased exercise",
            null,
            List.of(
                    new ProtocolPhase(
                            1, "Gentle movement and nerve glides", "Calm the nerve", "Acute flare", List.of()),
                    new ProtocolPhase(2, "Building foundations", "Strengthen", "Pain eased", List.of()),
                    new ProtocolPhase(3, "Targeted stretching", "Prevent", "Largely pain-free", List.of())),
            1,
            true,
            true,
            false,
            "system",
            3);

    static final Protocol KNEE = new Protocol(
            "knee-oa",
            "Knee osteoarthritis",
            "Two phases for a painful arthritic knee.",
            List.of(
                    new ProtocolPhase(
                            1,
                            "Calm and move",
                            "Keep the knee moving",
                            "Painful knee",
                            List.of(dose("glute-bridge", 2, 10, false)),
                            null,
                            null,
                            false),
                    new ProtocolPhase(
                            2,
                            "Strength",
                            "Strengthen the hip and thigh",
                            "Pain mostly settled",
                            List.of(dose("clamshell", 3, 12, true)),
                            3.0,
                            50,
                            false)),
            2,
            false,
            false,
            false,
            "physio",
            2);

    static final Protocol OLD =
            new Protocol("old-back", "Old back protocol", null, List.of(), 1, true, false, true, "physio", 1);

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    static Prescription dose(String slug, Integer sets, Integer reps, boolean perSide) {
        return new Prescription(slug, null, sets, reps, null, null, 1, perSide, null, null, null, null);
    }

    static Exercise exercise(String slug, String name) {
        return new Exercise(
                slug,
                name,
                "glute",
                List.of(2, 3),
                "How",
                "Feel",
                "Care",
                null,
                null,
                2,
                10,
                null,
                null,
                1,
                false,
                null);
    }

    @BeforeEach
    void services() {
        when(programs.protocols()).thenReturn(List.of(KNEE, OLD, SEED));
        when(programs.protocol("knee-oa")).thenReturn(KNEE);
        when(programs.protocol("sciatica-phased")).thenReturn(SEED);
        when(programs.exercises(any(), any()))
                .thenReturn(List.of(exercise("glute-bridge", "Glute bridge"), exercise("clamshell", "Clamshell")));
    }

    @Test
    @TestSecurity(
            user = "physio",
            roles = {"physio"})
    void physiosSeeTheProtocolsWithPhaseCountsAndMayStartANewOne() {
        Document page = Pages.html(
                given().get("/protocols").then().statusCode(200).extract().response());
        assertThat(page.select("#protocols tbody tr")).hasSize(3);
        assertThat(page.select("#protocol-knee-oa").text()).contains("Knee osteoarthritis", "2", "Not required");
        assertThat(page.select("#protocol-old-back").text()).contains("Retired");
        assertThat(page.select("#protocol-sciatica-phased").text()).contains("Built in (read-only)");
        assertThat(page.select("#new-protocol").attr("href")).isEqualTo("/protocols/new");
        assertThat(page.select("nav a[href=/protocols]")).hasSize(1);
    }

    @Test
    @TestSecurity(
            user = "admin",
            roles = {"admin"})
    void adminsReadProtocolsButGetNoFormToWriteThem() {
        Document page = Pages.html(
                given().get("/protocols").then().statusCode(200).extract().response());
        assertThat(page.select("#new-protocol")).isEmpty();
        assertThat(page.select("nav a[href=/protocols]")).hasSize(1);
        given().get("/protocols/new").then().statusCode(403);
        Document view = Pages.html(given().get("/protocols/knee-oa")
                .then()
                .statusCode(200)
                .extract()
                .response());
        assertThat(view.select("#edit-protocol")).isEmpty();
        assertThat(view.select("#copy-protocol")).isEmpty();
    }

    @Test
    @TestSecurity(
            user = "physio",
            roles = {"physio"})
    void theViewShowsPhasesTheirNumericEntryCriteriaAndDosage() {
        Document page = Pages.html(given().get("/protocols/knee-oa")
                .then()
                .statusCode(200)
                .extract()
                .response());
        assertThat(page.select("#phase-1-title").text()).isEqualTo("Phase 1: Calm and move");
        assertThat(page.select("#phase-2 .entry-criteria").text())
                .contains("at most 3.0/10")
                .contains("at least 50 %");
        assertThat(page.select("#phase-1 .entry-criteria")).isEmpty();
        assertThat(page.select("#phase-2 .protocol-exercises li").text()).contains("Clamshell");
        assertThat(page.select("#phase-2 .dosage").text()).contains("3").contains("12");
        assertThat(page.select("#edit-protocol").attr("href")).isEqualTo("/protocols/knee-oa/edit");
        assertThat(page.select("#retire-protocol input[name=csrf-token]")).hasSize(1);
        assertThat(page.select("#copy-protocol input[name=csrf-token]")).hasSize(1);
        Document seed = Pages.html(given().get("/protocols/sciatica-phased")
                .then()
                .statusCode(200)
                .extract()
                .response());
        assertThat(seed.select("#edit-protocol")).isEmpty();
        assertThat(seed.select("#retire-protocol")).isEmpty();
        assertThat(seed.select("#copy-protocol")).hasSize(1);
    }

    @Test
    @TestSecurity(
            user = "physio",
            roles = {"physio"})
    void theNewFormHasThreePhasesOfEightRowsFromTheLibraryAndSendsOnlyWhatWasTyped() throws Exception {
        Document form = Pages.html(
                given().get("/protocols/new").then().statusCode(200).extract().response());
        assertThat(form.select("#protocol-form input[name=csrf-token]")).hasSize(1);
        assertThat(form.select("#protocol-form fieldset.phase")).hasSize(3);
        assertThat(form.select("#phase-1 tbody tr")).hasSize(8);
        assertThat(form.select("#p0-e0-exercise option").eachAttr("value"))
                .containsExactly("", "glute-bridge", "clamshell");
        assertThat(form.select("#add-phase").attr("href")).isEqualTo("/protocols/new?phases=4");
        assertThat(form.select("#p0-entryMaxMeanPain"))
                .as("phase 1 is where programs start")
                .isEmpty();

        when(programs.createProtocol(any())).thenReturn(KNEE);
        Pages.Csrf csrf = Pages.csrf("/protocols/new");
        given().header("Origin", Pages.origin())
                .redirects()
                .follow(false)
                .formParam("csrf-token", csrf.token())
                .formParam("phaseCount", "3")
                .formParam("code", "knee-oa")
                .formParam("name", "Knee osteoarthritis")
                .formParam("p0.name", "Calm and move")
                .formParam("p0.goal", "Keep the knee moving")
                .formParam("p0.e1.exercise", "glute-bridge")
                .formParam("p0.e1.sets", "2")
                .formParam("p1.name", "Strength")
                .formParam("p1.goal", "Strengthen")
                .formParam("p1.entryMaxMeanPain", "3")
                .formParam("p1.entryMinAdherence", "50")
                .formParam("p1.e0.exercise", "clamshell")
                .formParam("p1.e0.perSide", "true")
                .post("/protocols/new")
                .then()
                .statusCode(303)
                .header("Location", org.hamcrest.Matchers.endsWith("/protocols/knee-oa?saved=1"));
        ArgumentCaptor<NewProtocol> sent = ArgumentCaptor.forClass(NewProtocol.class);
        verify(programs).createProtocol(sent.capture());
        NewProtocol p = sent.getValue();
        assertThat(p.code()).isEqualTo("knee-oa");
        assertThat(p.requiresScreening()).as("an unticked box").isFalse();
        assertThat(p.phases()).hasSize(2);
        assertThat(p.phases().get(0).exercises()).hasSize(1);
        assertThat(p.phases().get(0).exercises().get(0).sets()).isEqualTo(2);
        assertThat(p.phases().get(1).entryMaxMeanPain()).isEqualTo(3.0);
        assertThat(p.phases().get(1).entryMinAdherence()).isEqualTo(50);
        assertThat(p.phases().get(1).exercises().get(0).perSide()).isTrue();
        assertThat(new ObjectMapper().writeValueAsString(p)).doesNotContain("\"version\"");
    }

    @Test
    @TestSecurity(
            user = "physio",
            roles = {"physio"})
    void aRefusedExerciseComesBackAtTheRowThePhysioTyped() {
        when(programs.createProtocol(any()))
                .thenThrow(new ServiceException(
                        422,
                        new ProblemBody(
                                "about:blank",
                                "Refused by a clinical rule",
                                422,
                                "Some exercises may not be a default of their phase: 'clamshell' is retired",
                                List.of(new ProblemBody.Violation(
                                        "phases[0].exercises[0].exercise",
                                        "'clamshell' is retired and is not offered for new protocols")),
                                null)));
        Pages.Csrf csrf = Pages.csrf("/protocols/new");
        Document page = Pages.html(given().header("Origin", Pages.origin())
                .formParam("csrf-token", csrf.token())
                .formParam("phaseCount", "3")
                .formParam("code", "knee-oa")
                .formParam("name", "Knee osteoarthritis")
                .formParam("p0.name", "Calm")
                .formParam("p0.goal", "Move")
                .formParam("p0.e3.exercise", "clamshell")
                .formParam("p0.e3.reps", "12")
                .post("/protocols/new")
                .then()
                .statusCode(422)
                .extract()
                .response());
        assertThat(page.select("#p0-e3-error").text()).contains("retired");
        assertThat(page.select("#p0-e3-exercise option[selected]").attr("value"))
                .isEqualTo("clamshell");
        assertThat(page.select("input[name=p0.e3.reps]").attr("value")).isEqualTo("12");
        assertThat(page.select("#code").attr("value")).isEqualTo("knee-oa");

        // A word where a number belongs is caught by the portal, at its field, before anything is sent.
        Document typo = Pages.html(given().header("Origin", Pages.origin())
                .formParam("csrf-token", csrf.token())
                .formParam("phaseCount", "3")
                .formParam("code", "knee-oa")
                .formParam("name", "Knee osteoarthritis")
                .formParam("p0.name", "Calm")
                .formParam("p0.goal", "Move")
                .formParam("p0.e0.exercise", "glute-bridge")
                .formParam("p0.e0.sets", "two")
                .post("/protocols/new")
                .then()
                .statusCode(400)
                .extract()
                .response());
        assertThat(typo.select("#p0-e0-error").text()).contains("Sets must be a whole number");
    }

    @Test
    @TestSecurity(
            user = "physio",
            roles = {"physio"})
    void editingSendsTheVersionSeenAndAStaleOneSaysSo() {
        Document form = Pages.html(given().get("/protocols/knee-oa/edit")
                .then()
                .statusCode(200)
                .extract()
                .response());
        assertThat(form.select("input[name=version]").attr("value")).isEqualTo("2");
        assertThat(form.select("#p0-e0-exercise option[selected]").attr("value"))
                .isEqualTo("glute-bridge");
        assertThat(form.select("#p1-entryMaxMeanPain").attr("value")).isEqualTo("3");
        assertThat(form.select("#code")).as("the code never changes").isEmpty();

        when(programs.updateProtocol(eq("knee-oa"), any()))
                .thenThrow(Fixtures.problem(409, "Protocol 'knee-oa' changed since version 2; it is at version 3."));
        Pages.Csrf csrf = Pages.csrf("/protocols/knee-oa/edit");
        Document page = Pages.html(given().header("Origin", Pages.origin())
                .formParam("csrf-token", csrf.token())
                .formParam("phaseCount", "2")
                .formParam("version", "2")
                .formParam("name", "Knee osteoarthritis")
                .formParam("p0.name", "Calm")
                .formParam("p0.goal", "Move")
                .post("/protocols/knee-oa/edit")
                .then()
                .statusCode(409)
                .extract()
                .response());
        assertThat(page.text()).contains("it is at version 3");
        ArgumentCaptor<NewProtocol> sent = ArgumentCaptor.forClass(NewProtocol.class);
        verify(programs).updateProtocol(eq("knee-oa"), sent.capture());
        assertThat(sent.getValue().version()).isEqualTo(2);
        assertThat(sent.getValue().code()).isNull();
    }

    @Test
    @TestSecurity(
            user = "physio",
            roles = {"physio"})
    void theAssignPageOffersCurrentProtocolsAndTheChosenOnesPhases() {
        long patientId = Fixtures.nextId();
        when(patients.get(patientId)).thenReturn(Fixtures.patient(patientId, "Sam", "Rivera"));
        when(patients.clearance(patientId))
                .thenReturn(new Clearance(patientId, true, "Clear", 5L, "2027-02-24", "patient", "physio"));
        Document seed = Pages.html(given().get("/patients/" + patientId + "/assign")
                .then()
                .statusCode(200)
                .extract()
                .response());
        assertThat(seed.select("#protocol option").eachAttr("value"))
                .as("a retired protocol is not offered")
                .containsExactly("knee-oa", "sciatica-phased");
        assertThat(seed.select("#protocol option[selected]").attr("value")).isEqualTo("sciatica-phased");
        assertThat(seed.select("#phase option").eachAttr("value")).containsExactly("1", "2", "3");

        Document knee = Pages.html(given().queryParam("protocol", "knee-oa")
                .get("/patients/" + patientId + "/assign")
                .then()
                .statusCode(200)
                .extract()
                .response());
        assertThat(knee.select("#assign-program input[name=protocol]").attr("value"))
                .isEqualTo("knee-oa");
        assertThat(knee.select("#phase option").eachText())
                .containsExactly("1 – Calm and move (Painful knee)", "2 – Strength (Pain mostly settled)");
    }

    @Test
    @TestSecurity(
            user = "admin",
            roles = {"admin"})
    void theReportsPageFiltersByProtocol() {
        when(programs.report(any(), any(), any(), any(), any(), any(), any()))
                .thenThrow(Fixtures.problem(404, "Not found"));
        when(programs.report(any(), any(), any(), any(), any(), any())).thenThrow(Fixtures.problem(404, "Not found"));
        Document page = Pages.html(given().queryParam("protocol", "knee-oa")
                .get("/admin/reports")
                .then()
                .statusCode(200)
                .extract()
                .response());
        assertThat(page.select("#report-filter #protocol option").eachAttr("value"))
                .containsExactly("", "knee-oa", "old-back", "sciatica-phased");
        assertThat(page.select("#report-filter #protocol option[selected]").attr("value"))
                .isEqualTo("knee-oa");
        verify(programs).report(eq("overview"), any(), any(), any(), eq("knee-oa"), any(), any());
    }

    @Test
    @TestSecurity(
            user = "physio",
            roles = {"physio"})
    void theProgramPageOffersThePhasesOfTheProtocolVersionItWasAssigned() {
        long patientId = Fixtures.nextId();
        long programId = Fixtures.nextId();
        when(patients.get(patientId)).thenReturn(Fixtures.patient(patientId, "Sam", "Rivera"));
        when(programs.program(programId))
                .thenReturn(new clinic.portal.outbound.ProgramApi.Program(
                        programId,
                        patientId,
                        "knee-oa",
                        1,
                        "ACTIVE",
                        "2026-11-01",
                        List.of(),
                        List.of(),
                        "patient",
                        "physio",
                        false,
                        3L,
                        null,
                        2));
        when(programs.progress(programId)).thenThrow(Fixtures.problem(503, "busy"));
        when(programs.protocolVersions("knee-oa")).thenReturn(List.of(SEED, KNEE));
        Document page = Pages.html(given().get("/programs/" + programId)
                .then()
                .statusCode(200)
                .extract()
                .response());
        assertThat(page.select("#phase option").eachText()).containsExactly("1 – Calm and move", "2 – Strength");
        assertThat(page.select("#phase option[selected]").attr("value")).isEqualTo("1");
    }
}
