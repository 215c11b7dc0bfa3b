package clinic.program.progress;

import static clinic.program.testing.Fixtures.TOKENS;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import clinic.program.testing.Fixtures;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ProgressResourceTest {

    @Inject
    EntityManager em;

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void lowPainInPhaseOneSuggestsAdvancing() {
        Fixtures.Assigned a = Fixtures.assignPhase(1);
        Fixtures.logSession(a, 3, 3, List.of());
        Fixtures.logSession(a, 4, 3, List.of());
        given().auth()
                .oauth2(TOKENS.physio("physio"))
                .get("/api/programs/{id}/progress", a.programId())
                .then()
                .statusCode(200)
                .body("suggestion.action", equalTo("ADVANCE"))
                .body("suggestion.ruleCode", equalTo("ADVANCE_TO_2"))
                .body("suggestion.rule", containsString("Phase 1 → 2"))
                .body("pain.baseline", equalTo(3.5f))
                .body("adherence.logged", equalTo(1))
                .body("adherence.prescribedPerWeek", equalTo(7))
                .body("phaseHistory", hasSize(1));
    }

    @Test
    void nervePainInPhaseOneBlocksAdvancing() {
        Fixtures.Assigned a = Fixtures.assignPhase(1);
        Fixtures.logSession(a, 2, 2, List.of(Map.of("exercise", "modified-slump-glide", "nervePain", true)));
        given().auth()
                .oauth2(a.patientToken())
                .get("/api/programs/{id}/progress", a.programId())
                .then()
                .statusCode(200)
                .body("suggestion.action", equalTo("HOLD"))
                .body("pain.nervePainFlagsLast7Days", equalTo(1));
    }

    @Test
    void twoNervePainFlagsInAWeekSuggestStepBack() {
        Fixtures.Assigned a = Fixtures.assignPhase(2);
        Fixtures.logSession(a, 2, 2, List.of(Map.of("exercise", "glute-bridge", "nervePain", true)));
        Fixtures.logSession(a, 2, 2, List.of(Map.of("exercise", "clamshell", "nervePain", true)));
        given().auth()
                .oauth2(TOKENS.admin("admin"))
                .get("/api/programs/{id}/progress", a.programId())
                .then()
                .statusCode(200)
                .body("suggestion.action", equalTo("STEP_BACK"))
                .body("suggestion.ruleCode", equalTo("NERVE_PAIN_FLAGS"))
                .body("suggestion.rule", containsString("nerve-pain"));
    }

    @Test
    void lowPainAndGoodAdherenceInPhaseTwoSuggestsAdvancing() {
        Fixtures.Assigned a = Fixtures.assignPhase(2);
        Fixtures.logSession(a, 1, 1, List.of(Map.of("exercise", "glute-bridge", "completed", true)));
        given().auth()
                .oauth2(TOKENS.physio("physio"))
                .get("/api/programs/{id}/progress", a.programId())
                .then()
                .statusCode(200)
                .body("suggestion.action", equalTo("ADVANCE"))
                .body("suggestion.ruleCode", equalTo("ADVANCE_TO_3"))
                .body("suggestion.rule", containsString("Phase 2 → 3"));
    }

    /** A new program at the phase that started {@code daysAgo} days ago. */
    private Fixtures.Assigned startedDaysAgo(int phase, int daysAgo) {
        Fixtures.Assigned a = Fixtures.assignPhase(phase);
        LocalDate start = LocalDate.now().minusDays(daysAgo);
        QuarkusTransaction.requiringNew()
                .run(() -> em.createNativeQuery("update program set started_on = ?1, phase_since = ?1 where id = ?2")
                        .setParameter(1, start)
                        .setParameter(2, a.programId())
                        .executeUpdate());
        return a;
    }

    private static void logOn(Fixtures.Assigned a, int daysAgo, int pain, boolean lasting, boolean disabling) {
        given().auth()
                .oauth2(a.patientToken())
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "date", LocalDate.now().minusDays(daysAgo).toString(),
                        "painBefore", pain,
                        "painAfter", pain,
                        "painLastedHoursAfter", lasting,
                        "painStopsSleepOrWork", disabling))
                .post("/api/programs/{id}/sessions", a.programId())
                .then()
                .statusCode(201);
    }

    private static ValidatableResponse progress(Fixtures.Assigned a) {
        return given().auth()
                .oauth2(TOKENS.physio("physio"))
                .get("/api/programs/{id}/progress", a.programId())
                .then()
                .statusCode(200);
    }

    @Test
    void tooFewRecentLogsAfterSixWeeksIsNotEnoughDataRatherThanAReferral() {
        Fixtures.Assigned a = startedDaysAgo(1, 45);
        logOn(a, 45, 6, false, false);
        logOn(a, 44, 6, false, false);
        logOn(a, 43, 6, false, false);
        logOn(a, 0, 6, false, false);
        progress(a)
                .body("suggestion.action", equalTo("NOT_ENOUGH_DATA"))
                .body("suggestion.ruleCode", equalTo("NOT_ENOUGH_DATA"))
                .body("suggestion.rule", containsString("not enough data"));
        logOn(a, 2, 6, false, false);
        logOn(a, 1, 6, false, false);
        progress(a)
                .body("suggestion.action", equalTo("CONSIDER_REFERRAL"))
                .body("suggestion.ruleCode", equalTo("NO_IMPORTANT_IMPROVEMENT"));
    }

    @Test
    void aPainFreeBaselineIsNoReasonForReferral() {
        Fixtures.Assigned a = startedDaysAgo(3, 45);
        logOn(a, 45, 1, false, false);
        logOn(a, 44, 1, false, false);
        logOn(a, 43, 1, false, false);
        logOn(a, 2, 2, false, false);
        logOn(a, 1, 2, false, false);
        logOn(a, 0, 2, false, false);
        progress(a)
                .body("pain.clinicallyImportantImprovement", equalTo(false))
                .body("suggestion.action", equalTo("HOLD"))
                .body("suggestion.ruleCode", equalTo("PAIN_FREE_BASELINE"));
    }

    @Test
    void painThatStopsSleepOrWorkSuggestsReferralInTheFirstWeek() {
        Fixtures.Assigned a = Fixtures.assignPhase(1);
        logOn(a, 0, 3, false, true);
        progress(a)
                .body("suggestion.action", equalTo("CONSIDER_REFERRAL"))
                .body("suggestion.ruleCode", equalTo("SEVERE_OR_DISABLING"));
    }

    @Test
    void threeAggravatedSessionsOfTheLastSevenStepBackEvenInPhaseOne() {
        Fixtures.Assigned a = Fixtures.assignPhase(1);
        logOn(a, 0, 3, true, false);
        logOn(a, 0, 3, false, false);
        logOn(a, 0, 3, true, false);
        progress(a).body("suggestion.ruleCode", not(equalTo("EVERYTHING_AGGRAVATES")));
        logOn(a, 0, 3, true, false);
        progress(a)
                .body("suggestion.action", equalTo("STEP_BACK"))
                .body("suggestion.ruleCode", equalTo("EVERYTHING_AGGRAVATES"));
    }

    @Test
    void patientCannotReadAnotherPatientsProgress() {
        Fixtures.Assigned mine = Fixtures.assignPhase(1);
        Fixtures.Assigned theirs = Fixtures.assignPhase(1);
        given().auth()
                .oauth2(mine.patientToken())
                .get("/api/programs/{id}/progress", theirs.programId())
                .then()
                .statusCode(404);
    }
}
