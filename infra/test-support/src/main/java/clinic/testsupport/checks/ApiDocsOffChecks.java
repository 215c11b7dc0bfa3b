package clinic.testsupport.checks;

import static io.restassured.RestAssured.given;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTestProfile;
import java.net.URL;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Production's default (CLINIC_API_DOCS unset, so {@code clinic.api-docs=false}): no OpenAPI document and no Swagger
 * UI on any port; health stays on the management interface. A service's test is only the annotations:
 *
 * <pre>{@code
 * @QuarkusTest
 * @TestProfile(ApiDocsOffChecks.ProductionDefault.class)
 * class ApiDocsOffTest extends ApiDocsOffChecks {}
 * }</pre>
 */
public abstract class ApiDocsOffChecks {

    /** The API docs switch as production leaves it. */
    public static class ProductionDefault implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("clinic.api-docs", "false");
        }
    }

    @TestHTTPResource(value = "/", management = true)
    protected URL management;

    @Test
    public void noApiDocumentsOnThePublicPort() {
        for (String path : new String[] {"/q/openapi", "/q/openapi?format=json", "/q/swagger-ui", "/q/swagger-ui/"}) {
            given().redirects().follow(false).get(path).then().statusCode(404);
        }
    }

    @Test
    public void noApiDocumentsOnTheManagementPortEither() {
        String base = ResponseChecks.baseUri(management);
        given().baseUri(base).get("/q/openapi").then().statusCode(404);
        given().baseUri(base).get("/q/health/ready").then().statusCode(200);
    }
}
