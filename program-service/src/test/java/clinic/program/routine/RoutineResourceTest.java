package clinic.program.routine;

import static clinic.program.testing.Fixtures.TOKENS;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import clinic.program.testing.FakePatientService;
import clinic.program.testing.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@QuarkusTest
class RoutineResourceTest {

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
        Fixtures.logSession(a, 3, 2, List.of(Map.of("exercise", "pelvic-tilt", "completed", true)));
        given().auth()
                .oauth2(a.patientToken())
                .get("/api/programs/me/today")
                .then()
                .statusCode(200)
                .body("loggedToday", hasSize(1))
                .body("loggedToday[0].exercises[0].exercise", equalTo("pelvic-tilt"));
    }

    @Test
    void anAcknowledgedCautionExerciseShowsThePhysiosInstructionsNotTheLibrarysWarning() {
        long patientId = FakePatientService.newPatientId();
        String account = "pat-" + patientId;
        FakePatientService.cleared(patientId, account, "physio");
        String instructions = "Bend forward only to your knees, slowly, 5 times; stop at once if the leg tingles.";
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
                        List.of(Map.of("exercise", "pelvic-tilt"), Map.of("exercise", "toe-touch-forward-bend")),
                        "acknowledgements",
                        List.of(Map.of(
                                "exercise",
                                "toe-touch-forward-bend",
                                "reason",
                                "dancer: needs a graded return to forward bending",
                                "instructions",
                                instructions))))
                .post("/api/programs")
                .then()
                .statusCode(201);
        String routine = given().auth()
                .oauth2(TOKENS.patient(account))
                .get("/api/programs/me/today")
                .then()
                .statusCode(200)
                .body("status", equalTo("ACTIVE"))
                .body("advice", nullValue())
                .body("message", nullValue())
                .body("exercises[1].exercise", equalTo("toe-touch-forward-bend"))
                .body("exercises[1].acknowledgedCaution", equalTo(true))
                .body("exercises[1].instructions", equalTo(instructions))
                .body("exercises[1].physioInstructions", equalTo(instructions))
                .body("exercises[1].shouldFeel", nullValue())
                .body("exercises[1].commonMistakes", equalTo("Bouncing; forcing the reach."))
                .body("exercises[0].acknowledgedCaution", equalTo(false))
                .body("exercises[0].physioInstructions", nullValue())
                .body("exercises[0].shouldFeel", notNullValue())
                .body("exercises[0].commonMistakes", notNullValue())
                .extract()
                .asString();
        assertThat(routine).doesNotContain("Not recommended");
    }

    @Test
    void routineAndProgressRunAFixedSmallNumberOfStatementsWhateverTheNumberOfLogs() {
        Fixtures.Assigned a = Fixtures.assignPhase(1);
        Fixtures.logSession(a, 3, 3, List.of(Map.of("exercise", "pelvic-tilt", "completed", true)));
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
        today.run(); // the library's texts are read once, then served from memory
        long todayWithOneLog = statements(today);
        long progressWithOneLog = statements(progress);
        for (int i = 0; i < 4; i++) {
            Fixtures.logSession(
                    a,
                    3,
                    3,
                    List.of(
                            Map.of("exercise", "pelvic-tilt", "completed", true),
                            Map.of("exercise", "seated-ankle-pump", "completed", true)));
        }
        assertThat(statements(today)).isEqualTo(todayWithOneLog).isLessThanOrEqualTo(2);
        // Progress: the program, its logs, its revisions, the next phase's criteria, and (issue 19) its questionnaires.
        assertThat(statements(progress)).isEqualTo(progressWithOneLog).isLessThanOrEqualTo(5);
    }

    @Test
    void anExerciseAddedToTheLibraryAfterItWasReadShowsInTheRoutineOfAProgramThatPrescribesIt() {
        Fixtures.Assigned before = Fixtures.assignPhase(1);
        given().auth()
                .oauth2(before.patientToken())
                .get("/api/programs/me/today")
                .then()
                .statusCode(200);
        String slug = "wall-slide-" + FakePatientService.newPatientId();
        given().auth()
                .oauth2(TOKENS.physio("physio"))
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "slug",
                        slug,
                        "name",
                        "Wall slide",
                        "category",
                        "mobility",
                        "phases",
                        List.of(1),
                        "instructions",
                        "Slide your back slowly down the wall and up again.",
                        "shouldFeel",
                        "Warmth in the thighs.",
                        "sets",
                        2,
                        "reps",
                        8))
                .post("/api/exercises")
                .then()
                .statusCode(201);
        long patientId = FakePatientService.newPatientId();
        String account = "pat-" + patientId;
        FakePatientService.cleared(patientId, account, "physio");
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
                        List.of(Map.of("exercise", "pelvic-tilt"), Map.of("exercise", slug))))
                .post("/api/programs")
                .then()
                .statusCode(201);
        given().auth()
                .oauth2(TOKENS.patient(account))
                .get("/api/programs/me/today")
                .then()
                .statusCode(200)
                .body("exercises", hasSize(2))
                .body("exercises[1].exercise", equalTo(slug))
                .body("exercises[1].name", equalTo("Wall slide"))
                .body("exercises[1].instructions", equalTo("Slide your back slowly down the wall and up again."))
                .body("exercises[1].shouldFeel", equalTo("Warmth in the thighs."))
                .body("exercises[1].dosage", containsString("2 sets of 8 reps"));
    }

    @Test
    void staffMayNotUseThePatientsRoutine() {
        given().auth()
                .oauth2(TOKENS.physio("physio"))
                .get("/api/programs/me/today")
                .then()
                .statusCode(403);
    }
}
