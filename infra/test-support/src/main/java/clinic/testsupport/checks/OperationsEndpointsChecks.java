package clinic.testsupport.checks;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import clinic.testsupport.TestTokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.restassured.RestAssured;
import java.net.URL;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Health and metrics answer only on the management interface (a random port in tests, the service's own in
 * production), never on the public port; Swagger UI is on the public port while API docs are on (tests and dev;
 * production only with CLINIC_API_DOCS=true, see {@link ApiDocsOffChecks}) and names no framework. A service's
 * {@code @QuarkusTest} subclass says its name, its production management port and its tokens, and adds what its
 * OpenAPI document must describe.
 */
public abstract class OperationsEndpointsChecks {

    @TestHTTPResource(value = "/", management = true)
    protected URL management;

    @TestHTTPResource("/")
    protected URL site;

    /** The service's name as its Swagger UI title shows it, e.g. {@code patient-service}. */
    protected abstract String serviceName();

    /** {@code quarkus.management.port} in production. */
    protected abstract int productionManagementPort();

    /** Tokens for the service's audience. */
    protected abstract TestTokens tokens();

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    public void healthIsUpOnTheManagementPortWithoutToken() {
        String base = ResponseChecks.baseUri(management);
        given().baseUri(base)
                .get("/q/health/ready")
                .then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.find { it.name == 'Database connections health check' }.status", equalTo("UP"));
        given().baseUri(base).get("/q/health/live").then().statusCode(200);
        given().baseUri(base).get("/q/health/started").then().statusCode(200);
    }

    @Test
    public void metricsAreOnTheManagementPort() {
        given().baseUri(ResponseChecks.baseUri(management))
                .get("/q/metrics")
                .then()
                .statusCode(200)
                .body(containsString("jvm_memory_used_bytes"));
    }

    @Test
    public void theManagementPortIsAFreeOneNotTheProductionOne() {
        // quarkus.management.test-port=0: parallel test runs (and a running clinic) never collide.
        assertThat(management.getPort())
                .isPositive()
                .isNotEqualTo(productionManagementPort())
                .isNotEqualTo(9000);
        assertThat(management.getPort()).isNotEqualTo(site.getPort());
    }

    @Test
    public void healthAndMetricsAreNotOnThePublicPort() {
        for (String path : new String[] {"/q/health", "/q/health/ready", "/q/health/live", "/q/metrics"}) {
            given().get(path).then().statusCode(404);
            given().auth().oauth2(tokens().admin("admin")).get(path).then().statusCode(404);
        }
    }

    @Test
    public void swaggerUiNamesNoFrameworkOrVersion() {
        given().get("/q/swagger-ui/")
                .then()
                .statusCode(200)
                .body(containsString("<title>" + serviceName() + " API</title>"))
                .body(not(containsString("Quarkus")));
    }
}
