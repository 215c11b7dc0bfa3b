package clinic.patient.registry;

import static clinic.patient.testing.Fixtures.TOKENS;
import static clinic.patient.testing.Fixtures.newPatient;
import static clinic.patient.testing.Fixtures.readAsPhysio;
import static clinic.patient.testing.Fixtures.registerPatient;
import static clinic.patient.testing.Fixtures.uniqueEmail;
import static clinic.patient.testing.Fixtures.updateOf;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import clinic.patient.testing.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@QuarkusTest
class PatientResourceTest {

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void physioRegistersPatientWithGeneratedClinicNumberAndIsCarePhysioByDefault() {
        Map<String, Object> body = newPatient();
        given().auth()
                .oauth2(TOKENS.physio("physio7"))
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/api/patients")
                .then()
                .statusCode(201)
                .header("Location", matchesPattern(".*/api/patients/\\d+$"))
                .body("clinicNumber", matchesPattern("PT-\\d{6}"))
                .body("givenName", equalTo(body.get("givenName")))
                .body("dateOfBirth", equalTo("1980-04-12"))
                .body("status", equalTo("ACTIVE"))
                .body("carePhysio", equalTo("physio7"))
                .body("account", equalTo("NONE"))
                .body("version", equalTo(0))
                .body("$", not(hasKey("firstLogin")));
    }

    @Test
    void aNameWithAnUnpairedSurrogateIs400NotSilentlyStoredAsAQuestionMark() {
        // Found by the system tests' fuzz run: utf8mb4 cannot hold it and it was written as '?'.
        String body = "{\"givenName\":\"Sam\\udc00\",\"familyName\":\"Rivera\",\"dateOfBirth\":\"1980-04-12\"}";
        given().auth()
                .oauth2(TOKENS.physio("physio7"))
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/patients")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations[0].field", equalTo("givenName"));
    }

    @Test
    void twoRegistrationsGetDifferentClinicNumbers() {
        String first = readAsPhysio(registerPatient()).getString("clinicNumber");
        String second = readAsPhysio(registerPatient()).getString("clinicNumber");
        org.assertj.core.api.Assertions.assertThat(first).isNotEqualTo(second);
    }

    @Test
    void namingAnotherCarePhysioWhileKeycloakIsDownIs503AndRegistersNobody() {
        // Keycloak is a closed port in this profile: whether physio2 is a physio cannot be checked.
        Map<String, Object> body = newPatient();
        body.put("carePhysio", "physio2");
        given().auth()
                .oauth2(TOKENS.physio("physio"))
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/patients")
                .then()
                .statusCode(503)
                .contentType("application/problem+json")
                .header("Retry-After", "30");
        given().auth()
                .oauth2(TOKENS.admin("admin"))
                .queryParam("q", body.get("familyName"))
                .get("/api/patients")
                .then()
                .statusCode(200)
                .body("total", equalTo(0));
    }

    @Test
    void adminReadsARecord() {
        long id = registerPatient();
        given().auth()
                .oauth2(TOKENS.admin("admin"))
                .when()
                .get("/api/patients/{id}", id)
                .then()
                .statusCode(200)
                .body("id", equalTo((int) id));
    }

    @Test
    void unknownPatientIs404Problem() {
        given().auth()
                .oauth2(TOKENS.physio("physio"))
                .when()
                .get("/api/patients/{id}", 99_999_999)
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404));
    }

    @Test
    void updateWithCurrentVersionChangesRecordAndBumpsVersion() {
        long id = registerPatient();
        Map<String, Object> update = updateOf(readAsPhysio(id));
        update.put("condition", "Right-sided sciatica");
        update.put("status", "DISCHARGED");
        given().auth()
                .oauth2(TOKENS.physio("physio"))
                .contentType(ContentType.JSON)
                .body(update)
                .when()
                .put("/api/patients/{id}", id)
                .then()
                .statusCode(200)
                .body("condition", equalTo("Right-sided sciatica"))
                .body("status", equalTo("DISCHARGED"))
                .body("version", equalTo(1));
    }

    @Test
    void updateWithStaleVersionIs409AndChangesNothing() {
        long id = registerPatient();
        JsonPath original = readAsPhysio(id);
        Map<String, Object> first = updateOf(original);
        first.put("condition", "first edit");
        given().auth()
                .oauth2(TOKENS.physio("physio"))
                .contentType(ContentType.JSON)
                .body(first)
                .put("/api/patients/{id}", id)
                .then()
                .statusCode(200);

        Map<String, Object> stale = updateOf(original);
        stale.put("condition", "stale edit");
        given().auth()
                .oauth2(TOKENS.physio("physio"))
                .contentType(ContentType.JSON)
                .body(stale)
                .when()
                .put("/api/patients/{id}", id)
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("status", equalTo(409));

        org.assertj.core.api.Assertions.assertThat(readAsPhysio(id).getString("condition"))
                .isEqualTo("first edit");
    }

    @Test
    void secondActivePatientWithSameEmailIs409() {
        String email = uniqueEmail();
        Map<String, Object> first = newPatient();
        first.put("email", email);
        registerPatient(first);

        Map<String, Object> second = newPatient();
        second.put("email", email.toUpperCase());
        given().auth()
                .oauth2(TOKENS.physio("physio"))
                .contentType(ContentType.JSON)
                .body(second)
                .when()
                .post("/api/patients")
                .then()
                .statusCode(409)
                .contentType("application/problem+json");
    }

    @Test
    void emailOfADischargedPatientMayBeUsedAgain() {
        String email = uniqueEmail();
        Map<String, Object> first = newPatient();
        first.put("email", email);
        long id = registerPatient(first);
        Map<String, Object> discharge = updateOf(readAsPhysio(id));
        discharge.put("status", "DISCHARGED");
        given().auth()
                .oauth2(TOKENS.physio("physio"))
                .contentType(ContentType.JSON)
                .body(discharge)
                .put("/api/patients/{id}", id)
                .then()
                .statusCode(200);

        Map<String, Object> again = newPatient();
        again.put("email", email);
        registerPatient(again);
    }

    @Test
    void invalidFieldsAreListedAsViolations() {
        Map<String, Object> body = newPatient();
        body.put("givenName", "");
        body.put("familyName", "x".repeat(101));
        body.put("dateOfBirth", "1900-01-01"); // in the JSON date range, refused by @PlausibleBirthDate
        body.put("email", "not-an-email");
        body.put("phone", "call me");
        given().auth()
                .oauth2(TOKENS.physio("physio"))
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/api/patients")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", hasItem("givenName"))
                .body("violations.field", hasItem("familyName"))
                .body("violations.field", hasItem("dateOfBirth"))
                .body("violations.field", hasItem("email"))
                .body("violations.field", hasItem("phone"));
    }

    @Test
    void dateOfBirthInTheFutureIsRefused() {
        Map<String, Object> body = newPatient();
        body.put("dateOfBirth", java.time.LocalDate.now().plusDays(1).toString());
        given().auth()
                .oauth2(TOKENS.physio("physio"))
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/api/patients")
                .then()
                .statusCode(400)
                .body("violations.field", hasItem("dateOfBirth"));
    }

    @Test
    void unknownPropertyIsRefused() {
        Map<String, Object> body = newPatient();
        body.put("favouriteColour", "blue");
        given().auth()
                .oauth2(TOKENS.physio("physio"))
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/api/patients")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body(not(containsString("Exception")));
    }

    @Test
    void unknownSexCodeIsRefusedNamingTheField() {
        Map<String, Object> body = newPatient();
        body.put("sex", "ROBOT");
        given().auth()
                .oauth2(TOKENS.physio("physio"))
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/api/patients")
                .then()
                .statusCode(400)
                .body("violations.field", hasItem("sex"));
    }

    @Test
    void malformedJsonIs400Problem() {
        given().auth()
                .oauth2(TOKENS.physio("physio"))
                .contentType(ContentType.JSON)
                .body("{\"givenName\": ")
                .when()
                .post("/api/patients")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body(not(containsString("jackson")));
    }

    @Test
    void oversizedBodyIs413Problem() {
        Map<String, Object> body = newPatient();
        body.put("condition", "x".repeat(70 * 1024));
        given().auth()
                .oauth2(TOKENS.physio("physio"))
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/api/patients")
                .then()
                .statusCode(413)
                .contentType("application/problem+json")
                .body("status", equalTo(413));
    }

    @Test
    void searchFindsPatientByFamilyNamePrefixCaseInsensitively() {
        Map<String, Object> body = newPatient();
        String family = Fixtures.unique("Zephyrine");
        body.put("familyName", family);
        long id = registerPatient(body);
        given().auth()
                .oauth2(TOKENS.physio("physio"))
                .queryParam("q", family.toLowerCase().substring(0, family.length() - 1))
                .when()
                .get("/api/patients")
                .then()
                .statusCode(200)
                .body("items.id", hasItem((int) id))
                .body("page", equalTo(0));
    }

    @Test
    void searchFindsPatientByClinicNumber() {
        long id = registerPatient();
        String number = readAsPhysio(id).getString("clinicNumber");
        given().auth()
                .oauth2(TOKENS.admin("admin"))
                .queryParam("q", number)
                .when()
                .get("/api/patients")
                .then()
                .statusCode(200)
                .body("items.id", equalTo(List.of((int) id)))
                .body("total", equalTo(1));
    }

    @Test
    void listIsNewestFirstAndFiltersByCarePhysio() {
        String physio = Fixtures.unique("physio-list-");
        long first = Fixtures.registerPatientAs(physio, newPatient());
        long second = Fixtures.registerPatientAs(physio, newPatient());
        registerPatient(); // someone else's patient must not appear
        given().auth()
                .oauth2(TOKENS.admin("admin"))
                .queryParam("carePhysio", physio)
                .when()
                .get("/api/patients")
                .then()
                .statusCode(200)
                .body("items.id", equalTo(List.of((int) second, (int) first)))
                .body("total", equalTo(2));
    }

    @Test
    void listFiltersByStatus() {
        String physio = Fixtures.unique("physio-status-");
        long active = Fixtures.registerPatientAs(physio, newPatient());
        given().auth()
                .oauth2(TOKENS.physio(physio))
                .queryParam("carePhysio", physio)
                .queryParam("status", "DISCHARGED")
                .when()
                .get("/api/patients")
                .then()
                .statusCode(200)
                .body("items", hasSize(0));
        given().auth()
                .oauth2(TOKENS.physio(physio))
                .queryParam("carePhysio", physio)
                .queryParam("status", "ACTIVE")
                .when()
                .get("/api/patients")
                .then()
                .body("items.id", equalTo(List.of((int) active)));
    }

    @Test
    void batchLookupByIdsAnswersExactlyThosePatients() {
        long a = registerPatient();
        long b = registerPatient();
        registerPatient();
        given().auth()
                .oauth2(TOKENS.physio("physio"))
                .queryParam("ids", a + "," + b)
                .when()
                .get("/api/patients")
                .then()
                .statusCode(200)
                .body("items.id", equalTo(List.of((int) b, (int) a)));
    }

    @Test
    void batchLookupAnswersAllIdsInOnePageByDefault() {
        List<Long> ids = new java.util.ArrayList<>();
        for (int i = 0; i < 22; i++) {
            ids.add(registerPatient());
        }
        given().auth()
                .oauth2(TOKENS.admin("admin"))
                .queryParam("ids", ids.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(",")))
                .when()
                .get("/api/patients")
                .then()
                .statusCode(200)
                .body("items", hasSize(22))
                .body("total", equalTo(22));
    }

    @Test
    void pageSizeIsCappedAt100() {
        given().auth()
                .oauth2(TOKENS.physio("physio"))
                .queryParam("size", 5000)
                .when()
                .get("/api/patients")
                .then()
                .statusCode(200)
                .body("size", equalTo(100));
    }

    @Test
    void badListParametersAre400NamingTheField() {
        given().auth()
                .oauth2(TOKENS.physio("physio"))
                .queryParam("ids", "1,two")
                .when()
                .get("/api/patients")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("ids"));
        given().auth()
                .oauth2(TOKENS.physio("physio"))
                .queryParam("status", "SLEEPING")
                .when()
                .get("/api/patients")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("status"));
        given().auth()
                .oauth2(TOKENS.physio("physio"))
                .queryParam("page", -1)
                .when()
                .get("/api/patients")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("page"));
    }

    @Test
    void requestWithoutTokenIsRefusedWithProblem() {
        given().when().get("/api/patients/me").then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void patientWithoutRecordGets404() {
        given().auth()
                .oauth2(TOKENS.patient("nobody-" + System.nanoTime()))
                .when()
                .get("/api/patients/me")
                .then()
                .statusCode(404)
                .body("status", equalTo(404));
    }

    @Test
    void requestIdIsEchoed() {
        given().auth()
                .oauth2(TOKENS.physio("physio"))
                .header("X-Request-Id", "req-echo-1")
                .when()
                .get("/api/patients")
                .then()
                .statusCode(200)
                .header("X-Request-Id", equalTo("req-echo-1"));
        given().auth()
                .oauth2(TOKENS.physio("physio"))
                .when()
                .get("/api/patients")
                .then()
                .header("X-Request-Id", notNullValue());
    }
}
