package clinic.patient.testing;

import static io.restassured.RestAssured.given;

import clinic.testsupport.TestTokens;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/** Builds each test's own data through the API, with names and e-mails no other test uses. */
public final class Fixtures {

    public static final TestTokens TOKENS = TestTokens.forAudience("patient-service");
    private static final AtomicLong COUNTER = new AtomicLong(System.nanoTime() % 1_000_000_000L);

    private Fixtures() {}

    public static String unique(String prefix) {
        return prefix + COUNTER.incrementAndGet();
    }

    /** A valid registration body without e-mail (so no login is attempted) unless the caller adds one. */
    public static Map<String, Object> newPatient() {
        Map<String, Object> body = new HashMap<>();
        body.put("givenName", unique("Given"));
        body.put("familyName", unique("Family"));
        body.put("dateOfBirth", "1980-04-12");
        body.put("phone", "+44 20 7946 0000");
        body.put("condition", "Left-sided sciatica");
        body.put("referralSource", "GP");
        body.put("consentDate", "2026-01-10");
        return body;
    }

    public static String uniqueEmail() {
        return unique("person") + "@example.test";
    }

    /** Registers a patient as {@code physio} (so in {@code physio}'s care) and answers its id. */
    public static long registerPatient(Map<String, Object> body) {
        return registerPatientAs("physio", body);
    }

    /** Registers a patient as the given physio, who becomes its care physio unless the body names another. */
    public static long registerPatientAs(String physio, Map<String, Object> body) {
        return given().auth()
                .oauth2(TOKENS.physio(physio))
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/api/patients")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getLong("id");
    }

    public static long registerPatient() {
        return registerPatient(newPatient());
    }

    /** Records a screening as {@code physio}; answers the whole response for checks. */
    public static io.restassured.response.Response screen(long patientId, Map<String, Object> body) {
        return given().auth()
                .oauth2(TOKENS.physio("physio"))
                .contentType(ContentType.JSON)
                .body(body)
                .when()
                .post("/api/patients/{id}/screenings", patientId);
    }

    public static Map<String, Object> clearScreening() {
        Map<String, Object> body = new HashMap<>();
        body.put("sciaticaSigns", java.util.List.of("RADIATING_BELOW_BUTTOCK", "PARAESTHESIA"));
        body.put("notes", "Typical sciatica picture.");
        return body;
    }

    public static JsonPath readAsPhysio(long id) {
        return given().auth()
                .oauth2(TOKENS.physio("physio"))
                .when()
                .get("/api/patients/{id}", id)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    /** The PUT body for a record as read: every editable field plus its version. */
    public static Map<String, Object> updateOf(JsonPath record) {
        Map<String, Object> body = new java.util.HashMap<>();
        for (String field : java.util.List.of(
                "givenName",
                "familyName",
                "dateOfBirth",
                "sex",
                "email",
                "phone",
                "condition",
                "referralSource",
                "consentDate",
                "status",
                "carePhysio",
                "version")) {
            body.put(field, record.get(field));
        }
        return body;
    }
}
