package clinic.program;

import static clinic.program.Fixtures.TOKENS;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ProgressAndRoutineTest {

    @Inject
    SessionFactory sessionFactory;

    /** SQL statements prepared while the request ran (tests run one request at a time). */
    private long statements(Runnable request) {
        sessionFactory.getStatistics().clear();
        request.run();
        return sessionFactory.getStatistics().getPrepareStatementCount();
    }

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    private static void log(Fixtures.Assigned a, int before, int after, List<Map<String, Object>> exercises) {
        given().auth()
                .oauth2(a.patientToken())
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "date", LocalDate.now().toString(),
                        "painBefore", before,
                        "painAfter", after,
                        "exercises", exercises))
                .post("/api/programs/{id}/sessions", a.programId())
                .then()
                .statusCode(201);
    }

    @Test
    void todaysRoutineShowsPhaseExercisesDosagePainRulesAndTodaysLogs() {
        Fixtures.Assigned a = Fixtures.assignPhase(1);
        given().auth()
                .oauth2(a.patientToken())
                .get("/api/programs/me/today")
                .then()
                .statusCode(200)
                .body("phase", equalTo(1))
                .body("phaseName", equalTo("Gentle movement and nerve glides"))
                .body("goal", notNullValue())
                .body("exercises", hasSize(6))
                .body("exercises[2].exercise", equalTo("single-knee-to-chest"))
                .body("exercises[2].instructions", containsString("20 to 30 seconds"))
                .body("exercises[2].shouldFeel", notNullValue())
                .body("exercises[2].precautions", notNullValue())
                .body("exercises[2].holdSeconds", equalTo(20))
                .body("exercises[2].perSide", equalTo(true))
                .body("exercises[2].dosage", containsString("each side"))
                .body("painRules", not(empty()))
                .body("loggedToday", empty());
        log(a, 3, 2, List.of(Map.of("exercise", "pelvic-tilt", "completed", true)));
        given().auth()
                .oauth2(a.patientToken())
                .get("/api/programs/me/today")
                .then()
                .statusCode(200)
                .body("loggedToday", hasSize(1))
                .body("loggedToday[0].exercises[0].exercise", equalTo("pelvic-tilt"));
    }

    @Test
    void routineAndProgressRunAFixedSmallNumberOfStatementsWhateverTheNumberOfLogs() {
        Fixtures.Assigned a = Fixtures.assignPhase(1);
        log(a, 3, 3, List.of(Map.of("exercise", "pelvic-tilt", "completed", true)));
        Runnable today = () -> given().auth()
                .oauth2(a.patientToken())
                .get("/api/programs/me/today")
                .then()
                .statusCode(200);
        Runnable progress = () -> given().auth()
                .oauth2(a.patientToken())
                .get("/api/programs/{id}/progress", a.programId())
                .then()
                .statusCode(200);
        long todayWithOneLog = statements(today);
        long progressWithOneLog = statements(progress);
        for (int i = 0; i < 4; i++) {
            log(
                    a,
                    3,
                    3,
                    List.of(
                            Map.of("exercise", "pelvic-tilt", "completed", true),
                            Map.of("exercise", "seated-ankle-pump", "completed", true)));
        }
        assertThat(statements(today)).isEqualTo(todayWithOneLog).isLessThanOrEqualTo(5);
        assertThat(statements(progress)).isEqualTo(progressWithOneLog).isLessThanOrEqualTo(4);
    }

    @Test
    void staffMayNotUseThePatientsRoutine() {
        given().auth()
                .oauth2(TOKENS.physio("physio"))
                .get("/api/programs/me/today")
                .then()
                .statusCode(403);
    }

    @Test
    void lowPainInPhaseOneSuggestsAdvancing() {
        Fixtures.Assigned a = Fixtures.assignPhase(1);
        log(a, 3, 3, List.of());
        log(a, 4, 3, List.of());
        given().auth()
                .oauth2(TOKENS.physio("physio"))
                .get("/api/programs/{id}/progress", a.programId())
                .then()
                .statusCode(200)
                .body("suggestion.action", equalTo("ADVANCE"))
                .body("suggestion.rule", containsString("1→2"))
                .body("pain.baseline", equalTo(3.5f))
                .body("adherence.logged", equalTo(1))
                .body("adherence.prescribedPerWeek", equalTo(7))
                .body("phaseHistory", hasSize(1));
    }

    @Test
    void nervePainInPhaseOneBlocksAdvancing() {
        Fixtures.Assigned a = Fixtures.assignPhase(1);
        log(a, 2, 2, List.of(Map.of("exercise", "modified-slump-glide", "nervePain", true)));
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
        log(a, 2, 2, List.of(Map.of("exercise", "glute-bridge", "nervePain", true)));
        log(a, 2, 2, List.of(Map.of("exercise", "clamshell", "nervePain", true)));
        given().auth()
                .oauth2(TOKENS.admin("admin"))
                .get("/api/programs/{id}/progress", a.programId())
                .then()
                .statusCode(200)
                .body("suggestion.action", equalTo("STEP_BACK"))
                .body("suggestion.rule", containsString("nerve-pain"));
    }

    @Test
    void lowPainAndGoodAdherenceInPhaseTwoSuggestsAdvancing() {
        Fixtures.Assigned a = Fixtures.assignPhase(2);
        log(a, 1, 1, List.of(Map.of("exercise", "glute-bridge", "completed", true)));
        given().auth()
                .oauth2(TOKENS.physio("physio"))
                .get("/api/programs/{id}/progress", a.programId())
                .then()
                .statusCode(200)
                .body("suggestion.action", equalTo("ADVANCE"))
                .body("suggestion.rule", containsString("2→3"));
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
