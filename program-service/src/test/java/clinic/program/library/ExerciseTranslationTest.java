package clinic.program.library;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import clinic.program.testing.FakePatientService;
import clinic.program.testing.Fixtures;
import clinic.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A physio translates a clinic exercise; a patient whose language it is reads the translation in their routine, the
 * others keep English; only physios write, only supported languages, built-ins stay as released.
 */
@QuarkusTest
class ExerciseTranslationTest {

    static final TestTokens TOKENS = TestTokens.forAudience("program-service");

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    private static String newExercise() {
        String slug = "hip-hinge-" + System.nanoTime();
        Map<String, Object> body = new HashMap<>();
        body.put("slug", slug);
        body.put("name", "Hip hinge");
        body.put("category", "mobility");
        body.put("phases", List.of(1));
        body.put("instructions", "Hinge at the hips with a straight back.");
        body.put("sets", 2);
        body.put("reps", 8);
        given().auth()
                .oauth2(TOKENS.physio("physio"))
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/exercises")
                .then()
                .statusCode(201);
        return slug;
    }

    private static Map<String, Object> spanish() {
        return Map.of(
                "name", "Bisagra de cadera",
                "instructions", "Inclínese desde las caderas con la espalda recta.",
                "precautions", "Pare si nota un dolor que baja por la pierna.");
    }

    @Test
    void aPhysiosSpanishTranslationReachesTheSpanishSpeakingPatientsRoutineOnly() {
        String slug = newExercise();
        given().auth()
                .oauth2(TOKENS.physio("physio"))
                .contentType(ContentType.JSON)
                .body(spanish())
                .put("/api/exercises/{slug}/translations/es", slug)
                .then()
                .statusCode(200)
                .body("language", equalTo("es"))
                .body("name", equalTo("Bisagra de cadera"));
        given().auth()
                .oauth2(TOKENS.admin("admin"))
                .get("/api/exercises/{slug}/translations", slug)
                .then()
                .statusCode(200)
                .body("", hasSize(1))
                .body("[0].language", equalTo("es"));

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
                        List.of(Map.of("exercise", slug))))
                .post("/api/programs")
                .then()
                .statusCode(201);
        Fixtures.Assigned a = new Fixtures.Assigned(patientId, 0, account);
        given().auth()
                .oauth2(a.patientToken())
                .header("Accept-Language", "es")
                .get("/api/programs/me/today")
                .then()
                .statusCode(200)
                .body("exercises[0].name", equalTo("Bisagra de cadera"))
                .body("exercises[0].language", equalTo("es"))
                .body("exercises[0].precautions", containsString("Pare si nota"));
        given().auth()
                .oauth2(a.patientToken())
                .get("/api/programs/me/today")
                .then()
                .statusCode(200)
                .body("exercises[0].name", equalTo("Hip hinge"))
                .body("exercises[0].language", equalTo("en"));
    }

    @Test
    void onlyAPhysioWritesAndOnlyInALanguageTheClinicSpeaks() {
        String slug = newExercise();
        given().auth()
                .oauth2(TOKENS.patient("pat-x"))
                .contentType(ContentType.JSON)
                .body(spanish())
                .put("/api/exercises/{slug}/translations/es", slug)
                .then()
                .statusCode(403);
        for (String language : List.of("fr", "en")) {
            given().auth()
                    .oauth2(TOKENS.physio("physio"))
                    .contentType(ContentType.JSON)
                    .body(spanish())
                    .put("/api/exercises/{slug}/translations/{language}", slug, language)
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json");
        }
        given().auth()
                .oauth2(TOKENS.physio("physio"))
                .contentType(ContentType.JSON)
                .body(Map.of("name", "Sin instrucciones"))
                .put("/api/exercises/{slug}/translations/es", slug)
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(TOKENS.physio("physio"))
                .contentType(ContentType.JSON)
                .body(spanish())
                .put("/api/exercises/{slug}/translations/es", "pelvic-tilt")
                .then()
                .statusCode(409);
        given().auth()
                .oauth2(TOKENS.physio("physio"))
                .contentType(ContentType.JSON)
                .body(spanish())
                .put("/api/exercises/{slug}/translations/es", "no-such-exercise")
                .then()
                .statusCode(404);
    }
}
