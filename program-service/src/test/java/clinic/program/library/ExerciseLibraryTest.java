package clinic.program.library;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import clinic.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every exercise and caution of the seed guide is in the library, with the guide's numbers. */
@QuarkusTest
class ExerciseLibraryTest {

    static final TestTokens TOKENS = TestTokens.forAudience("program-service");

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    /**
     * slug, phase, category, field checked, its value, numbers the instructions must mention (the guide's ranges).
     */
    static Stream<Arguments> seedExercises() {
        return Stream.of(
                Arguments.of("short-frequent-walks", 1, "aerobic", "minutes", 5, List.of("5", "10")),
                Arguments.of("standing-weight-shift", 1, "mobility", null, null, List.of()),
                Arguments.of("single-knee-to-chest", 1, "mobility", "holdSeconds", 20, List.of("20", "30")),
                Arguments.of("pelvic-tilt", 1, "mobility", null, null, List.of()),
                Arguments.of("seated-ankle-pump", 1, "nerve-glide", "reps", 10, List.of("10", "15")),
                Arguments.of("modified-slump-glide", 1, "nerve-glide", "reps", 5, List.of("5", "8")),
                Arguments.of("modified-dead-bug", 2, "core-stability", null, null, List.of("90")),
                Arguments.of("bird-dog-from-knees", 2, "core-stability", "holdSeconds", 3, List.of("3", "5")),
                Arguments.of("plank-knees-down", 2, "core-stability", "holdSeconds", 10, List.of("10", "20")),
                Arguments.of("glute-bridge", 2, "glute", "holdSeconds", 2, List.of("2", "3")),
                Arguments.of("clamshell", 2, "glute", null, null, List.of("90")),
                Arguments.of("standing-hip-abduction", 2, "glute", null, null, List.of()),
                Arguments.of("figure-4-piriformis-stretch", 3, "stretch", "holdSeconds", 20, List.of("20", "30")),
                Arguments.of("supine-hamstring-stretch-strap", 3, "stretch", "holdSeconds", 30, List.of("30")),
                Arguments.of("double-knees-to-chest", 3, "stretch", "holdSeconds", 20, List.of("20", "30")),
                Arguments.of("sliding-nerve-glide", 3, "nerve-glide", "reps", 10, List.of("10", "15")),
                Arguments.of("standing-hamstring-scoop", 3, "nerve-glide", "reps", 10, List.of("2", "10", "12")),
                Arguments.of("seated-torso-rotation", 2, "mobility", null, null, List.of()),
                Arguments.of("alternating-heel-taps", 2, "core-stability", null, null, List.of()),
                Arguments.of("upright-cycling", 2, "aerobic", null, null, List.of()),
                Arguments.of("swimming", 2, "aerobic", null, null, List.of()),
                Arguments.of("pool-walking", 1, "aerobic", null, null, List.of()),
                Arguments.of("bodyweight-squat-to-parallel", 3, "strength", null, null, List.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("seedExercises")
    void everySeedExerciseIsInTheLibraryWithItsNumbers(
            String slug, int phase, String category, String field, Integer value, List<String> numbers) {
        JsonPath e = given().auth()
                .oauth2(TOKENS.patient("patient"))
                .when()
                .get("/api/exercises/{slug}", slug)
                .then()
                .statusCode(200)
                .body("builtIn", equalTo(true))
                .body("category", equalTo(category))
                .body("phases", hasItem(phase))
                .extract()
                .jsonPath();
        assertThat(e.getString("instructions")).isNotBlank();
        assertThat(e.getString("shouldFeel")).isNotBlank();
        assertThat(e.getString("precautions")).isNotBlank();
        assertThat(e.getString("commonMistakes")).isNotBlank();
        assertThat(e.getString("progression")).isNotBlank();
        if (field != null) {
            assertThat(e.getInt(field)).as(field).isEqualTo(value);
        }
        for (String n : numbers) {
            assertThat(e.getString("instructions"))
                    .as("instructions mention " + n)
                    .containsPattern("\\b" + n + "\\b");
        }
    }

    static Stream<Arguments> seedCautions() {
        return Stream.of(
                Arguments.of("toe-touch-forward-bend", List.of(1, 2, 3), List.of("pelvic-tilt", "sliding-nerve-glide")),
                Arguments.of("deep-loaded-twist", List.of(1, 2, 3), List.of("seated-torso-rotation")),
                Arguments.of(
                        "double-leg-lift", List.of(1, 2, 3), List.of("modified-dead-bug", "alternating-heel-taps")),
                Arguments.of(
                        "running-jumping",
                        List.of(1, 2),
                        List.of("short-frequent-walks", "upright-cycling", "swimming")),
                Arguments.of(
                        "heavy-squat-deadlift", List.of(1, 2), List.of("glute-bridge", "bodyweight-squat-to-parallel")),
                Arguments.of("sit-up-crunch", List.of(1, 2, 3), List.of("modified-dead-bug")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("seedCautions")
    void everySeedCautionIsInTheLibraryWithAlternatives(String slug, List<Integer> avoid, List<String> alternatives) {
        JsonPath e = given().auth()
                .oauth2(TOKENS.physio("physio"))
                .when()
                .get("/api/exercises/{slug}", slug)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(e.getList("caution.avoidInPhases", Integer.class)).isEqualTo(avoid);
        assertThat(e.getString("caution.reason")).isNotBlank();
        assertThat(e.getList("caution.alternatives", String.class)).containsAll(alternatives);
        for (String alternative : e.getList("caution.alternatives", String.class)) {
            given().auth()
                    .oauth2(TOKENS.physio("physio"))
                    .get("/api/exercises/{slug}", alternative)
                    .then()
                    .statusCode(200)
                    .body("caution", equalTo(null));
        }
    }

    @Test
    void libraryFiltersByPhaseAndCategory() {
        given().auth()
                .oauth2(TOKENS.patient("patient"))
                .queryParam("phase", 2)
                .queryParam("category", "glute")
                .when()
                .get("/api/exercises")
                .then()
                .statusCode(200)
                .body("slug", hasItem("glute-bridge"))
                .body("slug", not(hasItem("short-frequent-walks")))
                .body("category", everyItem(equalTo("glute")));
    }

    @Test
    void unknownExerciseIs404Problem() {
        given().auth()
                .oauth2(TOKENS.admin("admin"))
                .get("/api/exercises/no-such-thing")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void physioAddsClinicExerciseThatIsNotBuiltIn() {
        String slug = "clinic-ex-" + System.nanoTime();
        given().auth()
                .oauth2(TOKENS.physio("physio"))
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "slug",
                        slug,
                        "name",
                        "Towel calf stretch",
                        "category",
                        "stretch",
                        "phases",
                        List.of(2, 3),
                        "instructions",
                        "Loop a towel round the foot and pull gently.",
                        "holdSeconds",
                        30,
                        "perSide",
                        true))
                .when()
                .post("/api/exercises")
                .then()
                .statusCode(201)
                .header("Location", org.hamcrest.Matchers.endsWith("/api/exercises/" + slug))
                .body("builtIn", equalTo(false))
                .body("holdSeconds", equalTo(30));
        // the same slug again is a duplicate natural key
        given().auth()
                .oauth2(TOKENS.physio("physio"))
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "slug", slug,
                        "name", "Again",
                        "category", "stretch",
                        "phases", List.of(2),
                        "instructions", "x"))
                .when()
                .post("/api/exercises")
                .then()
                .statusCode(409);
    }

    @Test
    void clinicExerciseWithOutOfRangeDosageIsRefusedWithViolations() {
        given().auth()
                .oauth2(TOKENS.physio("physio"))
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "slug",
                        "bad-" + System.nanoTime(),
                        "name",
                        "Bad",
                        "category",
                        "stretch",
                        "phases",
                        List.of(4),
                        "instructions",
                        "x",
                        "sets",
                        0,
                        "holdSeconds",
                        601))
                .when()
                .post("/api/exercises")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", hasItem("sets"))
                .body("violations.field", hasItem("holdSeconds"));
    }

    @Test
    void patientMayNotAddExercises() {
        given().auth()
                .oauth2(TOKENS.patient("patient"))
                .contentType(ContentType.JSON)
                .body(Map.of("slug", "x"))
                .when()
                .post("/api/exercises")
                .then()
                .statusCode(403);
    }
}
