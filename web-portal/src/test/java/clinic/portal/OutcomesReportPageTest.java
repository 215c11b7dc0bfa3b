package clinic.portal;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import clinic.portal.outbound.PatientServiceClient;
import clinic.portal.outbound.ProgramApi;
import clinic.portal.outbound.ProgramServiceClient;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.InjectMock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.RestAssured;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The reports page's Outcomes section (program-service's {@code GET /api/reports/outcomes}) and its CSV link. */
@QuarkusTest
class OutcomesReportPageTest {

    @InjectMock
    @RestClient
    PatientServiceClient patients;

    @InjectMock
    @RestClient
    ProgramServiceClient programs;

    private static final ObjectMapper JSON = new ObjectMapper();

    /** As program-service answers it (the contract's shape), with a physio name that must be escaped. */
    private static final String OUTCOMES =
            """
            {"period":{"from":"2026-09-01","to":"2026-11-20","asOf":"2026-11-20","physio":null,"protocol":null},
             "discharged":5,
             "reachedMic":{"count":2,"percent":66.7},
             "byProtocol":[{"protocol":"sciatica-phased","discharged":5,"withMeasures":3,"reachedMic":2,"percent":66.7}],
             "byPhysio":[{"physio":"physio","discharged":4,"withMeasures":3,"reachedMic":2,"percent":66.7},
                         {"physio":"<b>physio2</b>","discharged":1,"withMeasures":0,"reachedMic":0,"percent":null}],
             "completion":{"due":15,"completed":11,"percent":73.3,"byTimepoint":[
                 {"timepoint":"BASELINE","due":4,"completed":4,"percent":100.0},
                 {"timepoint":"WEEK_4","due":5,"completed":4,"percent":80.0},
                 {"timepoint":"WEEK_8","due":2,"completed":1,"percent":50.0},
                 {"timepoint":"DISCHARGE","due":4,"completed":2,"percent":50.0}]},
             "reasons":[{"reason":"GOALS_MET","count":2,"percent":40.0},{"reason":"SELF_MANAGING","count":1,"percent":20.0},
                        {"reason":"REFERRED_ON","count":0,"percent":0.0},{"reason":"PATIENT_CHOICE","count":0,"percent":0.0},
                        {"reason":"DID_NOT_ENGAGE","count":2,"percent":40.0},{"reason":"OTHER","count":0,"percent":0.0}],
             "someFieldAddedLater":true}
            """;

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    private void otherReportsNotOffered() {
        when(programs.report(any(), any(), any(), any(), any(), any())).thenThrow(Fixtures.problem(404, "Not found"));
        when(programs.report(any(), any(), any(), any(), any(), any(), any()))
                .thenThrow(Fixtures.problem(404, "Not found"));
    }

    @Test
    @TestSecurity(
            user = "admin",
            roles = {"admin"})
    void adminSeesTheOutcomesOfDischargedProgramsWithTheFilterPassedOn() throws Exception {
        otherReportsNotOffered();
        when(programs.outcomesReport(any(), any(), any(), any()))
                .thenReturn(JSON.readValue(OUTCOMES, ProgramApi.OutcomesReport.class));

        Document page = Pages.html(given().queryParam("from", "2026-09-01")
                .queryParam("to", "2026-11-20")
                .queryParam("protocol", "sciatica-phased")
                .get("/admin/reports")
                .then()
                .statusCode(200)
                .extract()
                .response());

        verify(programs).outcomesReport("2026-09-01", "2026-11-20", null, "sciatica-phased");
        assertThat(page.select("#report-outcomes h2").text()).isEqualTo("Outcomes");
        assertThat(page.select("#outcomes-discharged").text()).isEqualTo("5");
        assertThat(page.select("#outcomes-reached-mic").text())
                .isEqualTo("66.7 % (2 of 3 with a baseline and a later score)");
        assertThat(page.select("#outcomes-completion").text()).isEqualTo("73.3 % (11 of 15 due)");
        assertThat(page.select("#outcomes-by-protocol tbody td").eachText())
                .containsExactly("sciatica-phased", "5", "3", "2", "66.7");
        assertThat(page.select("#outcomes-by-physio tbody tr")
                        .get(1)
                        .select("td")
                        .eachText())
                .containsExactly("<b>physio2</b>", "1", "0", "0", "–");
        assertThat(page.select("#outcomes-by-physio b")).isEmpty();
        assertThat(page.select("#outcomes-completion-by-timepoint tr[data-timepoint=WEEK_4] td")
                        .eachText())
                .containsExactly("Week 4", "5", "4", "80.0");
        assertThat(page.select("#outcomes-completion-by-timepoint tbody td:eq(0)")
                        .eachText())
                .containsExactly("Baseline", "Week 4", "Week 8", "Discharge");
        assertThat(page.select("#outcomes-reasons tr[data-reason=DID_NOT_ENGAGE] td")
                        .eachText())
                .containsExactly("Did not engage", "2", "40.0");
        assertThat(page.select("#report-outcomes a.csv-link").attr("href"))
                .isEqualTo("/admin/reports/outcomes.csv?from=2026-09-01&to=2026-11-20&protocol=sciatica-phased");
    }

    @Test
    @TestSecurity(
            user = "admin",
            roles = {"admin"})
    void anEmptyPeriodSaysSoRatherThanShowingZeroPercent() throws Exception {
        otherReportsNotOffered();
        when(programs.outcomesReport(any(), any(), any(), any()))
                .thenReturn(JSON.readValue(
                        """
                        {"discharged":0,"reachedMic":{"count":0,"percent":null},"byProtocol":[],"byPhysio":[],
                         "completion":{"due":0,"completed":0,"percent":null,"byTimepoint":[]},"reasons":[]}
                        """,
                        ProgramApi.OutcomesReport.class));

        Document page = Pages.html(
                given().get("/admin/reports").then().statusCode(200).extract().response());

        assertThat(page.select("#outcomes-discharged").text()).isEqualTo("0");
        assertThat(page.select("#outcomes-reached-mic").text()).startsWith("– (no discharged program");
        assertThat(page.select("#outcomes-completion").text()).isEqualTo("– (none due)");
        assertThat(page.select("#outcomes-by-protocol td").text()).isEqualTo("No program discharged in the period.");
    }

    @Test
    @TestSecurity(
            user = "admin",
            roles = {"admin"})
    void aServiceWithoutTheReportOrDownSaysSoInTheSectionOnly() {
        otherReportsNotOffered();
        when(programs.outcomesReport(any(), any(), any(), any())).thenThrow(Fixtures.problem(404, "Not found"));

        Document page = Pages.html(
                given().get("/admin/reports").then().statusCode(200).extract().response());
        assertThat(page.select("#report-outcomes .not-yet").text()).startsWith("Not yet available");

        doThrow(new jakarta.ws.rs.ProcessingException("connection refused"))
                .when(programs)
                .outcomesReport(any(), any(), any(), any());
        page = Pages.html(
                given().get("/admin/reports").then().statusCode(200).extract().response());
        assertThat(page.select("#report-outcomes .notice.degraded").text()).contains("not reachable");
        assertThat(page.select("#report-outcomes a.csv-link").attr("href")).isEqualTo("/admin/reports/outcomes.csv");
    }

    @Test
    @TestSecurity(
            user = "admin",
            roles = {"admin"})
    void theCsvLinkStreamsTheServicesOutcomesCsv() {
        String csv = "section,key,discharged,withMeasures,reachedMic,due,completed,count,percent\r\n"
                + "total,,5,3,2,,,,66.7\r\n";
        when(programs.reportCsv("outcomes", "2026-09-01", null, null))
                .thenReturn(Response.ok(csv)
                        .type("text/csv; charset=UTF-8")
                        .header("Content-Disposition", "attachment; filename=\"outcomes_2026-09-01_2026-11-26.csv\"")
                        .build());

        given().queryParam("from", "2026-09-01")
                .get("/admin/reports/outcomes.csv")
                .then()
                .statusCode(200)
                .contentType(containsString("text/csv"))
                .header("Content-Disposition", "attachment; filename=\"outcomes_2026-09-01_2026-11-26.csv\"")
                .body(equalTo(csv));
    }

    @Test
    @TestSecurity(
            user = "physio",
            roles = {"physio"})
    void aPhysioMayNotDownloadTheOutcomes() {
        given().get("/admin/reports/outcomes.csv").then().statusCode(403);
    }
}
