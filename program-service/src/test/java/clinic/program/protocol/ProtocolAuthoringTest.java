package clinic.program.protocol;

import static clinic.program.testing.Fixtures.TOKENS;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import clinic.program.audit.AuditRepository;
import clinic.program.testing.FakePatientService;
import clinic.program.testing.Fixtures;
import clinic.rules.ClearanceRules;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A clinic's own protocols: create, version, copy, retire, and programs assigned and progressed from them. */
@QuarkusTest
class ProtocolAuthoringTest {

    @Inject
    AuditRepository audit;

    @Inject
    EntityManager em;

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    static String newCode(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static Map<String, Object> row(String slug, Integer sets, Integer reps) {
        Map<String, Object> row = new HashMap<>();
        row.put("exercise", slug);
        row.put("sets", sets);
        row.put("reps", reps);
        return row;
    }

    /** A two-phase knee osteoarthritis protocol from built-in exercises; phase 2 at mean pain ≤ 3 and 50 %. */
    static Map<String, Object> knee(String code, List<Map<String, Object>> phaseOne) {
        Map<String, Object> one = new HashMap<>();
        one.put("name", "Calm and move");
        one.put("goal", "Keep the knee moving without a flare.");
        one.put("entryCriteria", "Painful knee, walking limited.");
        one.put("exercises", phaseOne);
        Map<String, Object> two = new HashMap<>();
        two.put("name", "Strength");
        two.put("goal", "Strengthen the hip and thigh muscles that unload the knee.");
        two.put("entryCriteria", "Pain mostly settled; logging regularly.");
        two.put("entryMaxMeanPain", 3);
        two.put("entryMinAdherence", 50);
        two.put("entryNoNerveFlags", false);
        two.put("exercises", List.of(row("clamshell", 3, 12), row("standing-hip-abduction", null, null)));
        Map<String, Object> body = new HashMap<>();
        body.put("code", code);
        body.put("name", "Knee osteoarthritis");
        body.put("description", "Two phases for a painful arthritic knee.");
        body.put("requiresScreening", true);
        body.put("phases", List.of(one, two));
        return body;
    }

    static List<Map<String, Object>> kneePhaseOne() {
        return List.of(row("glute-bridge", 2, 10), row("short-frequent-walks", null, null));
    }

    static ValidatableResponse create(Map<String, Object> body) {
        return given().auth()
                .oauth2(TOKENS.physio("physio"))
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/protocols")
                .then();
    }

    static String createKnee() {
        String code = newCode("knee-oa");
        create(knee(code, kneePhaseOne())).statusCode(201);
        return code;
    }

    static Fixtures.Assigned assign(String code, int phase) {
        long patientId = FakePatientService.newPatientId();
        String account = "pat-" + patientId;
        FakePatientService.cleared(patientId, account, "physio");
        long programId = given().auth()
                .oauth2(TOKENS.physio("physio"))
                .contentType(ContentType.JSON)
                .body(Map.of("patientId", patientId, "protocol", code, "phase", phase))
                .post("/api/programs")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getLong("id");
        return new Fixtures.Assigned(patientId, programId, account);
    }

    @Test
    void aPhysioCreatesATwoPhaseProtocolAndAssignsItThePatientSeesPhaseOne() {
        String code = newCode("knee-oa");
        create(knee(code, kneePhaseOne()))
                .statusCode(201)
                .header("Location", containsString("/api/protocols/" + code))
                .body("version", equalTo(1))
                .body("current", equalTo(true))
                .body("builtIn", equalTo(false))
                .body("phaseCount", equalTo(2))
                .body("createdBy", equalTo("physio"))
                .body("phases[0].exercises.exercise", contains("glute-bridge", "short-frequent-walks"))
                .body("phases[0].exercises[0].sets", equalTo(2))
                .body("phases[1].entryMaxMeanPain", equalTo(3.0f))
                .body("phases[1].entryMinAdherence", equalTo(50))
                .body("phases[1].exercises[1].reps", equalTo(10)); // the library's default for a blank dosage
        given().auth()
                .oauth2(TOKENS.admin("admin"))
                .get("/api/protocols")
                .then()
                .statusCode(200)
                .body("find { it.code == '" + code + "' }.phaseCount", equalTo(2))
                .body("find { it.code == 'sciatica-phased' }.builtIn", equalTo(true))
                .body("find { it.code == 'sciatica-phased' }.requiresScreening", equalTo(true))
                .body("find { it.code == 'sciatica-phased' }.phases[1].entryMaxMeanPain", equalTo(4.0f))
                .body("find { it.code == 'sciatica-phased' }.phases[1].entryNoNerveFlags", equalTo(true))
                .body("find { it.code == 'sciatica-phased' }.phases[2].entryMinAdherence", equalTo(70));
        assertThat(audit.count("action = ?1 and reason = ?2", "PROTOCOL_CREATED", "protocol " + code + " version 1"))
                .isEqualTo(1);

        Fixtures.Assigned a = assign(code, 1);
        given().auth()
                .oauth2(a.patientToken())
                .get("/api/programs/me/today")
                .then()
                .statusCode(200)
                .body("phase", equalTo(1))
                .body("phaseName", equalTo("Calm and move"))
                .body("exercises.exercise", contains("glute-bridge", "short-frequent-walks"))
                .body("exercises[0].sets", equalTo(2));
    }

    @Test
    void aNewVersionLeavesRunningProgramsAsTheyWereAndAStaleVersionIsAConflict() {
        String code = createKnee();
        Fixtures.Assigned before = assign(code, 1);
        Map<String, Object> v2 = knee(code, List.of(row("clamshell", 1, 5)));
        v2.put("version", 1);
        given().auth()
                .oauth2(TOKENS.physio("physio"))
                .contentType(ContentType.JSON)
                .body(v2)
                .put("/api/protocols/{code}", code)
                .then()
                .statusCode(200)
                .body("version", equalTo(2))
                .body("phases[0].exercises.exercise", contains("clamshell"));
        given().auth()
                .oauth2(TOKENS.physio("physio"))
                .contentType(ContentType.JSON)
                .body(v2)
                .put("/api/protocols/{code}", code)
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("detail", containsString("version 2"));
        given().auth()
                .oauth2(TOKENS.physio("physio"))
                .get("/api/programs/{id}", before.programId())
                .then()
                .statusCode(200)
                .body("protocolVersion", equalTo(1))
                .body("exercises.exercise", contains("glute-bridge", "short-frequent-walks"));
        Fixtures.Assigned after = assign(code, 1);
        given().auth()
                .oauth2(after.patientToken())
                .get("/api/programs/me/today")
                .then()
                .statusCode(200)
                .body("exercises.exercise", contains("clamshell"));
        given().auth()
                .oauth2(TOKENS.physio("physio"))
                .get("/api/protocols/{code}/versions", code)
                .then()
                .statusCode(200)
                .body("version", contains(1, 2))
                .body("current", contains(false, true));
        assertThat(audit.count("action = ?1 and reason = ?2", "PROTOCOL_VERSIONED", "protocol " + code + " version 2"))
                .isEqualTo(1);
    }

    @Test
    void aPhaseBeyondTheProtocolsCountIsRefusedOnAssignmentAndPhaseChange() {
        String code = createKnee();
        long patientId = FakePatientService.newPatientId();
        FakePatientService.cleared(patientId, "pat-" + patientId, "physio");
        given().auth()
                .oauth2(TOKENS.physio("physio"))
                .contentType(ContentType.JSON)
                .body(Map.of("patientId", patientId, "protocol", code, "phase", 3))
                .post("/api/programs")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("detail", containsString("has 2 phases"))
                .body("violations[0].field", equalTo("phase"));
        Fixtures.Assigned a = assign(code, 1);
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
                .body(Map.of("phase", 3, "reason", "try", "version", version))
                .post("/api/programs/{id}/phase", a.programId())
                .then()
                .statusCode(422)
                .body("violations[0].field", equalTo("phase"));
        given().auth()
                .oauth2(TOKENS.physio("physio"))
                .contentType(ContentType.JSON)
                .body(Map.of("phase", 2, "reason", "pain settled", "version", version))
                .post("/api/programs/{id}/phase", a.programId())
                .then()
                .statusCode(200)
                .body("phase", equalTo(2))
                .body("exercises.exercise", contains("clamshell", "standing-hip-abduction"));
        // The seed keeps its three phases: a fourth is refused the same way.
        given().auth()
                .oauth2(TOKENS.physio("physio"))
                .contentType(ContentType.JSON)
                .body(Map.of("patientId", patientId, "protocol", "sciatica-phased", "phase", 4))
                .post("/api/programs")
                .then()
                .statusCode(422)
                .body("detail", containsString("has 3 phases"));
    }

    @Test
    void retiredUnknownAndCautionExercisesAreRefusedWithTheFieldNamed() {
        String retired = newCode("retired-move");
        given().auth()
                .oauth2(TOKENS.physio("physio"))
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "slug",
                        retired,
                        "name",
                        "Old move",
                        "category",
                        "mobility",
                        "phases",
                        List.of(1),
                        "instructions",
                        "Move gently."))
                .post("/api/exercises")
                .then()
                .statusCode(201);
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                        "update exercise set retired_at = current_timestamp(6) where current_slug = ?1")
                .setParameter(1, retired)
                .executeUpdate());
        create(knee(newCode("knee-oa"), List.of(row("glute-bridge", null, null), row(retired, null, null))))
                .statusCode(422)
                .contentType("application/problem+json")
                .body("violations[0].field", equalTo("phases[0].exercises[1].exercise"))
                .body("violations[0].message", containsString("retired"));
        create(knee(newCode("knee-oa"), List.of(row("no-such-exercise", null, null))))
                .statusCode(400)
                .body("violations[0].field", equalTo("phases[0].exercises[0].exercise"));
        // Sit-ups are to be avoided in every phase: never a protocol's default.
        create(knee(newCode("knee-oa"), List.of(row("sit-up-crunch", null, null))))
                .statusCode(422)
                .body("violations[0].message", containsString("avoided in phase 1"));
        Map<String, Object> tooMany = knee(newCode("knee-oa"), kneePhaseOne());
        List<Object> seven = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            seven.add(((List<?>) tooMany.get("phases")).get(0));
        }
        tooMany.put("phases", seven);
        create(tooMany).statusCode(400);
    }

    @Test
    void theBuiltInProtocolIsReadOnlyButMayBeCopied() {
        Map<String, Object> edit = knee("sciatica-phased", kneePhaseOne());
        edit.put("version", 1);
        given().auth()
                .oauth2(TOKENS.physio("physio"))
                .contentType(ContentType.JSON)
                .body(edit)
                .put("/api/protocols/sciatica-phased")
                .then()
                .statusCode(422)
                .body("detail", containsString("read-only"));
        String copy = newCode("sciatica-clinic");
        given().auth()
                .oauth2(TOKENS.physio("physio"))
                .contentType(ContentType.JSON)
                .body(Map.of("code", copy))
                .post("/api/protocols/sciatica-phased/copy")
                .then()
                .statusCode(201)
                .body("builtIn", equalTo(false))
                .body("version", equalTo(1))
                .body("phaseCount", equalTo(3))
                .body("phases[2].entryMinAdherence", equalTo(70))
                .body("phases[0].exercises", hasSize(6));
        given().auth()
                .oauth2(TOKENS.physio("physio"))
                .get("/api/protocols/sciatica-phased")
                .then()
                .body("version", equalTo(1));
    }

    @Test
    void aRetiredProtocolIsNotOfferedForNewProgramsButRunningOnesGoOn() {
        String code = createKnee();
        Fixtures.Assigned running = assign(code, 1);
        given().auth()
                .oauth2(TOKENS.physio("physio"))
                .post("/api/protocols/{code}/retire", code)
                .then()
                .statusCode(200)
                .body("retired", equalTo(true));
        long patientId = FakePatientService.newPatientId();
        FakePatientService.cleared(patientId, "pat-" + patientId, "physio");
        given().auth()
                .oauth2(TOKENS.physio("physio"))
                .contentType(ContentType.JSON)
                .body(Map.of("patientId", patientId, "protocol", code, "phase", 1))
                .post("/api/programs")
                .then()
                .statusCode(422)
                .body("detail", containsString("retired"));
        given().auth()
                .oauth2(running.patientToken())
                .get("/api/programs/me/today")
                .then()
                .statusCode(200)
                .body("exercises", hasSize(2));
        given().auth()
                .oauth2(TOKENS.physio("physio"))
                .post("/api/protocols/sciatica-phased/retire")
                .then()
                .statusCode(422);
        assertThat(audit.count("action = ?1 and reason = ?2", "PROTOCOL_RETIRED", "protocol " + code + " version 1"))
                .isEqualTo(1);
    }

    @Test
    void onlyPhysiosWriteProtocols() {
        given().auth()
                .oauth2(TOKENS.admin("admin"))
                .contentType(ContentType.JSON)
                .body(knee(newCode("knee-oa"), kneePhaseOne()))
                .post("/api/protocols")
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(TOKENS.patient("patient"))
                .contentType(ContentType.JSON)
                .body(knee(newCode("knee-oa"), kneePhaseOne()))
                .post("/api/protocols")
                .then()
                .statusCode(403);
        String code = createKnee();
        create(knee(code, kneePhaseOne())).statusCode(409);
    }

    @Test
    void aProtocolWithoutScreeningStartsUnscreenedPatientsButNeverOnARedFlag() {
        Map<String, Object> body = knee(newCode("knee-open"), kneePhaseOne());
        body.put("requiresScreening", false);
        String code = create(body).statusCode(201).extract().jsonPath().getString("code");
        long unscreened = FakePatientService.newPatientId();
        FakePatientService.notCleared(unscreened, ClearanceRules.NO_SCREENING);
        given().auth()
                .oauth2(TOKENS.physio("physio"))
                .contentType(ContentType.JSON)
                .body(Map.of("patientId", unscreened, "protocol", code, "phase", 1))
                .post("/api/programs")
                .then()
                .statusCode(201);
        long redFlag = FakePatientService.newPatientId();
        FakePatientService.notCleared(redFlag, ClearanceRules.RED_FLAG);
        given().auth()
                .oauth2(TOKENS.physio("physio"))
                .contentType(ContentType.JSON)
                .body(Map.of("patientId", redFlag, "protocol", code, "phase", 1))
                .post("/api/programs")
                .then()
                .statusCode(422)
                .body("detail", containsString("red flag"));
        // The seed asks for a screening: the unscreened patient is refused there.
        long other = FakePatientService.newPatientId();
        FakePatientService.notCleared(other, ClearanceRules.NO_SCREENING);
        given().auth()
                .oauth2(TOKENS.physio("physio"))
                .contentType(ContentType.JSON)
                .body(Map.of("patientId", other, "protocol", "sciatica-phased", "phase", 1))
                .post("/api/programs")
                .then()
                .statusCode(422);
    }

    @Test
    void progressAdvancesByTheProtocolsOwnEntryCriteria() {
        String code = createKnee();
        Fixtures.Assigned ready = assign(code, 1);
        Fixtures.logSession(ready, 2, 2, List.of(Map.of("exercise", "glute-bridge", "completed", true)));
        given().auth()
                .oauth2(TOKENS.physio("physio"))
                .get("/api/programs/{id}/progress", ready.programId())
                .then()
                .statusCode(200)
                .body("suggestion.action", equalTo("ADVANCE"))
                .body("suggestion.ruleCode", equalTo("ADVANCE_TO_2"))
                .body("suggestion.rule", containsString("mean pain 2 ≤ 3"))
                .body("suggestion.rule", containsString("phase-1 adherence 100 % ≥ 50 %"));
        // A mean of 3.5 would advance the seed (≤ 4) but not this protocol (≤ 3).
        Fixtures.Assigned notYet = assign(code, 1);
        Fixtures.logSession(notYet, 3, 3, List.of(Map.of("exercise", "glute-bridge", "completed", true)));
        Fixtures.logSession(notYet, 4, 3, List.of(Map.of("exercise", "glute-bridge", "completed", true)));
        given().auth()
                .oauth2(TOKENS.physio("physio"))
                .get("/api/programs/{id}/progress", notYet.programId())
                .then()
                .statusCode(200)
                .body("suggestion.action", equalTo("HOLD"))
                .body("suggestion.ruleCode", not(equalTo("ADVANCE_TO_2")));
        // At its last phase the protocol says so.
        Fixtures.Assigned last = assign(code, 2);
        Fixtures.logSession(last, 1, 1, List.of(Map.of("exercise", "clamshell", "completed", true)));
        given().auth()
                .oauth2(TOKENS.physio("physio"))
                .get("/api/programs/{id}/progress", last.programId())
                .then()
                .body("suggestion.ruleCode", equalTo("LAST_PHASE"))
                .body("suggestion.rule", equalTo("Phase 2 is the last phase; keep going."));
    }

    @Test
    void anExerciseListedInAPhaseFitsItWhateverItsOwnPhases() {
        // glute-bridge is meant for the seed's phase 2; the knee protocol lists it in phase 1, so it fits there.
        String code = createKnee();
        long patientId = FakePatientService.newPatientId();
        FakePatientService.cleared(patientId, "pat-" + patientId, "physio");
        given().auth()
                .oauth2(TOKENS.physio("physio"))
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "patientId",
                        patientId,
                        "protocol",
                        code,
                        "phase",
                        1,
                        "exercises",
                        List.of(Map.of("exercise", "glute-bridge"), Map.of("exercise", "pelvic-tilt"))))
                .post("/api/programs")
                .then()
                .statusCode(201)
                .body("exercises.exercise", hasItem("glute-bridge"));
        // An exercise neither listed nor meant for the phase is refused as in the seed.
        long other = FakePatientService.newPatientId();
        FakePatientService.cleared(other, "pat-" + other, "physio");
        given().auth()
                .oauth2(TOKENS.physio("physio"))
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "patientId",
                        other,
                        "protocol",
                        code,
                        "phase",
                        1,
                        "exercises",
                        List.of(Map.of("exercise", "figure-4-piriformis-stretch"))))
                .post("/api/programs")
                .then()
                .statusCode(422)
                .body("cautions[0].kind", equalTo("PHASE"));
    }
}
