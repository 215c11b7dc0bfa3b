package clinic.program.protocol;

import static clinic.program.testing.Fixtures.TOKENS;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ProtocolResourceTest {

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void sciaticaProtocolHasThreePhasesWithTheGuidesExercisesInOrder() {
        given().auth()
                .oauth2(TOKENS.physio("physio"))
                .when()
                .get("/api/protocols/sciatica-phased")
                .then()
                .statusCode(200)
                .body("phases.number", contains(1, 2, 3))
                .body("phases[0].name", equalTo("Gentle movement and nerve glides"))
                .body(
                        "phases[0].exercises.exercise",
                        contains(
                                "short-frequent-walks",
                                "standing-weight-shift",
                                "single-knee-to-chest",
                                "pelvic-tilt",
                                "seated-ankle-pump",
                                "modified-slump-glide"))
                .body(
                        "phases[1].exercises.exercise",
                        contains(
                                "modified-dead-bug",
                                "bird-dog-from-knees",
                                "plank-knees-down",
                                "glute-bridge",
                                "clamshell",
                                "standing-hip-abduction"))
                .body(
                        "phases[2].exercises.exercise",
                        contains(
                                "figure-4-piriformis-stretch",
                                "supine-hamstring-stretch-strap",
                                "double-knees-to-chest",
                                "sliding-nerve-glide",
                                "standing-hamstring-scoop"))
                .body("phases[0].exercises[2].holdSeconds", equalTo(20))
                .body("phases[0].exercises[2].perSide", equalTo(true));
    }

    @Test
    void adminListsProtocols() {
        given().auth()
                .oauth2(TOKENS.admin("admin"))
                .get("/api/protocols")
                .then()
                .statusCode(200)
                .body("code", hasItem("sciatica-phased"));
    }

    @Test
    void patientMayNotReadProtocols() {
        given().auth()
                .oauth2(TOKENS.patient("patient"))
                .get("/api/protocols")
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
    }

    @Test
    void unknownProtocolIs404() {
        given().auth()
                .oauth2(TOKENS.physio("physio"))
                .get("/api/protocols/nope")
                .then()
                .statusCode(404);
    }
}
