package clinic.portal;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import clinic.portal.outbound.PatientServiceClient;
import clinic.portal.outbound.ProgramApi.Acknowledge;
import clinic.portal.outbound.ProgramApi.Alert;
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
class AlertPagesTest {

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

    private static Alert alert(long id, long patientId, String severity, String type, String at) {
        return new Alert(id, patientId, 7L, type, severity, "Reported in a session log", at, "OPEN", null, null);
    }

    @Test
    @TestSecurity(
            user = "physio",
            roles = {"physio"})
    void inboxShowsTheMostUrgentFirstWithPatientNames() {
        long newer = Fixtures.nextId();
        long urgent = Fixtures.nextId();
        long high = Fixtures.nextId();
        long olderHigh = Fixtures.nextId();
        long patientId = Fixtures.nextId();
        when(programs.alerts("OPEN"))
                .thenReturn(List.of(
                        alert(newer, patientId, "LOW", "PAIN_PERSISTED", "2026-11-26T09:00:00"),
                        alert(olderHigh, patientId, "HIGH", "NERVE_PAIN", "2026-11-21T09:00:00"),
                        alert(urgent, patientId, "URGENT", "RED_FLAG", "2026-11-20T09:00:00"),
                        alert(high, patientId, "HIGH", "NERVE_PAIN", "2026-11-25T09:00:00")));
        when(patients.byIds(String.valueOf(patientId)))
                .thenReturn(Fixtures.page(Fixtures.patient(patientId, "Sam", "Rivera")));

        Document page = Pages.html(
                given().get("/alerts").then().statusCode(200).extract().response());

        assertThat(page.select("#alerts article").eachAttr("id"))
                .containsExactly("alert-" + urgent, "alert-" + high, "alert-" + olderHigh, "alert-" + newer);
        assertThat(page.select("#alert-" + urgent + " .badge.danger").text()).isEqualTo("Urgent");
        assertThat(page.select("#alert-" + urgent + " h2 a").text()).isEqualTo("Sam Rivera");
    }

    @Test
    @TestSecurity(
            user = "physio",
            roles = {"physio"})
    void inboxStillListsAlertsWhenNamesCannotBeFetched() {
        long id = Fixtures.nextId();
        long patientId = Fixtures.nextId();
        when(programs.alerts("OPEN"))
                .thenReturn(List.of(alert(id, patientId, "HIGH", "NERVE_PAIN", "2026-11-26T09:00:00")));
        when(patients.byIds(any())).thenThrow(new jakarta.ws.rs.ProcessingException("down"));

        Document page = Pages.html(
                given().get("/alerts").then().statusCode(200).extract().response());

        assertThat(page.select("#alert-" + id + " h2 a").text()).isEqualTo("patient " + patientId);
        assertThat(page.select("#alert-" + id + " .meta").text()).startsWith("26 Nov 2026, 09:00");
    }

    @Test
    @TestSecurity(
            user = "physio",
            roles = {"physio"})
    void acknowledgingSendsTheNoteAndReturnsToTheInbox() {
        long id = Fixtures.nextId();
        when(programs.alerts(any())).thenReturn(List.of(alert(id, 1L, "URGENT", "RED_FLAG", "2026-11-26T09:00:00")));
        when(patients.byIds(any())).thenReturn(Fixtures.page());
        when(programs.acknowledge(eq(id), any())).thenReturn(null);
        Pages.Csrf csrf = Pages.csrf("/alerts");

        given().redirects()
                .follow(false)
                .header("Origin", Pages.origin())
                .formParam("csrf-token", csrf.token())
                .formParam("note", "Phoned patient, sent to A&E")
                .post("/alerts/" + id + "/acknowledge")
                .then()
                .statusCode(303)
                .header("Location", org.hamcrest.Matchers.endsWith("/alerts"));

        ArgumentCaptor<Acknowledge> sent = ArgumentCaptor.forClass(Acknowledge.class);
        verify(programs).acknowledge(eq(id), sent.capture());
        assertThat(sent.getValue().note()).isEqualTo("Phoned patient, sent to A&E");
    }

    @Test
    @TestSecurity(
            user = "physio",
            roles = {"physio"})
    void acknowledgingWithoutCsrfTokenIsRefused() {
        given().header("Origin", Pages.origin())
                .formParam("note", "x")
                .post("/alerts/5/acknowledge")
                .then()
                .statusCode(403);
        verify(programs, never()).acknowledge(anyLong(), any());
    }

    @Test
    @TestSecurity(
            user = "patient",
            roles = {"patient"})
    void patientCannotSeeTheAlertInbox() {
        given().get("/alerts").then().statusCode(403);
    }
}
