package clinic.program;

import static clinic.program.testing.Fixtures.TOKENS;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import java.net.URL;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Health and metrics answer only on the management interface (a random port in tests, 9082 in production), never on
 * the public port; the API description is on the public port while API docs are on.
 */
@QuarkusTest
class OperationsEndpointsTest {

    @TestHTTPResource(value = "/", management = true)
    URL management;

    @TestHTTPResource("/")
    URL site;

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void healthAndMetricsAreOnTheManagementPortWithoutToken() {
        String base = "http://" + management.getHost() + ":" + management.getPort();
        given().baseUri(base)
                .get("/q/health/ready")
                .then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.find { it.name == 'Database connections health check' }.status", equalTo("UP"));
        given().baseUri(base).get("/q/health/live").then().statusCode(200);
        given().baseUri(base).get("/q/metrics").then().statusCode(200).body(containsString("jvm_memory_used_bytes"));
        assertThat(management.getPort()).isNotEqualTo(9082).isNotEqualTo(site.getPort());
    }

    @Test
    void healthAndMetricsAreNotOnThePublicPort() {
        for (String path : new String[] {"/q/health", "/q/health/ready", "/q/health/live", "/q/metrics"}) {
            given().get(path).then().statusCode(404);
            given().auth().oauth2(TOKENS.admin("admin")).get(path).then().statusCode(404);
        }
    }

    @Test
    void openApiDocumentIsOnThePublicPortWhileApiDocsAreOn() {
        given().queryParam("format", "json")
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .body(containsString("/api/programs/{programId}/sessions"));
        given().get("/q/swagger-ui/")
                .then()
                .statusCode(200)
                .body(containsString("<title>program-service API</title>"))
                .body(org.hamcrest.Matchers.not(containsString("Quarkus")));
    }
}
