package clinic.program.notice;

import static clinic.program.testing.Fixtures.TOKENS;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import clinic.program.audit.AuditRepository;
import clinic.program.testing.FakePatientService;
import clinic.program.testing.Fixtures;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The notice feed: each change patient-service may e-mail about leaves exactly one row, written with the change (a
 * refused change leaves none), read by cursor with patient-service's service account only.
 */
@QuarkusTest
class NoticeFeedTest {

    /** patient-service's service account. */
    static final String SERVICE = TOKENS.token("service-account-patient-service", List.of("clinical-service"));

    @Inject
    EntityManager em;

    @Inject
    AuditRepository audit;

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    static Response page(String token, Object after, Object limit) {
        var request = given().auth().oauth2(token);
        if (after != null) {
            request = request.queryParam("after", after);
        }
        if (limit != null) {
            request = request.queryParam("limit", limit);
        }
        return request.get("/api/notices");
    }

    /** The id of the newest notice now: the cursor before a change. */
    long cursor() {
        return QuarkusTransaction.requiringNew()
                .call(() -> ((Number) em.createNativeQuery("select coalesce(max(id), 0) from notice_event")
                                .getSingleResult())
                        .longValue());
    }

    /** Every notice after the cursor about the program, oldest first, read page by page as patient-service does. */
    static List<Map<String, Object>> noticesOf(long after, long programId) {
        List<Map<String, Object>> found = new ArrayList<>();
        long cursor = after;
        while (true) {
            JsonPath page =
                    page(SERVICE, cursor, 500).then().statusCode(200).extract().jsonPath();
            List<Map<String, Object>> notices = page.getList("notices");
            if (notices.isEmpty()) {
                assertThat(page.getLong("last")).isEqualTo(cursor);
                return found;
            }
            notices.stream()
                    .filter(n -> ((Number) n.get("programId")).longValue() == programId)
                    .forEach(found::add);
            cursor = page.getLong("last");
        }
    }

    static List<String> kinds(List<Map<String, Object>> notices) {
        return notices.stream().map(n -> (String) n.get("kind")).toList();
    }

    static Response log(Fixtures.Assigned a, LocalDate day, List<String> redFlags) {
        Map<String, Object> body = new HashMap<>();
        body.put("date", day.toString());
        body.put("painBefore", 4);
        body.put("painAfter", 4);
        body.put("exercises", List.of(Map.of("exercise", "pelvic-tilt", "completed", true)));
        body.put("redFlagSymptoms", redFlags);
        return given().auth()
                .oauth2(a.patientToken())
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/programs/{id}/sessions", a.programId());
    }

    static int version(Fixtures.Assigned a) {
        return given().auth()
                .oauth2(TOKENS.physio("physio"))
                .get("/api/programs/{id}", a.programId())
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getInt("version");
    }

    static Response movePhase(Fixtures.Assigned a, int phase, int version) {
        return given().auth()
                .oauth2(TOKENS.physio("physio"))
                .contentType(ContentType.JSON)
                .body(Map.of("phase", phase, "reason", "tolerating phase 1 well", "version", version))
                .post("/api/programs/{id}/phase", a.programId());
    }

    static Response holdByScreening(Fixtures.Assigned a) {
        return given().auth()
                .oauth2(SERVICE)
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "patientId",
                        a.patientId(),
                        "screeningId",
                        System.nanoTime() % 1_000_000_000L + 9_000_000_000L,
                        "redFlags",
                        List.of("SADDLE_NUMBNESS")))
                .post("/api/programs/holds");
    }

    static Response resume(Fixtures.Assigned a) {
        FakePatientService.cleared(
                a.patientId(), a.account(), "physio", Instant.now().plusSeconds(1));
        return given().auth()
                .oauth2(TOKENS.physio("physio"))
                .contentType(ContentType.JSON)
                .body(Map.of("reason", "new screening clear"))
                .post("/api/programs/{id}/resume", a.programId());
    }

    static Response discharge(Fixtures.Assigned a, Map<String, Object> body) {
        return discharge(a, "physio", body);
    }

    static Response discharge(Fixtures.Assigned a, String physio, Map<String, Object> body) {
        return given().auth()
                .oauth2(TOKENS.physio(physio))
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/programs/{id}/discharge", a.programId());
    }

    @Test
    void anAssignmentAndAPlainLogWriteNoNotice() {
        long before = cursor();
        Fixtures.Assigned a = Fixtures.assignPhase(1);
        log(a, LocalDate.now(), List.of()).then().statusCode(201);
        assertThat(noticesOf(before, a.programId())).isEmpty();
    }

    @Test
    void aRedFlagLogWritesTheUrgentAlertAndThePauseWithTheLog() {
        Fixtures.Assigned a = Fixtures.assignPhase(1);
        long before = cursor();
        log(a, LocalDate.now(), List.of("SADDLE_NUMBNESS")).then().statusCode(201);

        List<Map<String, Object>> notices = noticesOf(before, a.programId());
        assertThat(kinds(notices)).containsExactlyInAnyOrder("URGENT_ALERT", "PROGRAM_PAUSED");
        Map<String, Object> urgent = notices.stream()
                .filter(n -> n.get("kind").equals("URGENT_ALERT"))
                .findFirst()
                .orElseThrow();
        Object alertId = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                        "select id from alert where program_id = ?1 and type = 'RED_FLAG' and severity = 'URGENT'")
                .setParameter(1, a.programId())
                .getSingleResult());
        assertThat(urgent)
                .containsEntry("ref", String.valueOf(alertId))
                .containsEntry("detail", "RED_FLAG")
                .containsEntry("carePhysio", "physio");
        assertThat(((Number) urgent.get("patientId")).longValue()).isEqualTo(a.patientId());
        assertThat((String) urgent.get("occurredAt")).endsWith("Z");
        Map<String, Object> paused = notices.stream()
                .filter(n -> n.get("kind").equals("PROGRAM_PAUSED"))
                .findFirst()
                .orElseThrow();
        // Revision 1 is the assignment, 2 the hold.
        assertThat(paused).containsEntry("ref", "h2").containsEntry("detail", "SESSION_LOG");
        // Nothing sensitive travels in the feed: codes only.
        assertThat(notices.toString()).doesNotContain("saddle").doesNotContain("SADDLE");
    }

    @Test
    void aNonUrgentAlertWritesNoNotice() {
        Fixtures.Assigned a = Fixtures.assignPhase(1);
        long before = cursor();
        Map<String, Object> body = new HashMap<>();
        body.put("date", LocalDate.now().toString());
        body.put("painBefore", 3);
        body.put("painAfter", 4);
        body.put("exercises", List.of(Map.of("exercise", "pelvic-tilt", "completed", true, "nervePain", true)));
        given().auth()
                .oauth2(a.patientToken())
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/programs/{id}/sessions", a.programId())
                .then()
                .statusCode(201)
                .body("alerts.type", hasItem("NERVE_PAIN"));
        assertThat(noticesOf(before, a.programId())).isEmpty();
    }

    @Test
    void aPhaseMoveIsAProgramChangeButAStaleOneWritesNothing() {
        Fixtures.Assigned a = Fixtures.assignPhase(1);
        long before = cursor();
        int version = version(a);
        movePhase(a, 2, version + 7).then().statusCode(409);
        assertThat(noticesOf(before, a.programId())).isEmpty();

        movePhase(a, 2, version).then().statusCode(200);
        List<Map<String, Object>> notices = noticesOf(before, a.programId());
        assertThat(kinds(notices)).containsExactly("PROGRAM_CHANGED");
        assertThat(notices.get(0)).containsEntry("ref", "r2").containsEntry("detail", "PHASE_MOVE");
    }

    @Test
    void aReassignmentIsAProgramChange() {
        Fixtures.Assigned a = Fixtures.assignPhase(1);
        long before = cursor();
        given().auth()
                .oauth2(TOKENS.physio("physio"))
                .contentType(ContentType.JSON)
                .body(Map.of("patientId", a.patientId(), "protocol", "sciatica-phased", "phase", 2))
                .post("/api/programs")
                .then()
                .statusCode(201);
        List<Map<String, Object>> notices = noticesOf(before, a.programId());
        assertThat(kinds(notices)).containsExactly("PROGRAM_CHANGED");
        assertThat(notices.get(0)).containsEntry("ref", "r2").containsEntry("detail", "REASSIGNED");
    }

    @Test
    void aScreeningHoldAndItsResumeShareTheHoldsRef() {
        Fixtures.Assigned a = Fixtures.assignPhase(1);
        long before = cursor();
        holdByScreening(a).then().statusCode(200).body("status", equalTo("ON_HOLD"));
        List<Map<String, Object>> held = noticesOf(before, a.programId());
        assertThat(kinds(held)).containsExactlyInAnyOrder("URGENT_ALERT", "PROGRAM_PAUSED");
        Map<String, Object> paused = held.stream()
                .filter(n -> n.get("kind").equals("PROGRAM_PAUSED"))
                .findFirst()
                .orElseThrow();
        assertThat(paused).containsEntry("ref", "h2").containsEntry("detail", "SCREENING");
        // A repeated delivery changes nothing, so tells nothing.
        long afterHold = cursor();

        resume(a).then().statusCode(200);
        List<Map<String, Object>> resumed = noticesOf(afterHold, a.programId());
        assertThat(kinds(resumed)).containsExactly("PROGRAM_RESUMED");
        assertThat(resumed.get(0)).containsEntry("ref", "h2");
        assertThat(resumed.get(0).get("detail")).isNull();
    }

    @Test
    void aDischargeIsANoticeAndARefusedOneIsNot() {
        Fixtures.Assigned a = Fixtures.assignPhase(1);
        long before = cursor();
        discharge(a, Map.of("reason", "GOALS_MET", "version", version(a) + 3))
                .then()
                .statusCode(409);
        assertThat(noticesOf(before, a.programId())).isEmpty();

        discharge(a, Map.of("reason", "GOALS_MET")).then().statusCode(200);
        List<Map<String, Object>> notices = noticesOf(before, a.programId());
        assertThat(kinds(notices)).containsExactly("PROGRAM_DISCHARGED");
        assertThat(notices.get(0))
                .containsEntry("ref", String.valueOf(a.programId()))
                .containsEntry("detail", "GOALS_MET");
    }

    @Test
    void anExerciseMovedToItsNewestRevisionIsAProgramChange() {
        String slug = "notice-slide-" + System.nanoTime();
        Map<String, Object> exercise = new HashMap<>();
        exercise.put("slug", slug);
        exercise.put("name", "Knee slide");
        exercise.put("category", "mobility");
        exercise.put("phases", List.of(1));
        exercise.put("instructions", "Slide the heel slowly.");
        exercise.put("sets", 2);
        exercise.put("reps", 10);
        given().auth()
                .oauth2(TOKENS.physio("physio"))
                .contentType(ContentType.JSON)
                .body(exercise)
                .post("/api/exercises")
                .then()
                .statusCode(201);
        long patientId = FakePatientService.newPatientId();
        FakePatientService.cleared(patientId, "pat-" + patientId, "physio");
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
                        List.of(Map.of("exercise", slug), Map.of("exercise", "pelvic-tilt"))))
                .post("/api/programs")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getLong("id");
        Fixtures.Assigned a = new Fixtures.Assigned(patientId, programId, "pat-" + patientId);
        Map<String, Object> edit = new HashMap<>(exercise);
        edit.remove("slug");
        edit.put("instructions", "Slide the heel slowly, version two.");
        edit.put("revision", 1);
        given().auth()
                .oauth2(TOKENS.physio("physio"))
                .contentType(ContentType.JSON)
                .body(edit)
                .put("/api/exercises/{slug}", slug)
                .then()
                .statusCode(200);
        long before = cursor();
        given().auth()
                .oauth2(TOKENS.physio("physio"))
                .contentType(ContentType.JSON)
                .body(Map.of("reason", "clearer wording", "version", version(a)))
                .post("/api/programs/{id}/exercises/{slug}/update-revision", programId, slug)
                .then()
                .statusCode(200);
        List<Map<String, Object>> notices = noticesOf(before, programId);
        assertThat(kinds(notices)).containsExactly("PROGRAM_CHANGED");
        assertThat(notices.get(0)).containsEntry("ref", "r2").containsEntry("detail", "EXERCISE_UPDATE");
    }

    @Test
    void theFeedPagesByCursorInIdOrder() {
        Fixtures.Assigned a = Fixtures.assignPhase(1);
        long before = cursor();
        int version = version(a);
        movePhase(a, 2, version).then().statusCode(200);
        movePhase(a, 3, version + 1).then().statusCode(200);
        movePhase(a, 1, version + 2).then().statusCode(200);

        List<Long> ids = new ArrayList<>();
        List<String> refs = new ArrayList<>();
        long cursor = before;
        for (int i = 0; i < 3; i++) {
            JsonPath page =
                    page(SERVICE, cursor, 1).then().statusCode(200).extract().jsonPath();
            assertThat(page.getList("notices")).hasSize(1);
            long id = page.getLong("notices[0].id");
            assertThat(id).isGreaterThan(cursor);
            assertThat(page.getLong("last")).isEqualTo(id);
            ids.add(id);
            refs.add(page.getString("notices[0].ref"));
            cursor = id;
        }
        assertThat(ids).isSorted().doesNotHaveDuplicates();
        assertThat(refs).containsExactly("r2", "r3", "r4");
        // The end of the feed: an empty page keeps the cursor.
        page(SERVICE, cursor, null)
                .then()
                .statusCode(200)
                .body("notices.size()", equalTo(0))
                .body("last", equalTo((int) cursor));
        // From the start: the default page is 200.
        assertThat(page(SERVICE, null, null)
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath()
                        .getList("notices")
                        .size())
                .isBetween(1, 200);
    }

    @Test
    void aPageOfNoticesIsAuditedPerPatientAsTheServiceAccount() {
        Fixtures.Assigned a = Fixtures.assignPhase(1);
        long before = cursor();
        movePhase(a, 2, version(a)).then().statusCode(200);
        page(SERVICE, before, 500).then().statusCode(200);
        assertThat(audit.count(
                        "patientId = ?1 and action = 'NOTICES_READ' and role = 'clinical-service'"
                                + " and actor = 'service-account-patient-service'",
                        a.patientId()))
                .isEqualTo(1);
    }

    @Test
    void badCursorsAndLimitsAre400() {
        page(SERVICE, -1, null).then().statusCode(400).contentType("application/problem+json");
        page(SERVICE, "abc", null).then().statusCode(400);
        page(SERVICE, 0, 0).then().statusCode(400);
        page(SERVICE, 0, 501).then().statusCode(400);
        page(SERVICE, 0, 500).then().statusCode(200);
    }

    @Test
    void onlyTheServiceAccountReadsNotices() {
        for (String token : List.of(TOKENS.physio("physio"), TOKENS.patient("pat-1"), TOKENS.admin("admin"))) {
            page(token, null, null).then().statusCode(403);
            given().auth().oauth2(token).get("/api/notices/open-alerts").then().statusCode(403);
            given().auth()
                    .oauth2(token)
                    .queryParam("from", LocalDate.now().toString())
                    .queryParam("to", LocalDate.now().plusDays(1).toString())
                    .get("/api/notices/week")
                    .then()
                    .statusCode(403);
            given().auth()
                    .oauth2(token)
                    .contentType(ContentType.JSON)
                    .body(Map.of(
                            "patients",
                            List.of(Map.of(
                                    "patientId", 1, "localDate", LocalDate.now().toString()))))
                    .post("/api/notices/status")
                    .then()
                    .statusCode(403);
        }
        given().get("/api/notices").then().statusCode(401);
    }
}
