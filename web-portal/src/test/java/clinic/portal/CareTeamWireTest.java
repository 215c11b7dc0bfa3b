package clinic.portal;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import clinic.portal.StubServices.Answer;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Care teams, break-the-glass and the audit views over the wire: the real REST clients against stub services that
 * answer per user (the token {@link StubTokens} gives each {@code @TestSecurity} user) and per service.
 */
@QuarkusTest
@QuarkusTestResource(value = StubServices.class, restrictToAnnotatedClass = true)
class CareTeamWireTest {

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    static String patientJson(long id, String given, String family, String carePhysio, String team, long version) {
        return "{\"id\":" + id + ",\"clinicNumber\":\"C-" + id + "\",\"givenName\":\"" + given
                + "\",\"familyName\":\"" + family + "\",\"dateOfBirth\":\"1980-04-02\",\"status\":\"ACTIVE\","
                + "\"carePhysio\":\"" + carePhysio + "\",\"careTeam\":[" + team + "],\"account\":\"ACTIVE\","
                + "\"version\":" + version + "}";
    }

    static Answer notInCareTeam(long id, String carePhysio) {
        return Answer.problem(
                403,
                "{\"type\":\"https://clinic.example/problems/not-in-care-team\",\"title\":\"Not in care team\","
                        + "\"status\":403,\"detail\":\"You are not in this patient's care team.\",\"patientId\":"
                        + id + ",\"carePhysio\":\"" + carePhysio + "\",\"breakGlass\":\"/api/patients/" + id
                        + "/access\"}",
                Map.of());
    }

    static Answer access(long id, String carePhysio, String access, String expiresAt) {
        return Answer.json("{\"patientId\":" + id + ",\"carePhysio\":\"" + carePhysio + "\",\"careTeam\":[],"
                + "\"access\":\"" + access + "\",\"expiresAt\":"
                + (expiresAt == null ? "null" : "\"" + expiresAt + "\"")
                + "}");
    }

    @Test
    @TestSecurity(
            user = "physio2",
            roles = {"physio"},
            augmentors = StubTokens.class)
    void aPatientOutsideTheCareTeamShowsWhomToAskAndTheBreakGlassForm() {
        long id = Fixtures.nextId();
        StubServices.answerAs(
                "physio", "GET /api/patients/" + id, Answer.json(patientJson(id, "Sam", "Rivera", "physio", "", 1)));
        StubServices.answerAs("physio2", "GET /api/patients/" + id, notInCareTeam(id, "physio"));

        Response response =
                given().get("/patients/" + id).then().statusCode(403).extract().response();
        Document page = Pages.html(response);

        assertThat(page.select("#not-in-care-team").text()).isEqualTo("You are not in patient " + id + "'s care team");
        assertThat(page.select("#care-physio").text()).isEqualTo("physio");
        assertThat(page.select("#break-glass").attr("action")).isEqualTo("/patients/" + id + "/access");
        assertThat(page.select("#break-glass").attr("method")).isEqualTo("post");
        assertThat(page.select("label[for=reason]").text()).startsWith("Reason");
        assertThat(page.select("#break-glass textarea#reason[required]")).hasSize(1);
        assertThat(page.select("#break-glass input[name=csrf-token]").attr("value"))
                .isNotBlank();
        assertThat(response.asString()).doesNotContain("Sam").doesNotContain("Rivera");
    }

    @Test
    @TestSecurity(
            user = "physio",
            roles = {"physio"},
            augmentors = StubTokens.class)
    void theCarePhysioSeesTheRecordTheOthersAreRefused() {
        long id = Fixtures.nextId();
        StubServices.answerAs(
                "physio", "GET /api/patients/" + id, Answer.json(patientJson(id, "Sam", "Rivera", "physio", "", 1)));
        StubServices.answerAs("physio2", "GET /api/patients/" + id, notInCareTeam(id, "physio"));

        Document page = Pages.html(
                given().get("/patients/" + id).then().statusCode(200).extract().response());

        assertThat(page.select("#patient-name").text()).isEqualTo("Sam Rivera");
        assertThat(page.select("#break-glass")).isEmpty();
    }

    @Test
    @TestSecurity(
            user = "physio2",
            roles = {"physio"},
            augmentors = StubTokens.class)
    void programServiceRefusalsShowTheSameCareTeamPage() {
        long programId = Fixtures.nextId();
        long patientId = Fixtures.nextId();
        StubServices.answerFrom(
                StubServices.PROGRAM_SERVICE, "GET /api/programs/" + programId, notInCareTeam(patientId, "physio"));

        Document page = Pages.html(given().get("/programs/" + programId)
                .then()
                .statusCode(403)
                .extract()
                .response());

        assertThat(page.select("#not-in-care-team").text()).contains("patient " + patientId);
        assertThat(page.select("#break-glass").attr("action")).isEqualTo("/patients/" + patientId + "/access");
    }

    @Test
    @TestSecurity(
            user = "physio2",
            roles = {"physio"},
            augmentors = StubTokens.class)
    void screeningAndAssignOfAPatientOutsideTheTeamShowTheCareTeamPage() {
        long id = Fixtures.nextId();
        StubServices.answerAs("physio2", "GET /api/patients/" + id + "/access", notInCareTeam(id, "physio"));
        StubServices.answerAs("physio2", "GET /api/patients/" + id + "/clearance", notInCareTeam(id, "physio"));
        StubServices.answerAs("physio2", "GET /api/patients/" + id, notInCareTeam(id, "physio"));

        for (String path : java.util.List.of("/patients/" + id + "/screening", "/patients/" + id + "/assign")) {
            Document page = Pages.html(
                    given().get(path).then().statusCode(403).extract().response());
            assertThat(page.select("#not-in-care-team").text()).contains("patient " + id);
            assertThat(page.select("#care-physio").text()).isEqualTo("physio");
            assertThat(page.select("#break-glass")).hasSize(1);
        }
    }

    private static Pages.Csrf csrfFromRefusal(long id) {
        Response refusal =
                given().get("/patients/" + id).then().statusCode(403).extract().response();
        return new Pages.Csrf(
                refusal.getCookie("csrf-token"),
                Pages.html(refusal).select("input[name=csrf-token]").attr("value"));
    }

    @Test
    @TestSecurity(
            user = "physio2",
            roles = {"physio"},
            augmentors = StubTokens.class)
    void breakingTheGlassSendsTheReasonAndOpensTheRecordWithANotice() {
        long id = Fixtures.nextId();
        StubServices.answerAs("physio2", "GET /api/patients/" + id, notInCareTeam(id, "physio"));
        Pages.Csrf csrf = csrfFromRefusal(id);
        StubServices.answerAs(
                "physio2",
                "POST /api/patients/" + id + "/access",
                new Answer(
                        201,
                        "application/json",
                        "{\"id\":7,\"patientId\":" + id + ",\"grantedTo\":\"physio2\",\"reason\":\"Urgent call\","
                                + "\"grantedAt\":\"2026-12-01T10:00:00Z\",\"expiresAt\":\"2026-12-01T22:00:00Z\"}",
                        Map.of()));

        given().header("Origin", Pages.origin())
                .cookie("csrf-token", csrf.cookie())
                .formParam("csrf-token", csrf.token())
                .formParam("reason", "  Patient rang with new leg weakness, care physio away  ")
                .redirects()
                .follow(false)
                .post("/patients/" + id + "/access")
                .then()
                .statusCode(303)
                .header("Location", org.hamcrest.Matchers.endsWith("/patients/" + id + "?access=granted"));

        var sent = StubServices.received("POST /api/patients/" + id + "/access");
        assertThat(sent).hasSize(1);
        assertThat(sent.get(0).user()).isEqualTo("physio2");
        assertThat(sent.get(0).body())
                .isEqualTo("{\"reason\":\"Patient rang with new leg weakness, care physio away\"}");

        // Now patient-service lets physio2 in, until the grant expires.
        StubServices.answerAs(
                "physio2", "GET /api/patients/" + id, Answer.json(patientJson(id, "Sam", "Rivera", "physio", "", 1)));
        StubServices.answerAs(
                "physio2",
                "GET /api/patients/" + id + "/access",
                access(id, "physio", "BREAK_GLASS", "2026-12-01T22:00:00Z"));
        Document page = Pages.html(given().get("/patients/" + id + "?access=granted")
                .then()
                .statusCode(200)
                .extract()
                .response());
        assertThat(page.select("#emergency-access").text())
                .matches("Emergency access until 1 Dec 2026, \\d{2}:00, recorded in the audit\\.");
        assertThat(page.select("#care-team-form")).isEmpty();
        assertThat(page.select("#access-grants")).isEmpty();
    }

    @Test
    @TestSecurity(
            user = "physio2",
            roles = {"physio"},
            augmentors = StubTokens.class)
    void aShortReasonIsShownAtTheFieldAndNothingIsSent() {
        long id = Fixtures.nextId();
        StubServices.answerAs("physio2", "GET /api/patients/" + id, notInCareTeam(id, "physio"));
        StubServices.answerAs("physio2", "GET /api/patients/" + id + "/access", notInCareTeam(id, "physio"));
        Pages.Csrf csrf = csrfFromRefusal(id);

        Document page = Pages.html(given().header("Origin", Pages.origin())
                .cookie("csrf-token", csrf.cookie())
                .formParam("csrf-token", csrf.token())
                .formParam("reason", "urgent")
                .post("/patients/" + id + "/access")
                .then()
                .statusCode(400)
                .extract()
                .response());

        assertThat(page.select("#reason-error").text()).contains("at least 10 characters");
        assertThat(page.select("#reason").attr("aria-invalid")).isEqualTo("true");
        assertThat(page.select("#reason").text()).isEqualTo("urgent");
        assertThat(page.select("#care-physio").text()).isEqualTo("physio");
        assertThat(StubServices.received("POST /api/patients/" + id + "/access"))
                .isEmpty();
    }

    @Test
    @TestSecurity(
            user = "physio2",
            roles = {"physio"},
            augmentors = StubTokens.class)
    void breakingTheGlassWithoutTheCsrfTokenIsRefused() {
        long id = Fixtures.nextId();

        given().header("Origin", Pages.origin())
                .formParam("reason", "Patient rang with new leg weakness")
                .post("/patients/" + id + "/access")
                .then()
                .statusCode(403);

        assertThat(StubServices.received("POST /api/patients/" + id + "/access"))
                .isEmpty();
    }

    @Test
    @TestSecurity(
            user = "physio",
            roles = {"physio"},
            augmentors = StubTokens.class)
    void myPatientsByDefaultAndTheClinicWideSearchShowsOnlyNameNumberAndCarePhysio() {
        long mine = Fixtures.nextId();
        long other = Fixtures.nextId();
        StubServices.answerAs(
                "physio",
                "GET /api/patients?page=0&size=20",
                Answer.json("{\"items\":[" + patientJson(mine, "Mine", "Only", "physio", "", 1)
                        + "],\"page\":0,\"size\":20,\"total\":1}"));
        StubServices.answerAs(
                "physio",
                "GET /api/patients?scope=all&q=Oth&page=0&size=20",
                Answer.json("{\"items\":[{\"id\":" + other + ",\"clinicNumber\":\"C-" + other + "\","
                        + "\"givenName\":\"Other\",\"familyName\":\"Person\",\"carePhysio\":\"physio2\"}],"
                        + "\"page\":0,\"size\":20,\"total\":1}"));

        Document mineList = Pages.html(
                given().get("/patients").then().statusCode(200).extract().response());
        assertThat(mineList.select("h1").text()).isEqualTo("My patients");
        assertThat(mineList.select("#patient-list a").text()).isEqualTo("Mine Only");
        assertThat(mineList.select("#clinic-search input[name=scope]").attr("value"))
                .isEqualTo("all");
        assertThat(mineList.select("label[for=clinic-q]").text()).startsWith("Search the whole clinic");

        Document search = Pages.html(given().queryParam("scope", "all")
                .queryParam("q", "Oth")
                .get("/patients")
                .then()
                .statusCode(200)
                .extract()
                .response());
        assertThat(search.select("#clinic-list th").eachText()).containsExactly("Name", "Clinic no.", "Care physio");
        assertThat(search.select("#clinic-list td").eachText())
                .containsExactly("Other Person", "C-" + other, "physio2");
        assertThat(search.select("#clinic-list a").attr("href")).isEqualTo("/patients/" + other);
        assertThat(search.select("#patient-list")).isEmpty();
        assertThat(search.select("#clinic-q").attr("value")).isEqualTo("Oth");
    }

    @Test
    @TestSecurity(
            user = "physio",
            roles = {"physio"},
            augmentors = StubTokens.class)
    void theCarePhysioTransfersAndSharesWithTheVersionRead() {
        long id = Fixtures.nextId();
        StubServices.answerAs(
                "physio",
                "GET /api/patients/" + id,
                Answer.json(patientJson(id, "Sam", "Rivera", "physio", "\"physio3\",\"physio5\"", 4)));
        StubServices.answerAs(
                "physio", "GET /api/patients/" + id + "/access", access(id, "physio", "CARE_PHYSIO", null));
        StubServices.answerAs(
                "physio",
                "GET /api/patients/" + id + "/access-grants",
                Answer.json("[{\"id\":3,\"patientId\":" + id
                        + ",\"grantedTo\":\"physio9\",\"reason\":\"<i>Night call</i>\","
                        + "\"grantedAt\":\"2026-11-30T21:00:00Z\",\"expiresAt\":\"2026-12-01T09:00:00Z\"}]"));

        Response detail =
                given().get("/patients/" + id).then().statusCode(200).extract().response();
        Document page = Pages.html(detail);
        assertThat(page.select("#care-team-lead").text()).isEqualTo("physio");
        assertThat(page.select("#care-team-members").text()).isEqualTo("physio3, physio5");
        assertThat(page.select("#care-team-form input[name=version]").attr("value"))
                .isEqualTo("4");
        assertThat(page.select("#care-team-form #carePhysio").attr("value")).isEqualTo("physio");
        assertThat(page.select("#care-team-form input[name=keep][checked]").eachAttr("value"))
                .containsExactly("physio3", "physio5");
        assertThat(page.select("#care-team-form label[for=add]")).hasSize(1);
        assertThat(page.select("#grants td").eachText()).contains("physio9", "<i>Night call</i>");
        assertThat(page.select("#grants i")).isEmpty();

        StubServices.answerAs(
                "physio",
                "PUT /api/patients/" + id + "/care-team",
                Answer.json(patientJson(id, "Sam", "Rivera", "physio2", "\"physio3\",\"physio\"", 5)));
        String token = page.select("#care-team-form input[name=csrf-token]").attr("value");
        given().header("Origin", Pages.origin())
                .cookie("csrf-token", detail.getCookie("csrf-token"))
                .formParam("csrf-token", token)
                .formParam("version", "4")
                .formParam("carePhysio", "physio2")
                .formParam("keep", "physio3")
                .formParam("add", "physio, physio2")
                .redirects()
                .follow(false)
                .post("/patients/" + id + "/care-team")
                .then()
                .statusCode(303)
                .header("Location", org.hamcrest.Matchers.endsWith("/patients/" + id + "?careTeam=saved"));

        var sent = StubServices.received("PUT /api/patients/" + id + "/care-team");
        assertThat(sent).hasSize(1);
        assertThat(sent.get(0).body())
                .isEqualTo("{\"carePhysio\":\"physio2\",\"careTeam\":[\"physio3\",\"physio\"],\"version\":4}");
    }

    @Test
    @TestSecurity(
            user = "physio",
            roles = {"physio"},
            augmentors = StubTokens.class)
    void careTeamRefusalsAreShownAtTheFieldsAndAsAConflict() {
        long id = Fixtures.nextId();
        StubServices.answerAs(
                "physio", "GET /api/patients/" + id, Answer.json(patientJson(id, "Sam", "Rivera", "physio", "", 4)));
        StubServices.answerAs(
                "physio", "GET /api/patients/" + id + "/access", access(id, "physio", "CARE_PHYSIO", null));
        Response detail =
                given().get("/patients/" + id).then().statusCode(200).extract().response();
        String cookie = detail.getCookie("csrf-token");
        String token = Pages.html(detail)
                .select("#care-team-form input[name=csrf-token]")
                .attr("value");

        StubServices.answerAs(
                "physio",
                "PUT /api/patients/" + id + "/care-team",
                Answer.problem(
                        400,
                        "{\"type\":\"about:blank\",\"title\":\"Invalid\",\"status\":400,\"violations\":[{\"field\":"
                                + "\"careTeam[0]\",\"message\":\"nobody9 is not a physio of the clinic\"}]}",
                        Map.of()));
        Document invalid = Pages.html(given().header("Origin", Pages.origin())
                .cookie("csrf-token", cookie)
                .formParam("csrf-token", token)
                .formParam("version", "4")
                .formParam("carePhysio", "physio")
                .formParam("add", "nobody9")
                .post("/patients/" + id + "/care-team")
                .then()
                .statusCode(400)
                .extract()
                .response());
        assertThat(invalid.select("#careTeam-error").text()).isEqualTo("nobody9 is not a physio of the clinic");
        assertThat(invalid.select("#add").attr("value")).isEqualTo("nobody9");

        StubServices.answerAs(
                "physio",
                "PUT /api/patients/" + id + "/care-team",
                Answer.problem(
                        409,
                        "{\"type\":\"about:blank\",\"title\":\"Conflict\",\"status\":409,\"detail\":\"Stale version\"}",
                        Map.of()));
        Document conflict = Pages.html(given().header("Origin", Pages.origin())
                .cookie("csrf-token", cookie)
                .formParam("csrf-token", token)
                .formParam("version", "3")
                .formParam("carePhysio", "physio2")
                .post("/patients/" + id + "/care-team")
                .then()
                .statusCode(409)
                .extract()
                .response());
        assertThat(conflict.select("#care-team .notice").text()).contains("changed by someone else");
    }

    static String auditItem(long id, String service, String at, String user, String action, String reason) {
        return "{\"id\":" + id + ",\"service\":\"" + service + "\",\"at\":\"" + at + "\",\"user\":\"" + user
                + "\",\"role\":\"physio\",\"action\":\"" + action + "\",\"patientId\":42,\"programId\":null,"
                + "\"outcome\":\"ALLOWED\",\"reason\":" + (reason == null ? "null" : "\"" + reason + "\"")
                + ",\"requestId\":\"r" + id + "\"}";
    }

    @Test
    @TestSecurity(
            user = "admin",
            roles = {"admin"},
            augmentors = StubTokens.class)
    void theAuditPageMergesBothServicesByTimeAndExportsOneCsv() {
        String query = "patientId=42&user=physio2&page=0&size=50";
        StubServices.answerFrom(
                StubServices.PATIENT_SERVICE,
                "GET /api/audit?" + query,
                Answer.json("{\"items\":["
                        + auditItem(
                                2,
                                "patient-service",
                                "2026-11-30T10:00:00Z",
                                "physio2",
                                "BREAK_GLASS",
                                "=HYPERLINK(\\\"x\\\"), urgent")
                        + "," + auditItem(1, "patient-service", "2026-11-30T08:00:00Z", "physio2", "PATIENT_READ", null)
                        + "],\"page\":0,\"size\":50,\"total\":2}"));
        StubServices.answerFrom(
                StubServices.PROGRAM_SERVICE,
                "GET /api/audit?" + query,
                Answer.json("{\"items\":["
                        + auditItem(8, "program-service", "2026-11-30T11:00:00Z", "physio2", "PROGRAM_READ", null)
                        + ","
                        + auditItem(7, "program-service", "2026-11-30T09:00:00Z", "physio2", "PROGRESS_READ", null)
                        + "],\"page\":0,\"size\":50,\"total\":2}"));

        Document page = Pages.html(given().queryParam("patientId", "42")
                .queryParam("user", "physio2")
                .get("/admin/audit")
                .then()
                .statusCode(200)
                .extract()
                .response());
        assertThat(page.select("#audit-entries tbody tr td:nth-child(5)").eachText())
                .containsExactly("PROGRAM_READ", "BREAK_GLASS", "PROGRESS_READ", "PATIENT_READ");
        assertThat(page.select(".notice.degraded")).isEmpty();

        String csvQuery = "patientId=42&user=physio2&page=0&size=500";
        StubServices.answerFrom(
                StubServices.PATIENT_SERVICE,
                "GET /api/audit?" + csvQuery,
                Answer.json("{\"items\":["
                        + auditItem(
                                2,
                                "patient-service",
                                "2026-11-30T10:00:00Z",
                                "physio2",
                                "BREAK_GLASS",
                                "=HYPERLINK(\\\"x\\\"), urgent")
                        + "],\"page\":0,\"size\":500,\"total\":1}"));
        StubServices.answerFrom(
                StubServices.PROGRAM_SERVICE,
                "GET /api/audit?" + csvQuery,
                Answer.json("{\"items\":["
                        + auditItem(8, "program-service", "2026-11-30T11:00:00Z", "physio2", "PROGRAM_READ", null)
                        + "],\"page\":0,\"size\":500,\"total\":1}"));
        Response csv = given().queryParam("patientId", "42")
                .queryParam("user", "physio2")
                .get("/admin/audit.csv")
                .then()
                .statusCode(200)
                .contentType(org.hamcrest.Matchers.startsWith("text/csv"))
                .header("Content-Disposition", "attachment; filename=\"audit.csv\"")
                .extract()
                .response();
        assertThat(csv.asString().split("\r\n"))
                .containsExactly(
                        "at,service,user,role,action,patientId,programId,outcome,reason,requestId",
                        "2026-11-30T11:00:00Z,program-service,physio2,physio,PROGRAM_READ,42,,ALLOWED,,r8",
                        "2026-11-30T10:00:00Z,patient-service,physio2,physio,BREAK_GLASS,42,,ALLOWED,"
                                + "\"'=HYPERLINK(\"\"x\"\"), urgent\",r2");
    }

    @Test
    @TestSecurity(
            user = "admin",
            roles = {"admin"},
            augmentors = StubTokens.class)
    void theAuditPageShowsOneServiceWhenTheOtherIsDownAndRefusesAHalfExport() {
        String query = "action=SESSIONS_READ&page=0&size=50";
        StubServices.answerFrom(
                StubServices.PATIENT_SERVICE,
                "GET /api/audit?" + query,
                Answer.problem(
                        503,
                        "{\"type\":\"about:blank\",\"title\":\"Down\",\"status\":503}",
                        Map.of("Retry-After", "30")));
        StubServices.answerFrom(
                StubServices.PROGRAM_SERVICE,
                "GET /api/audit?" + query,
                Answer.json("{\"items\":["
                        + auditItem(5, "program-service", "2026-11-30T11:00:00Z", "physio", "SESSIONS_READ", null)
                        + "],\"page\":0,\"size\":50,\"total\":1}"));

        Document page = Pages.html(given().queryParam("action", "SESSIONS_READ")
                .get("/admin/audit")
                .then()
                .statusCode(200)
                .extract()
                .response());
        assertThat(page.select("#audit .notice.degraded").text()).contains("patient service is busy or down");
        assertThat(page.select("#audit-entries td").eachText()).contains("SESSIONS_READ", "program-service");

        StubServices.answerFrom(
                StubServices.PATIENT_SERVICE,
                "GET /api/audit?action=SESSIONS_READ&page=0&size=500",
                Answer.problem(503, "{\"type\":\"about:blank\",\"title\":\"Down\",\"status\":503}", Map.of()));
        StubServices.answerFrom(
                StubServices.PROGRAM_SERVICE,
                "GET /api/audit?action=SESSIONS_READ&page=0&size=500",
                Answer.json("{\"items\":[],\"page\":0,\"size\":500,\"total\":0}"));
        Document refused = Pages.html(given().queryParam("action", "SESSIONS_READ")
                .get("/admin/audit.csv")
                .then()
                .statusCode(503)
                .extract()
                .response());
        assertThat(refused.select("#csv-notice").text()).contains("needs both services");
    }

    @Test
    @TestSecurity(
            user = "admin",
            roles = {"admin"},
            augmentors = StubTokens.class)
    void adminsSeeTheBreakGlassGrants() {
        StubServices.answerAs(
                "admin",
                "GET /api/access-grants",
                Answer.json("[{\"id\":3,\"patientId\":42,\"grantedTo\":\"physio2\",\"reason\":\"Night call\","
                        + "\"grantedAt\":\"2026-11-30T21:00:00Z\",\"expiresAt\":\"2026-12-01T09:00:00Z\"}]"));

        Document page = Pages.html(given().get("/admin/access-grants")
                .then()
                .statusCode(200)
                .extract()
                .response());

        assertThat(page.select("#grants td").eachText()).contains("physio2", "Night call", "Expired");
        assertThat(page.select("#grants a").first().attr("href")).isEqualTo("/patients/42");
        assertThat(page.select("nav a").eachAttr("href")).contains("/admin/access-grants");
    }

    @Test
    @TestSecurity(
            user = "patient",
            roles = {"patient"},
            augmentors = StubTokens.class)
    void aPatientSeesWhoAccessedTheirRecordFromBothServices() {
        StubServices.answerFrom(
                StubServices.PATIENT_SERVICE,
                "GET /api/audit/me",
                Answer.json("[{\"at\":\"2026-11-30T10:00:00Z\",\"user\":\"physio2\",\"role\":\"physio\","
                        + "\"action\":\"BREAK_GLASS\",\"outcome\":\"ALLOWED\",\"reason\":\"<b>Night</b> call\"},"
                        + "{\"at\":\"2026-11-30T08:00:00Z\",\"user\":\"physio\",\"role\":\"physio\","
                        + "\"action\":\"PATIENT_READ\",\"outcome\":\"ALLOWED\",\"reason\":null}]"));
        StubServices.answerFrom(
                StubServices.PROGRAM_SERVICE,
                "GET /api/audit/me",
                Answer.json("[{\"at\":\"2026-11-30T09:00:00Z\",\"user\":\"admin\",\"role\":\"admin\","
                        + "\"action\":\"PROGRAM_READ\",\"outcome\":\"ALLOWED\",\"reason\":null}]"));

        Document page = Pages.html(
                given().get("/me/access").then().statusCode(200).extract().response());

        assertThat(page.select("#access-log tbody tr td:nth-child(2)").eachText())
                .containsExactly("Physiotherapist physio2", "Clinic admin admin", "Physiotherapist physio");
        assertThat(page.select("#access-log tbody tr td:nth-child(3)").eachText())
                .containsExactly(
                        "opened your record in an emergency (outside your care team)",
                        "viewed your program",
                        "viewed your record");
        assertThat(page.select("#access-log td").eachText()).contains("<b>Night</b> call");
        assertThat(page.select("#access-log b")).isEmpty();
        assertThat(page.select("nav a").eachAttr("href")).contains("/me/access");
    }
}
