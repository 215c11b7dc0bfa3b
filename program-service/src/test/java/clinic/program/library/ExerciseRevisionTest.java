package clinic.program.library;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import clinic.program.testing.FakePatientService;
import clinic.program.testing.Fixtures;
import clinic.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Editing, copying and retiring library exercises, and what running programs see of it: an edit is a new revision,
 * a program keeps the revision it was prescribed until the physio moves it (a new program revision), built-ins are
 * read-only, retired exercises are refused for new prescriptions but stay in running programs.
 */
@QuarkusTest
class ExerciseRevisionTest {

    static final TestTokens TOKENS = TestTokens.forAudience("program-service");
    static final AtomicInteger SEQ = new AtomicInteger();

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    private static String physio() {
        return TOKENS.physio("physio");
    }

    private static Map<String, Object> content(String name, String instructions) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        body.put("category", "mobility");
        body.put("phases", List.of(1));
        body.put("instructions", instructions);
        body.put("shouldFeel", "A gentle stretch.");
        body.put("sets", 2);
        body.put("reps", 10);
        return body;
    }

    /** A new clinic exercise for phase 1; returns its slug. */
    private static String newExercise(String instructions) {
        String slug = "knee-slide-" + System.nanoTime() + "-" + SEQ.incrementAndGet();
        Map<String, Object> body = content("Knee slide", instructions);
        body.put("slug", slug);
        given().auth()
                .oauth2(physio())
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/exercises")
                .then()
                .statusCode(201)
                .body("revision", equalTo(1));
        return slug;
    }

    private static io.restassured.response.ValidatableResponse edit(
            String token, String slug, int revision, Map<String, Object> content) {
        Map<String, Object> body = new HashMap<>(content);
        body.put("revision", revision);
        var request = token == null ? given() : given().auth().oauth2(token);
        return request.contentType(ContentType.JSON)
                .body(body)
                .put("/api/exercises/{slug}", slug)
                .then();
    }

    /** A new cleared patient with a phase-1 program of just the given exercise. */
    private static Fixtures.Assigned assignWith(String slug) {
        long patientId = FakePatientService.newPatientId();
        String account = "pat-" + patientId;
        FakePatientService.cleared(patientId, account, "physio");
        long programId = given().auth()
                .oauth2(physio())
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "patientId",
                        patientId,
                        "protocol",
                        "sciatica-phased",
                        "phase",
                        1,
                        "exercises",
                        List.of(Map.of("exercise", slug), Map.of("exercise", "pelvic-tilt"))))
                .post("/api/programs")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getLong("id");
        return new Fixtures.Assigned(patientId, programId, account);
    }

    private static JsonPath program(long id) {
        return given().auth()
                .oauth2(physio())
                .get("/api/programs/{id}", id)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    @Test
    void anEditIsANewRevisionAndARunningProgramKeepsItsOwnUntilThePhysioMovesIt() {
        String slug = newExercise("Slide the heel towards you, version one.");
        Fixtures.Assigned a = assignWith(slug);

        edit(physio(), slug, 1, content("Knee slide", "Slide the heel slowly, version two."))
                .statusCode(200)
                .body("revision", equalTo(2))
                .body("instructions", containsString("version two"));
        given().auth()
                .oauth2(physio())
                .get("/api/exercises/{slug}", slug)
                .then()
                .statusCode(200)
                .body("revision", equalTo(2));

        // The patient's routine still shows what was prescribed.
        given().auth()
                .oauth2(a.patientToken())
                .get("/api/programs/me/today")
                .then()
                .statusCode(200)
                .body("exercises[0].exercise", equalTo(slug))
                .body("exercises[0].revision", equalTo(1))
                .body("exercises[0].instructions", containsString("version one"));
        JsonPath before = program(a.programId());
        assertThat(before.getInt("exercises[0].revision")).isEqualTo(1);
        assertThat(before.getInt("exercises[0].latestRevision")).isEqualTo(2);
        assertThat(before.getInt("exercises[1].latestRevision")).isEqualTo(before.getInt("exercises[1].revision"));
        int programRevision = before.getInt("revision");

        JsonPath after = given().auth()
                .oauth2(physio())
                .contentType(ContentType.JSON)
                .body(Map.of("reason", "clearer wording", "version", before.getLong("version")))
                .post("/api/programs/{id}/exercises/{slug}/update-revision", a.programId(), slug)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(after.getInt("exercises[0].revision")).isEqualTo(2);
        assertThat(after.getInt("exercises[0].latestRevision")).isEqualTo(2);
        assertThat(after.getInt("revision")).isEqualTo(programRevision + 1);
        assertThat(after.getString("revisions[-1].reason"))
                .contains("from revision 1 to 2")
                .contains("clearer wording");
        assertThat(after.getString("revisions[-1].changedBy")).isEqualTo("physio");
        given().auth()
                .oauth2(a.patientToken())
                .get("/api/programs/me/today")
                .then()
                .statusCode(200)
                .body("exercises[0].revision", equalTo(2))
                .body("exercises[0].instructions", containsString("version two"));

        // Again: already the newest; and a stale program version is refused.
        given().auth()
                .oauth2(physio())
                .contentType(ContentType.JSON)
                .body(Map.of("reason", "again", "version", after.getLong("version")))
                .post("/api/programs/{id}/exercises/{slug}/update-revision", a.programId(), slug)
                .then()
                .statusCode(409)
                .body("detail", containsString("newest revision"));
        edit(physio(), slug, 2, content("Knee slide", "Version three.")).statusCode(200);
        given().auth()
                .oauth2(physio())
                .contentType(ContentType.JSON)
                .body(Map.of("reason", "stale", "version", before.getLong("version")))
                .post("/api/programs/{id}/exercises/{slug}/update-revision", a.programId(), slug)
                .then()
                .statusCode(409);
    }

    @Test
    void updatingNeedsAReasonTheCareTeamAndAPhysio() {
        String slug = newExercise("One.");
        Fixtures.Assigned a = assignWith(slug);
        edit(physio(), slug, 1, content("Knee slide", "Two.")).statusCode(200);
        long version = program(a.programId()).getLong("version");
        given().auth()
                .oauth2(physio())
                .contentType(ContentType.JSON)
                .body(Map.of("reason", " ", "version", version))
                .post("/api/programs/{id}/exercises/{slug}/update-revision", a.programId(), slug)
                .then()
                .statusCode(400);
        given().auth()
                .oauth2(a.patientToken())
                .contentType(ContentType.JSON)
                .body(Map.of("reason", "mine", "version", version))
                .post("/api/programs/{id}/exercises/{slug}/update-revision", a.programId(), slug)
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(TOKENS.physio("physio2"))
                .contentType(ContentType.JSON)
                .body(Map.of("reason", "not mine", "version", version))
                .post("/api/programs/{id}/exercises/{slug}/update-revision", a.programId(), slug)
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(physio())
                .contentType(ContentType.JSON)
                .body(Map.of("reason", "absent", "version", version))
                .post("/api/programs/{id}/exercises/{slug}/update-revision", a.programId(), "glute-bridge")
                .then()
                .statusCode(404);
        assertThat(program(a.programId()).getInt("exercises[0].revision")).isEqualTo(1);
    }

    @Test
    void aStaleRevisionIsRefusedAndTheRevisionsListShowsWhoAndWhen() {
        String slug = newExercise("First.");
        edit(physio(), slug, 1, content("Knee slide", "Second.")).statusCode(200);
        edit(TOKENS.physio("physio2"), slug, 1, content("Knee slide", "Lost update."))
                .statusCode(409)
                .body("detail", containsString("now at revision 2"));

        JsonPath revisions = given().auth()
                .oauth2(TOKENS.admin("admin"))
                .get("/api/exercises/{slug}/revisions", slug)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(revisions.getList("revision", Integer.class)).containsExactly(2, 1);
        assertThat(revisions.getList("current", Boolean.class)).containsExactly(true, false);
        assertThat(revisions.getList("createdBy", String.class)).containsExactly("physio", "physio");
        assertThat(revisions.getString("[0].createdAt")).isNotBlank();
        assertThat(revisions.getString("[1].exercise.instructions")).isEqualTo("First.");
        given().auth()
                .oauth2(TOKENS.patient("patient"))
                .get("/api/exercises/{slug}/revisions", slug)
                .then()
                .statusCode(403);

        JsonPath audit = given().auth()
                .oauth2(TOKENS.admin("admin"))
                .queryParam("action", "EXERCISE_EDITED")
                .queryParam("size", 500)
                .get("/api/audit")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(audit.getList("items.reason", String.class)).contains("exercise '" + slug + "' revision 2");
    }

    @Test
    void anEditKeepsTheIllustrationChecksAlternativesAndTakesAnHttpsVideoLinkOnly() {
        String slug = newExercise("Text.");
        Map<String, Object> withVideo = content("Knee slide", "Text.");
        withVideo.put("videoUrl", "http://example.org/v");
        edit(physio(), slug, 1, withVideo).statusCode(400).body("violations.field", hasItem("videoUrl"));
        withVideo.put("videoUrl", "https://example.org/knee-slide");
        withVideo.put(
                "caution",
                Map.of("avoidInPhases", List.of(1), "reason", "flare", "alternatives", List.of("no-such-one")));
        edit(physio(), slug, 1, withVideo)
                .statusCode(400)
                .body("violations.message", hasItem("unknown exercise 'no-such-one'"));
        withVideo.remove("caution");
        edit(physio(), slug, 1, withVideo)
                .statusCode(200)
                .body("videoUrl", equalTo("https://example.org/knee-slide"))
                .body("illustration", nullValue());
        // A copy of a built-in exercise keeps its illustration through edits.
        String copy = "copied-walk-" + System.nanoTime();
        given().auth()
                .oauth2(physio())
                .contentType(ContentType.JSON)
                .body(Map.of("slug", copy, "name", "Our walk"))
                .post("/api/exercises/{slug}/copy", "short-frequent-walks")
                .then()
                .statusCode(201);
        edit(physio(), copy, 1, content("Our walk", "Walk."))
                .statusCode(200)
                .body("revision", equalTo(2))
                .body("illustration", equalTo("short-frequent-walks"));
    }

    @Test
    void builtInExercisesAreReadOnlyButCanBeCopied() {
        Map<String, Object> withUnknownAlternative = content("Bridge", "Mine now.");
        withUnknownAlternative.put(
                "caution", Map.of("avoidInPhases", List.of(1), "reason", "flare", "alternatives", List.of("nope")));
        edit(physio(), "glute-bridge", 1, withUnknownAlternative)
                .statusCode(409)
                .body("detail", containsString("copy it"));
        given().auth()
                .oauth2(physio())
                .get("/api/exercises/glute-bridge")
                .then()
                .body("revision", equalTo(1))
                .body("instructions", not(containsString("Mine now")));
        given().auth()
                .oauth2(physio())
                .post("/api/exercises/{slug}/retire", "glute-bridge")
                .then()
                .statusCode(409)
                .body("detail", containsString("read-only"));

        String copy = "clinic-bridge-" + System.nanoTime();
        given().auth()
                .oauth2(physio())
                .contentType(ContentType.JSON)
                .body(Map.of("slug", copy, "name", "Clinic bridge"))
                .post("/api/exercises/{slug}/copy", "glute-bridge")
                .then()
                .statusCode(201)
                .header("Location", containsString("/api/exercises/" + copy))
                .body("builtIn", equalTo(false))
                .body("revision", equalTo(1))
                .body("name", equalTo("Clinic bridge"))
                .body("illustration", equalTo("glute-bridge"))
                .body("holdSeconds", equalTo(2));
        JsonPath original = given().auth()
                .oauth2(physio())
                .get("/api/exercises/glute-bridge")
                .then()
                .extract()
                .jsonPath();
        JsonPath copied = given().auth()
                .oauth2(physio())
                .get("/api/exercises/{slug}", copy)
                .then()
                .extract()
                .jsonPath();
        assertThat(copied.getString("instructions")).isEqualTo(original.getString("instructions"));
        assertThat(copied.getString("commonMistakes")).isEqualTo(original.getString("commonMistakes"));
        assertThat(copied.getList("phases")).isEqualTo(original.getList("phases"));
        given().auth()
                .oauth2(TOKENS.admin("admin"))
                .get("/api/exercises/{slug}/revisions", copy)
                .then()
                .statusCode(200)
                .body("[0].createdBy", equalTo("physio"));
        // The copy is the clinic's: it can be edited; the slug cannot be taken twice.
        edit(physio(), copy, 1, content("Clinic bridge", "Our wording.")).statusCode(200);
        given().auth()
                .oauth2(physio())
                .contentType(ContentType.JSON)
                .body(Map.of("slug", copy, "name", "Again"))
                .post("/api/exercises/{slug}/copy", "glute-bridge")
                .then()
                .statusCode(409);
    }

    @Test
    void aRetiredExerciseIsHiddenAndRefusedForNewProgramsButRunningOnesKeepIt() {
        String slug = newExercise("Retire me later.");
        Fixtures.Assigned running = assignWith(slug);

        given().auth()
                .oauth2(physio())
                .post("/api/exercises/{slug}/retire", slug)
                .then()
                .statusCode(200)
                .body("retired", equalTo(true));
        given().auth()
                .oauth2(physio())
                .get("/api/exercises")
                .then()
                .statusCode(200)
                .body("slug", not(hasItem(slug)));
        given().auth()
                .oauth2(physio())
                .queryParam("includeRetired", true)
                .get("/api/exercises")
                .then()
                .statusCode(200)
                .body("slug", hasItem(slug));

        long patientId = FakePatientService.newPatientId();
        FakePatientService.cleared(patientId, "pat-" + patientId, "physio");
        given().auth()
                .oauth2(physio())
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
                .statusCode(422)
                .body("violations.field", hasItem("exercises[1].exercise"))
                .body("violations.message", hasItem("exercise '" + slug + "' is retired"));

        given().auth()
                .oauth2(running.patientToken())
                .get("/api/programs/me/today")
                .then()
                .statusCode(200)
                .body("exercises.exercise", hasItem(slug));
        assertThat(program(running.programId()).getBoolean("exercises[0].retired"))
                .isTrue();

        // A newer revision of a retired exercise is not brought into a running program either.
        edit(physio(), slug, 1, content("Knee slide", "Revised after retiring."))
                .statusCode(200);
        given().auth()
                .oauth2(physio())
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "reason",
                        "newest text",
                        "version",
                        program(running.programId()).getLong("version")))
                .post("/api/programs/{id}/exercises/{slug}/update-revision", running.programId(), slug)
                .then()
                .statusCode(422)
                .body("detail", containsString("retired"));
        assertThat(program(running.programId()).getInt("exercises[0].revision")).isEqualTo(1);

        given().auth()
                .oauth2(physio())
                .post("/api/exercises/{slug}/unretire", slug)
                .then()
                .statusCode(200)
                .body("retired", equalTo(false));
        given().auth().oauth2(physio()).get("/api/exercises").then().body("slug", hasItem(slug));
    }

    @Test
    void onlyPhysiosChangeTheLibrary() {
        String slug = newExercise("Mine.");
        for (String token : List.of(TOKENS.patient("patient"), TOKENS.admin("admin"))) {
            edit(token, slug, 1, content("Knee slide", "Not yours.")).statusCode(403);
            given().auth()
                    .oauth2(token)
                    .post("/api/exercises/{slug}/retire", slug)
                    .then()
                    .statusCode(403);
            given().auth()
                    .oauth2(token)
                    .contentType(ContentType.JSON)
                    .body(Map.of("slug", "x-" + System.nanoTime(), "name", "X"))
                    .post("/api/exercises/{slug}/copy", "glute-bridge")
                    .then()
                    .statusCode(403);
        }
        edit(null, slug, 1, content("Knee slide", "Anonymous.")).statusCode(401);
        edit(physio(), "no-such-exercise", 1, content("Knee slide", "Absent.")).statusCode(404);
        given().auth()
                .oauth2(physio())
                .get("/api/exercises/{slug}", slug)
                .then()
                .body("revision", equalTo(1));
    }
}
