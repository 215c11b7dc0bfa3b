package clinic.program.library;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItem;

import clinic.testsupport.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ExerciseResourceTest {

    static final TestTokens TOKENS = TestTokens.forAudience("program-service");

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void anySignedInUserReadsTheLibrary() {
        given().auth()
                .oauth2(TOKENS.patient("patient"))
                .when()
                .get("/api/exercises")
                .then()
                .statusCode(200)
                .body("slug", hasItem("short-frequent-walks"));
    }

    @Test
    void anonymousCallerIsRefused() {
        given().when().get("/api/exercises").then().statusCode(401);
    }
}
