package clinic.program;

import static io.restassured.RestAssured.given;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.net.URL;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Production's default (CLINIC_API_DOCS unset, so {@code clinic.api-docs=false}): no OpenAPI document and no Swagger
 * UI on any port; health stays on the management interface.
 */
@QuarkusTest
@TestProfile(ApiDocsOffTest.ProductionDefault.class)
class ApiDocsOffTest {

    public static class ProductionDefault implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("clinic.api-docs", "false");
        }
    }

    @TestHTTPResource(value = "/", management = true)
    URL management;

    @Test
    void noApiDocumentsOnThePublicPort() {
        for (String path : new String[] {"/q/openapi", "/q/openapi?format=json", "/q/swagger-ui", "/q/swagger-ui/"}) {
            given().redirects().follow(false).get(path).then().statusCode(404);
        }
    }

    @Test
    void noApiDocumentsOnTheManagementPortEither() {
        String base = "http://" + management.getHost() + ":" + management.getPort();
        given().baseUri(base).get("/q/openapi").then().statusCode(404);
        given().baseUri(base).get("/q/health/ready").then().statusCode(200);
    }
}
