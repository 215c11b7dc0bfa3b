package clinic.program.prescription;

import static clinic.program.testing.Fixtures.TOKENS;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

import clinic.program.audit.AuditRepository;
import clinic.program.testing.FakePatientService;
import clinic.program.testing.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ProgramResourceTest {

    @Inject
    AuditRepository audit;

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    private static Map<String, Object> program(long patientId, int phase) {
        return Map.of("patientId", patientId, "protocol", "sciatica-phased", "phase", phase);
    }

    @Test
    void physioAssignsProgramWithClearanceAskedWithTheCallersToken() {
        long patientId = FakePatientService.newPatientId();
        FakePatientService.cleared(patientId, "acc-" + patientId, "physio2");
        // physio2 is the care physio; physio may assign as a member of the care team.
        FakePatientService.addToTeam(patientId, "physio");
        String token = TOKENS.physio("physio");
        long id = given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(program(patientId, 1))
                .when()
                .post("/api/programs")
                .then()
                .statusCode(201)
                .header("Location", notNullValue())
                .body("patientAccount", equalTo("acc-" + patientId))
                .body("carePhysio", equalTo("physio2"))
                .body("phase", equalTo(1))
                .body("status", equalTo("ACTIVE"))
                .body("exercises", hasSize(6))
                .body("exercises[0].exercise", equalTo("short-frequent-walks"))
                .body("revisions", hasSize(1))
                .extract()
                .jsonPath()
                .getLong("id");
        assertThat(FakePatientService.authorizationSeen(patientId)).isEqualTo("Bearer " + token);
        given().auth()
                .oauth2(token)
                .get("/api/programs/{id}", id)
                .then()
                .statusCode(200)
                .body("id", equalTo((int) id));
        assertThat(audit.count("programId = ?1 and action = ?2", id, "PROGRAM_ASSIGNED"))
                .isEqualTo(1);
        assertThat(audit.count("programId = ?1 and action = ?2 and actor = ?3", id, "PROGRAM_READ", "physio"))
                .isEqualTo(1);
    }

    @Test
    void locationPointsAtTheNewProgram() {
        long patientId = FakePatientService.newPatientId();
        FakePatientService.cleared(patientId, "acc-" + patientId, "physio");
        var response = given().auth()
                .oauth2(TOKENS.physio("physio"))
                .contentType(ContentType.JSON)
                .body(program(patientId, 2))
                .post("/api/programs")
                .then()
                .statusCode(201)
                .extract();
        assertThat(response.header("Location"))
                .endsWith("/api/programs/" + response.jsonPath().getLong("id"));
    }

    @Test
    void cautionExerciseWithoutAcknowledgementIsRefusedWithAlternatives() {
        long patientId = FakePatientService.newPatientId();
        FakePatientService.cleared(patientId, "acc-" + patientId, "physio");
        given().auth()
                .oauth2(TOKENS.physio("physio"))
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "patientId",
                        patientId,
                        "protocol",
                        "sciatica-phased",
                        "phase",
                        2,
                        "exercises",
                        List.of(Map.of("exercise", "pelvic-tilt"), Map.of("exercise", "sit-up-crunch"))))
                .when()
                .post("/api/programs")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("cautions", hasSize(1))
                .body("cautions[0].exercise", equalTo("sit-up-crunch"))
                .body("cautions[0].kind", equalTo("CAUTION"))
                .body("cautions[0].reason", notNullValue())
                .body(
                        "cautions[0].alternatives",
                        contains("modified-dead-bug", "bird-dog-from-knees", "plank-knees-down"))
                .body("cautions[0].phases", empty());
        assertThat(FakePatientService.calls(patientId))
                .as("refused before asking for clearance")
                .isZero();
    }

    @Test
    void acknowledgedCautionExerciseIsAssignedWithTheReasonKept() {
        long patientId = FakePatientService.newPatientId();
        FakePatientService.cleared(patientId, "acc-" + patientId, "physio");
        given().auth()
                .oauth2(TOKENS.physio("physio"))
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "patientId",
                        patientId,
                        "protocol",
                        "sciatica-phased",
                        "phase",
                        3,
                        "exercises",
                        List.of(Map.of("exercise", "running-jumping", "minutes", 15))))
                .when()
                .post("/api/programs")
                .then()
                .statusCode(201)
                .body("exercises[0].minutes", equalTo(15))
                .body("exercises[0].cautionAcknowledgement", equalTo(null));
        // running is only avoided in phases 1-2: in phase 3 no acknowledgement is needed; in phase 2 it is
        long other = FakePatientService.newPatientId();
        FakePatientService.cleared(other, "acc-" + other, "physio");
        given().auth()
                .oauth2(TOKENS.physio("physio"))
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "patientId",
                        other,
                        "protocol",
                        "sciatica-phased",
                        "phase",
                        2,
                        "exercises",
                        List.of(Map.of("exercise", "running-jumping")),
                        "acknowledgements",
                        List.of(Map.of(
                                "exercise",
                                "running-jumping",
                                "reason",
                                "returning athlete",
                                "instructions",
                                "Jog on grass for 5 minutes at a pace you can talk at; stop if the leg pain comes"
                                        + " back."))))
                .when()
                .post("/api/programs")
                .then()
                .statusCode(201)
                .body("exercises[0].cautionAcknowledgement", equalTo("returning athlete"))
                .body("exercises[0].patientInstructions", containsString("Jog on grass"));
    }

    private static io.restassured.response.Response assign(long patientId, int phase, List<?> exercises, List<?> acks) {
        Map<String, Object> body = new java.util.HashMap<>(program(patientId, phase));
        body.put("exercises", exercises);
        body.put("acknowledgements", acks);
        return given().auth()
                .oauth2(TOKENS.physio("physio"))
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/programs");
    }

    @Test
    void anExerciseOutsideItsPhasesIsRefusedNamingThemUnlessAcknowledged() {
        long patientId = FakePatientService.newPatientId();
        FakePatientService.cleared(patientId, "acc-" + patientId, "physio");
        List<Map<String, String>> plan = List.of(Map.of("exercise", "pelvic-tilt"), Map.of("exercise", "glute-bridge"));
        assign(patientId, 1, plan, List.of())
                .then()
                .statusCode(422)
                .body("cautions", hasSize(1))
                .body("cautions[0].exercise", equalTo("glute-bridge"))
                .body("cautions[0].kind", equalTo("PHASE"))
                .body("cautions[0].phases", contains(2, 3))
                .body("cautions[0].reason", equalTo("Meant for phases 2, 3, not phase 1."))
                .body("cautions[0].alternatives", empty());
        assertThat(FakePatientService.calls(patientId)).isZero();
        // No caution on a glute bridge: the reason is enough, instructions are optional.
        assign(patientId, 1, plan, List.of(Map.of("exercise", "glute-bridge", "reason", "strong, pain settled early")))
                .then()
                .statusCode(201)
                .body("exercises[1].exercise", equalTo("glute-bridge"))
                .body("exercises[1].cautionAcknowledgement", equalTo("strong, pain settled early"))
                .body("exercises[1].patientInstructions", equalTo(null));
    }

    @Test
    void cautionAlternativesAreOnlyThoseThatFitThePhase() {
        long patientId = FakePatientService.newPatientId();
        FakePatientService.cleared(patientId, "acc-" + patientId, "physio");
        // The library names short walks, upright cycling and swimming; only the walks are meant for phase 1.
        assign(patientId, 1, List.of(Map.of("exercise", "running-jumping")), List.of())
                .then()
                .statusCode(422)
                .body("cautions[0].exercise", equalTo("running-jumping"))
                .body("cautions[0].kind", equalTo("CAUTION"))
                .body("cautions[0].alternatives", contains("short-frequent-walks"))
                .body("cautions[0].phases", contains(3));
        assign(patientId, 2, List.of(Map.of("exercise", "running-jumping")), List.of())
                .then()
                .statusCode(422)
                .body("cautions[0].alternatives", contains("short-frequent-walks", "upright-cycling", "swimming"));
    }

    @Test
    void acknowledgingACautionExerciseNeedsInstructionsForThePatient() {
        long patientId = FakePatientService.newPatientId();
        FakePatientService.cleared(patientId, "acc-" + patientId, "physio");
        assign(
                        patientId,
                        1,
                        List.of(Map.of("exercise", "toe-touch-forward-bend")),
                        List.of(Map.of("exercise", "toe-touch-forward-bend", "reason", "dancer, needs it")))
                .then()
                .statusCode(400)
                .body("violations.field", contains("acknowledgements[0].instructions"));
        assign(
                        patientId,
                        1,
                        List.of(Map.of("exercise", "toe-touch-forward-bend")),
                        List.of(Map.of(
                                "exercise",
                                "toe-touch-forward-bend",
                                "reason",
                                "dancer, needs it",
                                "instructions",
                                "x".repeat(2001))))
                .then()
                .statusCode(400)
                .body("violations.field", contains("acknowledgements[0].instructions"));
        assertThat(FakePatientService.calls(patientId)).isZero();
    }

    @Test
    void dosageOverridesReplaceDefaultsAndMissingFieldsKeepThem() {
        long patientId = FakePatientService.newPatientId();
        FakePatientService.cleared(patientId, "acc-" + patientId, "physio");
        given().auth()
                .oauth2(TOKENS.physio("physio"))
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "patientId",
                        patientId,
                        "protocol",
                        "sciatica-phased",
                        "phase",
                        1,
                        "exercises",
                        List.of(Map.of("exercise", "seated-ankle-pump", "reps", 15))))
                .post("/api/programs")
                .then()
                .statusCode(201)
                .body("exercises", hasSize(1))
                .body("exercises[0].reps", equalTo(15))
                .body("exercises[0].sets", equalTo(1))
                .body("exercises[0].perSide", equalTo(true));
    }

    @Test
    void patientNotClearedIsRefusedWithTheReason() {
        long patientId = FakePatientService.newPatientId();
        FakePatientService.notCleared(patientId, "Screening found red flags");
        given().auth()
                .oauth2(TOKENS.physio("physio"))
                .contentType(ContentType.JSON)
                .body(program(patientId, 1))
                .post("/api/programs")
                .then()
                .statusCode(422)
                .body("detail", containsString("Screening found red flags"));
        assertNothingWritten(patientId);
    }

    @Test
    void unknownPatientIs404() {
        long patientId = FakePatientService.newPatientId();
        given().auth()
                .oauth2(TOKENS.physio("physio"))
                .contentType(ContentType.JSON)
                .body(program(patientId, 1))
                .post("/api/programs")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void patientServiceDroppingTheConnectionGives503WithRetryAfterAndWritesNothing() {
        long patientId = FakePatientService.newPatientId();
        FakePatientService.dropConnection(patientId);
        given().auth()
                .oauth2(TOKENS.physio("physio"))
                .contentType(ContentType.JSON)
                .body(program(patientId, 1))
                .post("/api/programs")
                .then()
                .statusCode(503)
                .contentType("application/problem+json")
                .header("Retry-After", notNullValue());
        assertNothingWritten(patientId);
    }

    @Test
    void patientServiceTooSlowGives503AndWritesNothing() {
        long patientId = FakePatientService.newPatientId();
        FakePatientService.slow(patientId, 6_000);
        given().auth()
                .oauth2(TOKENS.physio("physio"))
                .contentType(ContentType.JSON)
                .body(program(patientId, 1))
                .post("/api/programs")
                .then()
                .statusCode(503)
                .header("Retry-After", notNullValue());
        assertNothingWritten(patientId);
    }

    private void assertNothingWritten(long patientId) {
        given().auth()
                .oauth2(TOKENS.admin("admin"))
                .queryParam("patientId", patientId)
                .get("/api/programs")
                .then()
                .statusCode(200)
                .body("$", empty());
        assertThat(audit.count("patientId = ?1 and action like 'PROGRAM_A%'", patientId))
                .isZero();
    }

    @Test
    void assigningAgainMakesANewRevisionOfTheSameProgram() {
        Fixtures.Assigned a = Fixtures.assignPhase(1);
        FakePatientService.addToTeam(a.patientId(), "physio2");
        given().auth()
                .oauth2(TOKENS.physio("physio2"))
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "patientId", a.patientId(), "protocol", "sciatica-phased", "phase", 2, "reason", "pain eased"))
                .post("/api/programs")
                .then()
                .statusCode(201)
                .body("id", equalTo((int) a.programId()))
                .body("phase", equalTo(2))
                .body("revision", equalTo(2))
                .body("revisions.number", contains(1, 2))
                .body("revisions[1].changedBy", equalTo("physio2"))
                .body("revisions[1].reason", equalTo("pain eased"));
        given().auth()
                .oauth2(TOKENS.physio("physio"))
                .queryParam("patientId", a.patientId())
                .get("/api/programs")
                .then()
                .statusCode(200)
                .body("$", hasSize(1));
    }

    @Test
    void phaseMoveRecordsWhoWhenWhyAndRefusesAStaleVersion() {
        Fixtures.Assigned a = Fixtures.assignPhase(1);
        long version = given().auth()
                .oauth2(TOKENS.physio("physio"))
                .get("/api/programs/{id}", a.programId())
                .then()
                .extract()
                .jsonPath()
                .getLong("version");
        given().auth()
                .oauth2(TOKENS.physio("physio"))
                .contentType(ContentType.JSON)
                .body(Map.of("phase", 2, "reason", "mean pain 3 for a week", "version", version))
                .post("/api/programs/{id}/phase", a.programId())
                .then()
                .statusCode(200)
                .body("phase", equalTo(2))
                .body("exercises[0].exercise", equalTo("modified-dead-bug"))
                .body("revisions[1].reason", equalTo("mean pain 3 for a week"))
                .body("revisions[1].changedBy", equalTo("physio"))
                .body("revisions[1].changedAt", notNullValue());
        given().auth()
                .oauth2(TOKENS.physio("physio"))
                .contentType(ContentType.JSON)
                .body(Map.of("phase", 3, "reason", "again with the old version", "version", version))
                .post("/api/programs/{id}/phase", a.programId())
                .then()
                .statusCode(409)
                .contentType("application/problem+json");
    }

    @Test
    void patientReadsOwnProgramButGets404ForAnotherPatients() {
        Fixtures.Assigned mine = Fixtures.assignPhase(1);
        Fixtures.Assigned theirs = Fixtures.assignPhase(1);
        given().auth()
                .oauth2(mine.patientToken())
                .get("/api/programs/{id}", mine.programId())
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(mine.patientToken())
                .get("/api/programs/{id}", theirs.programId())
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(mine.patientToken())
                .get("/api/programs/me")
                .then()
                .statusCode(200)
                .body("id", equalTo((int) mine.programId()));
    }

    @Test
    void patientWithoutProgramGets404FromMe() {
        given().auth()
                .oauth2(TOKENS.patient("nobody-" + System.nanoTime()))
                .get("/api/programs/me")
                .then()
                .statusCode(404);
    }

    @Test
    void adminReadsButMayNotAssign() {
        long patientId = FakePatientService.newPatientId();
        FakePatientService.cleared(patientId, "acc-" + patientId, "physio");
        given().auth()
                .oauth2(TOKENS.admin("admin"))
                .contentType(ContentType.JSON)
                .body(program(patientId, 1))
                .post("/api/programs")
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(TOKENS.patient("patient"))
                .queryParam("patientId", patientId)
                .get("/api/programs")
                .then()
                .statusCode(403);
    }

    @Test
    void invalidAssignmentsAreRefusedWithViolations() {
        given().auth()
                .oauth2(TOKENS.physio("physio"))
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "patientId",
                        1,
                        "protocol",
                        "sciatica-phased",
                        "phase",
                        // No protocol has more than 6 phases; a phase beyond this one's 3 is a 422 of its own.
                        7,
                        "exercises",
                        List.of(Map.of(
                                "exercise",
                                "pelvic-tilt",
                                "sets",
                                0,
                                "reps",
                                101,
                                "holdSeconds",
                                601,
                                "minutes",
                                121,
                                "timesPerDay",
                                25))))
                .post("/api/programs")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", hasItem("phase"))
                .body("violations.field", hasItem("exercises[0].sets"))
                .body("violations.field", hasItem("exercises[0].reps"))
                .body("violations.field", hasItem("exercises[0].holdSeconds"))
                .body("violations.field", hasItem("exercises[0].minutes"))
                .body("violations.field", hasItem("exercises[0].timesPerDay"));
    }

    @Test
    void unknownProtocolAndUnknownExerciseAre400() {
        given().auth()
                .oauth2(TOKENS.physio("physio"))
                .contentType(ContentType.JSON)
                .body(Map.of("patientId", 1, "protocol", "knee-rehab", "phase", 1))
                .post("/api/programs")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("protocol"));
        given().auth()
                .oauth2(TOKENS.physio("physio"))
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "patientId",
                        1,
                        "protocol",
                        "sciatica-phased",
                        "phase",
                        1,
                        "exercises",
                        List.of(Map.of("exercise", "moonwalk"))))
                .post("/api/programs")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("exercises[0].exercise"));
    }

    @Test
    void malformedJsonIs400Problem() {
        given().auth()
                .oauth2(TOKENS.physio("physio"))
                .contentType(ContentType.JSON)
                .body("{\"patientId\": \"abc\"")
                .post("/api/programs")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("detail", endsWith("."));
    }
}
