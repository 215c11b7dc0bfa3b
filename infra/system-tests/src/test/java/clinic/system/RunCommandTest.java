package clinic.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.restassured.RestAssured;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What the run command promises: everything up, and it says where to go and how to log in. */
class RunCommandTest {

    static SystemStack stack;

    @BeforeAll
    static void start() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
        stack = SystemStack.get();
    }

    @Test
    void printsWhereToGoAndEveryDemoAccount() {
        String out = stack.output();
        assertThat(out).contains("The clinic is ready in", stack.portal(), stack.keycloakRealm());
        for (String account : new String[] {"physio ", "physio2 ", "patient ", "patient2 ", "patient3 ", "admin "}) {
            assertThat(out).contains("   " + account);
        }
        assertThat(out).contains("password = user name");
    }

    @Test
    void everyServiceIsReadyWithItsDatabase() {
        for (String management : new String[] {stack.patientServiceManagement(), stack.programServiceManagement()}) {
            given().when()
                    .get(management + "/q/health/ready")
                    .then()
                    .statusCode(200)
                    .body("status", equalTo("UP"))
                    .body("checks.find { it.name == 'Database connections health check' }.status", equalTo("UP"));
        }
        given().when().get(stack.portalManagement() + "/q/health/ready").then().statusCode(200);
    }

    @Test
    void healthAndMetricsAnswerOnlyOnTheManagementPorts() {
        for (String management : new String[] {
            stack.patientServiceManagement(), stack.programServiceManagement(), stack.portalManagement()
        }) {
            given().when().get(management + "/q/health/live").then().statusCode(200);
            given().when()
                    .get(management + "/q/metrics")
                    .then()
                    .statusCode(200)
                    .body(org.hamcrest.Matchers.containsString("jvm_memory_used_bytes"));
        }
        for (String base : new String[] {stack.patientService(), stack.programService()}) {
            for (String path : new String[] {"/q/health/ready", "/q/health/live", "/q/metrics"}) {
                given().when().get(base + path).then().statusCode(404);
            }
        }
        // The portal sends anonymous visitors of any unknown address to the login page; nothing is served there.
        for (String path : new String[] {"/q/health/ready", "/q/metrics"}) {
            given().redirects()
                    .follow(false)
                    .when()
                    .get(stack.portal() + path)
                    .then()
                    .statusCode(org.hamcrest.Matchers.not(200));
        }
    }

    @Test
    void apiDocumentsAreOnForTheDemo() {
        assertThat(stack.output()).contains("/q/swagger-ui", "CLINIC_API_DOCS");
        for (String base : new String[] {stack.patientService(), stack.programService()}) {
            given().accept("application/json")
                    .when()
                    .get(base + "/q/openapi")
                    .then()
                    .statusCode(200)
                    .body("openapi", org.hamcrest.Matchers.startsWith("3."));
            given().when().get(base + "/q/swagger-ui/").then().statusCode(200);
        }
    }
}
