package clinic.program;

import static clinic.program.testing.Fixtures.TOKENS;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import clinic.program.testing.FakePatientService;
import clinic.program.testing.Fixtures;
import clinic.testsupport.checks.ResponseChecks;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.net.URL;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 17 point 5: a request's id and trace reach its audit rows and its calls to patient-service, and the clinic's
 * own counters show on /q/metrics (management interface).
 */
@QuarkusTest
class ObservabilityTest {

    @TestHTTPResource(value = "/", management = true)
    URL management;

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    static String newTraceId() {
        byte[] bytes = new byte[16];
        ThreadLocalRandom.current().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    @Test
    void theRequestIdAndTheCallersTraceAreInTheAuditRowAndTheTraceGoesOnToPatientService() {
        long patientId = FakePatientService.newPatientId();
        FakePatientService.cleared(patientId, "pat-" + patientId, "physio");
        String requestId = "req-obs-" + System.nanoTime();
        String traceId = newTraceId();
        long programId = given().auth()
                .oauth2(TOKENS.physio("physio"))
                .header("X-Request-Id", requestId)
                .header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01")
                .contentType(ContentType.JSON)
                .body(Map.of("patientId", patientId, "protocol", "sciatica-phased", "phase", 1))
                .post("/api/programs")
                .then()
                .statusCode(201)
                .header("X-Request-Id", requestId)
                .extract()
                .jsonPath()
                .getLong("id");

        JsonPath audit = given().auth()
                .oauth2(TOKENS.admin("admin"))
                .queryParam("patientId", patientId)
                .queryParam("action", "PROGRAM_ASSIGNED")
                .get("/api/audit")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(audit.getList("items")).hasSize(1);
        assertThat(audit.getLong("items[0].programId")).isEqualTo(programId);
        assertThat(audit.getString("items[0].requestId")).isEqualTo(requestId);
        assertThat(audit.getString("items[0].traceId")).isEqualTo(traceId);
        // The clearance call continued the same trace (a new span id, the same trace id).
        assertThat(FakePatientService.traceparentSeen(patientId)).startsWith("00-" + traceId + "-");
    }

    @Test
    void withoutATraceparentTheServiceStartsATraceOfItsOwn() {
        Fixtures.Assigned a = Fixtures.assignPhase(1, "physio");
        String traceId = given().auth()
                .oauth2(TOKENS.admin("admin"))
                .queryParam("patientId", a.patientId())
                .get("/api/audit")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getString("items[0].traceId");
        assertThat(traceId).matches("[0-9a-f]{32}").isNotEqualTo("0".repeat(32));
    }

    @Test
    void sessionLogsAlertsAndClearanceCallsAreCountedOnTheManagementPort() {
        double logged = counter("clinic_session_logs_total", "outcome", "logged");
        double severe = counter("clinic_alerts_raised_total", "type", "SEVERE_PAIN");
        double ok = counter("clinic_clearance_calls_total", "outcome", "ok");

        Fixtures.Assigned a = Fixtures.assignPhase(1, "physio");
        Fixtures.logSession(a, 3, 8, List.of(Map.of("exercise", "pelvic-tilt", "completed", true)));

        assertThat(counter("clinic_session_logs_total", "outcome", "logged"))
                .as(this::clinicSeries)
                .isEqualTo(logged + 1);
        assertThat(counter("clinic_alerts_raised_total", "type", "SEVERE_PAIN")).isEqualTo(severe + 1);
        assertThat(counter("clinic_clearance_calls_total", "outcome", "ok")).isEqualTo(ok + 1);
    }

    private String metrics() {
        return given().baseUri(ResponseChecks.baseUri(management))
                .get("/q/metrics")
                .then()
                .statusCode(200)
                .extract()
                .asString();
    }

    /** The clinic's series as /q/metrics prints them, to show in a failure. */
    private String clinicSeries() {
        return metrics().lines().filter(l -> l.contains("clinic_")).collect(Collectors.joining("\n"));
    }

    /** The value of a counter series on /q/metrics, 0 when the series is not there yet. */
    private double counter(String name, String tag, String value) {
        String metrics = metrics();
        Matcher m = Pattern.compile("(?m)^" + name + "\\{[^}]*" + tag + "=\"" + value + "\"[^}]*} (\\S+)")
                .matcher(metrics);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }
}
