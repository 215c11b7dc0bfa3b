package clinic.patient.clearance;

import static clinic.patient.testing.Fixtures.TOKENS;
import static clinic.patient.testing.Fixtures.clearScreening;
import static clinic.patient.testing.Fixtures.registerPatient;
import static clinic.patient.testing.Fixtures.screen;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import clinic.patient.screening.Screening;
import clinic.patient.screening.ScreeningRepository;
import clinic.patient.testing.Fixtures;
import clinic.rules.RedFlag;
import clinic.rules.SciaticaSign;
import clinic.rules.ScreeningOutcome;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ClearanceResourceTest {

    @Inject
    ScreeningRepository screenings;

    @Inject
    EntityManager em;

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void patientWithoutScreeningIsNotCleared() {
        long id = registerPatient();
        clearance(id)
                .body("patientId", equalTo((int) id))
                .body("cleared", equalTo(false))
                .body("reason", containsString("No screening"))
                .body("screeningId", nullValue())
                .body("validUntil", nullValue())
                .body("carePhysio", equalTo("physio"))
                .body("patientAccount", nullValue());
    }

    @Test
    void clearScreeningClearsWithItsIdAndValidity() {
        long id = registerPatient();
        int sid = screen(id, clearScreening()).then().statusCode(201).extract().path("id");
        clearance(id)
                .body("cleared", equalTo(true))
                .body("screeningId", equalTo(sid))
                .body(
                        "validUntil",
                        equalTo(LocalDate.now(ZoneOffset.UTC).plusDays(90).toString()));
    }

    @Test
    void urgentReferralIsNotCleared() {
        long id = registerPatient();
        Map<String, Object> body = clearScreening();
        body.put("redFlags", List.of("PROGRESSIVE_WEAKNESS"));
        screen(id, body).then().statusCode(201);
        clearance(id).body("cleared", equalTo(false)).body("reason", containsString("urgent"));
    }

    @Test
    void referralForAssessmentIsNotClearedUntilOverridden() {
        long id = registerPatient();
        Map<String, Object> body = new HashMap<>();
        body.put("otherSigns", List.of("ANTERIOR_THIGH_GROIN"));
        screen(id, body).then().statusCode(201);
        clearance(id).body("cleared", equalTo(false)).body("reason", containsString("assessment"));

        body.put("override", Map.of("reason", "Hip excluded on examination."));
        screen(id, body).then().statusCode(201);
        clearance(id).body("cleared", equalTo(true)).body("reason", containsString("override"));
    }

    @Test
    void onlyTheLatestScreeningCounts() {
        long id = registerPatient();
        screen(id, clearScreening()).then().statusCode(201);
        Map<String, Object> worse = clearScreening();
        worse.put("redFlags", List.of("SYSTEMIC"));
        screen(id, worse).then().statusCode(201);
        clearance(id).body("cleared", equalTo(false));
    }

    @Test
    void clearanceSaysWhenTheLatestScreeningWasMade() {
        long id = registerPatient();
        String screenedAt =
                screen(id, clearScreening()).then().statusCode(201).extract().path("screenedAt");
        clearance(id).body("cleared", equalTo(true)).body("screenedAt", equalTo(screenedAt));
    }

    @Test
    void aScreeningStoredWithTheOldConstantPainSignNoLongerClearsAfterTheMigration() throws Exception {
        long id = registerPatient();
        // A row as the first release stored it: constant severe pain as an "other" sign, outcome CLEAR.
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("INSERT INTO screening (patient_id,"
                        + " red_flags, sciatica_signs, other_signs, outcome, overridden, screened_at, screened_by,"
                        + " valid_until) VALUES (?1, '', 'PARAESTHESIA,RADIATING_BELOW_BUTTOCK,WORSE_SITTING_COUGHING',"
                        + " 'ANTERIOR_THIGH_GROIN,POSITION_INDEPENDENT_PAIN', 'CLEAR', FALSE, ?2, 'physio', ?3)")
                .setParameter(1, id)
                .setParameter(2, LocalDateTime.now(ZoneOffset.UTC))
                .setParameter(3, LocalDate.now(ZoneOffset.UTC).plusDays(30))
                .executeUpdate());
        // Readable as stored: the code no longer in the vocabulary is skipped, nothing fails.
        given().auth()
                .oauth2(TOKENS.physio("physio"))
                .get("/api/patients/{id}/screenings", id)
                .then()
                .statusCode(200)
                .body("[0].otherSigns", equalTo(List.of("ANTERIOR_THIGH_GROIN")));

        String migration;
        try (var in = getClass().getResourceAsStream("/db/migration/V2__constant_severe_pain_is_a_red_flag.sql")) {
            migration = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        String update = migration
                .lines()
                .filter(line -> !line.startsWith("--"))
                .reduce("", (a, b) -> a + "\n" + b)
                .replace(";", "");
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(update).executeUpdate());

        given().auth()
                .oauth2(TOKENS.physio("physio"))
                .get("/api/patients/{id}/screenings", id)
                .then()
                .statusCode(200)
                .body("[0].redFlags", equalTo(List.of("CONSTANT_SEVERE_PAIN")))
                .body("[0].otherSigns", equalTo(List.of("ANTERIOR_THIGH_GROIN")))
                .body("[0].outcome", equalTo("CLEAR"));
        clearance(id).body("cleared", equalTo(false)).body("reason", containsString("red flag"));
    }

    @Test
    void expiredScreeningIsNotCleared() {
        long id = registerPatient();
        long sid = QuarkusTransaction.requiringNew().call(() -> {
            Screening s = new Screening();
            s.patientId = id;
            s.redFlags = EnumSet.noneOf(RedFlag.class);
            s.sciaticaSigns = EnumSet.of(SciaticaSign.PARAESTHESIA);
            s.otherSigns = EnumSet.noneOf(clinic.rules.OtherSign.class);
            s.outcome = ScreeningOutcome.CLEAR;
            s.screenedAt = Instant.now().minus(100, ChronoUnit.DAYS);
            s.screenedBy = "physio";
            s.validUntil = LocalDate.now(ZoneOffset.UTC).minusDays(10);
            screenings.persist(s);
            return s.id;
        });
        clearance(id)
                .body("cleared", equalTo(false))
                .body("reason", containsString("expired"))
                .body("screeningId", equalTo((int) sid));
    }

    @Test
    void dischargedPatientIsNotCleared() {
        long id = registerPatient();
        screen(id, clearScreening()).then().statusCode(201);
        Map<String, Object> update = Fixtures.updateOf(Fixtures.readAsPhysio(id));
        update.put("status", "DISCHARGED");
        given().auth()
                .oauth2(TOKENS.physio("physio"))
                .contentType(ContentType.JSON)
                .body(update)
                .put("/api/patients/{id}", id)
                .then()
                .statusCode(200);
        clearance(id).body("cleared", equalTo(false)).body("reason", containsString("discharged"));
    }

    @Test
    void adminMayReadClearance() {
        long id = registerPatient();
        given().auth()
                .oauth2(TOKENS.admin("admin"))
                .when()
                .get("/api/patients/{id}/clearance", id)
                .then()
                .statusCode(200)
                .body("cleared", equalTo(false));
    }

    @Test
    void unknownPatientClearanceIs404() {
        given().auth()
                .oauth2(TOKENS.physio("physio"))
                .when()
                .get("/api/patients/{id}/clearance", 99_999_997)
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
    }

    private static ValidatableResponse clearance(long id) {
        return given().auth()
                .oauth2(TOKENS.physio("physio"))
                .when()
                .get("/api/patients/{id}/clearance", id)
                .then()
                .statusCode(200);
    }
}
