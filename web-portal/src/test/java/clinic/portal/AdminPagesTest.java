package clinic.portal;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import clinic.portal.admin.AdminPages;
import clinic.portal.outbound.AuditApi;
import clinic.portal.outbound.PatientServiceClient;
import clinic.portal.outbound.ProgramServiceClient;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import org.junit.jupiter.api.Test;

@QuarkusTest
class AdminPagesTest {

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

    private static final ObjectMapper JSON = new ObjectMapper();

    static final String OVERVIEW =
            "{\"from\":\"2026-11-11\",\"to\":\"2026-11-21\",\"activePrograms\":7,\"activePatients\":6,"
                    + "\"programsByPhase\":[{\"phase\":1,\"programs\":4},{\"phase\":2,\"programs\":3}],"
                    + "\"sessionsPerWeek\":[{\"isoWeek\":\"2026-W46\",\"weekStart\":\"2026-11-09\",\"sessions\":11},"
                    + "{\"isoWeek\":\"2026-W47\",\"weekStart\":\"2026-11-16\",\"sessions\":0}],"
                    + "\"adherenceDistribution\":[{\"bucket\":\"<25\",\"programs\":1},{\"bucket\":\"25-50\",\"programs\":0},"
                    + "{\"bucket\":\"50-75\",\"programs\":2},{\"bucket\":\">=75\",\"programs\":4}],"
                    + "\"medianPainChange\":2.5,"
                    + "\"improvement\":[{\"week\":4,\"programs\":5,\"improved\":2,\"percent\":40.0},"
                    + "{\"week\":8,\"programs\":2,\"improved\":1,\"percent\":50.0}],"
                    + "\"openAlerts\":[{\"severity\":\"URGENT\",\"open\":1},{\"severity\":\"WARNING\",\"open\":3}]}";

    /** Every report answers 404 unless a test stubs it; doReturn because when(...) would hit the catch-all. */
    private void reportsNotOffered() {
        when(programs.report(any(), any(), any(), any(), any(), any())).thenThrow(Fixtures.problem(404, "Not found"));
    }

    private void report(String name, String json) throws Exception {
        doReturn(JSON.readTree(json)).when(programs).report(eq(name), any(), any(), any(), any(), any());
    }

    @Test
    @TestSecurity(
            user = "admin",
            roles = {"admin"})
    void reportsTheServiceDoesNotOfferYetSayNotYetAvailable() throws Exception {
        reportsNotOffered();
        report("caseload", "[{\"carePhysio\":\"physio\",\"active\":2}]");

        Document page = Pages.html(
                given().get("/admin/reports").then().statusCode(200).extract().response());

        assertThat(page.select("#report-caseload td").eachText()).containsExactly("physio", "2");
        assertThat(page.select("#report-adherence .not-yet").text()).startsWith("Not yet available");
        assertThat(page.select("#report-referrals .not-yet")).isNotEmpty();
        assertThat(page.select("#report-overview .not-yet")).isNotEmpty();
    }

    @Test
    @TestSecurity(
            user = "admin",
            roles = {"admin"})
    void adminSeesOverviewFiguresAndChartData() throws Exception {
        reportsNotOffered();
        report("overview", OVERVIEW);

        Document page = Pages.html(
                given().get("/admin/reports").then().statusCode(200).extract().response());

        assertThat(page.select("#active-programs").text()).isEqualTo("7");
        assertThat(page.select("#active-patients").text()).isEqualTo("6");
        assertThat(page.select("#median-pain-change").text()).isEqualTo("2.5");
        assertThat(page.select(".improvement[data-week=4]").text()).isEqualTo("40.0 % (2 of 5 programs)");
        assertThat(page.select(".improvement[data-week=8]").text()).isEqualTo("50.0 % (1 of 2 programs)");
        assertThat(page.select(".open-alerts[data-severity=URGENT]").text()).isEqualTo("1");
        assertThat(page.select(".open-alerts[data-severity=WARNING]").text()).isEqualTo("3");

        assertThat(page.select("#phase-chart").attr("data-chart")).isEqualTo("report-bar");
        assertThat(JSON.readTree(page.select("#phase-chart").attr("data-points")))
                .isEqualTo(JSON.readTree("[{\"label\":\"1\",\"value\":4},{\"label\":\"2\",\"value\":3}]"));
        assertThat(page.select("#sessions-chart").attr("data-chart")).isEqualTo("report-line");
        assertThat(JSON.readTree(page.select("#sessions-chart").attr("data-points")))
                .isEqualTo(JSON.readTree("[{\"label\":\"2026-W46 (2026-11-09, from 2026-11-11 only)\",\"value\":11},"
                        + "{\"label\":\"2026-W47 (2026-11-16, to 2026-11-21 only)\",\"value\":0}]"));
        assertThat(JSON.readTree(page.select("#adherence-distribution-chart").attr("data-points"))
                        .findValuesAsText("label"))
                .containsExactly("<25", "25-50", "50-75", ">=75");
        // The same data as tables for readers without JavaScript.
        assertThat(page.select("#adherence-distribution-table td").eachText())
                .containsExactly("<25", "1", "25-50", "0", "50-75", "2", ">=75", "4");
        // Scripts come from the portal only (the CSP forbids inline script).
        assertThat(page.select("script[src]").eachAttr("src"))
                .contains("/webjars/chart.js/dist/chart.umd.js", "/js/charts.js");
        assertThat(page.select("script:not([src])")).isEmpty();
    }

    @Test
    @TestSecurity(
            user = "admin",
            roles = {"admin"})
    void filterIsPassedToEveryReportAndToEachCsvLink() throws Exception {
        reportsNotOffered();

        Document page = Pages.html(given().queryParam("from", "2026-09-01")
                .queryParam("to", "2026-11-20")
                .queryParam("physio", "physio2")
                .get("/admin/reports")
                .then()
                .statusCode(200)
                .extract()
                .response());

        for (String name : List.of("overview", "caseload", "referrals", "adherence")) {
            verify(programs)
                    .report(
                            name,
                            "2026-09-01",
                            "2026-11-20",
                            "physio2",
                            null,
                            name.equals("referrals") ? AdminPages.REFERRALS_PAGE : null);
            assertThat(page.select("#report-" + name + " a.csv-link").attr("href"))
                    .isEqualTo("/admin/reports/" + name + ".csv?from=2026-09-01&to=2026-11-20&physio=physio2");
        }
        assertThat(page.select("#report-filter #from").attr("value")).isEqualTo("2026-09-01");
        assertThat(page.select("#report-filter #physio").attr("value")).isEqualTo("physio2");
    }

    @Test
    @TestSecurity(
            user = "admin",
            roles = {"admin"})
    void csvEndpointStreamsTheServicesCsvAsAnAttachment() {
        String csv = "programId,patientId,adherence\r\n4,1,12.5\r\n";
        when(programs.reportCsv("adherence", "2026-09-01", null, "physio"))
                .thenReturn(Response.ok(csv)
                        .type("text/csv; charset=UTF-8")
                        .header("Content-Disposition", "attachment; filename=\"adherence_2026-09-01_2026-11-26.csv\"")
                        .header("X-Next-Cursor", "12.5:4")
                        .build());

        given().queryParam("from", "2026-09-01")
                .queryParam("physio", "physio")
                .get("/admin/reports/adherence.csv")
                .then()
                .statusCode(200)
                .contentType(containsString("text/csv"))
                .header("Content-Disposition", "attachment; filename=\"adherence_2026-09-01_2026-11-26.csv\"")
                .header("X-Next-Cursor", "12.5:4")
                .body(equalTo(csv));
    }

    @Test
    @TestSecurity(
            user = "admin",
            roles = {"admin"})
    void csvWithoutAFileNameFromTheServiceIsStillAnAttachment() {
        when(programs.reportCsv(eq("caseload"), any(), any(), any()))
                .thenReturn(Response.ok("physio,patients\r\n").build());

        given().get("/admin/reports/caseload.csv")
                .then()
                .statusCode(200)
                .contentType(containsString("text/csv"))
                .header("Content-Disposition", "attachment; filename=\"caseload.csv\"");
    }

    @Test
    @TestSecurity(
            user = "admin",
            roles = {"admin"})
    void csvFromADownServiceGivesTheReportsPageWithANotice() {
        reportsNotOffered();
        when(programs.reportCsv(any(), any(), any(), any())).thenThrow(new ProcessingException("down"));

        Document page = Pages.html(given().get("/admin/reports/overview.csv")
                .then()
                .statusCode(503)
                .contentType(containsString("text/html"))
                .extract()
                .response());

        assertThat(page.select("#csv-notice .notice.degraded").text()).contains("not reachable");
        assertThat(page.select("#reports")).isNotEmpty();
    }

    @Test
    @TestSecurity(
            user = "admin",
            roles = {"admin"})
    void unknownReportNameOnTheCsvEndpointIsNotFound() {
        given().get("/admin/reports/salaries.csv").then().statusCode(404).body(containsString("Not found"));
        verify(programs, never()).reportCsv(any(), any(), any(), any());
    }

    @Test
    @TestSecurity(
            user = "physio",
            roles = {"physio"})
    void physioMayNotOpenReportsNorDownloadThem() {
        given().get("/admin/reports").then().statusCode(403).body(containsString("Not allowed"));
        given().get("/admin/reports/overview.csv").then().statusCode(403).body(containsString("Not allowed"));
        verify(programs, never()).report(any(), any(), any(), any(), any(), any());
        verify(programs, never()).reportCsv(any(), any(), any(), any());
    }

    @Test
    @TestSecurity(
            user = "admin",
            roles = {"admin"})
    void patientNamesComeFromOneBatchCallAndAdherenceHasANextPage() throws Exception {
        long a = Fixtures.nextId();
        long b = Fixtures.nextId();
        long c = Fixtures.nextId();
        reportsNotOffered();
        report(
                "referrals",
                "{\"referralWeeks\":6,\"items\":[{\"programId\":1,\"patientId\":" + a + ",\"physio\":\"physio\"},"
                        + "{\"programId\":2,\"patientId\":" + b + ",\"physio\":\"physio\"}]}");
        report(
                "adherence",
                "{\"items\":[{\"programId\":2,\"patientId\":" + b + ",\"adherence\":10.0},"
                        + "{\"programId\":3,\"patientId\":" + c + ",\"adherence\":20.0}],"
                        + "\"nextCursor\":\"20.0:3\"}");
        when(patients.byIds(a + "," + b + "," + c))
                .thenReturn(Fixtures.page(
                        Fixtures.patient(a, "Sam", "Rivera"),
                        Fixtures.patient(b, "Alex", "<i>Morgan</i>"),
                        Fixtures.patient(c, "Kim", "Lee")));

        Document page = Pages.html(given().queryParam("physio", "physio")
                .get("/admin/reports")
                .then()
                .statusCode(200)
                .extract()
                .response());

        verify(patients, times(1)).byIds(any());
        assertThat(page.select("#report-referrals th").eachText()).containsSequence("Patient ID", "Patient");
        assertThat(page.select("#report-referrals td").eachText()).contains("Sam Rivera", "Alex <i>Morgan</i>");
        assertThat(page.select("#report-referrals td i")).isEmpty();
        assertThat(page.select("#report-adherence td").eachText()).contains("Alex <i>Morgan</i>", "Kim Lee");
        assertThat(page.select("#names-notice")).isEmpty();
        assertThat(page.select("#adherence-next").attr("href"))
                .isEqualTo("/admin/reports?physio=physio&after=20.0%3A3#report-adherence");
    }

    @Test
    @TestSecurity(
            user = "admin",
            roles = {"admin"})
    void nextPageLinkPassesTheCursorToTheAdherenceReportOnly() throws Exception {
        reportsNotOffered();

        given().queryParam("after", "20.0:3").get("/admin/reports").then().statusCode(200);

        verify(programs).report("adherence", null, null, null, "20.0:3", null);
        verify(programs).report("referrals", null, null, null, null, AdminPages.REFERRALS_PAGE);
    }

    @Test
    @TestSecurity(
            user = "admin",
            roles = {"admin"})
    void theFourReportsAreAskedForSideBySide() throws Exception {
        // Each stubbed report waits until all four calls are in flight: one after another, the first would wait in
        // vain and the latch would still be open when the page is answered.
        java.util.concurrent.CountDownLatch allInFlight =
                new java.util.concurrent.CountDownLatch(AdminPages.REPORTS_SHOWN);
        when(programs.report(any(), any(), any(), any(), any(), any())).thenAnswer(call -> {
            allInFlight.countDown();
            allInFlight.await(10, java.util.concurrent.TimeUnit.SECONDS);
            return JSON.readTree("{\"items\":[]}");
        });

        given().get("/admin/reports").then().statusCode(200);

        assertThat(allInFlight.getCount()).isZero();
        verify(programs, times(AdminPages.REPORTS_SHOWN)).report(any(), any(), any(), any(), any(), any());
    }

    @Test
    @TestSecurity(
            user = "admin",
            roles = {"admin"})
    void referralsComeAPageAtATimeWithTheirTotalAndANextPage() throws Exception {
        reportsNotOffered();
        report(
                "referrals",
                "{\"referralWeeks\":6,\"total\":4337,\"size\":25,\"nextCursor\":\"2026-09-01:77\",\"items\":["
                        + "{\"programId\":77,\"patientId\":" + Fixtures.nextId() + ",\"physio\":\"physio\"}]}");

        Document page = Pages.html(given().queryParam("physio", "physio")
                .queryParam("referralsAfter", "2026-08-01:5")
                .get("/admin/reports")
                .then()
                .statusCode(200)
                .extract()
                .response());

        verify(programs).report("referrals", null, null, "physio", "2026-08-01:5", AdminPages.REFERRALS_PAGE);
        verify(programs).report("adherence", null, null, "physio", null, null);
        assertThat(page.select("#referrals-count").text()).startsWith("1 shown of 4337");
        assertThat(page.select("#referrals-next").attr("href"))
                .isEqualTo("/admin/reports?physio=physio&referralsAfter=2026-09-01%3A77#report-referrals");
    }

    @Test
    @TestSecurity(
            user = "admin",
            roles = {"admin"})
    void namesOfMoreThanOneBatchAreAskedInBatchesOfTheServicesLimit() throws Exception {
        reportsNotOffered();
        StringBuilder items = new StringBuilder();
        List<Long> ids = new java.util.ArrayList<>();
        for (int i = 0; i < AdminPages.NAMES_BATCH + 5; i++) {
            long id = Fixtures.nextId();
            ids.add(id);
            items.append(i == 0 ? "" : ",")
                    .append("{\"programId\":")
                    .append(i + 1)
                    .append(",\"patientId\":")
                    .append(id)
                    .append("}");
        }
        report("adherence", "{\"items\":[" + items + "]}");
        when(patients.byIds(any())).thenReturn(Fixtures.page());

        given().get("/admin/reports").then().statusCode(200);

        var batches = org.mockito.ArgumentCaptor.forClass(String.class);
        verify(patients, times(2)).byIds(batches.capture());
        assertThat(batches.getAllValues().get(0).split(",")).hasSize(AdminPages.NAMES_BATCH);
        assertThat(batches.getAllValues().get(1).split(",")).hasSize(5);
        assertThat(String.join(",", batches.getAllValues()))
                .isEqualTo(ids.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(",")));
    }

    @Test
    @TestSecurity(
            user = "admin",
            roles = {"admin"})
    void patientServiceDownShowsIdsWithANotice() throws Exception {
        long a = Fixtures.nextId();
        reportsNotOffered();
        report("referrals", "{\"items\":[{\"programId\":1,\"patientId\":" + a + ",\"physio\":\"physio\"}]}");
        when(patients.byIds(any())).thenThrow(new ProcessingException("down"));

        Document page = Pages.html(
                given().get("/admin/reports").then().statusCode(200).extract().response());

        assertThat(page.select("#names-notice.degraded").text()).contains("shown by number");
        assertThat(page.select("#report-referrals tbody tr")
                        .first()
                        .select("td")
                        .eachText())
                .containsExactly("1", String.valueOf(a), String.valueOf(a), "physio");
    }

    private static AuditApi.Entry entry(long id, String service, String at, String user, String action, Long patient) {
        return new AuditApi.Entry(id, service, at, user, "physio", action, patient, null, "ALLOWED", null, "r-" + id);
    }

    @Test
    @TestSecurity(
            user = "admin",
            roles = {"admin"})
    void auditLogMergesBothServicesByTimeWithFiltersAndEscaping() {
        when(patients.audit(
                        eq(12L), eq("physio"), eq("PATIENT_READ"), eq("2026-11-01"), eq("2026-11-30"), eq(0), eq(50)))
                .thenReturn(new AuditApi.Page(
                        List.of(
                                entry(
                                        2,
                                        "patient-service",
                                        "2026-11-02T10:00:00Z",
                                        "<b>physio</b>",
                                        "PATIENT_READ",
                                        12L),
                                entry(1, "patient-service", "2026-11-02T08:00:00Z", "physio", "PATIENT_READ", 12L)),
                        0,
                        50,
                        2L));
        when(programs.audit(
                        eq(12L), eq("physio"), eq("PATIENT_READ"), eq("2026-11-01"), eq("2026-11-30"), eq(0), eq(50)))
                .thenReturn(new AuditApi.Page(
                        List.of(entry(9, null, "2026-11-02T09:00:00Z", "physio", "PROGRAM_READ", 12L)), 0, 50, 1L));

        Document page = Pages.html(given().queryParam("patientId", "12")
                .queryParam("user", "physio")
                .queryParam("action", "PATIENT_READ")
                .queryParam("from", "2026-11-01")
                .queryParam("to", "2026-11-30")
                .get("/admin/audit")
                .then()
                .statusCode(200)
                .extract()
                .response());

        assertThat(page.select("#audit-entries tbody tr")).hasSize(3);
        assertThat(page.select("#audit-entries tbody tr td:nth-child(5)").eachText())
                .containsExactly("PATIENT_READ", "PROGRAM_READ", "PATIENT_READ");
        assertThat(page.select("#audit-entries tbody tr td:nth-child(2)").eachText())
                .containsExactly("patient-service", "program-service", "patient-service");
        assertThat(page.select("#audit-entries td").first().text()).matches("2 Nov 2026, \\d{2}:00:00");
        assertThat(page.select("#audit-entries td").eachText()).contains("<b>physio</b>");
        assertThat(page.select("#audit-entries td b")).isEmpty();
        assertThat(page.select("#patientId").attr("value")).isEqualTo("12");
        assertThat(page.select("#user").attr("value")).isEqualTo("physio");
        assertThat(page.select("#audit-csv").attr("href"))
                .isEqualTo(
                        "/admin/audit.csv?patientId=12&user=physio&action=PATIENT_READ&from=2026-11-01&to=2026-11-30");
        assertThat(page.select("a[rel=next]")).isEmpty();
    }

    @Test
    @TestSecurity(
            user = "admin",
            roles = {"admin"})
    void auditLogShowsTheOtherServiceWhenOneIsDown() {
        when(patients.audit(any(), any(), any(), any(), any(), any(), any()))
                .thenThrow(new ProcessingException("down"));
        when(programs.audit(any(), any(), any(), any(), any(), any(), any()))
                .thenReturn(new AuditApi.Page(
                        List.of(entry(3, "program-service", "2026-11-02T09:00:00Z", "physio", "PROGRAM_READ", 5L)),
                        0,
                        50,
                        1L));

        Document page = Pages.html(
                given().get("/admin/audit").then().statusCode(200).extract().response());

        assertThat(page.select("#audit .notice.degraded").text()).contains("patient service is not reachable");
        assertThat(page.select("#audit-entries td").eachText()).contains("PROGRAM_READ");
    }
}
