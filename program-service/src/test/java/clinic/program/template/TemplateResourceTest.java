package clinic.program.template;

import static clinic.program.testing.Fixtures.TOKENS;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import clinic.program.audit.AuditRepository;
import clinic.program.testing.FakePatientService;
import clinic.program.testing.Fixtures;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@QuarkusTest
class TemplateResourceTest {

    private static final AtomicInteger NAMES = new AtomicInteger();

    @Inject
    AuditRepository audit;

    @Inject
    EntityManager em;

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    /** A name no other test (or earlier run on the same database) uses. */
    private static String unique(String prefix) {
        return prefix + "-" + System.nanoTime() + "-" + NAMES.incrementAndGet();
    }

    private static Map<String, Object> dosed(String exercise, Integer sets, Integer reps, Integer hold) {
        Map<String, Object> e = new HashMap<>();
        e.put("exercise", exercise);
        if (sets != null) {
            e.put("sets", sets);
        }
        if (reps != null) {
            e.put("reps", reps);
        }
        if (hold != null) {
            e.put("holdSeconds", hold);
        }
        return e;
    }

    private static Map<String, Object> template(
            String name, String visibility, int phase, List<Map<String, Object>> exercises) {
        return Map.of(
                "name",
                name,
                "visibility",
                visibility,
                "protocol",
                "sciatica-phased",
                "phase",
                phase,
                "exercises",
                exercises);
    }

    /** Saves a phase-2 template as {@code physio}; returns its id. */
    private static long save(String physio, String name, String visibility) {
        return given().auth()
                .oauth2(TOKENS.physio(physio))
                .contentType(ContentType.JSON)
                .body(template(
                        name,
                        visibility,
                        2,
                        List.of(dosed("glute-bridge", 3, 12, 5), dosed("clamshell", null, null, null))))
                .post("/api/templates")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getLong("id");
    }

    @Test
    void savesAProgramsExercisesAndDosagesAsATemplate() {
        long patientId = FakePatientService.newPatientId();
        FakePatientService.cleared(patientId, "acc-" + patientId, "physio");
        long programId = given().auth()
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
                        List.of(
                                dosed("pelvic-tilt", 2, 12, null),
                                dosed("seated-ankle-pump", null, null, null),
                                dosed("single-knee-to-chest", null, 4, 25))))
                .post("/api/programs")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getLong("id");
        JsonPath program = given().auth()
                .oauth2(TOKENS.physio("physio"))
                .get("/api/programs/{id}", programId)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        String name = unique("Acute flare, gentle");
        var response = given().auth()
                .oauth2(TOKENS.physio("physio"))
                .contentType(ContentType.JSON)
                .body(Map.of("name", name, "visibility", "PRIVATE"))
                .post("/api/templates/from-program/{id}", programId)
                .then()
                .statusCode(201)
                .extract();
        JsonPath saved = response.jsonPath();
        assertThat(response.header("Location")).endsWith("/api/templates/" + saved.getLong("id"));
        assertThat(saved.getString("name")).isEqualTo(name);
        assertThat(saved.getString("protocol")).isEqualTo("sciatica-phased");
        assertThat(saved.getInt("phase")).isEqualTo(1);
        assertThat(saved.getString("visibility")).isEqualTo("PRIVATE");
        assertThat(saved.getString("owner")).isEqualTo("physio");
        assertThat(saved.getBoolean("mine")).isTrue();
        assertThat(saved.getList("exercises.exercise", String.class))
                .containsExactly("pelvic-tilt", "seated-ankle-pump", "single-knee-to-chest");
        for (String field : List.of("sets", "reps", "holdSeconds", "minutes", "timesPerDay", "perSide")) {
            assertThat(saved.getList("exercises." + field)).as(field).isEqualTo(program.getList("exercises." + field));
        }
        assertThat(saved.getList("exercises.reps", Integer.class))
                .containsExactly(12, program.getInt("exercises[1].reps"), 4);
        long id = saved.getLong("id");
        assertThat(audit.count(
                        "action = ?1 and programId = ?2 and patientId = ?3 and reason = ?4",
                        "TEMPLATE_CREATED",
                        programId,
                        patientId,
                        "template " + id))
                .isEqualTo(1);
    }

    @Test
    void savingFromAProgramNeedsTheCareTeam() {
        Fixtures.Assigned a = Fixtures.assignPhase(1, "physio2");
        given().auth()
                .oauth2(TOKENS.physio("physio"))
                .contentType(ContentType.JSON)
                .body(Map.of("name", unique("Not mine"), "visibility", "PRIVATE"))
                .post("/api/templates/from-program/{id}", a.programId())
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(TOKENS.physio("physio"))
                .contentType(ContentType.JSON)
                .body(Map.of("name", unique("No program"), "visibility", "PRIVATE"))
                .post("/api/templates/from-program/{id}", 999_999_999L)
                .then()
                .statusCode(404);
    }

    @Test
    void theListShowsMineAndClinicWideButNotAnotherPhysiosPrivateOnes() {
        String me = unique("tpl-me");
        String other = unique("tpl-other");
        String mine = unique("Mine");
        String shared = unique("Shared");
        String theirs = unique("Theirs");
        long mineId = save(me, mine, "PRIVATE");
        long sharedId = save(me, shared, "CLINIC");
        long theirsId = save(other, theirs, "PRIVATE");
        List<Long> ids = given().auth()
                .oauth2(TOKENS.physio(me))
                .get("/api/templates")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("id", Long.class);
        assertThat(ids).contains(mineId, sharedId).doesNotContain(theirsId);
        assertThat(ids.indexOf(sharedId)).as("newest first").isLessThan(ids.indexOf(mineId));
        JsonPath theirList = given().auth()
                .oauth2(TOKENS.physio(other))
                .get("/api/templates")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(theirList.getList("id", Long.class))
                .contains(sharedId, theirsId)
                .doesNotContain(mineId);
        assertThat(theirList.getBoolean("find { it.id == " + sharedId + " }.mine"))
                .isFalse();
        assertThat(theirList.getString("find { it.id == " + sharedId + " }.owner"))
                .isEqualTo(me);
        assertThat(theirList.getList("find { it.id == " + sharedId + " }.exercises"))
                .hasSize(2);
        List<Long> adminIds = given().auth()
                .oauth2(TOKENS.admin("admin"))
                .get("/api/templates")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("id", Long.class);
        assertThat(adminIds).contains(sharedId).doesNotContain(mineId, theirsId);
    }

    @Test
    void anotherPhysioGets404OnMyPrivateTemplateAndSeesMyClinicWideOne() {
        String me = unique("tpl-me");
        long mine = save(me, unique("Private"), "PRIVATE");
        long shared = save(me, unique("Clinic"), "CLINIC");
        given().auth()
                .oauth2(TOKENS.physio(me))
                .get("/api/templates/{id}", mine)
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(TOKENS.physio("physio2"))
                .get("/api/templates/{id}", mine)
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(TOKENS.admin("admin"))
                .get("/api/templates/{id}", mine)
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(TOKENS.physio("physio2"))
                .get("/api/templates/{id}", shared)
                .then()
                .statusCode(200)
                .body("visibility", equalTo("CLINIC"))
                .body("mine", equalTo(false));
    }

    @Test
    void deleteRules() {
        String me = unique("tpl-me");
        long mine = save(me, unique("Private"), "PRIVATE");
        long shared = save(me, unique("Clinic"), "CLINIC");
        long sharedToo = save(me, unique("Clinic too"), "CLINIC");
        // Another physio: my private one does not exist for them; my clinic-wide one is not theirs to delete.
        given().auth()
                .oauth2(TOKENS.physio("physio2"))
                .delete("/api/templates/{id}", mine)
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(TOKENS.physio("physio2"))
                .delete("/api/templates/{id}", shared)
                .then()
                .statusCode(403)
                .body("detail", containsString("admin"));
        assertThat(audit.count(
                        "action = ?1 and actor = ?2 and outcome = ?3 and reason like ?4",
                        "TEMPLATE_DELETED",
                        "physio2",
                        "REFUSED",
                        "template " + shared + ":%"))
                .isEqualTo(1);
        // An admin: clinic-wide ones only.
        given().auth()
                .oauth2(TOKENS.admin("admin"))
                .delete("/api/templates/{id}", mine)
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(TOKENS.admin("admin"))
                .delete("/api/templates/{id}", shared)
                .then()
                .statusCode(204);
        given().auth()
                .oauth2(TOKENS.physio(me))
                .get("/api/templates/{id}", shared)
                .then()
                .statusCode(404);
        // The owner: both kinds.
        given().auth()
                .oauth2(TOKENS.physio(me))
                .delete("/api/templates/{id}", mine)
                .then()
                .statusCode(204);
        given().auth()
                .oauth2(TOKENS.physio(me))
                .delete("/api/templates/{id}", sharedToo)
                .then()
                .statusCode(204);
        given().auth()
                .oauth2(TOKENS.physio(me))
                .get("/api/templates/{id}", mine)
                .then()
                .statusCode(404);
        assertThat(audit.count(
                        "action = ?1 and outcome = ?2 and reason = ?3",
                        "TEMPLATE_DELETED",
                        "ALLOWED",
                        "template " + mine))
                .isEqualTo(1);
        assertThat(audit.count(
                        "action = ?1 and actor = ?2 and reason = ?3",
                        "TEMPLATE_DELETED",
                        "admin",
                        "template " + shared))
                .isEqualTo(1);
    }

    @Test
    void patientsHaveNoAccess() {
        long shared = save(unique("tpl-me"), unique("Clinic"), "CLINIC");
        given().auth()
                .oauth2(TOKENS.patient("patient"))
                .get("/api/templates")
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(TOKENS.patient("patient"))
                .get("/api/templates/{id}", shared)
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(TOKENS.patient("patient"))
                .delete("/api/templates/{id}", shared)
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(TOKENS.patient("patient"))
                .contentType(ContentType.JSON)
                .body(template(unique("Mine"), "PRIVATE", 2, List.of(dosed("glute-bridge", null, null, null))))
                .post("/api/templates")
                .then()
                .statusCode(403);
        // Admins list and delete but do not author templates.
        given().auth()
                .oauth2(TOKENS.admin("admin"))
                .contentType(ContentType.JSON)
                .body(template(unique("Admin's"), "CLINIC", 2, List.of(dosed("glute-bridge", null, null, null))))
                .post("/api/templates")
                .then()
                .statusCode(403);
    }

    @Test
    void unknownOrRetiredExercisesAndUnknownPhasesAreRefusedWithViolations() {
        String retired = newClinicExercise();
        retire(retired);
        given().auth()
                .oauth2(TOKENS.physio("physio"))
                .contentType(ContentType.JSON)
                .body(template(
                        unique("Broken"),
                        "PRIVATE",
                        2,
                        List.of(
                                dosed("glute-bridge", null, null, null),
                                dosed("no-such-exercise", null, null, null),
                                dosed(retired, null, null, null),
                                dosed("glute-bridge", null, null, null))))
                .post("/api/templates")
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("violations", hasSize(3))
                .body("violations[0].field", equalTo("exercises[1].exercise"))
                .body("violations[0].message", containsString("unknown exercise"))
                .body("violations[1].field", equalTo("exercises[2].exercise"))
                .body("violations[1].message", containsString("retired"))
                .body("violations[2].field", equalTo("exercises[3].exercise"))
                .body("violations[2].message", containsString("twice"))
                .body("detail", containsString("retired"));
        given().auth()
                .oauth2(TOKENS.physio("physio"))
                .contentType(ContentType.JSON)
                .body(template(unique("No phase"), "PRIVATE", 9, List.of(dosed("glute-bridge", null, null, null))))
                .post("/api/templates")
                .then()
                .statusCode(422)
                .body("violations.field", hasItem("phase"));
        Map<String, Object> unknownProtocol = new HashMap<>(
                template(unique("No protocol"), "PRIVATE", 1, List.of(dosed("glute-bridge", null, null, null))));
        unknownProtocol.put("protocol", "no-such-protocol");
        given().auth()
                .oauth2(TOKENS.physio("physio"))
                .contentType(ContentType.JSON)
                .body(unknownProtocol)
                .post("/api/templates")
                .then()
                .statusCode(422)
                .body("violations.field", hasItem("protocol"));
        // Malformed input is the usual 400.
        given().auth()
                .oauth2(TOKENS.physio("physio"))
                .contentType(ContentType.JSON)
                .body(template(" ", "PRIVATE", 2, List.of(dosed("glute-bridge", null, null, null))))
                .post("/api/templates")
                .then()
                .statusCode(400)
                .body("violations.field", hasItem(containsString("name")));
        given().auth()
                .oauth2(TOKENS.physio("physio"))
                .contentType(ContentType.JSON)
                .body(template(unique("Everyone"), "EVERYONE", 2, List.of(dosed("glute-bridge", null, null, null))))
                .post("/api/templates")
                .then()
                .statusCode(400)
                .body("violations.field", hasItem(containsString("visibility")));
        given().auth()
                .oauth2(TOKENS.physio("physio"))
                .contentType(ContentType.JSON)
                .body(template(unique("Empty"), "PRIVATE", 2, List.of()))
                .post("/api/templates")
                .then()
                .statusCode(400)
                .body("violations.field", hasItem(containsString("exercises")));
    }

    @Test
    void aProgramWithAnExerciseRetiredSinceCannotBeSavedAndATemplateShowsTheRetirement() {
        String slug = newClinicExercise();
        long template = given().auth()
                .oauth2(TOKENS.physio("physio"))
                .contentType(ContentType.JSON)
                .body(template(unique("Before retiring"), "PRIVATE", 1, List.of(dosed(slug, 2, 8, null))))
                .post("/api/templates")
                .then()
                .statusCode(201)
                .body("exercises[0].retired", equalTo(false))
                .extract()
                .jsonPath()
                .getLong("id");
        long patientId = FakePatientService.newPatientId();
        FakePatientService.cleared(patientId, "acc-" + patientId, "physio");
        long programId = given().auth()
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
                        List.of(dosed("pelvic-tilt", null, null, null), dosed(slug, null, null, null))))
                .post("/api/programs")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getLong("id");
        retire(slug);
        given().auth()
                .oauth2(TOKENS.physio("physio"))
                .get("/api/templates/{id}", template)
                .then()
                .statusCode(200)
                .body("exercises[0].exercise", equalTo(slug))
                .body("exercises[0].retired", equalTo(true));
        given().auth()
                .oauth2(TOKENS.physio("physio"))
                .contentType(ContentType.JSON)
                .body(Map.of("name", unique("After retiring"), "visibility", "PRIVATE"))
                .post("/api/templates/from-program/{id}", programId)
                .then()
                .statusCode(422)
                .body("violations[0].field", equalTo("exercises[1].exercise"))
                .body("violations[0].message", containsString("retired"));
    }

    @Test
    void namesAreUniquePerOwnerAndClinicWide() {
        String me = unique("tpl-me");
        String name = unique("Same name");
        save(me, name, "PRIVATE");
        given().auth()
                .oauth2(TOKENS.physio(me))
                .contentType(ContentType.JSON)
                .body(template(name, "PRIVATE", 2, List.of(dosed("glute-bridge", null, null, null))))
                .post("/api/templates")
                .then()
                .statusCode(409)
                .body("detail", containsString(name));
        // Another physio's private one and a clinic-wide one may carry the same name.
        save(unique("tpl-other"), name, "PRIVATE");
        save(me, name, "CLINIC");
        given().auth()
                .oauth2(TOKENS.physio(unique("tpl-other")))
                .contentType(ContentType.JSON)
                .body(template(name, "CLINIC", 2, List.of(dosed("glute-bridge", null, null, null))))
                .post("/api/templates")
                .then()
                .statusCode(409)
                .body("detail", containsString("clinic-wide"));
    }

    @Test
    void assigningTheTemplatesExercisesReproducesItsDosages() {
        JsonPath saved = given().auth()
                .oauth2(TOKENS.physio("physio"))
                .contentType(ContentType.JSON)
                .body(template(
                        unique("Foundations, easy"),
                        "CLINIC",
                        2,
                        List.of(
                                dosed("glute-bridge", 2, 8, 3),
                                dosed("clamshell", null, 15, null),
                                dosed("modified-dead-bug", 1, 6, null))))
                .post("/api/templates")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath();
        // The portal's pre-filled form sends the template's protocol, phase, exercises and dosages as they are.
        List<Map<String, Object>> exercises = new ArrayList<>();
        for (Map<String, Object> e : saved.<Map<String, Object>>getList("exercises")) {
            Map<String, Object> choice = new HashMap<>();
            for (String field :
                    List.of("exercise", "sets", "reps", "holdSeconds", "minutes", "timesPerDay", "perSide")) {
                if (e.get(field) != null) {
                    choice.put(field, e.get(field));
                }
            }
            exercises.add(choice);
        }
        long patientId = FakePatientService.newPatientId();
        FakePatientService.cleared(patientId, "acc-" + patientId, "physio2");
        long programId = given().auth()
                .oauth2(TOKENS.physio("physio2"))
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "patientId",
                        patientId,
                        "protocol",
                        saved.getString("protocol"),
                        "phase",
                        saved.getInt("phase"),
                        "exercises",
                        exercises))
                .post("/api/programs")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getLong("id");
        JsonPath program = given().auth()
                .oauth2(TOKENS.physio("physio2"))
                .get("/api/programs/{id}", programId)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(program.getInt("phase")).isEqualTo(2);
        assertThat(program.getList("exercises.exercise", String.class))
                .containsExactly("glute-bridge", "clamshell", "modified-dead-bug");
        for (String field : List.of("sets", "reps", "holdSeconds", "minutes", "timesPerDay", "perSide")) {
            assertThat(program.getList("exercises." + field)).as(field).isEqualTo(saved.getList("exercises." + field));
        }
        assertThat(program.getList("exercises.reps", Integer.class)).containsExactly(8, 15, 6);
    }

    /** A new clinic exercise of phase 1 (so a phase-1 program takes it without acknowledgement); returns its slug. */
    private static String newClinicExercise() {
        String slug = "tpl-ex-" + System.nanoTime();
        given().auth()
                .oauth2(TOKENS.physio("physio"))
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "slug",
                        slug,
                        "name",
                        "Template test exercise",
                        "category",
                        "mobility",
                        "phases",
                        List.of(1),
                        "instructions",
                        "Move gently.",
                        "sets",
                        1,
                        "reps",
                        5))
                .post("/api/exercises")
                .then()
                .statusCode(201);
        return slug;
    }

    /** Retires the exercise as the exercises feature will (its current row gets retired_at). */
    private void retire(String slug) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                        "update exercise set retired_at = current_timestamp(6), retired_by = 'physio'"
                                + " where current_slug = ?1")
                .setParameter(1, slug)
                .executeUpdate());
    }
}
