package clinic.patient;

import static clinic.patient.Fixtures.TOKENS;
import static clinic.patient.Fixtures.clearScreening;
import static clinic.patient.Fixtures.registerPatient;
import static clinic.patient.Fixtures.screen;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import clinic.patient.screening.Outcome;
import clinic.patient.screening.RedFlag;
import clinic.patient.screening.SciaticaSign;
import clinic.patient.screening.Screening;
import clinic.patient.screening.ScreeningRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
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
    void expiredScreeningIsNotCleared() {
        long id = registerPatient();
        long sid = QuarkusTransaction.requiringNew().call(() -> {
            Screening s = new Screening();
            s.patientId = id;
            s.redFlags = EnumSet.noneOf(RedFlag.class);
            s.sciaticaSigns = EnumSet.of(SciaticaSign.PARAESTHESIA);
            s.otherSigns = EnumSet.noneOf(clinic.patient.screening.OtherSign.class);
            s.outcome = Outcome.CLEAR;
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
        Map<String, Object> update = PatientResourceTest.updateOf(PatientResourceTest.readAsPhysio(id));
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
