package clinic.patient.screening;

import static clinic.patient.testing.Fixtures.TOKENS;
import static clinic.patient.testing.Fixtures.clearScreening;
import static clinic.patient.testing.Fixtures.registerPatient;
import static clinic.patient.testing.Fixtures.screen;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.oneOf;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ScreeningResourceTest {

    @Inject
    EntityManager em;

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    @Test
    void sciaticaPatternIsClearAndValidFor90Days() {
        long id = registerPatient();
        screen(id, clearScreening())
                .then()
                .statusCode(201)
                .header("Location", matchesPattern(".*/api/patients/" + id + "/screenings/\\d+$"))
                .body("outcome", equalTo("CLEAR"))
                .body("overridden", equalTo(false))
                .body("screenedBy", equalTo("physio"))
                .body(
                        "validUntil",
                        equalTo(LocalDate.now(ZoneOffset.UTC).plusDays(90).toString()))
                .body("sciaticaSigns", hasItem("PARAESTHESIA"));
    }

    @Test
    void redFlagMeansUrgentReferral() {
        long id = registerPatient();
        Map<String, Object> body = clearScreening();
        body.put("redFlags", List.of("SADDLE_NUMBNESS"));
        screen(id, body).then().statusCode(201).body("outcome", equalTo("URGENT_REFERRAL"));
    }

    @Test
    void mostlyOtherSignsNeedAssessment() {
        long id = registerPatient();
        Map<String, Object> body = new HashMap<>();
        body.put("sciaticaSigns", List.of("PARAESTHESIA"));
        body.put("otherSigns", List.of("ANTERIOR_THIGH_GROIN", "LOCAL_BACK_OR_HIP_ONLY"));
        screen(id, body).then().statusCode(201).body("outcome", equalTo("REFER_FOR_ASSESSMENT"));
    }

    @Test
    void physioMayOverrideReferralForAssessmentWithReason() {
        long id = registerPatient();
        Map<String, Object> body = new HashMap<>();
        body.put("otherSigns", List.of("LOCAL_BACK_OR_HIP_ONLY"));
        body.put("override", Map.of("reason", "Assessed in clinic: mechanical back pain, exercise appropriate."));
        screen(id, body)
                .then()
                .statusCode(201)
                .body("outcome", equalTo("REFER_FOR_ASSESSMENT"))
                .body("overridden", equalTo(true))
                .body("overriddenBy", equalTo("physio"))
                .body("overrideReason", equalTo("Assessed in clinic: mechanical back pain, exercise appropriate."));
    }

    @Test
    void overrideOfUrgentReferralIsRefusedWith422AndNothingIsStored() {
        long id = registerPatient();
        Map<String, Object> body = new HashMap<>();
        body.put("redFlags", List.of("BLADDER_BOWEL"));
        body.put("override", Map.of("reason", "Patient insists."));
        screen(id, body)
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("status", equalTo(422));
        given().auth()
                .oauth2(TOKENS.physio("physio"))
                .when()
                .get("/api/patients/{id}/screenings", id)
                .then()
                .statusCode(200)
                .body("$", hasSize(0));
    }

    @Test
    void overrideWithoutReasonIsInvalid() {
        long id = registerPatient();
        Map<String, Object> body = new HashMap<>();
        body.put("otherSigns", List.of("LOCAL_BACK_OR_HIP_ONLY"));
        body.put("override", Map.of("reason", " "));
        screen(id, body).then().statusCode(400).body("violations.field", hasItem("override.reason"));
    }

    @Test
    void noClassicSignOfSciaticaIsNeverClear() {
        long id = registerPatient();
        screen(id, new HashMap<>())
                .then()
                .statusCode(201)
                .body("outcome", equalTo("REFER_FOR_ASSESSMENT"))
                .body("programHold", nullValue());
        Map<String, Object> hipOnly = new HashMap<>();
        hipOnly.put("otherSigns", List.of("LOCAL_BACK_OR_HIP_ONLY"));
        screen(id, hipOnly).then().statusCode(201).body("outcome", equalTo("REFER_FOR_ASSESSMENT"));
    }

    @Test
    void asManyOtherSignsAsClassicOnesIsAReferralForAssessment() {
        long id = registerPatient();
        Map<String, Object> tie = new HashMap<>();
        tie.put("sciaticaSigns", List.of("RADIATING_BELOW_BUTTOCK"));
        tie.put("otherSigns", List.of("ANTERIOR_THIGH_GROIN"));
        screen(id, tie).then().statusCode(201).body("outcome", equalTo("REFER_FOR_ASSESSMENT"));
    }

    @Test
    void theOldConstantPainSignIsTakenAsTheRedFlag() {
        long id = registerPatient();
        Map<String, Object> body = clearScreening();
        body.put("otherSigns", List.of("POSITION_INDEPENDENT_PAIN"));
        screen(id, body)
                .then()
                .statusCode(201)
                .body("outcome", equalTo("URGENT_REFERRAL"))
                .body("redFlags", equalTo(List.of("CONSTANT_SEVERE_PAIN")))
                .body("otherSigns", hasSize(0));
    }

    @Test
    void anUnknownOtherSignIs400NamingTheField() {
        long id = registerPatient();
        Map<String, Object> body = clearScreening();
        body.put("otherSigns", List.of("KNEE_ONLY"));
        screen(id, body)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations.field", hasItem(startsWith("otherSigns")));
    }

    @Test
    void aRedFlagScreeningIsStoredAndItsHoldKeptForDeliveryWhileProgramServiceIsDown() {
        long id = registerPatient();
        Map<String, Object> body = clearScreening();
        body.put("redFlags", List.of("PROGRESSIVE_WEAKNESS"));
        int screening = screen(id, body)
                .then()
                .statusCode(201)
                .body("outcome", equalTo("URGENT_REFERRAL"))
                .body("programHold", equalTo("PENDING"))
                .extract()
                .path("id");
        Object[] row = QuarkusTransaction.requiringNew().call(() -> (Object[])
                em.createNativeQuery("SELECT patient_id, red_flags, attempts, delivered_at FROM program_hold_request"
                                + " WHERE screening_id = ?1")
                        .setParameter(1, screening)
                        .getSingleResult());
        assertThat(((Number) row[0]).longValue()).isEqualTo(id);
        assertThat(row[1]).isEqualTo("PROGRESSIVE_WEAKNESS");
        assertThat(((Number) row[2]).intValue()).isEqualTo(1);
        assertThat(row[3]).as("not delivered: program-service is down").isNull();
    }

    @Test
    void unknownSignCodeIs400() {
        long id = registerPatient();
        Map<String, Object> body = new HashMap<>();
        body.put("redFlags", List.of("HEADACHE"));
        screen(id, body).then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void outcomeSentByClientIsNotAccepted() {
        long id = registerPatient();
        Map<String, Object> body = new HashMap<>();
        body.put("redFlags", List.of("SYSTEMIC"));
        body.put("outcome", "CLEAR");
        screen(id, body).then().statusCode(400);
    }

    @Test
    void historyIsNewestFirstAndReadableByAdmin() {
        long id = registerPatient();
        long first = screen(id, clearScreening())
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getLong("id");
        Map<String, Object> second = clearScreening();
        second.put("redFlags", List.of("SYSTEMIC"));
        long latest =
                screen(id, second).then().statusCode(201).extract().jsonPath().getLong("id");
        given().auth()
                .oauth2(TOKENS.admin("admin"))
                .when()
                .get("/api/patients/{id}/screenings", id)
                .then()
                .statusCode(200)
                .body("id", equalTo(List.of((int) latest, (int) first)));
        given().auth()
                .oauth2(TOKENS.admin("admin"))
                .when()
                .get("/api/patients/{id}/screenings/{sid}", id, first)
                .then()
                .statusCode(200)
                .body("outcome", equalTo("CLEAR"));
    }

    @Test
    void screeningOfAnotherPatientIsNotFoundUnderThisPatient() {
        long owner = registerPatient();
        long other = registerPatient();
        long sid = screen(owner, clearScreening()).then().extract().jsonPath().getLong("id");
        given().auth()
                .oauth2(TOKENS.physio("physio"))
                .when()
                .get("/api/patients/{id}/screenings/{sid}", other, sid)
                .then()
                .statusCode(404);
    }

    @Test
    void screeningsCannotBeEditedOrDeleted() {
        long id = registerPatient();
        long sid = screen(id, clearScreening()).then().extract().jsonPath().getLong("id");
        given().auth()
                .oauth2(TOKENS.physio("physio"))
                .contentType(ContentType.JSON)
                .body(clearScreening())
                .when()
                .put("/api/patients/{id}/screenings/{sid}", id, sid)
                .then()
                .statusCode(oneOf(404, 405));
        given().auth()
                .oauth2(TOKENS.physio("physio"))
                .when()
                .delete("/api/patients/{id}/screenings/{sid}", id, sid)
                .then()
                .statusCode(oneOf(404, 405));
        given().auth()
                .oauth2(TOKENS.physio("physio"))
                .when()
                .get("/api/patients/{id}/screenings/{sid}", id, sid)
                .then()
                .statusCode(200)
                .body("outcome", equalTo("CLEAR"))
                .body("notes", equalTo("Typical sciatica picture."));
    }

    @Test
    void screeningUnknownPatientIs404() {
        screen(99_999_998L, clearScreening()).then().statusCode(404).contentType("application/problem+json");
    }
}
