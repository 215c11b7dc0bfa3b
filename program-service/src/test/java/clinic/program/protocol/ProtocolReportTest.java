package clinic.program.protocol;

import static clinic.program.testing.Fixtures.TOKENS;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import clinic.program.testing.FakePatientService;
import clinic.program.testing.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Reports filtered by protocol: every version of the code, nothing else. */
@QuarkusTest
class ProtocolReportTest {

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    static Fixtures.Assigned assign(String physio, String protocol) {
        long patientId = FakePatientService.newPatientId();
        String account = "pat-" + patientId;
        FakePatientService.cleared(patientId, account, physio);
        long id = given().auth()
                .oauth2(TOKENS.physio(physio))
                .contentType(ContentType.JSON)
                .body(Map.of("patientId", patientId, "protocol", protocol, "phase", 1))
                .post("/api/programs")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getLong("id");
        return new Fixtures.Assigned(patientId, id, account);
    }

    @Test
    void reportsTakeAProtocolFilterCoveringEveryVersion() {
        String physio = "physio-" + UUID.randomUUID().toString().substring(0, 8);
        String code = ProtocolAuthoringTest.createKnee();
        Fixtures.Assigned knee = assign(physio, code);
        Map<String, Object> v2 = ProtocolAuthoringTest.knee(code, ProtocolAuthoringTest.kneePhaseOne());
        v2.put("version", 1);
        given().auth()
                .oauth2(TOKENS.physio("physio"))
                .contentType(ContentType.JSON)
                .body(v2)
                .put("/api/protocols/{code}", code)
                .then()
                .statusCode(200);
        assign(physio, code); // on version 2
        assign(physio, "sciatica-phased");
        Fixtures.logSession(knee, 4, 3, List.of(Map.of("exercise", "glute-bridge", "completed", true)));

        Map<String, String> both = Map.of("physio", physio, "protocol", code);
        report("overview", Map.of("physio", physio)).body("activePrograms", equalTo(3));
        report("overview", both)
                .body("activePrograms", equalTo(2))
                .body("programsByPhase.find { it.phase == 1 }.programs", equalTo(2))
                .body("programsByPhase.find { it.phase == 2 }.programs", equalTo(0))
                .body("sessionsPerWeek.sessions.sum()", equalTo(1));
        report("overview", Map.of("physio", physio, "protocol", "sciatica-phased"))
                .body("activePrograms", equalTo(1))
                .body("sessionsPerWeek.sessions.sum()", equalTo(0));
        report("caseload", both).body("items[0].activePrograms", equalTo(2));
        report("adherence", both).body("items", hasSize(2));
        report("referrals", both).body("items", hasSize(0));
        report("overview", Map.of("physio", physio, "protocol", "no-such-protocol"))
                .body("activePrograms", equalTo(0));
    }

    static io.restassured.response.ValidatableResponse report(String name, Map<String, ?> query) {
        return given().auth()
                .oauth2(TOKENS.admin("admin"))
                .queryParams(query)
                .accept(ContentType.JSON)
                .get("/api/reports/{name}", name)
                .then()
                .statusCode(200);
    }
}
