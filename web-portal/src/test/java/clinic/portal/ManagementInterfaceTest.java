package clinic.portal;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.RestAssured;
import java.net.URL;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The portal's health and metrics answer only on its management interface (a random port in tests, 9080 in
 * production), never on the public port that the Ingress publishes; its pages say nosniff and name no server.
 */
@QuarkusTest
class ManagementInterfaceTest {

    @TestHTTPResource(value = "/", management = true)
    URL management;

    @TestHTTPResource("/")
    URL site;

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void healthAndMetricsAreOnTheManagementPort() {
        String base = "http://" + management.getHost() + ":" + management.getPort();
        given().baseUri(base).get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        given().baseUri(base).get("/q/health/live").then().statusCode(200);
        given().baseUri(base).get("/q/metrics").then().statusCode(200).body(containsString("jvm_memory_used_bytes"));
        assertThat(management.getPort()).isNotEqualTo(9080).isNotEqualTo(site.getPort());
    }

    @Test
    @TestSecurity(
            user = "admin",
            roles = {"admin"})
    void healthAndMetricsAreNotOnThePublicPort() {
        for (String path : new String[] {"/q/health", "/q/health/ready", "/q/health/live", "/q/metrics"}) {
            given().get(path)
                    .then()
                    .statusCode(404)
                    .header("X-Content-Type-Options", equalTo("nosniff"))
                    .header("Cache-Control", equalTo("no-store"));
        }
    }

    @Test
    @TestSecurity(
            user = "physio",
            roles = {"physio"})
    void pagesAndErrorPagesNameNoServerSoftware() {
        for (String path : new String[] {"/", "/no-such-page"}) {
            var answer = given().get(path);
            assertThat(answer.header("Server")).as(path).isNull();
            assertThat(answer.header("X-Content-Type-Options")).as(path).isEqualTo("nosniff");
            assertThat(answer.body().asString())
                    .as(path)
                    .doesNotContainIgnoringCase("quarkus")
                    .doesNotContainIgnoringCase("vert.x")
                    .doesNotContain(System.getProperty("java.version"));
        }
    }
}
