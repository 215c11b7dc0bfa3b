package clinic.patient;

import static clinic.patient.Fixtures.TOKENS;
import static clinic.patient.Fixtures.clearScreening;
import static clinic.patient.Fixtures.newPatient;
import static clinic.patient.Fixtures.screen;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

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
        assertThat(events.getList("items.actor")).containsExactly("physio", "admin", "physio");
        assertThat(events.getList("items.role")).containsExactly("physio", "admin", "physio");
        assertThat(events.getString("items[2].requestId")).isEqualTo(requestId);
        assertThat(events.getList("items.patientId", Long.class)).containsOnly(id);
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
    void listingIsAuditedWithoutPatient() {
        String requestId = Fixtures.unique("req-list-");
        given().auth()
                .oauth2(TOKENS.admin("admin"))
                .header("X-Request-Id", requestId)
                .get("/api/patients")
                .then()
                .statusCode(200);
        List<Map<String, Object>> events = audit(Map.of("size", 100)).getList("items");
        assertThat(events)
                .filteredOn(e -> requestId.equals(e.get("requestId")))
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.get("action")).isEqualTo("PATIENT_LISTED");
                    assertThat(e.get("patientId")).isNull();
                });
    }

    @Test
    void refusedStaleUpdateLeavesNoAuditEvent() {
        long id = Fixtures.registerPatient();
        Map<String, Object> stale = PatientResourceTest.updateOf(PatientResourceTest.readAsPhysio(id));
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
