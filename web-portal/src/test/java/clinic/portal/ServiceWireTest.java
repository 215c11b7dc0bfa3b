package clinic.portal;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import clinic.portal.StubServices.Answer;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.RestAssured;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The real REST clients against a stub server: the services' JSON and problem+json as they come over HTTP. */
@QuarkusTest
@QuarkusTestResource(value = StubServices.class, restrictToAnnotatedClass = true)
class ServiceWireTest {

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    private static String patientJson(long id, String given, String family) {
        // The shape patient-service sends, including fields the portal does not use.
        return "{\"id\":" + id + ",\"clinicNumber\":\"C-" + id + "\",\"givenName\":\"" + given
                + "\",\"familyName\":\"" + family + "\",\"dateOfBirth\":\"1980-04-02\",\"sex\":\"FEMALE\","
                + "\"email\":null,\"phone\":null,\"condition\":\"Sciatica\",\"referralSource\":null,"
                + "\"consentDate\":\"2026-11-01\",\"status\":\"ACTIVE\",\"carePhysio\":\"physio\","
                + "\"account\":\"ACTIVE\",\"accountUsername\":\"patient\",\"createdAt\":\"2026-11-01T10:00:00Z\","
                + "\"updatedAt\":\"2026-11-01T10:00:00Z\",\"version\":2}";
    }

    @Test
    @TestSecurity(
            user = "physio",
            roles = {"physio"})
    void patientPageFromPatientServiceJsonIsRendered() {
        long id = Fixtures.nextId();
        StubServices.answer(
                "GET /api/patients?q=Wire" + id + "&page=0&size=20",
                Answer.json("{\"items\":[" + patientJson(id, "Wire", "Tester") + "],\"page\":0,\"size\":20,"
                        + "\"total\":1}"));

        Document page = Pages.html(given().queryParam("q", "Wire" + id)
                .get("/patients")
                .then()
                .statusCode(200)
                .extract()
                .response());

        assertThat(page.select("#patient-list a").text()).isEqualTo("Wire Tester");
    }

    @Test
    @TestSecurity(
            user = "physio",
            roles = {"physio"})
    void cautionRefusalIsReadFromTheProblemDocument() {
        long id = Fixtures.nextId();
        StubServices.answer("GET /api/patients/" + id, Answer.json(patientJson(id, "Sam", "Rivera")));
        StubServices.answer(
                "GET /api/patients/" + id + "/clearance",
                Answer.json("{\"patientId\":" + id + ",\"cleared\":true,\"reason\":\"Clear\",\"screeningId\":5,"
                        + "\"validUntil\":\"2027-02-24\",\"patientAccount\":\"patient\",\"carePhysio\":\"physio\"}"));
        StubServices.answer(
                "GET /api/protocols/sciatica-phased",
                Answer.json("{\"code\":\"sciatica-phased\",\"name\":\"Sciatica\",\"description\":null,\"phases\":["
                        + "{\"number\":1,\"name\":\"Gentle movement\",\"goal\":\"Calm\",\"entryCriteria\":\"Acute\","
                        + "\"exercises\":[{\"position\":1,\"exercise\":\"pelvic-tilt\",\"name\":\"Pelvic tilts\","
                        + "\"sets\":2,\"reps\":10,\"holdSeconds\":null,\"minutes\":null,\"timesPerDay\":3,"
                        + "\"perSide\":false}]}]}"));
        StubServices.answer(
                "POST /api/programs",
                Answer.problem(
                        422,
                        "{\"type\":\"about:blank\",\"title\":\"Caution exercise\",\"status\":422,"
                                + "\"detail\":\"Acknowledge the caution exercises.\",\"cautions\":[{\"exercise\":"
                                + "\"double-leg-lift\",\"reason\":\"High load on the lower back\","
                                + "\"alternatives\":[\"dead-bug\"]}]}",
                        Map.of()));
        Pages.Csrf csrf = Pages.csrf("/patients/" + id + "/assign?protocol=sciatica-phased&phase=1");

        Document page = Pages.html(given().header("Origin", Pages.origin())
                .formParam("csrf-token", csrf.token())
                .formParam("protocol", "sciatica-phased")
                .formParam("phase", "1")
                .formParam("exercise", "pelvic-tilt")
                .formParam("include", "pelvic-tilt")
                .post("/patients/" + id + "/assign")
                .then()
                .statusCode(200)
                .extract()
                .response());

        assertThat(page.select("#cautions").text())
                .contains("Acknowledge the caution exercises.")
                .contains("High load on the lower back")
                .contains("dead-bug");
        assertThat(page.select("#ack-double-leg-lift")).isNotEmpty();
    }

    @Test
    @TestSecurity(
            user = "physio",
            roles = {"physio"})
    void serviceUnavailableWithRetryAfterSaysWhenToTryAgain() {
        StubServices.answer(
                "GET /api/alerts?status=ACKNOWLEDGED",
                Answer.problem(
                        503,
                        "{\"type\":\"about:blank\",\"title\":\"Service Unavailable\",\"status\":503,"
                                + "\"detail\":\"Database down\"}",
                        Map.of("Retry-After", "17")));

        Document page = Pages.html(given().queryParam("status", "ACKNOWLEDGED")
                .get("/alerts")
                .then()
                .statusCode(200)
                .extract()
                .response());

        assertThat(page.select("#alerts .notice.degraded").text())
                .contains("program service is busy or down")
                .contains("Try again in 17 seconds");
    }

    @Test
    @TestSecurity(
            user = "physio",
            roles = {"physio"})
    void programProgressFromProgramServiceJsonIsRendered() {
        long id = Fixtures.nextId();
        long patientId = Fixtures.nextId();
        StubServices.answer("GET /api/patients/" + patientId, Answer.json(patientJson(patientId, "Alex", "Morgan")));
        StubServices.answer(
                "GET /api/programs/" + id,
                Answer.json("{\"id\":" + id + ",\"patientId\":" + patientId + ",\"patientAccount\":\"patient2\","
                        + "\"carePhysio\":\"physio\",\"protocol\":\"sciatica-phased\",\"phase\":1,"
                        + "\"status\":\"ACTIVE\",\"startedOn\":\"2026-11-01\",\"phaseSince\":\"2026-11-01\","
                        + "\"revision\":1,\"version\":3,\"exercises\":[{\"position\":1,\"exercise\":\"pelvic-tilt\","
                        + "\"name\":\"Pelvic tilts\",\"sets\":2,\"reps\":10,\"holdSeconds\":null,\"minutes\":null,"
                        + "\"timesPerDay\":3,\"perSide\":false,\"markedForReview\":true,"
                        + "\"cautionAcknowledgement\":null}],\"revisions\":[{\"number\":1,\"phase\":1,"
                        + "\"protocol\":\"sciatica-phased\",\"changedBy\":\"physio\","
                        + "\"changedAt\":\"2026-11-01T09:00:00\",\"reason\":\"Acute flare\"}]}"));
        StubServices.answer(
                "GET /api/programs/" + id + "/progress",
                Answer.json("{\"programId\":" + id + ",\"phase\":1,\"startedOn\":\"2026-11-01\","
                        + "\"asOf\":\"2026-11-26\",\"adherence\":{\"prescribedPerWeek\":7,\"logged\":5,"
                        + "\"prescribed\":7,\"percent\":71,\"weeks\":[{\"weekStart\":\"2026-11-01\",\"logged\":5,"
                        + "\"prescribed\":7,\"percent\":71}]},\"pain\":{\"baseline\":6.0,\"last7DaysMean\":3.5,"
                        + "\"change\":-2.5,\"changePercent\":-41.7,\"clinicallyImportantImprovement\":true,"
                        + "\"nervePainFlagsLast7Days\":0},\"phaseHistory\":[],\"suggestion\":{\"action\":\"ADVANCE\","
                        + "\"rule\":\"Mean pain of the last 7 days is 4 or less with no nerve-pain flag\"}}"));
        StubServices.answer(
                "GET /api/programs/" + id + "/sessions",
                Answer.json("[{\"id\":1,\"programId\":" + id + ",\"date\":\"2026-11-02\",\"painBefore\":6,"
                        + "\"painAfter\":5,\"painLastedHoursAfter\":false,\"redFlagSymptoms\":[],\"notes\":null,"
                        + "\"exercises\":[{\"exercise\":\"pelvic-tilt\",\"completed\":true,\"sets\":2,\"reps\":10,"
                        + "\"side\":null,\"nervePain\":false}],\"loggedAt\":\"2026-11-02T18:00:00\"}]"));

        Document page = Pages.html(
                given().get("/programs/" + id).then().statusCode(200).extract().response());

        assertThat(page.select("#suggestion").text())
                .contains("Move up a phase")
                .contains("(phase 2)");
        assertThat(page.select("#progress-facts").text()).contains("71").contains("clinically important");
        assertThat(page.select("#pain-chart").attr("data-points")).contains("2026-11-02");
        assertThat(page.select(".exercise-list").text()).contains("marked for review");
        assertThat(page.select("#revisions").text()).contains("Acute flare");
    }

    @Test
    @TestSecurity(
            user = "admin",
            roles = {"admin"})
    void reportCsvComesOverTheWireWithTheServicesFileName() {
        String physio = "wire" + Fixtures.nextId();
        String csv = "physio,patients\r\n" + physio + ",3\r\n";
        StubServices.answer(
                "GET /api/reports/caseload?from=2026-10-01&physio=" + physio,
                new Answer(
                        200,
                        "text/csv; charset=UTF-8",
                        csv,
                        Map.of("Content-Disposition", "attachment; filename=\"caseload_2026-10-01_2026-11-26.csv\"")));

        String body = given().queryParam("from", "2026-10-01")
                .queryParam("physio", physio)
                .get("/admin/reports/caseload.csv")
                .then()
                .statusCode(200)
                .header("Content-Type", org.hamcrest.Matchers.startsWith("text/csv"))
                .header("Content-Disposition", "attachment; filename=\"caseload_2026-10-01_2026-11-26.csv\"")
                .extract()
                .asString();

        assertThat(body).isEqualTo(csv);
    }

    @Test
    @TestSecurity(
            user = "admin",
            roles = {"admin"})
    void busyServiceOnACsvDownloadGivesTheReportsPageWithRetryAfter() {
        String physio = "busy" + Fixtures.nextId();
        StubServices.answer(
                "GET /api/reports/referrals?physio=" + physio,
                Answer.problem(
                        503,
                        "{\"type\":\"about:blank\",\"title\":\"Busy\",\"status\":503}",
                        Map.of("Retry-After", "30")));

        Document page = Pages.html(given().queryParam("physio", physio)
                .get("/admin/reports/referrals.csv")
                .then()
                .statusCode(503)
                .extract()
                .response());

        assertThat(page.select("#csv-notice").text()).contains("Try again in 30 seconds");
        assertThat(page.select("#report-filter #physio").attr("value")).isEqualTo(physio);
    }

    @Test
    @TestSecurity(
            user = "patient",
            roles = {"patient"})
    void pausedRoutineFromProgramServiceJsonShowsTheAdviceOnly() {
        // GET /api/programs/me/today of a program on hold, as the agreed API sends it.
        StubServices.answer(
                "GET /api/programs/me/today",
                Answer.json("{\"programId\":41,\"date\":\"2026-11-26\",\"phase\":1,\"phaseName\":\"Gentle\","
                        + "\"goal\":null,\"status\":\"ON_HOLD\",\"exercises\":[],\"painRules\":[],"
                        + "\"advice\":{\"urgency\":\"EMERGENCY_NOW\",\"headline\":\"Get emergency medical help now\","
                        + "\"text\":\"Stop exercising. Call the emergency number.\",\"symptoms\":[\"You cannot"
                        + " control your bladder or bowels, or cannot pass urine\"]},"
                        + "\"message\":\"Your exercise program is paused. Follow the advice below.\"}"));

        Document page = Pages.html(
                given().get("/me/today").then().statusCode(200).extract().response());

        assertThat(page.select("#paused-title").text()).isEqualTo("Your program is paused");
        assertThat(page.select("#hold-advice").hasClass("same-day")).isFalse();
        assertThat(page.select("#hold-advice h2").text()).isEqualTo("Get emergency medical help now");
        assertThat(page.select("#hold-advice .advice-symptoms").text()).contains("cannot pass urine");
        assertThat(page.select("#routine")).isEmpty();
    }

    @Test
    @TestSecurity(
            user = "physio",
            roles = {"physio"})
    void programHoldAndARefusedResumeComeOverTheWire() {
        long id = Fixtures.nextId();
        long patientId = Fixtures.nextId();
        StubServices.answer("GET /api/patients/" + patientId, Answer.json(patientJson(patientId, "Alex", "Morgan")));
        StubServices.answer(
                "GET /api/programs/" + id,
                Answer.json("{\"id\":" + id + ",\"patientId\":" + patientId + ",\"protocol\":\"sciatica-phased\","
                        + "\"phase\":2,\"status\":\"ON_HOLD\",\"startedOn\":\"2026-11-01\",\"version\":5,"
                        + "\"exercises\":[],\"revisions\":[{\"number\":2,\"phase\":2,\"changedBy\":\"system\","
                        + "\"changedAt\":\"2026-11-26T09:05:00\",\"reason\":\"On hold: red flag in a session log\"}],"
                        + "\"hold\":{\"since\":\"2026-11-26T09:05:00\",\"source\":\"SESSION_LOG\","
                        + "\"redFlags\":[\"PROGRESSIVE_WEAKNESS\"],\"reason\":\"Red flag reported in the session"
                        + " log of 2026-11-26\"}}"));
        StubServices.answer(
                "GET /api/programs/" + id + "/progress",
                Answer.json("{\"programId\":" + id + ",\"phase\":2,\"suggestion\":{\"action\":\"NOT_ENOUGH_DATA\","
                        + "\"rule\":\"Not enough data to judge improvement.\",\"ruleCode\":\"NOT_ENOUGH_DATA\"}}"));
        StubServices.answer("GET /api/programs/" + id + "/sessions", Answer.json("[]"));
        StubServices.answer(
                "POST /api/programs/" + id + "/resume",
                Answer.problem(
                        422,
                        "{\"type\":\"about:blank\",\"title\":\"Not cleared\",\"status\":422,"
                                + "\"detail\":\"Screen the patient again: no screening after the hold.\"}",
                        Map.of()));
        Pages.Csrf csrf = Pages.csrf("/programs/" + id);

        Document page = Pages.html(given().header("Origin", Pages.origin())
                .formParam("csrf-token", csrf.token())
                .formParam("reason", "Weakness resolved")
                .post("/programs/" + id + "/resume")
                .then()
                .statusCode(200)
                .extract()
                .response());

        assertThat(page.select("#hold-title").text()).isEqualTo("On hold since 26 Nov 2026, 09:05 (session log)");
        assertThat(page.select("#hold-flags").text()).contains("rapidly progressive lower-limb weakness");
        assertThat(page.select("#resume-notice").text()).contains("Screen the patient again: no screening after");
        assertThat(page.select("#suggestion").text()).contains("Not enough data to judge");
        assertThat(page.select("#revisions").text()).contains("On hold: red flag in a session log");
    }

    @Test
    @TestSecurity(
            user = "physio",
            roles = {"physio"})
    void phaseRefusalIsReadFromTheProblemDocument() {
        long id = Fixtures.nextId();
        StubServices.answer("GET /api/patients/" + id, Answer.json(patientJson(id, "Sam", "Rivera")));
        StubServices.answer(
                "GET /api/protocols/sciatica-phased",
                Answer.json("{\"code\":\"sciatica-phased\",\"phases\":[{\"number\":1,\"name\":\"Gentle\","
                        + "\"exercises\":[]}]}"));
        StubServices.answer(
                "POST /api/programs",
                Answer.problem(
                        422,
                        "{\"type\":\"about:blank\",\"title\":\"Acknowledge\",\"status\":422,"
                                + "\"detail\":\"Acknowledge the exercises.\",\"cautions\":[{\"exercise\":"
                                + "\"bird-dog\",\"kind\":\"PHASE\",\"reason\":\"Meant for phases 2, 3, not phase 1.\","
                                + "\"alternatives\":[],\"phases\":[2,3]}]}",
                        Map.of()));
        Pages.Csrf csrf = Pages.csrf("/patients/" + id + "/assign?protocol=sciatica-phased&phase=1");

        Document page = Pages.html(given().header("Origin", Pages.origin())
                .formParam("csrf-token", csrf.token())
                .formParam("protocol", "sciatica-phased")
                .formParam("phase", "1")
                .formParam("extra", "bird-dog")
                .post("/patients/" + id + "/assign")
                .then()
                .statusCode(200)
                .extract()
                .response());

        assertThat(page.select("#caution-bird-dog").attr("data-kind")).isEqualTo("PHASE");
        assertThat(page.select("#caution-bird-dog .meant-for").text()).isEqualTo("Meant for phases 2, 3, not phase 1.");
    }
}
