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
        for (String account : new String[] {"physio ", "physio2 ", "patient ", "patient2 ", "admin "}) {
            assertThat(out).contains("   " + account);
        }
        assertThat(out).contains("password = user name");
    }

    @Test
    void everyServiceIsReadyWithItsDatabase() {
        for (String base : new String[] {stack.patientService(), stack.programService()}) {
            given().when()
                    .get(base + "/q/health/ready")
                    .then()
                    .statusCode(200)
                    .body("status", equalTo("UP"))
                    .body("checks.find { it.name == 'Database connections health check' }.status", equalTo("UP"));
        }
        given().when().get(stack.portal() + "/q/health/ready").then().statusCode(200);
    }

    @Test
    void operationsEndpointsAreOpenWithoutToken() {
        for (String base : new String[] {stack.patientService(), stack.programService()}) {
            given().when().get(base + "/q/health/live").then().statusCode(200);
            given().when().get(base + "/q/metrics").then().statusCode(200);
            given().accept("application/json")
                    .when()
                    .get(base + "/q/openapi")
                    .then()
                    .statusCode(200)
                    .body("openapi", org.hamcrest.Matchers.startsWith("3."));
        }
    }
}
