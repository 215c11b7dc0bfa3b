package clinic.program.outcome;

import static clinic.program.testing.Fixtures.TOKENS;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import clinic.program.audit.AuditRepository;
import clinic.program.testing.Fixtures;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The measures API (docs/api.md, "Questionnaires"); tests run with every shipped instrument switched on. */
@QuarkusTest
class MeasureResourceTest {

    @Inject
    EntityManager em;

    @Inject
    AuditRepository audit;

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    /** RMDQ answers with {@code yes} statements ticked (the first ones), the rest "no". */
    static List<Map<String, Object>> rmdq(int yes) {
        List<Map<String, Object>> answers = new ArrayList<>();
        for (int n = 1; n <= 24; n++) {
            answers.add(Map.of("item", "q" + n, "value", n <= yes ? 1 : 0));
        }
        return answers;
    }

    static List<Map<String, Object>> sbst(int... values) {
        List<Map<String, Object>> answers = new ArrayList<>();
        for (int n = 1; n <= 9; n++) {
            answers.add(Map.of("item", "q" + n, "value", values[n - 1]));
        }
        return answers;
    }

    static Map<String, Object> body(String instrument, String timepoint, LocalDate on, List<Map<String, Object>> a) {
        Map<String, Object> body = new HashMap<>();
        body.put("instrument", instrument);
        if (timepoint != null) {
            body.put("timepoint", timepoint);
        }
        if (on != null) {
            body.put("completedOn", on.toString());
        }
        body.put("answers", a);
        return body;
    }

    static ValidatableResponse post(String token, long programId, Map<String, Object> body) {
        return given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/programs/{id}/measures", programId)
                .then();
    }

    static ValidatableResponse get(String token, String path, long programId) {
        return given().auth().oauth2(token).get(path, programId).then();
    }

    static String physio() {
        return TOKENS.physio("physio");
    }

    /** Moves the program's start {@code days} days back, as if assigned then. */
    void startedDaysAgo(Fixtures.Assigned a, int days) {
        LocalDate start = LocalDate.now().minusDays(days);
        QuarkusTransaction.requiringNew()
                .run(() -> em.createNativeQuery("update program set started_on = ?1, phase_since = ?1 where id = ?2")
                        .setParameter(1, start)
                        .setParameter(2, a.programId())
                        .executeUpdate());
    }

    @Test
    void everyRoleReadsTheInstrumentsWithWhetherTheyAreOffered() {
        for (String token : new String[] {TOKENS.patient("someone"), physio(), TOKENS.admin("admin")}) {
            given().auth()
                    .oauth2(token)
                    .get("/api/instruments")
                    .then()
                    .statusCode(200)
                    .body("code", contains("PSFS", "RMDQ", "SBST"))
                    .body("enabled", contains(true, true, true))
                    .body("find { it.code == 'RMDQ' }.enabledByDefault", equalTo(false))
                    .body("find { it.code == 'RMDQ' }.licence.permissionNeeded", containsString("licence"))
                    .body("find { it.code == 'SBST' }.items", hasSize(9))
                    .body("find { it.code == 'RMDQ' }.mic.points", equalTo(5.0f));
        }
        given().get("/api/instruments").then().statusCode(401);
    }

    @Test
    void thePatientFillsInTheBaselineAndBothSeeItsScore() {
        Fixtures.Assigned a = Fixtures.assignPhase(1);
        post(a.patientToken(), a.programId(), body("RMDQ", null, null, rmdq(7)))
                .statusCode(201)
                .body("timepoint", equalTo("BASELINE"))
                .body("completedOn", equalTo(LocalDate.now().toString()))
                .body("score", equalTo(7))
                .body("scoreMax", equalTo(24.0f))
                .body("higherIsBetter", equalTo(false))
                .body("enteredByRole", equalTo("PATIENT"))
                .body("enteredBy", equalTo(a.account()))
                .body("answers", hasSize(24))
                .body("answers[0].item", equalTo("q1"))
                .body("micReached", nullValue())
                .body("changeFromBaseline", nullValue());
        post(a.patientToken(), a.programId(), body("SBST", "BASELINE", null, sbst(1, 0, 0, 0, 1, 1, 1, 1, 3)))
                .statusCode(201)
                .body("score", equalTo(6))
                .body("subscore", equalTo(5))
                .body("riskGroup", equalTo("HIGH"))
                .body("riskMeaning", containsString("psychologically informed"));
        get(physio(), "/api/programs/{id}/measures", a.programId())
                .statusCode(200)
                .body("instrument", contains("RMDQ", "SBST"))
                .body("[0].instrumentName", equalTo("Roland-Morris Disability Questionnaire"));
        get(a.patientToken(), "/api/programs/{id}/measures/due", a.programId())
                .statusCode(200)
                .body("programId", equalTo((int) a.programId()))
                .body("due.findAll { it.instrument == 'RMDQ' }.timepoint", contains("BASELINE", "WEEK_4", "WEEK_8"))
                .body("due.findAll { it.instrument == 'RMDQ' }.status", contains("DONE", "UPCOMING", "UPCOMING"))
                .body("due.find { it.instrument == 'PSFS' && it.timepoint == 'BASELINE' }.status", equalTo("DUE"))
                .body("due.findAll { it.instrument == 'SBST' }.timepoint", contains("BASELINE"));
        // The physio also sees the discharge questionnaires, asked for at discharge.
        get(physio(), "/api/programs/{id}/measures/due", a.programId())
                .statusCode(200)
                .body(
                        "due.find { it.instrument == 'RMDQ' && it.timepoint == 'DISCHARGE' }.status",
                        equalTo("AT_DISCHARGE"));
        assertThat(audit.count(
                        "programId = ?1 and action = 'MEASURE_RECORDED' and actor = ?2", a.programId(), a.account()))
                .isEqualTo(2);
        assertThat(audit.count("programId = ?1 and action = 'MEASURES_READ' and actor = 'physio'", a.programId()))
                .isEqualTo(1);
        assertThat(audit.count("programId = ?1 and action = 'MEASURES_DUE_READ' and actor = 'physio'", a.programId()))
                .isEqualTo(1);
        // Patients reading their own data are not audited.
        assertThat(audit.count(
                        "programId = ?1 and action = 'MEASURES_DUE_READ' and actor = ?2", a.programId(), a.account()))
                .isZero();
    }

    @Test
    void aTimePointIsAnsweredOnce() {
        Fixtures.Assigned a = Fixtures.assignPhase(1);
        post(a.patientToken(), a.programId(), body("RMDQ", "BASELINE", null, rmdq(3)))
                .statusCode(201);
        post(a.patientToken(), a.programId(), body("RMDQ", "BASELINE", null, rmdq(9)))
                .statusCode(409)
                .contentType("application/problem+json")
                .body("detail", containsString("already answered"));
        // Without a time point nothing else of the RMDQ is open in the first week.
        post(physio(), a.programId(), body("RMDQ", null, null, rmdq(9)))
                .statusCode(422)
                .body(
                        "detail",
                        containsString("WEEK_4 opens on " + LocalDate.now().plusDays(25)));
        get(a.patientToken(), "/api/programs/{id}/measures", a.programId()).body("score", contains(3));
    }

    @Test
    void answersThatDoNotFitAreRefusedWithTheFieldNamed() {
        Fixtures.Assigned a = Fixtures.assignPhase(1);
        List<Map<String, Object>> missing = new ArrayList<>(rmdq(2));
        missing.remove(9);
        post(a.patientToken(), a.programId(), body("RMDQ", null, null, missing))
                .statusCode(422)
                .contentType("application/problem+json")
                .body("violations.message", hasItem("q10 needs an answer, or an explicit skip"));
        List<Map<String, Object>> outOfRange = new ArrayList<>(rmdq(2));
        outOfRange.set(4, Map.of("item", "q5", "value", 3));
        post(a.patientToken(), a.programId(), body("RMDQ", null, null, outOfRange))
                .statusCode(422)
                .body("violations.field", hasItem("answers[4].value"))
                .body("detail", containsString("answers[4].value must be one of 1 (Yes"));
        List<Map<String, Object>> skipped = new ArrayList<>(rmdq(2));
        for (int i = 0; i < 3; i++) {
            skipped.set(i, Map.of("item", "q" + (i + 1), "skipped", true));
        }
        post(a.patientToken(), a.programId(), body("RMDQ", null, null, skipped))
                .statusCode(422)
                .body("violations.message", hasItem("3 questions skipped; RMDQ can be scored with at most 2 skipped"));
        post(a.patientToken(), a.programId(), body("ODI", null, null, rmdq(2)))
                .statusCode(422)
                .body("violations.field", contains("instrument"));
        post(
                        a.patientToken(),
                        a.programId(),
                        body(
                                "PSFS",
                                null,
                                null,
                                List.of(
                                        Map.of("item", "activity1", "text", "Sitting 30 min"),
                                        Map.of("item", "rating1", "value", 11))))
                .statusCode(422)
                .body("violations.message", contains("must be a whole number from 0 to 10"));
        post(a.patientToken(), a.programId(), body("RMDQ", "WEEK_4", null, rmdq(2)))
                .statusCode(422)
                .body("violations.message", hasItem(containsString("WEEK_4 is open from")));
        post(a.patientToken(), a.programId(), body("RMDQ", "DISCHARGE", null, rmdq(2)))
                .statusCode(422)
                .body("violations.message", hasItem(containsString("with your physio")));
        post(a.patientToken(), a.programId(), body("RMDQ", null, LocalDate.now().plusDays(1), rmdq(2)))
                .statusCode(422)
                .body("violations.message", contains("must not be in the future"));
        post(a.patientToken(), a.programId(), body("RMDQ", "WEEK_12", null, rmdq(2)))
                .statusCode(422)
                .body("violations.message", contains(containsString("is not a time point of RMDQ")));
        given().auth()
                .oauth2(a.patientToken())
                .contentType(ContentType.JSON)
                .body("{\"instrument\":\"RMDQ\",\"answers\":[{\"item\":\"q1\",\"value\":\"x\"}]}")
                .post("/api/programs/{id}/measures", a.programId())
                .then()
                .statusCode(400);
        get(a.patientToken(), "/api/programs/{id}/measures", a.programId()).body("$", hasSize(0));
    }

    @Test
    void patientsReachOnlyTheirOwnAndPhysiosOnlyTheirCareTeam() {
        Fixtures.Assigned mine = Fixtures.assignPhase(1);
        Fixtures.Assigned theirs = Fixtures.assignPhase(1);
        post(mine.patientToken(), theirs.programId(), body("RMDQ", null, null, rmdq(1)))
                .statusCode(404);
        get(mine.patientToken(), "/api/programs/{id}/measures", theirs.programId())
                .statusCode(404);
        get(mine.patientToken(), "/api/programs/{id}/measures/due", theirs.programId())
                .statusCode(404);
        Fixtures.Assigned elsewhere = Fixtures.assignPhase(1, "physio2");
        for (ValidatableResponse r : List.of(
                post(physio(), elsewhere.programId(), body("RMDQ", null, null, rmdq(1))),
                get(physio(), "/api/programs/{id}/measures", elsewhere.programId()),
                get(physio(), "/api/programs/{id}/measures/due", elsewhere.programId()))) {
            r.statusCode(403).body("type", endsWith("/not-in-care-team"));
        }
        // Admins read but never fill in a patient's questionnaire.
        post(TOKENS.admin("admin"), mine.programId(), body("RMDQ", null, null, rmdq(1)))
                .statusCode(403);
        get(TOKENS.admin("admin"), "/api/programs/{id}/measures", mine.programId())
                .statusCode(200);
        get(physio(), "/api/programs/{id}/measures", 999_999_999L).statusCode(404);
    }

    @Test
    void dueStatusesMoveWithTheWeeksAndTheFollowUpIsReadAgainstTheBaseline() {
        Fixtures.Assigned a = Fixtures.assignPhase(1);
        startedDaysAgo(a, 26);
        LocalDate start = LocalDate.now().minusDays(26);
        get(a.patientToken(), "/api/programs/{id}/measures/due", a.programId())
                .body("due.findAll { it.instrument == 'RMDQ' }.status", contains("OVERDUE", "DUE", "UPCOMING"))
                .body(
                        "due.find { it.instrument == 'RMDQ' && it.timepoint == 'WEEK_4' }.opensOn",
                        equalTo(start.plusDays(25).toString()))
                .body(
                        "due.find { it.instrument == 'RMDQ' && it.timepoint == 'WEEK_4' }.dueOn",
                        equalTo(start.plusDays(28).toString()));
        // The physio enters the paper baseline on the day it was filled in, the program's first day.
        post(physio(), a.programId(), body("RMDQ", null, start, rmdq(12)))
                .statusCode(201)
                .body("timepoint", equalTo("BASELINE"))
                .body("enteredByRole", equalTo("PHYSIO"))
                .body("completedOn", equalTo(start.toString()));
        // A patient cannot back-date.
        post(a.patientToken(), a.programId(), body("RMDQ", null, start.plusDays(1), rmdq(2)))
                .statusCode(422)
                .body("violations.field", contains("completedOn"));
        // With the baseline done, the patient's questionnaire without a time point is week 4's.
        post(a.patientToken(), a.programId(), body("RMDQ", null, null, rmdq(2)))
                .statusCode(201)
                .body("timepoint", equalTo("WEEK_4"))
                .body("baselineScore", equalTo(12))
                .body("changeFromBaseline", equalTo(-10))
                .body("improved", equalTo(true))
                .body("micReached", equalTo(true));
        // Before the program started is outside it.
        post(physio(), a.programId(), body("PSFS", null, start.minusDays(1), List.of()))
                .statusCode(422)
                .body("violations.field", contains("completedOn"));
        startedDaysAgo(a, 60);
        get(physio(), "/api/programs/{id}/measures/due", a.programId())
                .body("due.find { it.instrument == 'PSFS' && it.timepoint == 'WEEK_4' }.status", equalTo("MISSED"))
                .body("due.find { it.instrument == 'PSFS' && it.timepoint == 'WEEK_8' }.status", equalTo("OVERDUE"))
                .body("due.find { it.instrument == 'RMDQ' && it.timepoint == 'WEEK_4' }.status", equalTo("DONE"));
    }

    @Test
    void aDischargedProgramTakesNoQuestionnaireButStillShowsThem() {
        Fixtures.Assigned a = Fixtures.assignPhase(1);
        post(a.patientToken(), a.programId(), body("RMDQ", null, null, rmdq(4))).statusCode(201);
        QuarkusTransaction.requiringNew()
                .run(() -> em.createNativeQuery("update program set status = 'DISCHARGED', active_patient_id = null,"
                                + " discharged_on = ?1 where id = ?2")
                        .setParameter(1, LocalDate.now())
                        .setParameter(2, a.programId())
                        .executeUpdate());
        post(
                        physio(),
                        a.programId(),
                        body(
                                "PSFS",
                                null,
                                null,
                                List.of(
                                        Map.of("item", "activity1", "text", "Sitting"),
                                        Map.of("item", "rating1", "value", 4))))
                .statusCode(409)
                .contentType("application/problem+json")
                .body("detail", containsString("discharged"));
        get(a.patientToken(), "/api/programs/{id}/measures", a.programId())
                .statusCode(200)
                .body("score", contains(4));
        get(physio(), "/api/programs/{id}/measures/due", a.programId())
                .body("due.find { it.instrument == 'RMDQ' && it.timepoint == 'BASELINE' }.status", equalTo("DONE"))
                .body("due.find { it.instrument == 'PSFS' && it.timepoint == 'BASELINE' }.status", equalTo("MISSED"))
                .body("due.status", not(hasItem("AT_DISCHARGE")));
    }

    @Test
    void progressShowsEachTrendTheRiskGroupAndReviewsAWorseDisability() {
        Fixtures.Assigned a = Fixtures.assignPhase(1);
        startedDaysAgo(a, 27);
        LocalDate start = LocalDate.now().minusDays(27);
        Fixtures.logSession(a, 3, 3, List.of());
        get(physio(), "/api/programs/{id}/progress", a.programId())
                .body("suggestion.ruleCode", equalTo("ADVANCE_TO_2"))
                .body("measures", hasSize(0))
                .body("stratification", nullValue());
        post(physio(), a.programId(), body("RMDQ", "BASELINE", start, rmdq(8))).statusCode(201);
        post(physio(), a.programId(), body("SBST", "BASELINE", start, sbst(1, 1, 0, 0, 0, 0, 0, 0, 2)))
                .statusCode(201);
        post(a.patientToken(), a.programId(), body("RMDQ", "WEEK_4", null, rmdq(13)))
                .statusCode(201);
        get(physio(), "/api/programs/{id}/progress", a.programId())
                .statusCode(200)
                .body("measures", hasSize(1))
                .body("measures[0].instrument", equalTo("RMDQ"))
                .body("measures[0].higherIsBetter", equalTo(false))
                .body("measures[0].scoreMax", equalTo(24.0f))
                .body("measures[0].mic.points", equalTo(5.0f))
                .body("measures[0].points.timepoint", contains("BASELINE", "WEEK_4"))
                .body("measures[0].baselineScore", equalTo(8))
                .body("measures[0].latestScore", equalTo(13))
                .body("measures[0].changeFromBaseline", equalTo(5))
                .body("measures[0].micReached", equalTo(false))
                .body("stratification.riskGroup", equalTo("LOW"))
                .body("stratification.meaning", containsString("self-manage"))
                .body("stratification.completedOn", equalTo(start.toString()))
                .body("suggestion.action", equalTo("HOLD"))
                .body("suggestion.ruleCode", equalTo("DISABILITY_WORSENED"))
                .body("suggestion.rule", containsString("RMDQ went from 8 at baseline to 13"));
    }
}
