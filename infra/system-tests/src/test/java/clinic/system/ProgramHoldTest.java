package clinic.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A red flag stops the program for the whole course of care, on the running clinic with real Keycloak tokens: a
 * screening with a red flag holds the active program through patient-service's delivery (with its own service
 * account), also when program-service was down at the time; only a new clear screening lets a physio resume; and a
 * screening with no sign of sciatica does not clear.
 */
class ProgramHoldTest {

    @BeforeAll
    static void start() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
        SystemStack.get();
    }

    /** The running clinic; a method, not a field, since other tests use this class's helpers. */
    static SystemStack stack() {
        return SystemStack.get();
    }

    @Test
    void aRedFlagScreeningHoldsTheProgramAndOnlyANewClearScreeningLetsThePhysioResume() {
        String physio = Tokens.demo("physio");
        long patient = register(physio, "Holden");
        assertThat(screen(physio, patient, List.of()).getString("outcome")).isEqualTo("CLEAR");
        long program = assign(physio, patient);

        JsonPath redFlag = screen(physio, patient, List.of("SYSTEMIC"));
        assertThat(redFlag.getString("outcome")).isEqualTo("URGENT_REFERRAL");
        assertThat(redFlag.getString("programHold")).isIn("DELIVERED", "PENDING");

        JsonPath held = awaitStatus(physio, program, "ON_HOLD", Duration.ofSeconds(30));
        assertThat(held.getString("hold.source")).isEqualTo("SCREENING");
        assertThat(held.getList("hold.redFlags")).containsExactly("SYSTEMIC");

        // The latest screening has a red flag: no resume.
        given().auth()
                .oauth2(physio)
                .contentType("application/json")
                .body(Map.of("reason", "Feels better"))
                .post(stack().programService() + "/api/programs/" + program + "/resume")
                .then()
                .statusCode(422);

        // GP found no infection; screened again, clear: the physio resumes with a reason.
        assertThat(screen(physio, patient, List.of()).getString("outcome")).isEqualTo("CLEAR");
        JsonPath resumed = given().auth()
                .oauth2(physio)
                .contentType("application/json")
                .body(Map.of("reason", "GP excluded infection; screened clear again"))
                .post(stack().programService() + "/api/programs/" + program + "/resume")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(resumed.getString("status")).isEqualTo("ACTIVE");
        assertThat(resumed.getString("hold")).isNull();
        assertThat(resumed.getList("revisions.reason", String.class))
                .anyMatch(r -> r.startsWith("On hold"))
                .anyMatch(r -> r.contains("GP excluded infection"));
    }

    @Test
    void aHoldRecordedWhileProgramServiceIsDownArrivesWhenItIsBack() throws Exception {
        String physio = Tokens.demo("physio");
        long patient = register(physio, "Outage");
        screen(physio, patient, List.of());
        long program = assign(physio, patient);

        ProcessHandle programService = stack().find("program-service/target/quarkus-app");
        SystemStack.Recipe recipe = SystemStack.Recipe.of(programService);
        programService.destroy();
        programService.onExit().get(30, TimeUnit.SECONDS);
        try {
            JsonPath redFlag = screen(physio, patient, List.of("BLADDER_BOWEL"));
            assertThat(redFlag.getString("outcome")).isEqualTo("URGENT_REFERRAL");
            assertThat(redFlag.getString("programHold"))
                    .as("recorded for delivery, the screening itself not refused")
                    .isEqualTo("PENDING");
        } finally {
            // The restarted service stays up for the tests after this one and stops with the clinic; they need it
            // ready whatever happened above.
            stack().adopt(recipe.start(stack().dataDir.resolve("logs/program-service-restarted-hold.log")));
            SystemStack.awaitUp(stack().programServiceManagement() + "/q/health/ready", Duration.ofSeconds(90));
        }

        JsonPath held = awaitStatus(physio, program, "ON_HOLD", Duration.ofSeconds(90));
        assertThat(held.getString("hold.source")).isEqualTo("SCREENING");
        assertThat(held.getList("hold.redFlags")).containsExactly("BLADDER_BOWEL");
    }

    @Test
    void aScreeningWithNoSignOfSciaticaDoesNotClear() {
        String physio = Tokens.demo("physio");
        long patient = register(physio, "Hip");
        JsonPath hipOnly = given().auth()
                .oauth2(physio)
                .contentType("application/json")
                .body(Map.of("otherSigns", List.of("LOCAL_BACK_OR_HIP_ONLY")))
                .post(stack().patientService() + "/api/patients/" + patient + "/screenings")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath();
        assertThat(hipOnly.getString("outcome")).isEqualTo("REFER_FOR_ASSESSMENT");
        given().auth()
                .oauth2(physio)
                .get(stack().patientService() + "/api/patients/" + patient + "/clearance")
                .then()
                .statusCode(200)
                .body("cleared", org.hamcrest.Matchers.equalTo(false));
        given().auth()
                .oauth2(physio)
                .contentType("application/json")
                .body(Map.of("patientId", patient, "protocol", "sciatica-phased", "phase", 1))
                .post(stack().programService() + "/api/programs")
                .then()
                .statusCode(422);
    }

    static long register(String physio, String family) {
        return ((Number) given().auth()
                        .oauth2(physio)
                        .contentType("application/json")
                        .body(Map.of(
                                "givenName",
                                "Sky",
                                "familyName",
                                family + Long.toString(System.nanoTime(), 36),
                                "dateOfBirth",
                                "1975-04-09"))
                        .post(stack().patientService() + "/api/patients")
                        .then()
                        .statusCode(201)
                        .extract()
                        .path("id"))
                .longValue();
    }

    /** A screening with the classic sciatica pattern and the given red flags. */
    static JsonPath screen(String physio, long patient, List<String> redFlags) {
        return given().auth()
                .oauth2(physio)
                .contentType("application/json")
                .body(Map.of("redFlags", redFlags, "sciaticaSigns", List.of("RADIATING_BELOW_BUTTOCK", "PARAESTHESIA")))
                .post(stack().patientService() + "/api/patients/" + patient + "/screenings")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath();
    }

    static long assign(String physio, long patient) {
        return ((Number) given().auth()
                        .oauth2(physio)
                        .contentType("application/json")
                        .body(Map.of("patientId", patient, "protocol", "sciatica-phased", "phase", 1))
                        .post(stack().programService() + "/api/programs")
                        .then()
                        .statusCode(201)
                        .extract()
                        .path("id"))
                .longValue();
    }

    static JsonPath awaitStatus(String token, long program, String status, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        JsonPath last;
        do {
            last = given().auth()
                    .oauth2(token)
                    .get(stack().programService() + "/api/programs/" + program)
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            if (status.equals(last.getString("status"))) {
                return last;
            }
            SystemStack.sleep(500);
        } while (Instant.now().isBefore(deadline));
        throw new AssertionError(
                "program " + program + " not " + status + " within " + timeout + ": " + last.prettify());
    }
}
