package clinic.patient;

import static clinic.patient.testing.Fixtures.TOKENS;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;

import clinic.testsupport.TestTokens;
import clinic.testsupport.checks.OperationsEndpointsChecks;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/**
 * Health and metrics only on the management interface (9081 in production), Swagger UI without framework names
 * (test-support's {@link OperationsEndpointsChecks}); the API description covers patient-service's endpoints while
 * API docs are on (production only with CLINIC_API_DOCS=true, see ApiDocsOffTest).
 */
@QuarkusTest
class OperationsEndpointsTest extends OperationsEndpointsChecks {

    @Override
    protected String serviceName() {
        return "patient-service";
    }

    @Override
    protected int productionManagementPort() {
        return 9081;
    }

    @Override
    protected TestTokens tokens() {
        return TOKENS;
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
}
