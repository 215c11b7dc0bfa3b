package clinic.program.routine;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import clinic.program.testing.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Today's routine answers in the patient's Accept-Language: exercises, phase, pain rules and advice. */
@QuarkusTest
class RoutineLanguageTest {

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void aSpanishSpeakingPatientReadsTheirRoutineInSpanishWithTheSameDosage() {
        Fixtures.Assigned a = Fixtures.assignPhase(1);
        given().auth()
                .oauth2(a.patientToken())
                .header("Accept-Language", "es-ES,es;q=0.9,en;q=0.5")
                .get("/api/programs/me/today")
                .then()
                .statusCode(200)
                .body("phaseName", equalTo("Movimiento suave y deslizamientos neurales"))
                .body("phaseLanguage", equalTo("es"))
                .body("goal", containsString("nervio irritado"))
                .body("exercises", hasSize(6))
                .body("exercises.language", everyItem(equalTo("es")))
                .body("exercises[2].exercise", equalTo("single-knee-to-chest"))
                .body("exercises[2].name", equalTo("Una rodilla al pecho"))
                .body("exercises[2].instructions", containsString("de 20 a 30 segundos"))
                .body("exercises[2].precautions", containsString("Pare si nota un dolor que baja por la pierna"))
                .body("exercises[2].commonMistakes", containsString("aguantar la respiración"))
                // the numbers are the prescription's, whatever the language
                .body("exercises[2].holdSeconds", equalTo(20))
                .body("painRules[0]", equalTo("Es normal notar un estiramiento suave o cansancio en los músculos."))
                .body("painRules", not(hasItem(containsString("A mild stretch"))));
    }

    @Test
    void withoutAnAcceptedLanguageTheRoutineStaysInEnglish() {
        Fixtures.Assigned a = Fixtures.assignPhase(1);
        given().auth()
                .oauth2(a.patientToken())
                .header("Accept-Language", "fr-FR")
                .get("/api/programs/me/today")
                .then()
                .statusCode(200)
                .body("phaseName", equalTo("Gentle movement and nerve glides"))
                .body("phaseLanguage", equalTo("en"))
                .body("exercises.language", everyItem(equalTo("en")))
                .body("exercises[2].name", equalTo("Single knee-to-chest"))
                .body("painRules[0]", equalTo("A mild stretch or tired muscles are fine."));
    }

    @Test
    void theAdviceAfterASpanishLogIsInSpanishAndNamesTheExerciseInSpanish() {
        Fixtures.Assigned a = Fixtures.assignPhase(1);
        given().auth()
                .oauth2(a.patientToken())
                .header("Accept-Language", "es")
                .contentType("application/json")
                .body(Map.of(
                        "date",
                        java.time.LocalDate.now().toString(),
                        "painBefore",
                        3,
                        "painAfter",
                        3,
                        "exercises",
                        List.of(Map.of("exercise", "pelvic-tilt", "completed", true, "nervePain", true))))
                .post("/api/programs/" + a.programId() + "/sessions")
                .then()
                .statusCode(201)
                .body("advice.whatToDo[0]", containsString("«Basculaciones pélvicas»"))
                .body("advice.whatToDo[0]", containsString("fisioterapeuta"));
    }
}
