package clinic.program.notice;

import static clinic.program.notice.NoticeFeedTest.SERVICE;
import static clinic.program.notice.NoticeFeedTest.holdByScreening;
import static clinic.program.notice.NoticeFeedTest.log;
import static clinic.program.testing.Fixtures.TOKENS;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import clinic.program.audit.AuditRepository;
import clinic.program.outcome.MeasureResponse;
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
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The reads behind patient-service's reminders, digests and summaries: where a patient stands on their local day,
 * the open alerts per physio and the week's figures, each for the service account only and audited.
 */
@QuarkusTest
class NoticeReadsTest {

    @Inject
    EntityManager em;

    @Inject
    AuditRepository audit;

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    private static Response status(List<?> patients) {
        return given().auth()
                .oauth2(SERVICE)
                .contentType(ContentType.JSON)
                .body(Map.of("patients", patients))
                .post("/api/notices/status");
    }

    private static Map<String, Object> asked(long patientId, LocalDate localDate) {
        return Map.of("patientId", patientId, "localDate", localDate.toString());
    }

    private static JsonPath statusOf(long patientId, LocalDate localDate) {
        return status(List.of(asked(patientId, localDate)))
                .then()
                .statusCode(200)
                .body("patients.size()", equalTo(1))
                .extract()
                .jsonPath()
                .setRootPath("patients[0]");
    }

    /** A program started {@code days} days ago (its start and first revision moved back). */
    private Fixtures.Assigned startedDaysAgo(int days, String physio) {
        Fixtures.Assigned a = Fixtures.assignPhase(1, physio);
        LocalDate start = LocalDate.now().minusDays(days);
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("update program set started_on = ?1, phase_since = ?1 where id = ?2")
                    .setParameter(1, start)
                    .setParameter(2, a.programId())
                    .executeUpdate();
            em.createNativeQuery("update program_revision set effective_on = ?1 where program_id = ?2")
                    .setParameter(1, start)
                    .setParameter(2, a.programId())
                    .executeUpdate();
        });
        return a;
    }

    private void answered(Fixtures.Assigned a, String instrument, String timepoint, LocalDate on) {
        QuarkusTransaction.requiringNew().run(() -> {
            MeasureResponse m = new MeasureResponse();
            m.programId = a.programId();
            m.patientId = a.patientId();
            m.instrument = instrument;
            m.instrumentVersion = "test";
            m.timepoint = timepoint;
            m.completedOn = on;
            m.enteredByRole = MeasureResponse.BY_PATIENT;
            m.enteredBy = a.account();
            m.answers = "[]";
            m.answeredItems = 1;
            m.skippedItems = 0;
            m.score = BigDecimal.ONE;
            m.riskGroup = "SBST".equals(instrument) ? "LOW" : null;
            m.createdAt = LocalDateTime.now();
            em.persist(m);
        });
    }

    @Test
    void aPatientWhoLoggedTodayIsLoggedOnTheirLocalDate() {
        Fixtures.Assigned a = startedDaysAgo(5, "physio");
        LocalDate today = LocalDate.now();
        log(a, today, List.of()).then().statusCode(201);
        JsonPath s = statusOf(a.patientId(), today);
        assertThat(s.getLong("patientId")).isEqualTo(a.patientId());
        assertThat(s.getLong("programId")).isEqualTo(a.programId());
        assertThat(s.getString("status")).isEqualTo("ACTIVE");
        assertThat(s.getString("carePhysio")).isEqualTo("physio");
        assertThat(s.getString("startedOn")).isEqualTo(today.minusDays(5).toString());
        assertThat(s.getString("lastLogOn")).isEqualTo(today.toString());
        assertThat(s.getBoolean("loggedOnLocalDate")).isTrue();
        assertThat(s.getInt("daysWithoutLog")).isZero();
    }

    @Test
    void threeDaysWithoutALogCountFromTheLastLogOnOrBeforeTheLocalDate() {
        Fixtures.Assigned a = startedDaysAgo(10, "physio");
        LocalDate today = LocalDate.now();
        log(a, today.minusDays(3), List.of()).then().statusCode(201);
        JsonPath s = statusOf(a.patientId(), today);
        assertThat(s.getString("lastLogOn")).isEqualTo(today.minusDays(3).toString());
        assertThat(s.getBoolean("loggedOnLocalDate")).isFalse();
        assertThat(s.getInt("daysWithoutLog")).isEqualTo(3);

        // A log of today does not count for a patient whose local date is still yesterday (a zone behind).
        log(a, today, List.of()).then().statusCode(201);
        JsonPath behind = statusOf(a.patientId(), today.minusDays(1));
        assertThat(behind.getString("lastLogOn")).isEqualTo(today.minusDays(3).toString());
        assertThat(behind.getInt("daysWithoutLog")).isEqualTo(2);
        assertThat(statusOf(a.patientId(), today).getBoolean("loggedOnLocalDate"))
                .isTrue();
    }

    @Test
    void neverLoggedCountsFromTheStart() {
        Fixtures.Assigned a = startedDaysAgo(4, "physio");
        JsonPath s = statusOf(a.patientId(), LocalDate.now());
        assertThat(s.getString("lastLogOn")).isNull();
        assertThat(s.getBoolean("loggedOnLocalDate")).isFalse();
        assertThat(s.getInt("daysWithoutLog")).isEqualTo(4);
    }

    @Test
    void aHeldProgramIsOnHold() {
        Fixtures.Assigned a = Fixtures.assignPhase(1);
        holdByScreening(a).then().statusCode(200);
        JsonPath s = statusOf(a.patientId(), LocalDate.now());
        assertThat(s.getString("status")).isEqualTo("ON_HOLD");
        assertThat(s.getLong("programId")).isEqualTo(a.programId());
    }

    @Test
    void aDischargedPatientAndAnUnknownOneHaveNone() {
        Fixtures.Assigned a = Fixtures.assignPhase(1);
        NoticeFeedTest.discharge(a, Map.of("reason", "GOALS_MET")).then().statusCode(200);
        long unknown = FakePatientService.newPatientId();
        JsonPath body = status(List.of(asked(a.patientId(), LocalDate.now()), asked(unknown, LocalDate.now())))
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(body.getLong("patients[0].patientId")).isEqualTo(a.patientId());
        assertThat(body.getLong("patients[1].patientId")).isEqualTo(unknown);
        for (int i = 0; i < 2; i++) {
            JsonPath s = new JsonPath(body.prettify()).setRootPath("patients[" + i + "]");
            assertThat(s.getString("status")).isEqualTo("NONE");
            assertThat(s.getString("programId")).isNull();
            assertThat(s.getString("daysWithoutLog")).isNull();
            assertThat(s.getBoolean("loggedOnLocalDate")).isFalse();
            assertThat(s.getList("measuresDue")).isEmpty();
        }
    }

    @Test
    void questionnairesDueFollowTheSchedule() {
        // Day 26: the week-4 window opened yesterday (due on day 28, open 3 days before).
        Fixtures.Assigned a = startedDaysAgo(26, "physio");
        LocalDate start = LocalDate.now().minusDays(26);
        JsonPath before = statusOf(a.patientId(), LocalDate.now());
        // Nothing answered: the three baselines are overdue, and the week-4 questionnaires due.
        assertThat(before.getList("measuresDue.timepoint", String.class))
                .containsExactlyInAnyOrder("BASELINE", "BASELINE", "BASELINE", "WEEK_4", "WEEK_4");

        answered(a, "PSFS", "BASELINE", start);
        answered(a, "RMDQ", "BASELINE", start);
        answered(a, "SBST", "BASELINE", start);
        JsonPath s = statusOf(a.patientId(), LocalDate.now());
        assertThat(s.getList("measuresDue.instrument", String.class)).containsExactlyInAnyOrder("PSFS", "RMDQ");
        assertThat(s.getList("measuresDue.timepoint", String.class)).containsOnly("WEEK_4");
        assertThat(s.getList("measuresDue.opensOn", String.class))
                .containsOnly(start.plusDays(25).toString());
        // On a local date before the window opened nothing is due.
        assertThat(statusOf(a.patientId(), start.plusDays(24)).getList("measuresDue"))
                .isEmpty();
    }

    @Test
    void manyPatientsAreAnsweredInTheOrderAskedAndAuditedEach() {
        List<Fixtures.Assigned> programs =
                IntStream.range(0, 3).mapToObj(i -> Fixtures.assignPhase(1)).toList();
        List<Map<String, Object>> ask = new ArrayList<>();
        for (int i = programs.size() - 1; i >= 0; i--) {
            ask.add(asked(programs.get(i).patientId(), LocalDate.now()));
        }
        JsonPath body = status(ask).then().statusCode(200).extract().jsonPath();
        assertThat(body.getList("patients.patientId", Long.class))
                .containsExactly(
                        programs.get(2).patientId(),
                        programs.get(1).patientId(),
                        programs.get(0).patientId());
        assertThat(body.getList("patients.status", String.class)).containsOnly("ACTIVE");
        for (Fixtures.Assigned a : programs) {
            assertThat(audit.count(
                            "patientId = ?1 and programId = ?2 and action = 'NOTICE_STATUS_READ'"
                                    + " and role = 'clinical-service'",
                            a.patientId(),
                            a.programId()))
                    .isEqualTo(1);
        }
    }

    @Test
    void fiveHundredPatientsAreTheMostAndNoneIsRefused() {
        List<Map<String, Object>> many = new ArrayList<>();
        for (long i = 1; i <= 500; i++) {
            many.add(asked(900_000_000L + i, LocalDate.now()));
        }
        status(many).then().statusCode(200).body("patients.size()", equalTo(500));
        many.add(asked(900_000_501L, LocalDate.now()));
        status(many)
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("violations.field", hasItem("patients"));
        status(List.of()).then().statusCode(422);
        status(List.of(Map.of("patientId", 1)))
                .then()
                .statusCode(400)
                .body("violations.field", hasItem("patients[0].localDate"));
        status(List.of(asked(-4, LocalDate.now()))).then().statusCode(400);
    }

    @Test
    void openAlertsAreCountedPerCarePhysio() {
        String physio = "notice-physio-" + System.nanoTime() % 1_000_000;
        Fixtures.Assigned a = Fixtures.assignPhase(1, physio);
        Fixtures.Assigned b = Fixtures.assignPhase(1, physio);
        log(a, LocalDate.now(), List.of("SADDLE_NUMBNESS")).then().statusCode(201);
        var nerve = Map.of("exercise", "pelvic-tilt", "completed", true, "nervePain", true);
        given().auth()
                .oauth2(b.patientToken())
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "date",
                        LocalDate.now().toString(),
                        "painBefore",
                        3,
                        "painAfter",
                        3,
                        "exercises",
                        List.of(nerve)))
                .post("/api/programs/{id}/sessions", b.programId())
                .then()
                .statusCode(201);

        JsonPath body = given().auth()
                .oauth2(SERVICE)
                .get("/api/notices/open-alerts")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        List<Map<String, Object>> physios = body.getList("physios");
        Map<String, Object> mine = physios.stream()
                .filter(p -> physio.equals(p.get("physio")))
                .findFirst()
                .orElseThrow();
        assertThat(((Number) mine.get("open")).longValue()).isEqualTo(2);
        assertThat(((Number) mine.get("urgent")).longValue()).isEqualTo(1);
        assertThat(mine.get("oldestRaisedOn")).isEqualTo(LocalDate.now().toString());
        assertThat(mine.get("byType").toString())
                .contains("type=RED_FLAG, count=1")
                .contains("type=NERVE_PAIN, count=1");

        // A discharged program's open alerts are no longer in the digest.
        NoticeFeedTest.discharge(b, physio, Map.of("reason", "GOALS_MET"))
                .then()
                .statusCode(200);
        Map<String, Object> after = given()
                .auth()
                .oauth2(SERVICE)
                .get("/api/notices/open-alerts")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .<Map<String, Object>>getList("physios")
                .stream()
                .filter(p -> physio.equals(p.get("physio")))
                .findFirst()
                .orElseThrow();
        assertThat(((Number) after.get("open")).longValue()).isEqualTo(1);
        assertThat(audit.count("action = 'NOTICE_OPEN_ALERTS_READ' and role = 'clinical-service'"))
                .isGreaterThanOrEqualTo(2);
    }

    private static JsonPath week(LocalDate from, LocalDate to) {
        return given().auth()
                .oauth2(SERVICE)
                .queryParam("from", from.toString())
                .queryParam("to", to.toString())
                .get("/api/notices/week")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    @Test
    void theWeekCountsWhatHappenedInIt() {
        LocalDate today = LocalDate.now();
        JsonPath before = week(today.minusDays(6), today.plusDays(1));
        Fixtures.Assigned a = Fixtures.assignPhase(1);
        log(a, today, List.of()).then().statusCode(201);
        log(a, today, List.of("SADDLE_NUMBNESS")).then().statusCode(201);
        Fixtures.Assigned b = Fixtures.assignPhase(1);
        NoticeFeedTest.discharge(b, Map.of("reason", "GOALS_MET")).then().statusCode(200);
        JsonPath after = week(today.minusDays(6), today.plusDays(1));

        assertThat(after.getString("from")).isEqualTo(today.minusDays(6).toString());
        assertThat(after.getString("to")).isEqualTo(today.plusDays(1).toString());
        assertThat(after.getLong("sessionsLogged") - before.getLong("sessionsLogged"))
                .isEqualTo(2);
        assertThat(after.getLong("patientsLogging") - before.getLong("patientsLogging"))
                .isEqualTo(1);
        assertThat(after.getLong("programsStarted") - before.getLong("programsStarted"))
                .isEqualTo(2);
        assertThat(after.getLong("programsDischarged") - before.getLong("programsDischarged"))
                .isEqualTo(1);
        // a is on hold now (still current), b is discharged.
        assertThat(after.getLong("activePrograms") - before.getLong("activePrograms"))
                .isEqualTo(1);
        assertThat(after.getLong("alertsRaised") - before.getLong("alertsRaised"))
                .isEqualTo(1);
        assertThat(after.getLong("urgentAlerts") - before.getLong("urgentAlerts"))
                .isEqualTo(1);
        assertThat(after.getLong("openAlerts") - before.getLong("openAlerts")).isEqualTo(1);

        // A period that ended yesterday does not see today's.
        JsonPath past = week(today.minusDays(7), today);
        JsonPath pastAgain = week(today.minusDays(7), today);
        assertThat(pastAgain.getLong("sessionsLogged")).isEqualTo(past.getLong("sessionsLogged"));
        assertThat(audit.count("action = 'NOTICE_WEEK_READ' and role = 'clinical-service'"))
                .isGreaterThanOrEqualTo(4);
    }

    @Test
    void theWeekTakesAtMost31DaysFromBeforeTo() {
        LocalDate today = LocalDate.now();
        week(today.minusDays(31), today);
        for (String[] q : List.of(
                new String[] {today.minusDays(32).toString(), today.toString()},
                new String[] {today.toString(), today.toString()},
                new String[] {today.toString(), today.minusDays(1).toString()},
                new String[] {"2026-13-01", today.toString()},
                new String[] {null, today.toString()},
                new String[] {today.toString(), null})) {
            var request = given().auth().oauth2(SERVICE);
            if (q[0] != null) {
                request = request.queryParam("from", q[0]);
            }
            if (q[1] != null) {
                request = request.queryParam("to", q[1]);
            }
            request.get("/api/notices/week").then().statusCode(400).contentType("application/problem+json");
        }
        given().auth()
                .oauth2(TOKENS.admin("admin"))
                .get("/api/notices/week")
                .then()
                .statusCode(403);
    }
}
