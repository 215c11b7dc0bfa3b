package clinic.portal;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import clinic.portal.outbound.PatientApi.Access;
import clinic.portal.outbound.PatientApi.Clearance;
import clinic.portal.outbound.PatientApi.Grant;
import clinic.portal.outbound.PatientApi.Invitation;
import clinic.portal.outbound.PatientApi.NewPatient;
import clinic.portal.outbound.PatientApi.Patient;
import clinic.portal.outbound.PatientApi.Screening;
import clinic.portal.outbound.PatientServiceClient;
import clinic.portal.outbound.ProgramApi.Hold;
import clinic.portal.outbound.ProgramApi.Program;
import clinic.portal.outbound.ProgramServiceClient;
import io.quarkus.test.InjectMock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.RestAssured;
import jakarta.ws.rs.ProcessingException;
import java.util.List;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

@QuarkusTest
class PatientPagesTest {

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

    @Test
    @TestSecurity(
            user = "physio",
            roles = {"physio"})
    void physioSeesPatientListWithSearchAndPaging() {
        long id = Fixtures.nextId();
        when(patients.list(eq("Riv"), any(), eq(0), eq(20)))
                .thenReturn(Fixtures.page(Fixtures.patient(id, "Sam", "Rivera")));

        Document page = Pages.html(given().queryParam("q", "Riv")
                .get("/patients")
                .then()
                .statusCode(200)
                .extract()
                .response());

        assertThat(page.select("#patient-search input[name=q]").attr("value")).isEqualTo("Riv");
        assertThat(page.select("#patient-list a").text()).isEqualTo("Sam Rivera");
        assertThat(page.select("#patient-list a").attr("href")).isEqualTo("/patients/" + id);
        assertThat(page.select("a[rel=next]")).isEmpty();
    }

    @Test
    @TestSecurity(
            user = "physio",
            roles = {"physio"})
    void markupInPatientNamesIsEscaped() {
        long id = Fixtures.nextId();
        when(patients.list(any(), any(), any(), any()))
                .thenReturn(Fixtures.page(Fixtures.patient(id, "<script>alert(1)</script>", "<b>Bold</b>")));

        String body = given().get("/patients").then().statusCode(200).extract().asString();

        assertThat(body).contains("&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain("<script>alert(1)");
        assertThat(Pages.html(given().get("/patients").then().extract().response())
                        .select("#patient-list b"))
                .isEmpty();
    }

    @Test
    @TestSecurity(
            user = "physio",
            roles = {"physio"})
    void patientListShowsDegradedPanelWhenPatientServiceIsDown() {
        when(patients.list(any(), any(), any(), any())).thenThrow(new ProcessingException("connection refused"));

        String body = given().get("/patients").then().statusCode(200).extract().asString();
        Document page = Pages.html(given().get("/patients").then().extract().response());

        assertThat(page.select(".notice.degraded").text()).contains("patient service is not reachable");
        assertThat(page.select("#patient-search")).isNotEmpty();
        assertThat(body).doesNotContain("ProcessingException").doesNotContain("connection refused");
    }

    @Test
    @TestSecurity(
            user = "physio",
            roles = {"physio"})
    void registrationWithoutCsrfTokenIsRefused() {
        given().header("Origin", Pages.origin())
                .formParam("givenName", "Nia")
                .formParam("familyName", "Okafor")
                .formParam("dateOfBirth", "1990-01-01")
                .post("/patients")
                .then()
                .statusCode(403);
        verify(patients, never()).register(any());
    }

    @Test
    @TestSecurity(
            user = "physio",
            roles = {"physio"})
    void registrationSaysWhereTheInvitationWentAndShowsNoPassword() {
        long id = Fixtures.nextId();
        Patient registered = Fixtures.registered(id, "Nia", "Okafor", "INVITED");
        when(patients.register(any())).thenReturn(registered);
        Pages.Csrf csrf = Pages.csrf("/patients/new");

        Document page = Pages.html(given().header("Origin", Pages.origin())
                .formParam("csrf-token", csrf.token())
                .formParam("givenName", "Nia")
                .formParam("familyName", "Okafor")
                .formParam("dateOfBirth", "1990-01-01")
                .formParam("email", "nia@example.test")
                .formParam("sex", "FEMALE")
                .formParam("consentDate", "2026-11-20")
                .formParam("referralSource", "")
                .formParam("carePhysio", "physio")
                .post("/patients")
                .then()
                .statusCode(200)
                .extract()
                .response());

        assertThat(page.select("#invitation-sent").text()).startsWith("Invitation sent to " + registered.email());
        assertThat(page.text()).doesNotContainIgnoringCase("password:").doesNotContainIgnoringCase("temporary");
        assertThat(page.select("form#invite-form[method=post][action=/patients/" + id + "/invite]"))
                .singleElement()
                .satisfies(form -> assertThat(form.select("input[type=hidden][name=csrf-token]"))
                        .hasSize(1))
                .satisfies(form -> assertThat(form.text()).isEqualTo("Send the invitation again"));
        ArgumentCaptor<NewPatient> sent = ArgumentCaptor.forClass(NewPatient.class);
        verify(patients).register(sent.capture());
        assertThat(sent.getValue().email()).isEqualTo("nia@example.test");
        assertThat(sent.getValue().dateOfBirth()).isEqualTo("1990-01-01");
        assertThat(sent.getValue().sex()).isEqualTo("FEMALE");
        assertThat(sent.getValue().consentDate()).isEqualTo("2026-11-20");
        assertThat(sent.getValue().referralSource()).isNull();
    }

    @Test
    @TestSecurity(
            user = "physio",
            roles = {"physio"})
    void registrationWhileTheLoginServiceIsDownSaysTheInvitationFollows() {
        long id = Fixtures.nextId();
        when(patients.register(any())).thenReturn(Fixtures.registered(id, "Ola", "Berg", "PENDING"));
        Pages.Csrf csrf = Pages.csrf("/patients/new");

        Document page = Pages.html(given().header("Origin", Pages.origin())
                .cookie("csrf-token", csrf.cookie())
                .formParam("csrf-token", csrf.token())
                .formParam("givenName", "Ola")
                .formParam("familyName", "Berg")
                .formParam("dateOfBirth", "1990-01-01")
                .formParam("email", "ola@example.test")
                .post("/patients")
                .then()
                .statusCode(200)
                .extract()
                .response());

        assertThat(page.select("#invitation-pending").text()).contains("sent automatically");
        assertThat(page.select("form#invite-form").text()).isEqualTo("Invite by e-mail");
    }

    @Test
    @TestSecurity(
            user = "physio",
            roles = {"physio"})
    void physioSendsTheInvitationAgainAndSeesWhereItWent() {
        long id = Fixtures.nextId();
        when(patients.invite(id)).thenReturn(new Invitation(id, "INVITED", "nia@example.test", "nia@example.test"));
        Pages.Csrf csrf = Pages.csrf("/patients/new");

        Document page = Pages.html(given().header("Origin", Pages.origin())
                .cookie("csrf-token", csrf.cookie())
                .formParam("csrf-token", csrf.token())
                .post("/patients/{id}/invite", id)
                .then()
                .statusCode(200)
                .extract()
                .response());

        assertThat(page.select("#invitation-sent").text()).startsWith("Invitation sent to nia@example.test");
        verify(patients).invite(id);
    }

    @Test
    @TestSecurity(
            user = "physio",
            roles = {"physio"})
    void invitationWithoutEmailShowsWhatToDo() {
        long id = Fixtures.nextId();
        when(patients.invite(id))
                .thenThrow(Fixtures.problem(422, "The invitation is sent by e-mail: add an e-mail address first."));
        Pages.Csrf csrf = Pages.csrf("/patients/new");

        Document page = Pages.html(given().header("Origin", Pages.origin())
                .cookie("csrf-token", csrf.cookie())
                .formParam("csrf-token", csrf.token())
                .post("/patients/{id}/invite", id)
                .then()
                .statusCode(200)
                .extract()
                .response());

        assertThat(page.text()).contains("add an e-mail address first");
        assertThat(page.select("#invitation-sent")).isEmpty();
    }

    @Test
    @TestSecurity(
            user = "physio",
            roles = {"physio"})
    void invitationWithoutCsrfTokenIsRefusedAndNotSent() {
        given().header("Origin", Pages.origin())
                .post("/patients/{id}/invite", 7)
                .then()
                .statusCode(403);
        verify(patients, never()).invite(anyLong());
    }

    @Test
    @TestSecurity(
            user = "physio",
            roles = {"physio"})
    void rejectedRegistrationKeepsWhatWasTypedAndShowsTheFieldError() {
        when(patients.register(any())).thenThrow(Fixtures.invalid("email", "must be a well-formed email address"));
        Pages.Csrf csrf = Pages.csrf("/patients/new");

        Document page = Pages.html(given().header("Origin", Pages.origin())
                .formParam("csrf-token", csrf.token())
                .formParam("givenName", "Nia")
                .formParam("familyName", "Okafor")
                .formParam("dateOfBirth", "1990-01-01")
                .formParam("email", "not-an-email")
                .post("/patients")
                .then()
                .statusCode(200)
                .extract()
                .response());

        assertThat(page.select("#email-error").text()).isEqualTo("must be a well-formed email address");
        assertThat(page.select("#email").attr("aria-invalid")).isEqualTo("true");
        assertThat(page.select("#email").attr("value")).isEqualTo("not-an-email");
        assertThat(page.select("#givenName").attr("value")).isEqualTo("Nia");
    }

    @Test
    @TestSecurity(
            user = "physio",
            roles = {"physio"})
    void registrationNeedsNamesAndBirthDateBeforeAnythingIsSent() {
        Pages.Csrf csrf = Pages.csrf("/patients/new");

        Document page = Pages.html(given().header("Origin", Pages.origin())
                .formParam("csrf-token", csrf.token())
                .formParam("familyName", "Okafor")
                .post("/patients")
                .then()
                .statusCode(200)
                .extract()
                .response());

        assertThat(page.select("#givenName-error").text()).isEqualTo("Enter the patient's given name.");
        assertThat(page.select("#familyName").attr("value")).isEqualTo("Okafor");
        verify(patients, never()).register(any());
    }

    @Test
    @TestSecurity(
            user = "physio",
            roles = {"physio"})
    void patientPageShowsDetailsClearanceAndScreeningHistory() {
        long id = Fixtures.nextId();
        when(patients.get(id)).thenReturn(Fixtures.patient(id, "Alex", "Morgan"));
        when(patients.clearance(id))
                .thenReturn(new Clearance(id, true, "Clear screening", 5L, "2027-02-24", "patient2", "physio"));
        when(patients.screenings(id))
                .thenReturn(List.of(new Screening(
                        5L,
                        "CLEAR",
                        List.of(),
                        List.of("RADIATING_BELOW_BUTTOCK"),
                        List.of(),
                        "first visit",
                        false,
                        null,
                        null,
                        "2026-11-20T10:00:00Z",
                        "physio",
                        "2027-02-18")));
        when(programs.programsOf(id)).thenReturn(List.of());

        Document page = Pages.html(
                given().get("/patients/" + id).then().statusCode(200).extract().response());

        assertThat(page.select("#patient-name").text()).isEqualTo("Alex Morgan");
        assertThat(page.select("#clearance").text()).contains("Cleared").contains("2027-02-24");
        assertThat(page.select("#screenings td").text()).contains("Clear: an exercise program may start");
    }

    @Test
    @TestSecurity(
            user = "physio",
            roles = {"physio"})
    void programPanelDegradesAloneWhenProgramServiceIsDown() {
        long id = Fixtures.nextId();
        when(patients.get(id)).thenReturn(Fixtures.patient(id, "Alex", "Morgan"));
        when(patients.screenings(id)).thenReturn(List.of());
        when(patients.clearance(id)).thenReturn(new Clearance(id, false, "No screening", null, null, null, "physio"));
        when(programs.programsOf(anyLong())).thenThrow(Fixtures.problem(503, "Database unavailable"));

        Document page = Pages.html(
                given().get("/patients/" + id).then().statusCode(200).extract().response());

        assertThat(page.select("#patient-name").text()).isEqualTo("Alex Morgan");
        assertThat(page.select(".notice.degraded").text()).contains("program service is busy or down");
    }

    @Test
    @TestSecurity(
            user = "physio",
            roles = {"physio"})
    void unknownOrForeignPatientGivesTheNotFoundPage() {
        long id = Fixtures.nextId();
        when(patients.get(id)).thenThrow(Fixtures.problem(404, "No such patient"));

        given().get("/patients/" + id).then().statusCode(404);
    }

    @Test
    @TestSecurity(
            user = "admin",
            roles = {"admin"})
    void adminSeesTheCareTeamFormAndWhoOpenedTheRecord() {
        long id = Fixtures.nextId();
        when(patients.get(id)).thenReturn(Fixtures.patient(id, "Ada", "Lovelace"));
        when(patients.access(id)).thenReturn(new Access(id, "physio", List.of(), "ADMIN", null));
        when(patients.grantsOf(id))
                .thenReturn(List.of(
                        new Grant(1L, id, "physio2", "Night call", "2026-11-30T21:00:00Z", "2026-12-01T09:00:00Z")));
        when(programs.programsOf(id)).thenReturn(List.of());

        Document page = Pages.html(
                given().get("/patients/" + id).then().statusCode(200).extract().response());

        assertThat(page.select("#care-team-form #carePhysio").attr("value")).isEqualTo("physio");
        assertThat(page.select("#care-team-members").text()).isEqualTo("No one else");
        assertThat(page.select("#grants td").eachText()).contains("physio2", "Night call");
        assertThat(page.select("#emergency-access")).isEmpty();
    }

    @Test
    @TestSecurity(
            user = "physio",
            roles = {"physio"})
    void aTeamMemberSeesWhoOpenedTheRecordButCannotChangeTheTeam() {
        long id = Fixtures.nextId();
        when(patients.get(id)).thenReturn(Fixtures.patient(id, "Ada", "Lovelace"));
        when(patients.access(id)).thenReturn(new Access(id, "physio2", List.of("physio"), "CARE_TEAM", null));
        when(patients.grantsOf(id)).thenReturn(List.of());
        when(programs.programsOf(id)).thenReturn(List.of());

        Document page = Pages.html(
                given().get("/patients/" + id).then().statusCode(200).extract().response());

        assertThat(page.select("#care-team-form")).isEmpty();
        assertThat(page.select("#no-grants").text()).contains("No one outside the care team");
    }

    @Test
    @TestSecurity(
            user = "admin",
            roles = {"admin"})
    void adminMayReadAPatientButNotRegisterOne() {
        long id = Fixtures.nextId();
        Patient p = Fixtures.patient(id, "Ada", "Lovelace");
        when(patients.get(id)).thenReturn(p);
        when(programs.programsOf(id)).thenReturn(List.of());

        given().get("/patients/" + id).then().statusCode(200);
        given().get("/patients/new").then().statusCode(403);
    }

    @Test
    @TestSecurity(
            user = "physio",
            roles = {"physio"})
    void programOnHoldAndALegacyConstantPainScreeningAreShownPlainly() {
        long id = Fixtures.nextId();
        when(patients.get(id)).thenReturn(Fixtures.patient(id, "Alex", "Morgan"));
        when(patients.clearance(id)).thenReturn(new Clearance(id, false, "Red flag", 5L, null, "patient2", "physio"));
        // A first-release screening: constant pain as an "other sign", stored as CLEAR.
        when(patients.screenings(id))
                .thenReturn(List.of(new Screening(
                        5L,
                        "CLEAR",
                        List.of(),
                        List.of("RADIATING_BELOW_BUTTOCK", "PARAESTHESIA"),
                        List.of("POSITION_INDEPENDENT_PAIN"),
                        null,
                        false,
                        null,
                        null,
                        "2026-10-20T10:00:00Z",
                        "physio",
                        "2027-01-18")));
        when(programs.programsOf(id))
                .thenReturn(List.of(new Program(
                        77L,
                        id,
                        "sciatica-phased",
                        2,
                        "ON_HOLD",
                        "2026-11-01",
                        List.of(),
                        List.of(),
                        "patient2",
                        "physio",
                        null,
                        3L,
                        new Hold("2026-11-26T09:05:00", "SCREENING", List.of("BLADDER_BOWEL"), "Red flag"))));

        Document page = Pages.html(
                given().get("/patients/" + id).then().statusCode(200).extract().response());

        assertThat(page.select("#programs .program-status").text()).isEqualTo("On hold");
        assertThat(page.select("#programs .program-status").hasClass("danger")).isTrue();
        assertThat(page.select("#programs li").text()).contains("since 26 Nov 2026, 09:05 (screening)");
        assertThat(page.select("#screenings td").text()).contains("Constant severe pain in every position");
    }
}
