package clinic.program;

import static clinic.program.testing.Fixtures.TOKENS;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import clinic.program.testing.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Input program-service refuses with a 400 naming the field rather than storing or cutting: control characters and
 * invisible-only text, dates that are numbers, date-times or out of range, unknown JSON fields, and query values it
 * cannot use.
 */
@QuarkusTest
class InputStrictnessTest {

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    private static Map<String, Object> session(Object date) {
        Map<String, Object> body = new HashMap<>();
        body.put("date", date);
        body.put("painBefore", 3);
        body.put("painAfter", 3);
        return body;
    }

    private static void postSession(Fixtures.Assigned a, Object body, String field, String message) {
        var then = given().auth()
                .oauth2(a.patientToken())
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/programs/{id}/sessions", a.programId())
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations[0].field", equalTo(field));
        if (message != null) {
            then.body("violations[0].message", equalTo(message));
        }
    }

    @Test
    void textWithControlCharactersOrNothingVisibleIsRefused() {
        Fixtures.Assigned a = Fixtures.assignPhase(1);
        for (String bad : List.of("pain\u0000less", "esc\u001b[31m", "c1\u0085", "del\u007f")) {
            Map<String, Object> body = session(LocalDate.now().toString());
            body.put("notes", bad);
            postSession(a, body, "notes", "must not contain control characters");
        }
        for (String invisible : List.of(" ", "\u200b", "\u00a0\u2060", "\ufeff\u3164")) {
            Map<String, Object> body = session(LocalDate.now().toString());
            body.put("notes", invisible);
            postSession(a, body, "notes", "must contain visible text");
        }
        given().auth()
                .oauth2(TOKENS.physio("physio"))
                .contentType(ContentType.JSON)
                .body(Map.of("phase", 2, "reason", "\u200b\u200b", "version", 0))
                .post("/api/programs/{id}/phase", a.programId())
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("reason"));
        // Line breaks and tabs are text.
        Map<String, Object> fine = session(LocalDate.now().toString());
        fine.put("notes", "line one\r\n\tline two");
        given().auth()
                .oauth2(a.patientToken())
                .contentType(ContentType.JSON)
                .body(fine)
                .post("/api/programs/{id}/sessions", a.programId())
                .then()
                .statusCode(201);
    }

    @Test
    void datesAreIsoDatesOnly() {
        Fixtures.Assigned a = Fixtures.assignPhase(1);
        String today = LocalDate.now().toString();
        String message = "must be an ISO date (yyyy-MM-dd) between 1900-01-01 and 2999-12-31";
        postSession(a, session(20_000), "date", message);
        postSession(a, session(today + "T10:00:00"), "date", message);
        postSession(a, session(today + "T10:00:00Z"), "date", message);
        postSession(a, session(List.of(2026, 12, 1)), "date", message);
        postSession(a, session("+999999999-12-31"), "date", message);
        postSession(a, session("0001-01-01"), "date", message);
        postSession(a, session(today.replace("-", "/")), "date", message);
    }

    @Test
    void everyDateFilterHasASaneRange() {
        Fixtures.Assigned a = Fixtures.assignPhase(1);
        for (String report : List.of("overview", "caseload", "referrals", "adherence")) {
            for (String param : List.of("from", "to")) {
                given().auth()
                        .oauth2(TOKENS.admin("admin"))
                        .queryParam(param, "+999999999-12-31")
                        .get("/api/reports/" + report)
                        .then()
                        .statusCode(400)
                        .contentType("application/problem+json")
                        .body("violations[0].field", equalTo(param));
            }
        }
        for (String[] bad : List.of(
                new String[] {"to", "+999999999-12-31"},
                new String[] {"from", "2026-02-30"},
                new String[] {"from", "1"},
                new String[] {"to", "2026-12-01T00:00:00"})) {
            given().auth()
                    .oauth2(TOKENS.physio("physio"))
                    .queryParam(bad[0], bad[1])
                    .get("/api/programs/{id}/sessions", a.programId())
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("violations[0].field", equalTo(bad[0]));
        }
    }

    @Test
    void unknownJsonFieldsAreRefusedByName() {
        Fixtures.Assigned a = Fixtures.assignPhase(1);
        Map<String, Object> body = session(LocalDate.now().toString());
        body.put("painMiddle", 4);
        postSession(a, body, "painMiddle", "is not a field of this request");
        given().auth()
                .oauth2(TOKENS.physio("physio"))
                .contentType(ContentType.JSON)
                .body(Map.of("phase", 2, "reason", "ok", "version", 0, "carePhysio", "physio2"))
                .post("/api/programs/{id}/phase", a.programId())
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("carePhysio"));
    }

    @Test
    void aPatientIdThatIsNoNumberIs400NotA404() {
        given().auth()
                .oauth2(TOKENS.physio("physio"))
                .queryParam("patientId", "abc")
                .get("/api/programs")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("patientId"));
        given().auth()
                .oauth2(TOKENS.physio("physio"))
                .get("/api/programs")
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("patientId"));
    }
}
