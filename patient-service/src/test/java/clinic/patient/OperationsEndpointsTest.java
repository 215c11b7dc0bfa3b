package clinic.patient;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Health, metrics and the API description are open (contract); everything else needs a token. */
@QuarkusTest
class OperationsEndpointsTest {

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void healthIsOpenAndUp() {
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/health/live").then().statusCode(200);
    }

    @Test
    void openApiDocumentDescribesEveryEndpointWithoutToken() {
        given().queryParam("format", "json")
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .body(containsString("/api/patients/{id}/clearance"))
                .body(containsString("/api/patients/{id}/screenings"))
                .body(containsString("/api/patients/{id}/account"))
                .body(containsString("/api/audit"));
    }

    @Test
    void metricsAreOpen() {
        given().get("/q/metrics").then().statusCode(200);
    }
}
