package clinic.patient.audit;

import static clinic.patient.testing.Fixtures.TOKENS;
import static clinic.patient.testing.Fixtures.clearScreening;
import static clinic.patient.testing.Fixtures.newPatient;
import static clinic.patient.testing.Fixtures.screen;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import clinic.patient.testing.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AuditResourceTest {

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void registrationReadAndScreeningAreAuditedNewestFirstWithWhoRoleAndRequestId() {
        String requestId = Fixtures.unique("req-create-");
        long id = given().auth()
                .oauth2(TOKENS.physio("physio"))
                .header("X-Request-Id", requestId)
                .contentType(ContentType.JSON)
                .body(newPatient())
                .post("/api/patients")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getLong("id");
        given().auth()
                .oauth2(TOKENS.admin("admin"))
                .get("/api/patients/{id}", id)
                .then()
                .statusCode(200);
        screen(id, clearScreening()).then().statusCode(201);

        JsonPath events = audit(Map.of("patientId", id));
        assertThat(events.getList("items.action"))
                .containsExactly("SCREENING_CREATED", "PATIENT_READ", "PATIENT_CREATED");
        assertThat(events.getList("items.user")).containsExactly("physio", "admin", "physio");
        assertThat(events.getList("items.service")).containsOnly("patient-service");
        assertThat(events.getList("items.outcome")).containsOnly("ALLOWED");
        assertThat(events.getList("items.role")).containsExactly("physio", "admin", "physio");
        assertThat(events.getString("items[2].requestId")).isEqualTo(requestId);
        assertThat(events.getList("items.patientId", Long.class)).containsOnly(id);
    }

    @Test
    void aReadOrListWhoseAuditRowsCannotBeWrittenFailsAndShowsNoPatient() {
        long id = Fixtures.registerPatient();
        // The audit row's actor column holds 100 characters: this admin's row cannot be written.
        String unauditable = "a".repeat(150);
        String body = given().auth()
                .oauth2(TOKENS.admin(unauditable))
                .get("/api/patients/{id}", id)
                .then()
                .statusCode(500)
                .extract()
                .asString();
        assertThat(body).doesNotContain("clinicNumber").doesNotContain("dateOfBirth");
        String list = given().auth()
                .oauth2(TOKENS.admin(unauditable))
                .get("/api/patients")
                .then()
                .statusCode(500)
                .extract()
                .asString();
        assertThat(list).doesNotContain("clinicNumber").doesNotContain("dateOfBirth");
        assertThat(audit(Map.of("patientId", id, "action", "PATIENT_READ")).getList("items"))
                .isEmpty();
        assertThat(audit(Map.of("patientId", id, "action", "PATIENT_LISTED")).getList("items"))
                .isEmpty();
        given().auth()
                .oauth2(TOKENS.admin("admin"))
                .get("/api/patients/{id}", id)
                .then()
                .statusCode(200);
        assertThat(audit(Map.of("patientId", id, "action", "PATIENT_READ")).getList("items.user"))
                .containsExactly("admin");
    }

    @Test
    void staffReadsOfScreeningsAndClearanceAreAudited() {
        long id = Fixtures.registerPatient();
        given().auth()
                .oauth2(TOKENS.physio("physio"))
                .get("/api/patients/{id}/screenings", id)
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(TOKENS.physio("physio"))
                .get("/api/patients/{id}/clearance", id)
                .then()
                .statusCode(200);
        assertThat(audit(Map.of("patientId", id)).getList("items.action"))
                .containsExactly("CLEARANCE_READ", "SCREENINGS_READ", "PATIENT_CREATED");
    }

    @Test
    void aListIsAuditedWithOneRowPerPatientShown() {
        String physio = Fixtures.unique("physio-audit-");
        long a = Fixtures.registerPatientAs(physio, newPatient());
        long b = Fixtures.registerPatientAs(physio, newPatient());
        Fixtures.registerPatient(); // physio's, not shown to this physio
        String requestId = Fixtures.unique("req-list-");
        given().auth()
                .oauth2(TOKENS.physio(physio))
                .header("X-Request-Id", requestId)
                .get("/api/patients")
                .then()
                .statusCode(200)
                .body("items.id", equalTo(List.of((int) b, (int) a)));
        List<Map<String, Object>> events = audit(Map.of("user", physio, "action", "PATIENT_LISTED", "size", 500))
                .getList("items");
        assertThat(events)
                .filteredOn(e -> requestId.equals(e.get("requestId")))
                .extracting(e -> ((Number) e.get("patientId")).longValue())
                .containsExactlyInAnyOrder(a, b);

        // A list that shows nobody discloses nobody: no row.
        String empty = Fixtures.unique("req-empty-");
        given().auth()
                .oauth2(TOKENS.physio(Fixtures.unique("physio-none-")))
                .header("X-Request-Id", empty)
                .get("/api/patients")
                .then()
                .statusCode(200)
                .body("total", equalTo(0));
        assertThat(audit(Map.of("action", "PATIENT_LISTED", "size", 500)).getList("items.requestId"))
                .doesNotContain(empty);
    }

    @Test
    @SuppressWarnings("unchecked")
    void filtersByUserAndActionAndRefusesBadOnes() {
        String physio = Fixtures.unique("physio-filter-");
        long id = Fixtures.registerPatientAs(physio, newPatient());
        JsonPath byUser = audit(Map.of("user", physio));
        assertThat(byUser.getList("items.action")).containsExactly("PATIENT_CREATED");
        assertThat(byUser.getList("items.patientId", Long.class)).containsExactly(id);
        assertThat(byUser.getList("items.programId")).containsOnlyNulls();
        assertThat(audit(Map.of("user", physio, "action", "PATIENT_READ")).getList("items"))
                .isEmpty();
        // field named in the 400, then the query
        List<Object[]> bad = List.of(
                new Object[] {"action", Map.of("action", "EVERYTHING")},
                new Object[] {"user", Map.of("user", "a b")},
                new Object[] {"size", Map.of("size", 501)},
                new Object[] {"from", Map.of("from", "1899-12-31")},
                new Object[] {"to", Map.of("to", "3000-01-01")},
                new Object[] {"from", Map.of("from", "2026-02-30")},
                new Object[] {"from", Map.of("from", "2026-11-26T10:00:00")},
                new Object[] {"from", Map.of("from", "2026-11-27", "to", "2026-11-26")});
        for (Object[] b : bad) {
            given().auth()
                    .oauth2(TOKENS.admin("admin"))
                    .queryParams((Map<String, ?>) b[1])
                    .get("/api/audit")
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("violations[0].field", equalTo(b[0]));
        }
        given().auth()
                .oauth2(TOKENS.admin("admin"))
                .queryParam("size", 500)
                .get("/api/audit")
                .then()
                .statusCode(200)
                .body("size", equalTo(500));
    }

    @Test
    void csvExportHasAHeaderAndNeutralisesFormulas() {
        long id = Fixtures.registerPatient();
        String physio = Fixtures.unique("physio-csv-");
        given().auth()
                .oauth2(TOKENS.physio(physio))
                .contentType(ContentType.JSON)
                .body(Map.of("reason", "=HYPERLINK(\"http://evil.test\",\"x\") cover, urgent"))
                .post("/api/patients/{id}/access", id)
                .then()
                .statusCode(201);
        String csv = given().auth()
                .oauth2(TOKENS.admin("admin"))
                .accept("text/csv")
                .queryParam("patientId", id)
                .get("/api/audit")
                .then()
                .statusCode(200)
                .contentType(org.hamcrest.Matchers.startsWith("text/csv"))
                .header("Content-Disposition", org.hamcrest.Matchers.containsString("attachment"))
                .extract()
                .asString();
        List<String> lines = csv.lines().toList();
        assertThat(lines.get(0))
                .isEqualTo("id,service,at,user,role,action,patientId,programId,outcome,reason,requestId");
        assertThat(lines).hasSize(3);
        assertThat(lines.get(1))
                .contains(",patient-service,")
                .contains("," + physio + ",physio,BREAK_GLASS," + id + ",,ALLOWED,")
                .contains("\"'=HYPERLINK(\"\"http://evil.test\"\",\"\"x\"\") cover, urgent\"");
        assertThat(lines.get(2)).contains(",PATIENT_CREATED,");
        // Errors stay problem+json.
        given().auth()
                .oauth2(TOKENS.admin("admin"))
                .accept("text/csv")
                .queryParam("from", "yesterday")
                .get("/api/audit")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void refusedStaleUpdateLeavesNoAuditEvent() {
        long id = Fixtures.registerPatient();
        Map<String, Object> stale = Fixtures.updateOf(Fixtures.readAsPhysio(id));
        stale.put("version", 7);
        given().auth()
                .oauth2(TOKENS.physio("physio"))
                .contentType(ContentType.JSON)
                .body(stale)
                .put("/api/patients/{id}", id)
                .then()
                .statusCode(409);
        assertThat(audit(Map.of("patientId", id)).getList("items.action"))
                .containsExactly("PATIENT_READ", "PATIENT_CREATED");
    }

    @Test
    void dateRangeFiltersEvents() {
        long id = Fixtures.registerPatient();
        String yesterday = LocalDate.now(ZoneOffset.UTC).minusDays(1).toString();
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        given().auth()
                .oauth2(TOKENS.admin("admin"))
                .queryParam("patientId", id)
                .queryParam("to", yesterday)
                .get("/api/audit")
                .then()
                .statusCode(200)
                .body("items", hasSize(0));
        given().auth()
                .oauth2(TOKENS.admin("admin"))
                .queryParam("patientId", id)
                .queryParam("from", today)
                .queryParam("to", today)
                .get("/api/audit")
                .then()
                .statusCode(200)
                .body("total", equalTo(1));
    }

    @Test
    void badDateIs400NamingTheField() {
        given().auth()
                .oauth2(TOKENS.admin("admin"))
                .queryParam("from", "last tuesday")
                .get("/api/audit")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("from"));
    }

    @Test
    void auditEventsCannotBeChangedOrDeleted() {
        given().auth()
                .oauth2(TOKENS.admin("admin"))
                .contentType(ContentType.JSON)
                .body("{}")
                .post("/api/audit")
                .then()
                .statusCode(405);
        given().auth().oauth2(TOKENS.admin("admin")).delete("/api/audit").then().statusCode(405);
    }

    private static JsonPath audit(Map<String, ?> query) {
        return given().auth()
                .oauth2(TOKENS.admin("admin"))
                .queryParams(query)
                .get("/api/audit")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }
}
