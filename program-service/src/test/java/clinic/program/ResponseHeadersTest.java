package clinic.program;

import static clinic.program.testing.Fixtures.TOKENS;
import static clinic.testsupport.checks.ResponseChecks.assertNoCacheNoSniffNoServerBanner;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every answer, success or error, says {@code Cache-Control: no-store} and {@code X-Content-Type-Options: nosniff},
 * and none names the server software or its version (test-support's {@code ResponseChecks}).
 */
@QuarkusTest
class ResponseHeadersTest {

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void successesAndErrorsCarryNoStoreAndNosniff() {
        List<Response> answers = List.of(
                given().auth().oauth2(TOKENS.physio("physio")).get("/api/exercises"), // 200
                given().get("/api/exercises"), // 401: no token
                given().auth().oauth2(TOKENS.patient("patient")).get("/api/reports/overview"), // 403
                given().auth().oauth2(TOKENS.physio("physio")).get("/api/programs/{id}", 987_654_321L), // 404
                given().auth()
                        .oauth2(TOKENS.physio("physio"))
                        .contentType(ContentType.JSON)
                        .body("{not json")
                        .post("/api/programs"), // 400
                given().get("/api/no-such-thing")); // 404 outside any resource
        assertThat(answers.stream().map(Response::statusCode).toList()).containsExactly(200, 401, 403, 404, 400, 404);
        assertNoCacheNoSniffNoServerBanner(answers);
    }
}
