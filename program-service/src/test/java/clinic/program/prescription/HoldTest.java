package clinic.program.prescription;

import static clinic.program.testing.Fixtures.TOKENS;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.hasToString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import clinic.program.alert.AlertService;
import clinic.program.audit.AuditRepository;
import clinic.program.testing.FakePatientService;
import clinic.program.testing.Fixtures;
import clinic.rules.PatientGuidance;
import clinic.rules.RedFlag;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A red flag puts the program on hold; only a physio resumes it, after a newer screening clears the patient. */
@QuarkusTest
class HoldTest {

    /** patient-service's service account. */
    static final String SERVICE = TOKENS.token("service-account-patient-service", List.of("clinical-service"));

    private static final AtomicLong SCREENINGS = new AtomicLong(System.nanoTime() % 1_000_000_000L * 10);

    @Inject
    AuditRepository audit;

    @Inject
    AlertService alerts;

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    private static Map<String, Object> session(int pain, List<String> redFlags) {
        Map<String, Object> body = new HashMap<>();
        body.put("date", LocalDate.now().toString());
        body.put("painBefore", pain);
        body.put("painAfter", pain);
        body.put("exercises", List.of(Map.of("exercise", "pelvic-tilt", "completed", true)));
        body.put("redFlagSymptoms", redFlags);
        return body;
    }

    private static Response log(Fixtures.Assigned a, Map<String, Object> body) {
        return given().auth()
                .oauth2(a.patientToken())
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/programs/{id}/sessions", a.programId());
    }

    private static Response deliver(String token, long patientId, long screeningId, List<String> flags) {
        return given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(Map.of("patientId", patientId, "screeningId", screeningId, "redFlags", flags))
                .post("/api/programs/holds");
    }

    private static Response resume(Fixtures.Assigned a, String reason) {
        return given().auth()
                .oauth2(TOKENS.physio("physio"))
                .contentType(ContentType.JSON)
                .body(Map.of("reason", reason))
                .post("/api/programs/{id}/resume", a.programId());
    }

    private static JsonPath program(Fixtures.Assigned a) {
        return given().auth()
                .oauth2(TOKENS.physio("physio"))
                .get("/api/programs/{id}", a.programId())
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    private static JsonPath today(Fixtures.Assigned a) {
        return given().auth()
                .oauth2(a.patientToken())
                .get("/api/programs/me/today")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    /** A program held by a red flag in a log. */
    private static Fixtures.Assigned held() {
        Fixtures.Assigned a = Fixtures.assignPhase(1);
        log(a, session(5, List.of("SADDLE_NUMBNESS"))).then().statusCode(201);
        return a;
    }

    @Test
    void redFlagInALogPutsTheProgramOnHoldAtOnceWithAdviceForThatFlagOnly() {
        Fixtures.Assigned a = Fixtures.assignPhase(1);
        String answer = log(a, session(6, List.of("BLADDER_BOWEL")))
                .then()
                .statusCode(201)
                .body("programStatus", equalTo("ON_HOLD"))
                .body("advice.redFlag.urgency", equalTo("EMERGENCY_NOW"))
                .body("advice.redFlag.headline", equalTo("Get emergency medical help now"))
                .body("advice.redFlag.symptoms", contains(RedFlag.BLADDER_BOWEL.patientWords()))
                .body("advice.whatToDo", empty())
                .body("emergencyAdvice", startsWith("Get emergency medical help now Stop exercising."))
                .body("alerts", hasSize(1))
                .body("alerts[0].type", equalTo("RED_FLAG"))
                .body("alerts[0].severity", equalTo("URGENT"))
                .body("alerts[0].size()", equalTo(2))
                .body("alerts[0].message", nullValue())
                .extract()
                .asString();
        // Staff words never reach the patient.
        assertThat(answer)
                .doesNotContain("cauda equina")
                .doesNotContain("Contact the patient")
                .doesNotContain(RedFlag.BLADDER_BOWEL.clinicalWords());

        JsonPath today = today(a);
        assertThat(today.getString("status")).isEqualTo("ON_HOLD");
        assertThat(today.getList("exercises")).isEmpty();
        assertThat(today.getString("message")).isEqualTo(PatientGuidance.onHold());
        assertThat(today.getString("advice.urgency")).isEqualTo("EMERGENCY_NOW");
        assertThat(today.getList("advice.symptoms")).containsExactly(RedFlag.BLADDER_BOWEL.patientWords());
        assertThat(today.getList("loggedToday")).hasSize(1);

        log(a, session(3, List.of()))
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("detail", startsWith("Your program is paused"));

        JsonPath program = program(a);
        assertThat(program.getString("status")).isEqualTo("ON_HOLD");
        assertThat(program.getString("hold.source")).isEqualTo("SESSION_LOG");
        assertThat(program.getList("hold.redFlags")).containsExactly("BLADDER_BOWEL");
        assertThat(program.getString("hold.since")).isNotNull();
        assertThat(program.getString("hold.reason")).contains("Loss of bladder or bowel control");
        assertThat(program.getList("revisions.reason", String.class))
                .last()
                .asString()
                .startsWith("On hold: Red flag reported in the session log of " + LocalDate.now());
        assertThat(audit.count("programId = ?1 and action = 'PROGRAM_HELD'", a.programId()))
                .isEqualTo(1);
        // The patient still finds the held program as theirs.
        given().auth()
                .oauth2(a.patientToken())
                .get("/api/programs/me")
                .then()
                .statusCode(200)
                .body("status", equalTo("ON_HOLD"));
    }

    @Test
    void constantSeverePainIsSameDayAdviceNotAnEmergency() {
        Fixtures.Assigned a = Fixtures.assignPhase(1);
        log(a, session(8, List.of("CONSTANT_SEVERE_PAIN")))
                .then()
                .statusCode(201)
                .body("programStatus", equalTo("ON_HOLD"))
                .body("advice.redFlag.urgency", equalTo("SAME_DAY"))
                .body("advice.redFlag.headline", equalTo("See a doctor today"))
                .body("advice.whatToDo", empty());
        assertThat(today(a).getString("advice.urgency")).isEqualTo("SAME_DAY");
    }

    @Test
    void aReplayedRedFlagLogGetsItsFirstAnswerWhileTheProgramIsOnHold() {
        Fixtures.Assigned a = Fixtures.assignPhase(1);
        String key = "rf-" + System.nanoTime();
        Map<String, Object> body = session(6, List.of("PROGRESSIVE_WEAKNESS"));
        for (int i = 0; i < 2; i++) {
            given().auth()
                    .oauth2(a.patientToken())
                    .header("Idempotency-Key", key)
                    .contentType(ContentType.JSON)
                    .body(body)
                    .post("/api/programs/{id}/sessions", a.programId())
                    .then()
                    .statusCode(201)
                    .body("programStatus", equalTo("ON_HOLD"))
                    .body("advice.redFlag.urgency", equalTo("EMERGENCY_NOW"))
                    .body("alerts.type", contains("RED_FLAG"));
        }
        assertThat(audit.count("programId = ?1 and action = 'PROGRAM_HELD'", a.programId()))
                .isEqualTo(1);
    }

    @Test
    void aScreeningRedFlagHoldsTheActiveProgramOnceWhateverTheRepeats() {
        Fixtures.Assigned a = Fixtures.assignPhase(2);
        long screening = SCREENINGS.incrementAndGet();
        deliver(SERVICE, a.patientId(), screening, List.of("SYSTEMIC"))
                .then()
                .statusCode(200)
                .body("patientId", hasToString(String.valueOf(a.patientId())))
                .body("programId", equalTo((int) a.programId()))
                .body("status", equalTo("ON_HOLD"));
        JsonPath program = program(a);
        assertThat(program.getString("hold.source")).isEqualTo("SCREENING");
        assertThat(program.getList("hold.redFlags")).containsExactly("SYSTEMIC");
        int revisions = program.getList("revisions").size();
        String since = program.getString("hold.since");

        // patient-service retries until it gets an answer: the repeat changes nothing.
        deliver(SERVICE, a.patientId(), screening, List.of("SYSTEMIC"))
                .then()
                .statusCode(200)
                .body("programId", equalTo((int) a.programId()))
                .body("status", equalTo("ON_HOLD"));
        JsonPath after = program(a);
        assertThat(after.getList("revisions")).hasSize(revisions);
        assertThat(after.getString("hold.since")).isEqualTo(since);
        assertThat(audit.count(
                        "programId = ?1 and action = 'PROGRAM_HELD' and role = 'clinical-service'"
                                + " and actor = 'service-account-patient-service'",
                        a.programId()))
                .isEqualTo(1);
        assertThat(today(a).getString("advice.urgency")).isEqualTo("SAME_DAY");
        // The care physio gets one urgent alert for it, however often it was delivered.
        List<Map<String, Object>> alerts = given().auth()
                .oauth2(TOKENS.physio("physio"))
                .get("/api/alerts?status=OPEN")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("findAll { it.programId == " + a.programId() + " && it.type == 'RED_FLAG' }");
        assertThat(alerts).singleElement().satisfies(alert -> {
            assertThat(alert.get("severity")).isEqualTo("URGENT");
            assertThat((String) alert.get("message"))
                    .contains("screening " + screening)
                    .contains(RedFlag.SYSTEMIC.clinicalWords());
        });
    }

    @Test
    void aPhysioMayDeliverAScreeningRedFlagButAPatientMayNot() {
        Fixtures.Assigned a = Fixtures.assignPhase(1);
        deliver(a.patientToken(), a.patientId(), SCREENINGS.incrementAndGet(), List.of("SYSTEMIC"))
                .then()
                .statusCode(403);
        assertThat(program(a).getString("status")).isEqualTo("ACTIVE");
        deliver(TOKENS.physio("physio"), a.patientId(), SCREENINGS.incrementAndGet(), List.of("BLADDER_BOWEL"))
                .then()
                .statusCode(200)
                .body("status", equalTo("ON_HOLD"));
    }

    @Test
    void aScreeningRedFlagForAPatientWithoutAProgramAnswersNull() {
        long patientId = FakePatientService.newPatientId();
        long screening = SCREENINGS.incrementAndGet();
        for (int i = 0; i < 2; i++) {
            deliver(SERVICE, patientId, screening, List.of("SADDLE_NUMBNESS"))
                    .then()
                    .statusCode(200)
                    .body("patientId", hasToString(String.valueOf(patientId)))
                    .body("programId", nullValue())
                    .body("status", nullValue());
        }
    }

    @Test
    void theLegacyCodeIsConstantSeverePainAndAnUnknownCodeIs400() {
        Fixtures.Assigned a = Fixtures.assignPhase(1);
        deliver(SERVICE, a.patientId(), SCREENINGS.incrementAndGet(), List.of("HEADACHE"))
                .then()
                .statusCode(400)
                .body("violations.field", hasItem("redFlags[0]"));
        deliver(SERVICE, a.patientId(), SCREENINGS.incrementAndGet(), List.of())
                .then()
                .statusCode(400);
        deliver(SERVICE, a.patientId(), SCREENINGS.incrementAndGet(), List.of(RedFlag.LEGACY_POSITION_INDEPENDENT_PAIN))
                .then()
                .statusCode(200)
                .body("status", equalTo("ON_HOLD"));
        assertThat(program(a).getList("hold.redFlags")).containsExactly("CONSTANT_SEVERE_PAIN");
    }

    @Test
    void aScreeningRedFlagOnAHeldProgramKeepsTheFirstHold() {
        Fixtures.Assigned a = held();
        JsonPath before = program(a);
        deliver(SERVICE, a.patientId(), SCREENINGS.incrementAndGet(), List.of("SYSTEMIC"))
                .then()
                .statusCode(200)
                .body("status", equalTo("ON_HOLD"));
        JsonPath after = program(a);
        assertThat(after.getString("hold.source")).isEqualTo("SESSION_LOG");
        assertThat(after.getString("hold.since")).isEqualTo(before.getString("hold.since"));
        assertThat(after.getList("revisions")).hasSameSizeAs(before.getList("revisions"));
    }

    @Test
    void resumingAProgramThatIsNotOnHoldIs409() {
        Fixtures.Assigned a = Fixtures.assignPhase(1);
        resume(a, "all good").then().statusCode(409).contentType("application/problem+json");
    }

    @Test
    void resumeNeedsAClearingScreeningNewerThanTheHold() {
        Fixtures.Assigned a = held();
        // The clearing screening on record is from before the hold.
        FakePatientService.cleared(
                a.patientId(), a.account(), "physio", Instant.now().minus(2, ChronoUnit.HOURS));
        resume(a, "patient feels fine").then().statusCode(422).body("detail", startsWith("Screen the patient again: "));
        FakePatientService.notCleared(a.patientId(), "The latest screening found a red flag");
        resume(a, "patient feels fine")
                .then()
                .statusCode(422)
                .body("detail", startsWith("Screen the patient again: "))
                .body("detail", containsString("found a red flag"));
        assertThat(program(a).getString("status")).isEqualTo("ON_HOLD");
        assertThat(audit.count("programId = ?1 and action = 'PROGRAM_RESUMED'", a.programId()))
                .isZero();

        FakePatientService.cleared(
                a.patientId(), a.account(), "physio", Instant.now().plusSeconds(1));
        String token = TOKENS.physio("physio");
        given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(Map.of("reason", "GP saw her, no cauda equina; new screening clear"))
                .post("/api/programs/{id}/resume", a.programId())
                .then()
                .statusCode(200)
                .body("status", equalTo("ACTIVE"))
                .body("hold", nullValue())
                .body("revisions[-1].reason", equalTo("Resumed: GP saw her, no cauda equina; new screening clear"))
                .body("revisions[-2].reason", startsWith("On hold: "));
        assertThat(FakePatientService.authorizationSeen(a.patientId())).isEqualTo("Bearer " + token);
        assertThat(audit.count("programId = ?1 and action = 'PROGRAM_RESUMED'", a.programId()))
                .isEqualTo(1);
        JsonPath today = today(a);
        assertThat(today.getString("status")).isEqualTo("ACTIVE");
        assertThat(today.getList("exercises")).hasSize(6);
        assertThat(today.getString("advice")).isNull();
        assertThat(today.getString("message")).isNull();
        log(a, session(3, List.of())).then().statusCode(201).body("programStatus", equalTo("ACTIVE"));
        resume(a, "again").then().statusCode(409);
    }

    @Test
    void resumeNeedsAReasonAPhysioAndPatientService() {
        Fixtures.Assigned a = held();
        resume(a, " ").then().statusCode(400).body("violations.field", hasItem("reason"));
        resume(a, "x".repeat(1001)).then().statusCode(400);
        given().auth()
                .oauth2(a.patientToken())
                .contentType(ContentType.JSON)
                .body(Map.of("reason", "I feel better"))
                .post("/api/programs/{id}/resume", a.programId())
                .then()
                .statusCode(403);
        FakePatientService.dropConnection(a.patientId());
        resume(a, "new screening clear").then().statusCode(503).header("Retry-After", notNullValue());
        assertThat(program(a).getString("status")).isEqualTo("ON_HOLD");
    }

    @Test
    void aHeldProgramRefusesReassignmentAndPhaseChanges() {
        Fixtures.Assigned a = held();
        given().auth()
                .oauth2(TOKENS.physio("physio"))
                .contentType(ContentType.JSON)
                .body(Map.of("patientId", a.patientId(), "protocol", "sciatica-phased", "phase", 2))
                .post("/api/programs")
                .then()
                .statusCode(422)
                .body("detail", equalTo("The program is on hold: resume it after a new screening clears the patient."));
        long version = program(a).getLong("version");
        given().auth()
                .oauth2(TOKENS.physio("physio"))
                .contentType(ContentType.JSON)
                .body(Map.of("phase", 2, "reason", "moving on", "version", version))
                .post("/api/programs/{id}/phase", a.programId())
                .then()
                .statusCode(422)
                .body("detail", startsWith("The program is on hold"));
        given().auth()
                .oauth2(TOKENS.physio("physio"))
                .queryParam("patientId", a.patientId())
                .get("/api/programs")
                .then()
                .statusCode(200)
                .body("$", hasSize(1))
                .body("[0].phase", equalTo(1));
    }

    @Test
    void aHeldProgramRaisesNoInactivityAlert() {
        Fixtures.Assigned a = held();
        alerts.checkInactivity(LocalDate.now().plusDays(5));
        given().auth()
                .oauth2(TOKENS.physio("physio"))
                .get("/api/alerts")
                .then()
                .statusCode(200)
                .body("findAll { it.programId == " + a.programId() + " }.type", not(hasItem("NO_RECENT_LOG")));
    }
}
