package clinic.portal;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import clinic.portal.client.PatientServiceClient;
import clinic.portal.client.ProgramServiceClient;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.InjectMock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.RestAssured;
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

    @Test
    @TestSecurity(
            user = "admin",
            roles = {"admin"})
    void reportsTheServiceDoesNotOfferYetSayNotYetAvailable() throws Exception {
        when(programs.report(any())).thenThrow(Fixtures.problem(404, "Not found"));
        // doReturn: the catch-all stub above would throw while stubbing with when(...).
        doReturn(new ObjectMapper().readTree("[{\"carePhysio\":\"physio\",\"active\":2}]"))
                .when(programs)
                .report("caseload");
        doReturn(new ObjectMapper().readTree("{\"activePrograms\":2,\"phases\":[{\"phase\":1,\"programs\":2}]}"))
                .when(programs)
                .report("overview");

        Document page = Pages.html(
                given().get("/admin/reports").then().statusCode(200).extract().response());

        assertThat(page.select("#report-caseload td").eachText()).containsExactly("physio", "2");
        assertThat(page.select("#report-adherence .not-yet").text()).startsWith("Not yet available");
        assertThat(page.select("#report-referrals .not-yet")).isNotEmpty();
        // An object report (the overview) is shown one row per field.
        assertThat(page.select("#report-overview th").eachText()).containsExactly("field", "value");
        assertThat(page.select("#report-overview td").eachText()).contains("activePrograms", "2");
    }

    @Test
    @TestSecurity(
            user = "admin",
            roles = {"admin"})
    void auditLogIsShownAsAnEscapedTable() throws Exception {
        when(patients.audit(eq(12L), eq("2026-11-01"), any()))
                .thenReturn(
                        new ObjectMapper()
                                .readTree(
                                        "{\"items\":[{\"occurredAt\":\"2026-11-02T10:00:00Z\",\"actor\":\"<b>physio</b>\","
                                                + "\"action\":\"PATIENT_READ\",\"patientId\":12}],\"page\":0,\"size\":50,\"total\":1}"));

        Document page = Pages.html(given().queryParam("patientId", "12")
                .queryParam("from", "2026-11-01")
                .get("/admin/audit")
                .then()
                .statusCode(200)
                .extract()
                .response());

        assertThat(page.select("#audit th").eachText()).containsExactly("occurredAt", "actor", "action", "patientId");
        assertThat(page.select("#audit td").eachText()).contains("<b>physio</b>", "PATIENT_READ");
        assertThat(page.select("#audit td b")).isEmpty();
        assertThat(page.select("#patientId").attr("value")).isEqualTo("12");
        verify(patients).audit(eq(12L), eq("2026-11-01"), any());
    }

    @Test
    @TestSecurity(
            user = "admin",
            roles = {"admin"})
    void auditLogDegradesWhenPatientServiceIsDown() {
        when(patients.audit(any(), any(), any())).thenThrow(new jakarta.ws.rs.ProcessingException("down"));

        Document page = Pages.html(
                given().get("/admin/audit").then().statusCode(200).extract().response());

        assertThat(page.select("#audit .notice.degraded").text()).contains("not reachable");
    }
}
