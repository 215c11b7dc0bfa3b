package clinic.patient;

import static clinic.patient.testing.Fixtures.TOKENS;
import static clinic.patient.testing.Fixtures.clearScreening;
import static clinic.patient.testing.Fixtures.newPatient;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import clinic.patient.testing.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Text that would look empty or carry control characters, and dates in any form but {@code yyyy-MM-dd}, are refused
 * with a 400 naming the field, never stored as something nobody typed.
 */
@QuarkusTest
class InputStrictnessTest {

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @ParameterizedTest(name = "givenName {0}")
    @ValueSource(
            strings = {
                "Sam\u0000", // NUL
                "Sam\u0007", // bell
                "Sam\u009b", // C1 control
                "Sam\nRivera", // a line break in a name
                "\u200b", // zero-width space only
                "\u200b\u200c\u2060", // only format characters
                "\u00a0\u3000", // non-breaking and ideographic spaces only
                "\u3164", // Hangul filler
                "\ufeff" // byte-order mark only
            })
    void invisibleOrControlTextIsRefused(String name) {
        Map<String, Object> body = newPatient();
        body.put("givenName", name);
        given().auth()
                .oauth2(TOKENS.physio("physio"))
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/patients")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations[0].field", equalTo("givenName"));
    }

    @Test
    void invisibleOnlyOptionalTextAndControlCharactersInNotesAreRefused() {
        Map<String, Object> body = newPatient();
        body.put("referralSource", "\u200b\u200b");
        post(body).statusCode(400).body("violations[0].field", equalTo("referralSource"));

        long id = Fixtures.registerPatient();
        Map<String, Object> screening = clearScreening();
        screening.put("notes", "Worse at night\u0000");
        Fixtures.screen(id, screening).then().statusCode(400).body("violations[0].field", equalTo("notes"));
        screening.put("notes", "Worse at night.\nBetter when walking.\tNo red flags.");
        Fixtures.screen(id, screening).then().statusCode(201);
    }

    @Test
    void accentedAndNonLatinNamesAreWelcome() {
        Map<String, Object> body = newPatient();
        body.put("givenName", "Zoë-Łucja");
        body.put("familyName", "山田 O'Brien");
        post(body).statusCode(201).body("familyName", equalTo("山田 O'Brien"));
    }

    @ParameterizedTest(name = "dateOfBirth {0}")
    @ValueSource(
            strings = {
                "123", // a number: Jackson would read days since 1970
                "\"1980-04-12T10:00:00\"", // a date-time: would be cut to its date
                "\"1980-04-12T10:00:00Z\"",
                "\"1980-02-30\"", // no such day
                "\"12/04/1980\"",
                "\"1980-4-12\"",
                "[1980,4,12]",
                "true"
            })
    void aDateIsOnlyAnIsoDateString(String json) {
        Map<String, Object> base = newPatient();
        String body = "{\"givenName\":\"" + base.get("givenName") + "\",\"familyName\":\"" + base.get("familyName")
                + "\",\"dateOfBirth\":" + json + "}";
        given().auth()
                .oauth2(TOKENS.physio("physio"))
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/patients")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations[0].field", equalTo("dateOfBirth"));
    }

    @Test
    void aConsentDateBefore1900IsRefused() {
        Map<String, Object> body = newPatient();
        body.put("consentDate", "1850-01-01");
        post(body).statusCode(400).body("violations[0].field", equalTo("consentDate"));
    }

    @Test
    void aBreakTheGlassReasonMustBeVisibleText() {
        long id = Fixtures.registerPatient();
        for (String reason : List.of(
                "\u200b\u200b\u200b\u200b\u200b\u200b\u200b\u200b\u200b\u200b\u200b",
                "Urgent cover\u0000 for the care physio")) {
            given().auth()
                    .oauth2(TOKENS.physio("physio2"))
                    .contentType(ContentType.JSON)
                    .body(Map.of("reason", reason))
                    .post("/api/patients/{id}/access", id)
                    .then()
                    .statusCode(400)
                    .body("violations[0].field", equalTo("reason"));
        }
    }

    @Test
    void aCareTeamChangeWhileKeycloakIsDownIs503AndChangesNothing() {
        long id = Fixtures.registerPatient();
        given().auth()
                .oauth2(TOKENS.physio("physio"))
                .contentType(ContentType.JSON)
                .body(Map.of("carePhysio", "physio", "careTeam", List.of("physio2"), "version", 0))
                .put("/api/patients/{id}/care-team", id)
                .then()
                .statusCode(503)
                .header("Retry-After", "30")
                .contentType("application/problem+json");
        given().auth()
                .oauth2(TOKENS.physio("physio"))
                .get("/api/patients/{id}", id)
                .then()
                .statusCode(200)
                .body("careTeam", equalTo(List.of()))
                .body("version", equalTo(0));
        // Removing nobody and adding nobody needs no Keycloak.
        given().auth()
                .oauth2(TOKENS.physio("physio"))
                .contentType(ContentType.JSON)
                .body(Map.of("carePhysio", "physio", "careTeam", List.of(), "version", 0))
                .put("/api/patients/{id}/care-team", id)
                .then()
                .statusCode(200);
    }

    private static io.restassured.response.ValidatableResponse post(Map<String, Object> body) {
        return given().auth()
                .oauth2(TOKENS.physio("physio"))
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/patients")
                .then();
    }
}
