package clinic.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.RestAssured;
import io.restassured.response.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * patient-service stops while a physio assigns a program: a clear 503, nothing written; once it is back, the
 * same request works without restarting anything else.
 */
class PatientServiceDownTest {

    static SystemStack stack;

    @BeforeAll
    static void start() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
        stack = SystemStack.get();
    }

    @Test
    void assigningWhilePatientServiceIsDownAnswers503AndWritesNothingThenRecovers() throws Exception {
        String physio = Tokens.demo("physio");
        String program = stack.programService() + "/api/programs/1";
        long versionBefore = version(physio, program);
        String assign = "{\"patientId\":1,\"protocol\":\"sciatica-phased\",\"phase\":1}";

        ProcessHandle patientService = stack.find("patient-service/target/quarkus-app");
        // Started again exactly as the launcher started it (command, directory, environment), after the stop.
        SystemStack.Recipe recipe = SystemStack.Recipe.of(patientService);
        patientService.destroy();
        patientService.onExit().get(30, TimeUnit.SECONDS);

        Response refused = assign(physio, assign);
        assertThat(refused.statusCode()).isEqualTo(503);
        assertThat(refused.header("Retry-After")).isNotBlank();
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(version(physio, program)).as("nothing written").isEqualTo(versionBefore);

        // The restarted service stays up for the tests after this one; the clinic's stop takes it down.
        stack.adopt(recipe.start(stack.dataDir.resolve("logs/patient-service-restarted.log")));
        SystemStack.awaitUp(stack.patientServiceManagement() + "/q/health/ready", Duration.ofSeconds(90));

        // The circuit breaker lets requests through again after its delay; nothing else is restarted.
        Instant deadline = Instant.now().plusSeconds(60);
        int status;
        do {
            status = assign(physio, assign).statusCode();
            if (status == 503) {
                SystemStack.sleep(2000);
            }
        } while (status == 503 && Instant.now().isBefore(deadline));
        assertThat(status).as("assigning works again").isIn(200, 201);
        assertThat(version(physio, program)).isGreaterThan(versionBefore);
    }

    private static Response assign(String token, String body) {
        return given().auth()
                .oauth2(token)
                .contentType("application/json")
                .body(body)
                .post(stack.programService() + "/api/programs");
    }

    private static long version(String token, String program) {
        return ((Number) given().auth()
                        .oauth2(token)
                        .get(program)
                        .then()
                        .statusCode(200)
                        .extract()
                        .path("version"))
                .longValue();
    }
}
