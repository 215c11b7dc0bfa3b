package clinic.program;

import static clinic.program.testing.Fixtures.TOKENS;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The local stack's demo script loads and gives the demo patients a usable program, patient3's with a three-day gap
 * since the last log (not used by other tests).
 */
@QuarkusTest
@TestProfile(DemoDataTest.WithDemoData.class)
class DemoDataTest {

    /** Loads db/demo as the launcher does. */
    public static class WithDemoData implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("clinic.demo-data", "true");
        }
    }

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void demoPatientsHaveAnActivePhaseOneProgramWithAboutSixDaysOfLogs() {
        for (String account : new String[] {"patient", "patient2"}) {
            long id = given().auth()
                    .oauth2(TOKENS.patient(account))
                    .get("/api/programs/me")
                    .then()
                    .statusCode(200)
                    .body("protocol", equalTo("sciatica-phased"))
                    .body("phase", equalTo(1))
                    .body("exercises", hasSize(6))
                    .body("revisions", hasSize(1))
                    .extract()
                    .jsonPath()
                    .getLong("id");
            given().auth()
                    .oauth2(TOKENS.patient(account))
                    .get("/api/programs/{id}/sessions", id)
                    .then()
                    .statusCode(200)
                    .body("size()", greaterThanOrEqualTo(6));
            given().auth()
                    .oauth2(TOKENS.patient(account))
                    .get("/api/programs/{id}/progress", id)
                    .then()
                    .statusCode(200)
                    .body("adherence.logged", equalTo(6));
            // No questionnaire is pre-filled: the demo patient fills in the baseline on the portal.
            given().auth()
                    .oauth2(TOKENS.patient(account))
                    .get("/api/programs/{id}/measures", id)
                    .then()
                    .statusCode(200)
                    .body("size()", equalTo(0));
            given().auth()
                    .oauth2(TOKENS.patient(account))
                    .get("/api/programs/{id}/measures/due", id)
                    .then()
                    .statusCode(200)
                    .body(
                            "due.find { it.instrument == 'PSFS' && it.timepoint == 'BASELINE' }.status",
                            equalTo("OVERDUE"));
        }
        // patient3: the inactivity nudge's demo; four logs, the last three days ago and none since.
        long third = given().auth()
                .oauth2(TOKENS.patient("patient3"))
                .get("/api/programs/me")
                .then()
                .statusCode(200)
                .body("status", equalTo("ACTIVE"))
                .body("carePhysio", equalTo("physio"))
                .body("exercises", hasSize(6))
                .extract()
                .jsonPath()
                .getLong("id");
        List<String> dates = given().auth()
                .oauth2(TOKENS.patient("patient3"))
                .get("/api/programs/{id}/sessions", third)
                .then()
                .statusCode(200)
                .body("size()", equalTo(4))
                .extract()
                .jsonPath()
                .getList("date", String.class);
        assertThat(dates.stream().map(LocalDate::parse).max(LocalDate::compareTo))
                .contains(LocalDate.now().minusDays(3));
        given().auth()
                .oauth2(TOKENS.physio("physio"))
                .get("/api/programs/1")
                .then()
                .statusCode(200)
                .body("patientAccount", equalTo("patient"))
                .body("carePhysio", equalTo("physio"));
    }
}
