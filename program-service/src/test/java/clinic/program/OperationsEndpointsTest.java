package clinic.program;

import static clinic.program.testing.Fixtures.TOKENS;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;

import clinic.testsupport.TestTokens;
import clinic.testsupport.checks.OperationsEndpointsChecks;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/**
 * Health and metrics only on the management interface (9082 in production), Swagger UI without framework names
 * (test-support's {@link OperationsEndpointsChecks}); the API description is on the public port while API docs are
 * on.
 */
@QuarkusTest
class OperationsEndpointsTest extends OperationsEndpointsChecks {

    @Override
    protected String serviceName() {
        return "program-service";
    }

    @Override
    protected int productionManagementPort() {
        return 9082;
    }

    @Override
    protected TestTokens tokens() {
        return TOKENS;
    }

    @Test
    void openApiDocumentIsOnThePublicPortWhileApiDocsAreOn() {
        given().queryParam("format", "json")
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .body(containsString("/api/programs/{programId}/sessions"));
    }
}
