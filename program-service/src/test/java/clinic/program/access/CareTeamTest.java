package clinic.program.access;

import static clinic.program.testing.Fixtures.TOKENS;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasToString;
import static org.hamcrest.Matchers.notNullValue;

import clinic.program.audit.AuditEvent;
import clinic.program.audit.AuditRepository;
import clinic.program.testing.FakePatientService;
import clinic.program.testing.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Care teams (issue 15): a physio reaches a patient's programs, sessions, progress and alerts only when
 * patient-service says so (care physio, care team, break-the-glass grant); admins and patients keep their rules.
 * The fake patient-service answers per token user; the test profile keeps allowed answers for 2 s.
 */
@QuarkusTest
class CareTeamTest {

    private static final String NOT_IN_CARE_TEAM = "https://clinic.example/problems/not-in-care-team";

    @Inject
    AuditRepository audit;

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    private static ValidatableResponse read(String physio, String path, long programId) {
        return given().auth().oauth2(TOKENS.physio(physio)).get(path, programId).then();
    }

    private static void assertNotInCareTeam(ValidatableResponse response, long patientId, String carePhysio) {
        response.statusCode(403)
                .contentType("application/problem+json")
                .body("type", equalTo(NOT_IN_CARE_TEAM))
                .body("title", equalTo("Not in care team"))
                .body("status", equalTo(403))
                .body("patientId", hasToString(String.valueOf(patientId)))
                .body("carePhysio", equalTo(carePhysio))
                .body("breakGlass", equalTo("/api/patients/" + patientId + "/access"));
    }

    private long refusals(long patientId, String actor) {
        return audit.count("patientId = ?1 and actor = ?2 and outcome = ?3", patientId, actor, AuditEvent.REFUSED);
    }

    @Test
    void theCarePhysioReadsTheirPatientsProgramSessionsAndProgress() {
        Fixtures.Assigned a = Fixtures.assignPhase(1, "physio");
        read("physio", "/api/programs/{id}", a.programId()).statusCode(200);
        read("physio", "/api/programs/{id}/sessions", a.programId()).statusCode(200);
        read("physio", "/api/programs/{id}/progress", a.programId()).statusCode(200);
        given().auth()
                .oauth2(TOKENS.physio("physio"))
                .queryParam("patientId", a.patientId())
                .get("/api/programs")
                .then()
                .statusCode(200);
        assertThat(refusals(a.patientId(), "physio")).isZero();
    }

    @Test
    void anotherPhysiosPatientIs403WithWhomToAskForEveryReadAndChangeAndNothingIsWritten() {
        Fixtures.Assigned a = Fixtures.assignPhase(1, "physio2");
        long id = a.programId();
        assertNotInCareTeam(read("physio", "/api/programs/{id}", id), a.patientId(), "physio2");
        assertNotInCareTeam(read("physio", "/api/programs/{id}/sessions", id), a.patientId(), "physio2");
        assertNotInCareTeam(read("physio", "/api/programs/{id}/progress", id), a.patientId(), "physio2");
        assertNotInCareTeam(
                given().auth()
                        .oauth2(TOKENS.physio("physio"))
                        .queryParam("patientId", a.patientId())
                        .get("/api/programs")
                        .then(),
                a.patientId(),
                "physio2");
        assertNotInCareTeam(
                given().auth()
                        .oauth2(TOKENS.physio("physio"))
                        .contentType(ContentType.JSON)
                        .body(Map.of("phase", 2, "reason", "doing well", "version", 0))
                        .post("/api/programs/{id}/phase", id)
                        .then(),
                a.patientId(),
                "physio2");
        assertNotInCareTeam(
                given().auth()
                        .oauth2(TOKENS.physio("physio"))
                        .contentType(ContentType.JSON)
                        .body(Map.of("patientId", a.patientId(), "protocol", "sciatica-phased", "phase", 3))
                        .post("/api/programs")
                        .then(),
                a.patientId(),
                "physio2");
        assertNotInCareTeam(
                given().auth()
                        .oauth2(TOKENS.physio("physio"))
                        .contentType(ContentType.JSON)
                        .body(Map.of("reason", "cleared again"))
                        .post("/api/programs/{id}/resume", id)
                        .then(),
                a.patientId(),
                "physio2");
        assertNotInCareTeam(
                given().auth()
                        .oauth2(TOKENS.physio("physio"))
                        .contentType(ContentType.JSON)
                        .body(Map.of(
                                "patientId",
                                a.patientId(),
                                "screeningId",
                                900_000 + id,
                                "redFlags",
                                List.of("SYSTEMIC")))
                        .post("/api/programs/holds")
                        .then(),
                a.patientId(),
                "physio2");
        // Nothing changed: still phase 1, ACTIVE, revision 1.
        read("physio2", "/api/programs/{id}", id)
                .statusCode(200)
                .body("phase", equalTo(1))
                .body("status", equalTo("ACTIVE"))
                .body("revision", equalTo(1));
        assertThat(refusals(a.patientId(), "physio")).isEqualTo(8);
        AuditEvent row = audit.find(
                        "patientId = ?1 and actor = 'physio' and action = 'PROGRAM_PHASE_CHANGED'", a.patientId())
                .firstResult();
        assertThat(row.outcome).isEqualTo("REFUSED");
        assertThat(row.reason).isEqualTo("not in care team");
        assertThat(row.programId).isEqualTo(id);
        assertThat(audit.count("patientId = ?1 and actor = 'physio' and outcome = 'ALLOWED'", a.patientId()))
                .isZero();
    }

    @Test
    void alertsOfAnotherPhysiosPatientCannotBeAcknowledged() {
        Fixtures.Assigned a = Fixtures.assignPhase(1, "physio2");
        logSession(a, 8, 9); // SEVERE_PAIN alert for physio2's patient
        long alertId = given().auth()
                .oauth2(TOKENS.physio("physio2"))
                .get("/api/alerts")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getLong("find { it.programId == " + a.programId() + " }.id");
        assertNotInCareTeam(
                given().auth()
                        .oauth2(TOKENS.physio("physio"))
                        .contentType(ContentType.JSON)
                        .body(Map.of("note", "seen"))
                        .post("/api/alerts/{id}/acknowledge", alertId)
                        .then(),
                a.patientId(),
                "physio2");
        given().auth()
                .oauth2(TOKENS.physio("physio2"))
                .contentType(ContentType.JSON)
                .body(Map.of("note", "called the patient"))
                .post("/api/alerts/{id}/acknowledge", alertId)
                .then()
                .statusCode(200)
                .body("status", equalTo("ACKNOWLEDGED"))
                .body("acknowledgedBy", equalTo("physio2"));
    }

    @Test
    void afterBreakingTheGlassThePhysioIsAllowedAtOnceAndTheAuditSaysSo() {
        Fixtures.Assigned a = Fixtures.assignPhase(1, "physio2");
        assertNotInCareTeam(read("physio", "/api/programs/{id}", a.programId()), a.patientId(), "physio2");
        // patient-service grants break-the-glass: the refusal was not kept, so the next read is allowed at once.
        FakePatientService.breakGlass(a.patientId(), "physio", Instant.now().plus(12, ChronoUnit.HOURS));
        read("physio", "/api/programs/{id}", a.programId()).statusCode(200);
        AuditEvent allowed = audit.find(
                        "patientId = ?1 and actor = 'physio' and action = 'PROGRAM_READ' and outcome = 'ALLOWED'",
                        a.patientId())
                .firstResult();
        assertThat(allowed.reason).isEqualTo("break-the-glass access");
    }

    @Test
    void aGrantThatHasExpiredIsNoLongerAccess() {
        Fixtures.Assigned a = Fixtures.assignPhase(1, "physio2");
        FakePatientService.breakGlass(a.patientId(), "physio", Instant.now().plusMillis(300));
        read("physio", "/api/programs/{id}", a.programId()).statusCode(200);
        sleep(700);
        // The allowed answer was kept no longer than the grant's expiresAt.
        assertNotInCareTeam(read("physio", "/api/programs/{id}", a.programId()), a.patientId(), "physio2");
    }

    @Test
    void afterATransferTheFormerCarePhysioIsRefusedOnceTheShortCacheHasExpired() {
        Fixtures.Assigned a = Fixtures.assignPhase(1, "physio");
        sleep(2_100); // the assignment's own answer expires
        int before = FakePatientService.accessCalls(a.patientId()) + FakePatientService.accessibleCalls("physio");
        long start = System.nanoTime();
        read("physio", "/api/programs/{id}", a.programId()).statusCode(200);
        read("physio", "/api/programs/{id}/progress", a.programId()).statusCode(200);
        if (System.nanoTime() - start < 1_500_000_000L) {
            // Within the cache's life the second read did not ask patient-service again.
            assertThat(FakePatientService.accessCalls(a.patientId()) + FakePatientService.accessibleCalls("physio"))
                    .isEqualTo(before + 1);
        }
        FakePatientService.transfer(a.patientId(), "physio2");
        sleep(2_100);
        assertNotInCareTeam(read("physio", "/api/programs/{id}", a.programId()), a.patientId(), "physio2");
        // Program.carePhysio is only the copy taken at assignment; the new care physio is allowed.
        read("physio2", "/api/programs/{id}", a.programId()).statusCode(200).body("carePhysio", equalTo("physio"));
    }

    @Test
    void patientServiceDownIs503WithRetryAfterAndNothingIsWritten() {
        Fixtures.Assigned a = Fixtures.assignPhase(1, "physio");
        FakePatientService.addToTeam(a.patientId(), "physio2");
        // Down for both questions: about this patient, and for physio2's list of patients.
        FakePatientService.dropConnection(a.patientId());
        FakePatientService.accessibleDown(true);
        try {
            patientServiceDownRefusesPhysio2(a);
        } finally {
            FakePatientService.accessibleDown(false);
        }
    }

    private void patientServiceDownRefusesPhysio2(Fixtures.Assigned a) {
        given().auth()
                .oauth2(TOKENS.physio("physio2"))
                .contentType(ContentType.JSON)
                .body(Map.of("phase", 2, "reason", "doing well", "version", 0))
                .post("/api/programs/{id}/phase", a.programId())
                .then()
                .statusCode(503)
                .contentType("application/problem+json")
                .header("Retry-After", notNullValue());
        read("physio2", "/api/programs/{id}/sessions", a.programId()).statusCode(503);
        given().auth()
                .oauth2(TOKENS.admin("admin"))
                .get("/api/programs/{id}", a.programId())
                .then()
                .statusCode(200)
                .body("phase", equalTo(1))
                .body("revision", equalTo(1));
        assertThat(audit.count("patientId = ?1 and actor = 'physio2'", a.patientId()))
                .isZero();
    }

    @Test
    void aPhysioMovingFromPatientToPatientAsksPatientServiceOnceForTheirWholeList() {
        String physio = "physio-list-" + FakePatientService.newPatientId();
        Fixtures.Assigned first = Fixtures.assignPhase(1, physio);
        Fixtures.Assigned second = Fixtures.assignPhase(1, physio);
        Fixtures.Assigned shared = Fixtures.assignPhase(1, "physio2");
        FakePatientService.addToTeam(shared.patientId(), physio);
        Fixtures.Assigned glass = Fixtures.assignPhase(1, "physio2");
        FakePatientService.breakGlass(glass.patientId(), physio, Instant.now().plus(1, ChronoUnit.HOURS));
        Fixtures.Assigned foreign = Fixtures.assignPhase(1, "physio2");
        sleep(2_100); // the answers of the assignments expire
        int lists = FakePatientService.accessibleCalls(physio);
        int single = FakePatientService.accessCalls(first.patientId())
                + FakePatientService.accessCalls(second.patientId())
                + FakePatientService.accessCalls(shared.patientId())
                + FakePatientService.accessCalls(glass.patientId());
        long start = System.nanoTime();
        read(physio, "/api/programs/{id}", first.programId()).statusCode(200);
        read(physio, "/api/programs/{id}/progress", second.programId()).statusCode(200);
        read(physio, "/api/programs/{id}/sessions", shared.programId()).statusCode(200);
        read(physio, "/api/programs/{id}", glass.programId()).statusCode(200);
        // Not on the list: asked about on its own, and refused as before.
        assertNotInCareTeam(read(physio, "/api/programs/{id}", foreign.programId()), foreign.patientId(), "physio2");
        if (System.nanoTime() - start < 1_500_000_000L) {
            assertThat(FakePatientService.accessibleCalls(physio)).isEqualTo(lists + 1);
            assertThat(FakePatientService.accessCalls(first.patientId())
                            + FakePatientService.accessCalls(second.patientId())
                            + FakePatientService.accessCalls(shared.patientId())
                            + FakePatientService.accessCalls(glass.patientId()))
                    .isEqualTo(single);
        }
        // The list said which access each patient came by: the grant's read is audited as breaking the glass.
        AuditEvent viaGlass = audit.find(
                        "patientId = ?1 and actor = ?2 and outcome = 'ALLOWED' and action = 'PROGRAM_READ'",
                        glass.patientId(),
                        physio)
                .firstResult();
        assertThat(viaGlass.reason).isEqualTo("break-the-glass access");
        AuditEvent viaCare = audit.find(
                        "patientId = ?1 and actor = ?2 and outcome = 'ALLOWED' and action = 'PROGRAM_READ'",
                        first.patientId(),
                        physio)
                .firstResult();
        assertThat(viaCare.reason).isNull();
    }

    @Test
    void theAlertInboxListsOnlyPatientsThePhysioMayReachWithOneAuditRowPerPatient() {
        Fixtures.Assigned own = Fixtures.assignPhase(1, "physio");
        Fixtures.Assigned second = Fixtures.assignPhase(1, "physio");
        Fixtures.Assigned foreign = Fixtures.assignPhase(1, "physio2");
        logSession(own, 8, 9);
        logSession(own, 8, 8);
        logSession(second, 8, 9);
        logSession(foreign, 8, 9);
        String requestId = "alerts-" + UUID.randomUUID();
        List<Long> patients = given().auth()
                .oauth2(TOKENS.physio("physio"))
                .header("X-Request-Id", requestId)
                .get("/api/alerts")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("patientId", Long.class);
        assertThat(patients).contains(own.patientId(), second.patientId()).doesNotContain(foreign.patientId());
        List<AuditEvent> rows = audit.list("requestId", requestId);
        assertThat(rows).allMatch(r -> r.action.equals("ALERTS_LISTED") && r.outcome.equals("ALLOWED"));
        assertThat(rows.stream().map(r -> r.patientId))
                .doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(
                        patients.stream().distinct().toList());
        assertThat(rows.stream()
                        .filter(r -> r.patientId == own.patientId())
                        .findFirst()
                        .orElseThrow()
                        .programId)
                .isEqualTo(own.programId());
    }

    @Test
    void theAlertInboxIs503WhenPatientServiceCannotListThePhysiosPatients() {
        FakePatientService.accessibleDown(true);
        try {
            given().auth()
                    .oauth2(TOKENS.physio("physio"))
                    .get("/api/alerts")
                    .then()
                    .statusCode(503)
                    .contentType("application/problem+json")
                    .header("Retry-After", notNullValue());
        } finally {
            FakePatientService.accessibleDown(false);
        }
    }

    @Test
    void adminsKeepTheirAccessWithoutAskingPatientService() {
        Fixtures.Assigned a = Fixtures.assignPhase(1, "physio2");
        sleep(10);
        int before = FakePatientService.accessCalls(a.patientId());
        given().auth()
                .oauth2(TOKENS.admin("admin"))
                .get("/api/programs/{id}/progress", a.programId())
                .then()
                .statusCode(200);
        assertThat(FakePatientService.accessCalls(a.patientId())).isEqualTo(before);
    }

    @Test
    void aPatientAskingForAnothersProgramGets404RecordedAsRefused() {
        Fixtures.Assigned mine = Fixtures.assignPhase(1, "physio");
        Fixtures.Assigned theirs = Fixtures.assignPhase(1, "physio");
        given().auth()
                .oauth2(mine.patientToken())
                .get("/api/programs/{id}", theirs.programId())
                .then()
                .statusCode(404);
        AuditEvent row = audit.find("programId = ?1 and actor = ?2", theirs.programId(), mine.account())
                .firstResult();
        assertThat(row.outcome).isEqualTo("REFUSED");
        assertThat(row.role).isEqualTo("patient");
        assertThat(row.action).isEqualTo("PROGRAM_READ");
    }

    @Test
    void aPatientUnknownToPatientServiceIs404RecordedAsRefused() {
        long unknown = FakePatientService.newPatientId();
        given().auth()
                .oauth2(TOKENS.physio("physio"))
                .queryParam("patientId", unknown)
                .get("/api/programs")
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        assertThat(audit.count("patientId = ?1 and outcome = 'REFUSED' and reason = 'unknown patient'", unknown))
                .isEqualTo(1);
    }

    @Test
    void patientServicesOwnServiceAccountDeliversHoldsWithoutACareTeam() {
        Fixtures.Assigned a = Fixtures.assignPhase(1, "physio2");
        int before = FakePatientService.accessCalls(a.patientId());
        given().auth()
                .oauth2(TOKENS.token("service-account-patient-service", List.of("clinical-service")))
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "patientId",
                        a.patientId(),
                        "screeningId",
                        800_000 + a.programId(),
                        "redFlags",
                        List.of("SYSTEMIC")))
                .post("/api/programs/holds")
                .then()
                .statusCode(200)
                .body("status", equalTo("ON_HOLD"));
        assertThat(FakePatientService.accessCalls(a.patientId())).isEqualTo(before);
    }

    private static void logSession(Fixtures.Assigned a, int before, int after) {
        given().auth()
                .oauth2(a.patientToken())
                .contentType(ContentType.JSON)
                .body(Map.of("date", LocalDate.now().toString(), "painBefore", before, "painAfter", after))
                .post("/api/programs/{id}/sessions", a.programId())
                .then()
                .statusCode(201);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
