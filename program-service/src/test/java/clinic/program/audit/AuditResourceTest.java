package clinic.program.audit;

import static clinic.program.testing.Fixtures.TOKENS;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;

import clinic.program.testing.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code GET /api/audit} (admin) and {@code GET /api/audit/me} (patient), as the issue 15 contract shapes them. */
@QuarkusTest
class AuditResourceTest {

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    private static JsonPath search(Object... params) {
        var request = given().auth().oauth2(TOKENS.admin("admin"));
        for (int i = 0; i < params.length; i += 2) {
            request = request.queryParam((String) params[i], params[i + 1]);
        }
        return request.get("/api/audit").then().statusCode(200).extract().jsonPath();
    }

    @Test
    void adminSearchesByPatientNewestFirstInUtcWithOutcomes() {
        Fixtures.Assigned a = Fixtures.assignPhase(1, "physio");
        Instant before = Instant.now().minusSeconds(1);
        given().auth().oauth2(TOKENS.physio("physio")).get("/api/programs/{id}", a.programId());
        given().auth().oauth2(TOKENS.physio("physio2")).get("/api/programs/{id}", a.programId());
        JsonPath page = search("patientId", a.patientId());
        assertThat(page.getInt("total")).isEqualTo(3);
        assertThat(page.getInt("page")).isZero();
        assertThat(page.getInt("size")).isEqualTo(50);
        assertThat(page.getList("items.action")).containsExactly("PROGRAM_READ", "PROGRAM_READ", "PROGRAM_ASSIGNED");
        assertThat(page.getList("items.user")).containsExactly("physio2", "physio", "physio");
        assertThat(page.getList("items.outcome")).containsExactly("REFUSED", "ALLOWED", "ALLOWED");
        assertThat(page.getString("items[0].reason")).isEqualTo("not in care team");
        assertThat(page.getList("items.service")).containsOnly("program-service");
        assertThat(page.getList("items.programId", Long.class)).containsOnly(a.programId());
        String at = page.getString("items[1].at");
        assertThat(at).endsWith("Z");
        // Stored in UTC: the instant is the moment of the request, whatever the server's zone.
        assertThat(Instant.parse(at)).isAfter(before).isBefore(Instant.now().plusSeconds(1));
    }

    @Test
    void filtersCombineAndPagesCountTheRest() {
        Fixtures.Assigned a = Fixtures.assignPhase(1, "physio");
        for (int i = 0; i < 3; i++) {
            given().auth().oauth2(TOKENS.physio("physio")).get("/api/programs/{id}/progress", a.programId());
        }
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        JsonPath page = search(
                "patientId",
                a.patientId(),
                "user",
                "physio",
                "action",
                "PROGRESS_READ",
                "from",
                today,
                "to",
                today,
                "size",
                2,
                "page",
                1);
        assertThat(page.getInt("total")).isEqualTo(3);
        assertThat(page.getList("items")).hasSize(1);
        assertThat(search("patientId", a.patientId(), "action", "PROGRESS_READ", "to", "2000-01-01")
                        .getInt("total"))
                .isZero();
        String now = Instant.now()
                .plus(1, ChronoUnit.MINUTES)
                .truncatedTo(ChronoUnit.SECONDS)
                .toString();
        assertThat(search("patientId", a.patientId(), "from", now).getInt("total"))
                .isZero();
        assertThat(search("patientId", a.patientId(), "user", "nobody").getInt("total"))
                .isZero();
    }

    @Test
    void badFiltersAre400Problems() {
        for (String[] bad : List.of(
                new String[] {"from", "2026-13-01"},
                new String[] {"from", "2026-02-30"},
                new String[] {"to", "+999999999-12-31"},
                new String[] {"to", "20261201"},
                new String[] {"from", "2026-12-01T10:00:00"},
                new String[] {"from", "1850-01-01"},
                new String[] {"patientId", "abc"},
                new String[] {"patientId", "-3"},
                new String[] {"page", "-1"},
                new String[] {"size", "0"},
                new String[] {"size", "501"},
                new String[] {"action", "program_read"},
                new String[] {"user", "phys\u0000io"})) {
            given().auth()
                    .oauth2(TOKENS.admin("admin"))
                    .queryParam(bad[0], bad[1])
                    .get("/api/audit")
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("violations[0].field", equalTo(bad[0]));
        }
        given().auth()
                .oauth2(TOKENS.admin("admin"))
                .queryParam("from", "2026-12-02")
                .queryParam("to", "2026-12-01")
                .get("/api/audit")
                .then()
                .statusCode(400);
    }

    @Test
    void reportListsThatShowPatientsRecordEachOfThemByRequest() {
        Fixtures.assignPhase(1, "physio");
        Fixtures.assignPhase(1, "physio");
        String requestId = "report-" + java.util.UUID.randomUUID();
        List<Long> shown = given().auth()
                .oauth2(TOKENS.admin("admin"))
                .header("X-Request-Id", requestId)
                .queryParam("size", 5)
                .get("/api/reports/adherence")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("items.patientId", Long.class);
        assertThat(shown).isNotEmpty();
        JsonPath rows = search("action", "REPORT_ADHERENCE_READ", "user", "admin", "size", 500);
        List<Long> recorded =
                rows.getList("items.findAll { it.requestId == '" + requestId + "' }.patientId", Long.class);
        assertThat(recorded)
                .containsExactlyInAnyOrderElementsOf(shown.stream().distinct().toList());
    }

    @Test
    void onlyAdminsSearch() {
        given().auth().oauth2(TOKENS.physio("physio")).get("/api/audit").then().statusCode(403);
        given().auth()
                .oauth2(TOKENS.patient("patient"))
                .get("/api/audit")
                .then()
                .statusCode(403);
        given().get("/api/audit").then().statusCode(401);
        given().auth()
                .oauth2(TOKENS.physio("physio"))
                .get("/api/audit/me")
                .then()
                .statusCode(403);
        given().auth().oauth2(TOKENS.admin("admin")).get("/api/audit/me").then().statusCode(403);
    }

    @Test
    void csvExportHasAHeaderTheSameRowsAndDefusesFormulas() {
        Fixtures.Assigned a = Fixtures.assignPhase(1, "physio");
        // A user name that a spreadsheet would run: refused, and recorded as such.
        given().auth()
                .oauth2(TOKENS.physio("=HYPERLINK(\"http://x\")"))
                .get("/api/programs/{id}", a.programId())
                .then()
                .statusCode(403);
        String csv = given().auth()
                .oauth2(TOKENS.admin("admin"))
                .accept("text/csv")
                .queryParam("patientId", a.patientId())
                .get("/api/audit")
                .then()
                .statusCode(200)
                .contentType(startsWith("text/csv"))
                .header("Content-Disposition", containsString("attachment"))
                .extract()
                .asString();
        String[] lines = csv.split("\r\n");
        assertThat(lines[0]).isEqualTo("id,service,at,user,role,action,patientId,programId,outcome,reason,requestId");
        assertThat(lines).hasSize(3);
        assertThat(lines[1]).contains(",program-service,").contains(",\"'=HYPERLINK(\"\"http://x\"\")\",");
        assertThat(lines[1]).contains(",REFUSED,not in care team,");
        assertThat(lines[2]).contains(",physio,physio,PROGRAM_ASSIGNED,");
    }

    @Test
    void aPatientSeesTheStaffAccessesToTheirOwnProgramsOnly() {
        Fixtures.Assigned mine = Fixtures.assignPhase(1, "physio");
        Fixtures.Assigned other = Fixtures.assignPhase(1, "physio");
        given().auth().oauth2(TOKENS.physio("physio")).get("/api/programs/{id}", mine.programId());
        given().auth().oauth2(TOKENS.physio("physio2")).get("/api/programs/{id}/progress", mine.programId());
        given().auth().oauth2(TOKENS.physio("physio")).get("/api/programs/{id}", other.programId());
        // The patient's own reads are not staff accesses.
        given().auth().oauth2(mine.patientToken()).get("/api/programs/{id}", mine.programId());
        given().auth()
                .oauth2(mine.patientToken())
                .get("/api/audit/me")
                .then()
                .statusCode(200)
                .body("$", hasSize(3))
                .body("user", org.hamcrest.Matchers.contains("physio2", "physio", "physio"))
                .body("action", org.hamcrest.Matchers.contains("PROGRESS_READ", "PROGRAM_READ", "PROGRAM_ASSIGNED"))
                .body("outcome", org.hamcrest.Matchers.contains("REFUSED", "ALLOWED", "ALLOWED"))
                .body("role", everyItem(equalTo("physio")))
                .body("at", everyItem(endsWith("Z")))
                .body("[0].reason", equalTo("not in care team"));
        given().auth()
                .oauth2(TOKENS.patient("nobody-" + mine.patientId()))
                .get("/api/audit/me")
                .then()
                .statusCode(200)
                .body("$", hasSize(0));
    }
}
