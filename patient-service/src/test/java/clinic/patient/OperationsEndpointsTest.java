package clinic.patient;

import static clinic.patient.testing.Fixtures.TOKENS;
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
 * Health and metrics answer only on the management interface (a random port in tests, 9081 in production), never on
 * the public port; the API description is on the public port while API docs are on (tests and dev; production
 * only with CLINIC_API_DOCS=true, see ApiDocsOffTest).
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
    void healthIsUpOnTheManagementPortWithoutToken() {
        given().baseUri(base(management))
                .get("/q/health/ready")
                .then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.find { it.name == 'Database connections health check' }.status", equalTo("UP"));
        given().baseUri(base(management)).get("/q/health/live").then().statusCode(200);
        given().baseUri(base(management)).get("/q/health/started").then().statusCode(200);
    }

    @Test
    void metricsAreOnTheManagementPort() {
        given().baseUri(base(management))
                .get("/q/metrics")
                .then()
                .statusCode(200)
                .body(containsString("jvm_memory_used_bytes"));
    }

    @Test
    void theManagementPortIsAFreeOneNotTheProductionOne() {
        // quarkus.management.test-port=0: parallel test runs (and a running clinic on 9081) never collide.
        assertThat(management.getPort()).isPositive().isNotEqualTo(9081).isNotEqualTo(9000);
        assertThat(management.getPort()).isNotEqualTo(site.getPort());
    }

    @Test
    void healthAndMetricsAreNotOnThePublicPort() {
        for (String path : new String[] {"/q/health", "/q/health/ready", "/q/health/live", "/q/metrics"}) {
            given().get(path).then().statusCode(404);
            given().auth().oauth2(TOKENS.admin("admin")).get(path).then().statusCode(404);
        }
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
    void swaggerUiNamesNoFrameworkOrVersion() {
        given().get("/q/swagger-ui/")
                .then()
                .statusCode(200)
                .body(containsString("<title>patient-service API</title>"))
                .body(org.hamcrest.Matchers.not(containsString("Quarkus")));
    }

    private static String base(URL url) {
        return "http://" + url.getHost() + ":" + url.getPort();
    }
}
