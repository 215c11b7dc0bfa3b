package clinic.portal;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import clinic.portal.outbound.PatientApi.NewScreening;
import clinic.portal.outbound.PatientApi.Screening;
import clinic.portal.outbound.PatientServiceClient;
import clinic.portal.outbound.ProblemBody;
import clinic.portal.outbound.ServiceException;
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
class ScreeningPagesTest {

    @InjectMock
    @RestClient
    PatientServiceClient patients;

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    private static Screening screening(String outcome, List<String> redFlags) {
        return new Screening(
                Fixtures.nextId(),
                outcome,
                redFlags,
                List.of(),
                List.of(),
                null,
                false,
                null,
                null,
                "2026-11-26T10:00:00Z",
                "physio",
                "URGENT_REFERRAL".equals(outcome) ? null : "2027-02-24");
    }

    @Test
    @TestSecurity(
            user = "physio",
            roles = {"physio"})
    void urgentReferralShowsAnUnmistakableEmergencyBanner() {
        long id = Fixtures.nextId();
        when(patients.get(id)).thenReturn(Fixtures.patient(id, "Sam", "Rivera"));
        when(patients.screen(eq(id), any())).thenReturn(screening("URGENT_REFERRAL", List.of("BLADDER_BOWEL")));
        Pages.Csrf csrf = Pages.csrf("/patients/" + id + "/screening");

        Document page = Pages.html(given().header("Origin", Pages.origin())
                .formParam("csrf-token", csrf.token())
                .formParam("redFlags", "BLADDER_BOWEL")
                .formParam("sciaticaSigns", "RADIATING_BELOW_BUTTOCK")
                .post("/patients/" + id + "/screenings")
                .then()
                .statusCode(200)
                .extract()
                .response());

        assertThat(page.select("#emergency-banner").attr("role")).isEqualTo("alert");
        assertThat(page.select("#emergency-banner").text())
                .contains("Emergency")
                .contains("Loss of bladder or bowel control");
        assertThat(page.select("a[href=/patients/" + id + "/assign]")).isEmpty();
        ArgumentCaptor<NewScreening> sent = ArgumentCaptor.forClass(NewScreening.class);
        verify(patients).screen(eq(id), sent.capture());
        assertThat(sent.getValue().redFlags()).containsExactly("BLADDER_BOWEL");
        assertThat(sent.getValue().sciaticaSigns()).containsExactly("RADIATING_BELOW_BUTTOCK");
        assertThat(sent.getValue().override()).isNull();
    }

    @Test
    @TestSecurity(
            user = "physio",
            roles = {"physio"})
    void clearOutcomeHasNoEmergencyBannerAndOffersAProgram() {
        long id = Fixtures.nextId();
        when(patients.get(id)).thenReturn(Fixtures.patient(id, "Sam", "Rivera"));
        when(patients.screen(eq(id), any())).thenReturn(screening("CLEAR", List.of()));
        Pages.Csrf csrf = Pages.csrf("/patients/" + id + "/screening");

        Document page = Pages.html(given().header("Origin", Pages.origin())
                .formParam("csrf-token", csrf.token())
                .formParam("sciaticaSigns", "PARAESTHESIA")
                .formParam("overrideReason", "  ")
                .post("/patients/" + id + "/screenings")
                .then()
                .statusCode(200)
                .extract()
                .response());

        assertThat(page.select("#emergency-banner")).isEmpty();
        assertThat(page.select("#screening-outcome").text()).startsWith("Clear");
        assertThat(page.select("a[href=/patients/" + id + "/assign]")).isNotEmpty();
    }

    @Test
    @TestSecurity(
            user = "physio",
            roles = {"physio"})
    void overrideReasonIsSentAsTheOverride() {
        long id = Fixtures.nextId();
        when(patients.get(id)).thenReturn(Fixtures.patient(id, "Sam", "Rivera"));
        when(patients.screen(eq(id), any())).thenReturn(screening("REFER_FOR_ASSESSMENT", List.of()));
        Pages.Csrf csrf = Pages.csrf("/patients/" + id + "/screening");

        given().header("Origin", Pages.origin())
                .formParam("csrf-token", csrf.token())
                .formParam("otherSigns", "LOCAL_BACK_OR_HIP_ONLY")
                .formParam("overrideReason", "Assessed in clinic: radicular pattern")
                .post("/patients/" + id + "/screenings")
                .then()
                .statusCode(200);

        ArgumentCaptor<NewScreening> sent = ArgumentCaptor.forClass(NewScreening.class);
        verify(patients).screen(eq(id), sent.capture());
        assertThat(sent.getValue().override().reason()).isEqualTo("Assessed in clinic: radicular pattern");
    }

    @Test
    @TestSecurity(
            user = "physio",
            roles = {"physio"})
    void failedScreeningKeepsTheTicksAndSaysWhenToRetry() {
        long id = Fixtures.nextId();
        when(patients.get(id)).thenReturn(Fixtures.patient(id, "Sam", "Rivera"));
        when(patients.screen(eq(id), any()))
                .thenThrow(new ServiceException(
                        503, new ProblemBody("about:blank", "Unavailable", 503, "Busy", null, null), "30"));
        Pages.Csrf csrf = Pages.csrf("/patients/" + id + "/screening");

        Document page = Pages.html(given().header("Origin", Pages.origin())
                .formParam("csrf-token", csrf.token())
                .formParam("redFlags", "SADDLE_NUMBNESS")
                .formParam("notes", "numb since Tuesday")
                .post("/patients/" + id + "/screenings")
                .then()
                .statusCode(200)
                .extract()
                .response());

        assertThat(page.select("#rf-SADDLE_NUMBNESS").hasAttr("checked")).isTrue();
        assertThat(page.select("#rf-BLADDER_BOWEL").hasAttr("checked")).isFalse();
        assertThat(page.select("#notes").text()).isEqualTo("numb since Tuesday");
        assertThat(page.select(".notice").text()).contains("Try again in 30 seconds");
    }

    @Test
    @TestSecurity(
            user = "patient",
            roles = {"patient"})
    void patientCannotOpenTheScreeningForm() {
        given().get("/patients/1/screening").then().statusCode(403);
    }

    private static Screening withHold(String outcome, List<String> redFlags, String programHold) {
        Screening s = screening(outcome, redFlags);
        return new Screening(
                s.id(),
                s.outcome(),
                s.redFlags(),
                List.of("RADIATING_BELOW_BUTTOCK"),
                s.otherSigns(),
                s.notes(),
                s.overridden(),
                s.overrideReason(),
                s.overriddenBy(),
                s.screenedAt(),
                s.screenedBy(),
                s.validUntil(),
                programHold);
    }

    @Test
    @TestSecurity(
            user = "physio",
            roles = {"physio"})
    void formListsTheFiveRedFlagsInClinicalWordsAndNoLegacyOtherSign() {
        long id = Fixtures.nextId();
        when(patients.get(id)).thenReturn(Fixtures.patient(id, "Sam", "Rivera"));

        Document page = Pages.html(given().get("/patients/" + id + "/screening")
                .then()
                .statusCode(200)
                .extract()
                .response());

        assertThat(page.select("input[name=redFlags]").eachAttr("value"))
                .containsExactly(
                        "BLADDER_BOWEL", "SADDLE_NUMBNESS", "PROGRESSIVE_WEAKNESS", "CONSTANT_SEVERE_PAIN", "SYSTEMIC");
        assertThat(page.select("label[for=rf-SADDLE_NUMBNESS]").text())
                .isEqualTo("Numbness in the saddle area: Saddle anaesthesia: possible cauda equina syndrome");
        assertThat(page.select("input[name=sciaticaSigns]")).hasSize(4);
        assertThat(page.select("input[name=otherSigns]").eachAttr("value"))
                .containsExactly("LOCAL_BACK_OR_HIP_ONLY", "ANTERIOR_THIGH_GROIN");
        assertThat(page.html()).doesNotContain("POSITION_INDEPENDENT_PAIN");
    }

    @Test
    @TestSecurity(
            user = "physio",
            roles = {"physio"})
    void redFlagResultSaysTheProgramIsOnHoldOrWillBe() {
        long id = Fixtures.nextId();
        when(patients.get(id)).thenReturn(Fixtures.patient(id, "Sam", "Rivera"));
        when(patients.screen(eq(id), any()))
                .thenReturn(
                        withHold("URGENT_REFERRAL", List.of("SYSTEMIC"), "DELIVERED"),
                        withHold("URGENT_REFERRAL", List.of("SYSTEMIC"), "PENDING"));
        Pages.Csrf csrf = Pages.csrf("/patients/" + id + "/screening");

        Document delivered = Pages.html(given().header("Origin", Pages.origin())
                .formParam("csrf-token", csrf.token())
                .formParam("redFlags", "SYSTEMIC")
                .post("/patients/" + id + "/screenings")
                .then()
                .statusCode(200)
                .extract()
                .response());
        Document pending = Pages.html(given().header("Origin", Pages.origin())
                .formParam("csrf-token", csrf.token())
                .formParam("redFlags", "SYSTEMIC")
                .post("/patients/" + id + "/screenings")
                .then()
                .statusCode(200)
                .extract()
                .response());

        assertThat(delivered.select("#program-hold").text()).contains("exercise program is on hold");
        assertThat(pending.select("#program-hold").text())
                .contains("will be put on hold as soon as the program service is reachable");
        assertThat(delivered.select("#screening-flags").text())
                .contains("exclude infection or malignancy today")
                .doesNotContain("cauda equina");
        assertThat(delivered.select("#screening-explanation").text())
                .startsWith("Red flag: Fever, unexplained weight loss or history of cancer");
    }

    @Test
    @TestSecurity(
            user = "physio",
            roles = {"physio"})
    void referralResultExplainsWhy() {
        long id = Fixtures.nextId();
        when(patients.get(id)).thenReturn(Fixtures.patient(id, "Sam", "Rivera"));
        when(patients.screen(eq(id), any())).thenReturn(screening("REFER_FOR_ASSESSMENT", List.of()));
        Pages.Csrf csrf = Pages.csrf("/patients/" + id + "/screening");

        Document page = Pages.html(given().header("Origin", Pages.origin())
                .formParam("csrf-token", csrf.token())
                .formParam("otherSigns", "LOCAL_BACK_OR_HIP_ONLY")
                .post("/patients/" + id + "/screenings")
                .then()
                .statusCode(200)
                .extract()
                .response());

        assertThat(page.select("#screening-explanation").text()).startsWith("No classic sign of sciatica");
        assertThat(page.select("#program-hold")).isEmpty();
    }
}
