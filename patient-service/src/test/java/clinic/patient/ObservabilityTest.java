package clinic.patient;

import static clinic.patient.testing.Fixtures.TOKENS;
import static clinic.patient.testing.Fixtures.newPatient;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import clinic.patient.testing.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Issue 17 point 5: a request's id and its caller's trace (W3C traceparent) are in the audit rows it wrote. */
@QuarkusTest
class ObservabilityTest {

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void theRequestIdAndTheCallersTraceIdAreInTheAuditRow() {
        String requestId = Fixtures.unique("req-obs-");
        byte[] bytes = new byte[16];
        ThreadLocalRandom.current().nextBytes(bytes);
        String traceId = HexFormat.of().formatHex(bytes);
        long id = given().auth()
                .oauth2(TOKENS.physio("physio"))
                .header("X-Request-Id", requestId)
                .header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01")
                .contentType(ContentType.JSON)
                .body(newPatient())
                .post("/api/patients")
                .then()
                .statusCode(201)
                .header("X-Request-Id", requestId)
                .extract()
                .jsonPath()
                .getLong("id");

        JsonPath row = audit(id);
        assertThat(row.getString("items[0].action")).isEqualTo("PATIENT_CREATED");
        assertThat(row.getString("items[0].requestId")).isEqualTo(requestId);
        assertThat(row.getString("items[0].traceId")).isEqualTo(traceId);
    }

    @Test
    void withoutHeadersTheRowGetsTheGeneratedRequestIdAndANewTrace() {
        var response = given().auth()
                .oauth2(TOKENS.physio("physio"))
                .contentType(ContentType.JSON)
                .body(newPatient())
                .post("/api/patients")
                .then()
                .statusCode(201)
                .extract();
        String requestId = response.header("X-Request-Id");
        JsonPath row = audit(response.jsonPath().getLong("id"));
        assertThat(row.getString("items[0].requestId")).isEqualTo(requestId).isNotBlank();
        assertThat(row.getString("items[0].traceId")).matches("[0-9a-f]{32}").isNotEqualTo("0".repeat(32));
    }

    private static JsonPath audit(long patientId) {
        return given().auth()
                .oauth2(TOKENS.admin("admin"))
                .queryParam("patientId", patientId)
                .get("/api/audit")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }
}
