package clinic.program.session;

import static clinic.program.testing.Fixtures.TOKENS;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import clinic.program.alert.AlertConfig;
import clinic.program.alert.AlertService;
import clinic.program.testing.FakePatientService;
import clinic.program.testing.Fixtures;
import clinic.rules.AlertRules;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SessionResourceTest {

    @Inject
    SessionRepository sessions;

    @Inject
    AlertService alertService;

    @Inject
    AlertConfig alertConfig;

    @Test
    void theRunningServiceUsesTheDocumentedAlertThresholds() {
        assertThat(alertConfig.thresholds()).isEqualTo(AlertRules.Thresholds.DEFAULTS);
    }

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    private static Map<String, Object> session(int before, int after) {
        Map<String, Object> body = new HashMap<>();
        body.put("date", LocalDate.now().toString());
        body.put("painBefore", before);
        body.put("painAfter", after);
        body.put(
                "exercises",
                List.of(
                        Map.of("exercise", "pelvic-tilt", "completed", true, "sets", 1, "reps", 10),
                        Map.of("exercise", "seated-ankle-pump", "completed", true, "side", "LEFT")));
        return body;
    }

    private static Response post(Fixtures.Assigned a, Map<String, Object> body) {
        return given().auth()
                .oauth2(a.patientToken())
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/programs/{id}/sessions", a.programId());
    }

    @Test
    void patientLogsASessionOnOwnProgram() {
        Fixtures.Assigned a = Fixtures.assignPhase(1);
        post(a, session(4, 3))
                .then()
                .statusCode(201)
                .body("id", notNullValue())
                .body("painBefore", equalTo(4))
                .body("exercises", hasSize(2))
                .body("alerts", empty())
                .body("emergencyAdvice", nullValue());
        given().auth()
                .oauth2(TOKENS.physio("physio"))
                .get("/api/programs/{id}/sessions", a.programId())
                .then()
                .statusCode(200)
                .body("$", hasSize(1));
    }

    @Test
    void patientCannotLogOnAnotherPatientsProgram() {
        Fixtures.Assigned mine = Fixtures.assignPhase(1);
        Fixtures.Assigned theirs = Fixtures.assignPhase(1);
        given().auth()
                .oauth2(mine.patientToken())
                .contentType(ContentType.JSON)
                .body(session(3, 3))
                .post("/api/programs/{id}/sessions", theirs.programId())
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(mine.patientToken())
                .get("/api/programs/{id}/sessions", theirs.programId())
                .then()
                .statusCode(404);
    }

    @Test
    void physioMayNotLogSessions() {
        Fixtures.Assigned a = Fixtures.assignPhase(1);
        given().auth()
                .oauth2(TOKENS.physio("physio"))
                .contentType(ContentType.JSON)
                .body(session(3, 3))
                .post("/api/programs/{id}/sessions", a.programId())
                .then()
                .statusCode(403);
    }

    @Test
    void notesWithAnUnpairedSurrogateAre400AndNothingIsStored() {
        // Found by the system tests' fuzz run: utf8mb4 cannot hold it and it was written as '?'.
        Fixtures.Assigned a = Fixtures.assignPhase(1);
        String body = "{\"date\":\"" + LocalDate.now() + "\",\"painBefore\":2,\"painAfter\":2,\"notes\":\"x\\ud800y\"}";
        given().auth()
                .oauth2(a.patientToken())
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/programs/{id}/sessions", a.programId())
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations[0].field", equalTo("notes"));
        assertThat(sessions.count("programId", a.programId())).isZero();
    }

    @Test
    void futureDateOutOfRangePainAndUnknownExerciseAre400() {
        Fixtures.Assigned a = Fixtures.assignPhase(1);
        Map<String, Object> future = session(3, 3);
        future.put("date", LocalDate.now().plusDays(1).toString());
        post(a, future).then().statusCode(400).body("violations.field", hasItem("date"));

        Map<String, Object> beforeStart = session(3, 3);
        beforeStart.put("date", LocalDate.now().minusDays(1).toString());
        post(a, beforeStart).then().statusCode(400).body("violations.field", hasItem("date"));

        post(a, session(11, -1))
                .then()
                .statusCode(400)
                .body("violations.field", hasItem("painBefore"))
                .body("violations.field", hasItem("painAfter"));

        Map<String, Object> unknown = session(3, 3);
        unknown.put("exercises", List.of(Map.of("exercise", "glute-bridge", "sets", 0)));
        post(a, unknown).then().statusCode(400).body("violations.field", hasItem("exercises[0].sets"));
        unknown.put("exercises", List.of(Map.of("exercise", "glute-bridge")));
        post(a, unknown).then().statusCode(400).body("violations[0].field", equalTo("exercises[0].exercise"));

        Map<String, Object> badFlag = session(3, 3);
        badFlag.put("redFlagSymptoms", List.of("HEADACHE"));
        post(a, badFlag).then().statusCode(400).contentType("application/problem+json");
        assertThat(sessions.count("programId", a.programId())).isZero();
    }

    @Test
    void sameIdempotencyKeyAndBodyReturnsTheFirstResponseAndOneRow() {
        Fixtures.Assigned a = Fixtures.assignPhase(1);
        String key = "key-" + System.nanoTime();
        Map<String, Object> body = session(5, 8);
        long first = given().auth()
                .oauth2(a.patientToken())
                .header("Idempotency-Key", key)
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/programs/{id}/sessions", a.programId())
                .then()
                .statusCode(201)
                .body("alerts.type", hasItem("SEVERE_PAIN"))
                .extract()
                .jsonPath()
                .getLong("id");
        given().auth()
                .oauth2(a.patientToken())
                .header("Idempotency-Key", key)
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/programs/{id}/sessions", a.programId())
                .then()
                .statusCode(201)
                .header("Idempotent-Replayed", "true")
                .body("id", equalTo((int) first))
                .body("alerts.type", hasItem("SEVERE_PAIN"));
        assertThat(sessions.count("programId", a.programId())).isEqualTo(1);
    }

    @Test
    void sameIdempotencyKeyWithAnotherBodyIs422() {
        Fixtures.Assigned a = Fixtures.assignPhase(1);
        String key = "key-" + System.nanoTime();
        given().auth()
                .oauth2(a.patientToken())
                .header("Idempotency-Key", key)
                .contentType(ContentType.JSON)
                .body(session(3, 3))
                .post("/api/programs/{id}/sessions", a.programId())
                .then()
                .statusCode(201);
        given().auth()
                .oauth2(a.patientToken())
                .header("Idempotency-Key", key)
                .contentType(ContentType.JSON)
                .body(session(3, 4))
                .post("/api/programs/{id}/sessions", a.programId())
                .then()
                .statusCode(422);
        assertThat(sessions.count("programId", a.programId())).isEqualTo(1);
    }

    @Test
    void concurrentRetriesWithTheSameKeyWriteOneRow() throws Exception {
        Fixtures.Assigned a = Fixtures.assignPhase(1);
        String key = "key-" + System.nanoTime();
        Map<String, Object> body = session(4, 4);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Response>> calls = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                calls.add(() -> given().auth()
                        .oauth2(a.patientToken())
                        .header("Idempotency-Key", key)
                        .contentType(ContentType.JSON)
                        .body(body)
                        .post("/api/programs/{id}/sessions", a.programId()));
            }
            List<Long> ids = new ArrayList<>();
            for (Future<Response> f : pool.invokeAll(calls)) {
                Response r = f.get();
                assertThat(r.statusCode()).isEqualTo(201);
                ids.add(r.jsonPath().getLong("id"));
            }
            assertThat(ids).containsOnly(ids.get(0));
        } finally {
            pool.shutdownNow();
        }
        assertThat(sessions.count("programId", a.programId())).isEqualTo(1);
    }

    /** The staff message of the program's alert of a type, as the physio reads it. */
    private static String staffMessage(Fixtures.Assigned a, String type) {
        return given().auth()
                .oauth2(TOKENS.physio("physio"))
                .get("/api/alerts")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getString("find { it.programId == " + a.programId() + " && it.type == '" + type + "' }.message");
    }

    @Test
    void redFlagSymptomGivesEmergencyAdviceAndAnUrgentAlert() {
        Fixtures.Assigned a = Fixtures.assignPhase(1);
        Map<String, Object> body = session(6, 6);
        body.put("redFlagSymptoms", List.of("BLADDER_BOWEL"));
        post(a, body)
                .then()
                .statusCode(201)
                .body("emergencyAdvice", startsWith("Get emergency medical help now"))
                .body("redFlagSymptoms", hasItem("BLADDER_BOWEL"))
                .body("alerts.type", hasItem("RED_FLAG"))
                .body("alerts.find { it.type == 'RED_FLAG' }.severity", equalTo("URGENT"))
                .body("alerts[0].message", nullValue());
        assertThat(staffMessage(a, "RED_FLAG"))
                .contains("New bladder or bowel dysfunction")
                .contains("possible cauda equina syndrome")
                .contains("The program is on hold.");
    }

    @Test
    void nervePainMarksTheExerciseForReviewAndAlerts() {
        Fixtures.Assigned a = Fixtures.assignPhase(1);
        Map<String, Object> body = session(3, 4);
        body.put(
                "exercises",
                List.of(Map.of("exercise", "modified-slump-glide", "completed", false, "nervePain", true)));
        post(a, body)
                .then()
                .statusCode(201)
                .body("alerts.type", hasItem("NERVE_PAIN"))
                .body("alerts.find { it.type == 'NERVE_PAIN' }.severity", equalTo("HIGH"))
                .body("advice.redFlag", nullValue())
                .body("advice.whatToDo[0]", containsString("'Modified slump glide'"))
                .body("programStatus", equalTo("ACTIVE"));
        assertThat(staffMessage(a, "NERVE_PAIN")).startsWith("Nerve pain during 'Modified slump glide' on ");
        given().auth()
                .oauth2(a.patientToken())
                .get("/api/programs/me")
                .then()
                .body("exercises.find { it.exercise == 'modified-slump-glide' }.markedForReview", equalTo(true))
                .body("exercises.find { it.exercise == 'pelvic-tilt' }.markedForReview", equalTo(false));
    }

    @Test
    void painLastingHoursTwiceInAWeekSuggestsAStepBack() {
        Fixtures.Assigned a = Fixtures.assignPhase(1);
        Map<String, Object> body = session(3, 3);
        body.put("painLastedHoursAfter", true);
        post(a, body).then().statusCode(201).body("alerts.type", not(hasItem("PAIN_PERSISTED")));
        post(a, body)
                .then()
                .statusCode(201)
                .body("alerts.type", hasItem("PAIN_PERSISTED"))
                .body("advice.whatToDo", hasItem(containsString("Take it easier tomorrow")));
        assertThat(staffMessage(a, "PAIN_PERSISTED")).contains("step back");
    }

    @Test
    void painThatStopsSleepOrWorkRaisesDisablingSymptomsAndAsksThePatientToSeeTheirPhysio() {
        Fixtures.Assigned a = Fixtures.assignPhase(1);
        Map<String, Object> body = session(5, 5);
        body.put("painStopsSleepOrWork", true);
        post(a, body)
                .then()
                .statusCode(201)
                .body("painStopsSleepOrWork", equalTo(true))
                .body("alerts.type", hasItem("DISABLING_SYMPTOMS"))
                .body("alerts.find { it.type == 'DISABLING_SYMPTOMS' }.severity", equalTo("HIGH"))
                .body("advice.whatToDo", hasItem(containsString("stops you sleeping or working")))
                .body("programStatus", equalTo("ACTIVE"));
        assertThat(staffMessage(a, "DISABLING_SYMPTOMS")).contains("consider referral");
        post(a, session(5, 5))
                .then()
                .statusCode(201)
                .body("painStopsSleepOrWork", equalTo(false))
                .body("alerts.type", not(hasItem("DISABLING_SYMPTOMS")))
                .body("advice.whatToDo", contains("Thank you, your session is saved. Keep going as planned."));
    }

    @Test
    void mostRecentSessionsAggravatingTellsThePatientToGoBackToGentleMovement() {
        Fixtures.Assigned a = Fixtures.assignPhase(1);
        Map<String, Object> lasting = session(3, 3);
        lasting.put("painLastedHoursAfter", true);
        post(a, lasting).then().statusCode(201);
        post(a, lasting).then().statusCode(201).body("advice.whatToDo", not(hasItem(startsWith("Most of"))));
        post(a, lasting)
                .then()
                .statusCode(201)
                .body("advice.whatToDo", hasItem(startsWith("Most of your recent sessions have made the pain worse")));
    }

    @Test
    void painRisingTwoPointsAboveBaselineAlerts() {
        Fixtures.Assigned a = Fixtures.assignPhase(1);
        post(a, session(2, 2)).then().statusCode(201).body("alerts", empty());
        post(a, session(3, 3)).then().statusCode(201).body("alerts", empty());
        post(a, session(4, 5))
                .then()
                .statusCode(201)
                .body("alerts.type", hasItem("PAIN_INCREASE"))
                .body("alerts.find { it.type == 'PAIN_INCREASE' }.severity", equalTo("MEDIUM"));
    }

    @Test
    void programWithoutLogsForThreeDaysRaisesOneInactivityAlert() {
        Fixtures.Assigned quiet = Fixtures.assignPhase(1);
        Fixtures.Assigned busy = Fixtures.assignPhase(1);
        post(busy, session(3, 3)).then().statusCode(201);
        // One day ahead only two log-free days have passed; two days ahead the quiet program has had three.
        alertService.checkInactivity(LocalDate.now().plusDays(1));
        given().auth()
                .oauth2(TOKENS.physio("physio"))
                .get("/api/alerts")
                .then()
                .body("findAll { it.programId == " + quiet.programId() + " }", empty());
        alertService.checkInactivity(LocalDate.now().plusDays(2));
        alertService.checkInactivity(LocalDate.now().plusDays(2));
        var alerts = given().auth()
                .oauth2(TOKENS.physio("physio"))
                .get("/api/alerts")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(alerts.getList("findAll { it.programId == " + quiet.programId() + " }.type"))
                .containsExactly("NO_RECENT_LOG");
        assertThat(alerts.getList("findAll { it.programId == " + busy.programId() + " }.type"))
                .isEmpty();
    }

    @Test
    void physioAcknowledgesAnAlertOnce() {
        Fixtures.Assigned a = Fixtures.assignPhase(1);
        post(a, session(8, 9)).then().statusCode(201).body("alerts.type", hasItem("SEVERE_PAIN"));
        long alertId = given().auth()
                .oauth2(TOKENS.physio("physio"))
                .get("/api/alerts")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getLong("find { it.programId == " + a.programId() + " && it.type == 'SEVERE_PAIN' }.id");
        given().auth()
                .oauth2(TOKENS.physio("physio"))
                .contentType(ContentType.JSON)
                .body(Map.of("note", "called the patient"))
                .post("/api/alerts/{id}/acknowledge", alertId)
                .then()
                .statusCode(200)
                .body("status", equalTo("ACKNOWLEDGED"))
                .body("acknowledgedBy", equalTo("physio"))
                .body("note", equalTo("called the patient"));
        given().auth()
                .oauth2(TOKENS.physio("physio"))
                .contentType(ContentType.JSON)
                .body(Map.of("note", "again"))
                .post("/api/alerts/{id}/acknowledge", alertId)
                .then()
                .statusCode(409);
        given().auth()
                .oauth2(TOKENS.physio("physio"))
                .queryParam("status", "ACKNOWLEDGED")
                .get("/api/alerts")
                .then()
                .body("id", hasItem((int) alertId));
    }

    @Test
    void alertsListTheCallersOwnPatientsFirstThenMostSevere() {
        Fixtures.Assigned own = Fixtures.assignPhase(1, "physio");
        Fixtures.Assigned other = Fixtures.assignPhase(1, "physio2");
        // physio is in the care team of physio2's patient, so sees its alerts too, after their own patients'.
        FakePatientService.addToTeam(other.patientId(), "physio");
        post(own, session(3, 3)).then().statusCode(201);
        Map<String, Object> severe = session(8, 9); // HIGH, own patient
        post(own, severe).then().statusCode(201);
        Map<String, Object> urgent = session(3, 3); // URGENT, another physio's patient
        urgent.put("redFlagSymptoms", List.of("SADDLE_NUMBNESS"));
        post(other, urgent).then().statusCode(201);
        List<Integer> programIds = given().auth()
                .oauth2(TOKENS.physio("physio"))
                .get("/api/alerts")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("programId", Integer.class);
        assertThat(programIds).contains((int) own.programId(), (int) other.programId());
        assertThat(programIds.indexOf((int) own.programId())).isLessThan(programIds.indexOf((int) other.programId()));
        // physio2 is not in the care team of physio's patient: its alerts are not listed for them.
        List<Integer> forPhysio2 = given().auth()
                .oauth2(TOKENS.physio("physio2"))
                .get("/api/alerts")
                .then()
                .extract()
                .jsonPath()
                .getList("programId", Integer.class);
        assertThat(forPhysio2).contains((int) other.programId()).doesNotContain((int) own.programId());
    }

    @Test
    void patientMayNotReadAlerts() {
        given().auth()
                .oauth2(TOKENS.patient("patient"))
                .get("/api/alerts")
                .then()
                .statusCode(403);
    }
}
