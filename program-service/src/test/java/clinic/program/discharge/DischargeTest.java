package clinic.program.discharge;

import static clinic.program.testing.Fixtures.TOKENS;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import clinic.program.audit.AuditRepository;
import clinic.program.outcome.MeasureResponse;
import clinic.program.testing.FakePatientService;
import clinic.program.testing.Fixtures;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Discharge: who may discharge, the program read-only afterwards (every write 409 /program-discharged), a new program
 * possible, and the summary and letter filled in from the episode's own data.
 */
@QuarkusTest
class DischargeTest {

    /** patient-service's service account. */
    static final String SERVICE = TOKENS.token("service-account-patient-service", List.of("clinical-service"));

    @Inject
    EntityManager em;

    @Inject
    AuditRepository audit;

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    private static Response discharge(String token, long programId, Map<String, Object> body) {
        return given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/programs/{id}/discharge", programId);
    }

    private static Response discharge(Fixtures.Assigned a, String reason, String summary) {
        Map<String, Object> body = new HashMap<>();
        body.put("reason", reason);
        body.put("summary", summary);
        return discharge(TOKENS.physio("physio"), a.programId(), body);
    }

    private static JsonPath program(long programId) {
        return given().auth()
                .oauth2(TOKENS.physio("physio"))
                .get("/api/programs/{id}", programId)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    private static Response summary(String token, long programId, String accept) {
        return given().auth().oauth2(token).accept(accept).get("/api/programs/{id}/summary", programId);
    }

    private static Map<String, Object> session(LocalDate date, int pain, List<String> redFlags) {
        Map<String, Object> body = new HashMap<>();
        body.put("date", date.toString());
        body.put("painBefore", pain);
        body.put("painAfter", pain);
        body.put("exercises", List.of());
        if (redFlags != null) {
            body.put("redFlagSymptoms", redFlags);
        }
        return body;
    }

    private static Response log(Fixtures.Assigned a, Map<String, Object> body) {
        return given().auth()
                .oauth2(a.patientToken())
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/programs/{id}/sessions", a.programId());
    }

    @Test
    void aPhysioInTheCareTeamDischargesWithAReasonAndSummary() {
        Fixtures.Assigned a = Fixtures.assignPhase(1);
        long version = program(a.programId()).getLong("version");
        discharge(a, "GOALS_MET", "Back to work; walks 5 km without leg pain.")
                .then()
                .statusCode(200)
                .body("status", equalTo("DISCHARGED"))
                .body("dischargedOn", equalTo(LocalDate.now().toString()))
                .body("dischargedBy", equalTo("physio"))
                .body("dischargeReason", equalTo("GOALS_MET"))
                .body("dischargeSummary", equalTo("Back to work; walks 5 km without leg pain."))
                .body("hold", nullValue())
                .body(
                        "exercises.size()",
                        equalTo(program(a.programId()).getList("exercises").size()));
        JsonPath after = program(a.programId());
        assertThat(after.getLong("version")).isGreaterThan(version);
        assertThat(after.getString("revisions[-1].reason")).startsWith("Discharged: Goals met");
        assertThat(audit.count(
                        "programId = ?1 and action = 'PROGRAM_DISCHARGED' and outcome = 'ALLOWED'", a.programId()))
                .isEqualTo(1);
        Object active = QuarkusTransaction.requiringNew()
                .call(() -> em.createNativeQuery("select active_patient_id from program where id = ?1")
                        .setParameter(1, a.programId())
                        .getSingleResult());
        assertThat(active).isNull();
    }

    @Test
    void aPhysioOutsideTheCareTeamGets403AndNothingChanges() {
        Fixtures.Assigned a = Fixtures.assignPhase(1);
        discharge(TOKENS.physio("physio2"), a.programId(), Map.of("reason", "GOALS_MET"))
                .then()
                .statusCode(403)
                .body("type", endsWith("/not-in-care-team"));
        assertThat(program(a.programId()).getString("status")).isEqualTo("ACTIVE");
    }

    @Test
    void patientsAndAdminsCannotDischarge() {
        Fixtures.Assigned a = Fixtures.assignPhase(1);
        discharge(a.patientToken(), a.programId(), Map.of("reason", "PATIENT_CHOICE"))
                .then()
                .statusCode(403);
        discharge(TOKENS.admin("admin"), a.programId(), Map.of("reason", "GOALS_MET"))
                .then()
                .statusCode(403);
        assertThat(program(a.programId()).getString("status")).isEqualTo("ACTIVE");
    }

    @Test
    void aReasonMustBeKnownAndOtherNeedsASummary() {
        Fixtures.Assigned a = Fixtures.assignPhase(1);
        discharge(a, "BORED", null).then().statusCode(400).body("violations[0].field", equalTo("reason"));
        discharge(a, "OTHER", "  ").then().statusCode(400).body("violations[0].field", equalTo("summary"));
        discharge(a, "GOALS_MET", "x".repeat(4001)).then().statusCode(400);
        discharge(TOKENS.physio("physio"), a.programId(), Map.of("reason", "GOALS_MET", "version", 9999))
                .then()
                .statusCode(409);
        assertThat(program(a.programId()).getString("status")).isEqualTo("ACTIVE");
        discharge(a, "OTHER", "Moved abroad.").then().statusCode(200).body("dischargeReason", equalTo("OTHER"));
    }

    @Test
    void everyWriteOnADischargedProgramIs409AndItIsNoLongerThePatientsCurrentOne() {
        Fixtures.Assigned a = Fixtures.assignPhase(1);
        long version = program(a.programId()).getLong("version");
        discharge(a, "SELF_MANAGING", "Continues at home.").then().statusCode(200);
        String detail = "This program was discharged on " + LocalDate.now() + "; it is read-only.";

        log(a, session(LocalDate.now(), 2, null))
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", endsWith("/program-discharged"))
                .body("detail", equalTo(detail));
        long after = program(a.programId()).getLong("version");
        given().auth()
                .oauth2(TOKENS.physio("physio"))
                .contentType(ContentType.JSON)
                .body(Map.of("phase", 2, "reason", "better", "version", after))
                .post("/api/programs/{id}/phase", a.programId())
                .then()
                .statusCode(409)
                .body("type", endsWith("/program-discharged"));
        given().auth()
                .oauth2(TOKENS.physio("physio"))
                .contentType(ContentType.JSON)
                .body(Map.of("reason", "newer text", "version", after))
                .post("/api/programs/{id}/exercises/{slug}/update-revision", a.programId(), "pelvic-tilt")
                .then()
                .statusCode(409)
                .body("type", endsWith("/program-discharged"));
        given().auth()
                .oauth2(TOKENS.physio("physio"))
                .contentType(ContentType.JSON)
                .body(Map.of("reason", "cleared again"))
                .post("/api/programs/{id}/resume", a.programId())
                .then()
                .statusCode(409)
                .body("type", endsWith("/program-discharged"));
        discharge(a, "GOALS_MET", "again")
                .then()
                .statusCode(409)
                .body("type", endsWith("/program-discharged"))
                .body("detail", equalTo(detail));
        // A screening's red flag after the discharge is recorded against no program and changes nothing.
        given().auth()
                .oauth2(SERVICE)
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "patientId", a.patientId(),
                        "screeningId", System.nanoTime() % 1_000_000_000L + 7_000_000_000L,
                        "redFlags", List.of("SADDLE_NUMBNESS")))
                .post("/api/programs/holds")
                .then()
                .statusCode(200)
                .body("programId", nullValue())
                .body("status", nullValue());
        JsonPath unchanged = program(a.programId());
        assertThat(unchanged.getString("status")).isEqualTo("DISCHARGED");
        assertThat(unchanged.getLong("version")).isEqualTo(after).isGreaterThan(version);

        // Not the patient's current program any more, but still theirs to read.
        // The "no program" answer names the discharged program, so the patient's pages can link its summary.
        given().auth()
                .oauth2(a.patientToken())
                .get("/api/programs/me")
                .then()
                .statusCode(404)
                .body("dischargedProgramId", equalTo((int) a.programId()))
                .body("dischargedOn", equalTo(LocalDate.now().toString()));
        given().auth()
                .oauth2(a.patientToken())
                .get("/api/programs/me/today")
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(a.patientToken())
                .get("/api/programs/{id}", a.programId())
                .then()
                .statusCode(200)
                .body("status", equalTo("DISCHARGED"))
                .body("dischargeSummary", equalTo("Continues at home."));
    }

    @Test
    void aNewProgramMayBeAssignedAfterTheDischarge() {
        Fixtures.Assigned a = Fixtures.assignPhase(2);
        discharge(a, "REFERRED_ON", "Referred to the spinal clinic.").then().statusCode(200);
        long second = given().auth()
                .oauth2(TOKENS.physio("physio"))
                .contentType(ContentType.JSON)
                .body(Map.of("patientId", a.patientId(), "protocol", "sciatica-phased", "phase", 1))
                .post("/api/programs")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getLong("id");
        assertThat(second).isNotEqualTo(a.programId());
        given().auth()
                .oauth2(a.patientToken())
                .get("/api/programs/me")
                .then()
                .statusCode(200)
                .body("id", equalTo((int) second))
                .body("status", equalTo("ACTIVE"));
        assertThat(program(a.programId()).getString("status")).isEqualTo("DISCHARGED");
    }

    @Test
    void aHeldProgramMayBeDischargedAndItsHoldIsInTheSummary() {
        Fixtures.Assigned a = Fixtures.assignPhase(1);
        log(a, session(LocalDate.now(), 5, List.of("SADDLE_NUMBNESS"))).then().statusCode(201);
        assertThat(program(a.programId()).getString("status")).isEqualTo("ON_HOLD");
        discharge(a, "REFERRED_ON", "Sent to the emergency department the same day.")
                .then()
                .statusCode(200)
                .body("status", equalTo("DISCHARGED"))
                .body("hold", nullValue());
        summary(TOKENS.physio("physio"), a.programId(), "application/json")
                .then()
                .statusCode(200)
                .body("holds", hasSize(1))
                .body("holds[0].from", equalTo(LocalDate.now().toString()))
                .body("holds[0].to", equalTo(LocalDate.now().toString()))
                .body("holds[0].flags", equalTo(List.of("SADDLE_NUMBNESS")))
                .body("alerts.type", org.hamcrest.Matchers.hasItem("RED_FLAG"))
                .body("reasonText", containsString("Referred on"));
    }

    @Test
    void theSummaryIsOnlyForADischargedProgram() {
        Fixtures.Assigned a = Fixtures.assignPhase(1);
        summary(TOKENS.physio("physio"), a.programId(), "application/json")
                .then()
                .statusCode(409)
                .body("type", endsWith("/program-not-discharged"));
        // The letter's refusal is the same problem document, not an HTML page or a 406.
        summary(TOKENS.physio("physio"), a.programId(), "text/html")
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", endsWith("/program-not-discharged"));
    }

    /** A program of phase 1 started 20 days ago, moved to phase 2 ten days ago, with logs, PSFS and a discharge. */
    private Fixtures.Assigned episode(String summaryText) {
        Fixtures.Assigned a = Fixtures.assignPhase(1);
        LocalDate today = LocalDate.now();
        LocalDate start = today.minusDays(20);
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("update program set started_on = ?1, phase_since = ?1 where id = ?2")
                    .setParameter(1, start)
                    .setParameter(2, a.programId())
                    .executeUpdate();
            em.createNativeQuery("update program_revision set effective_on = ?1 where program_id = ?2")
                    .setParameter(1, start)
                    .setParameter(2, a.programId())
                    .executeUpdate();
        });
        // First week with logs: 6 and 8 (mean 7); last week: 3 and 2 (mean 2.5).
        log(a, session(today.minusDays(20), 6, null)).then().statusCode(201);
        log(a, session(today.minusDays(18), 8, null)).then().statusCode(201);
        log(a, session(today.minusDays(3), 3, null)).then().statusCode(201);
        log(a, session(today.minusDays(1), 2, null)).then().statusCode(201);
        long version = program(a.programId()).getLong("version");
        given().auth()
                .oauth2(TOKENS.physio("physio"))
                .contentType(ContentType.JSON)
                .body(Map.of("phase", 2, "reason", "pain settled", "version", version))
                .post("/api/programs/{id}/phase", a.programId())
                .then()
                .statusCode(200);
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("update program_revision set effective_on = ?1 where program_id = ?2 and phase = 2")
                    .setParameter(1, today.minusDays(10))
                    .setParameter(2, a.programId())
                    .executeUpdate();
            em.persist(psfs(a, "BASELINE", start, "3.00"));
            em.persist(psfs(a, "WEEK_2", today.minusDays(6), "5.00"));
            em.persist(psfs(a, "DISCHARGE", today, "6.50"));
        });
        discharge(a, "GOALS_MET", summaryText).then().statusCode(200);
        return a;
    }

    private static MeasureResponse psfs(Fixtures.Assigned a, String timepoint, LocalDate on, String score) {
        MeasureResponse m = new MeasureResponse();
        m.programId = a.programId();
        m.patientId = a.patientId();
        m.instrument = "PSFS";
        m.instrumentVersion = "1995";
        m.timepoint = timepoint;
        m.completedOn = on;
        m.enteredByRole = MeasureResponse.BY_PATIENT;
        m.enteredBy = a.account();
        m.answers = "[{\"item\":\"activity1\",\"text\":\"Sitting\",\"skipped\":false},"
                + "{\"item\":\"rating1\",\"value\":" + new BigDecimal(score).intValue() + ",\"skipped\":false}]";
        m.answeredItems = 2;
        m.skippedItems = 0;
        m.score = new BigDecimal(score);
        m.createdAt = LocalDateTime.now();
        return m;
    }

    @Test
    void theSummaryFillsInTheEpisodeFromItsData() {
        Fixtures.Assigned a = episode("Goals met.");
        LocalDate today = LocalDate.now();
        JsonPath program = program(a.programId());
        JsonPath s = summary(TOKENS.physio("physio"), a.programId(), "application/json")
                .then()
                .statusCode(200)
                .contentType(ContentType.JSON)
                .extract()
                .jsonPath();
        assertThat(s.getLong("programId")).isEqualTo(a.programId());
        assertThat(s.getLong("patientId")).isEqualTo(a.patientId());
        assertThat(s.getString("protocol.code")).isEqualTo("sciatica-phased");
        assertThat(s.getString("protocol.name")).isNotBlank();
        assertThat(s.getString("startedOn")).isEqualTo(today.minusDays(20).toString());
        assertThat(s.getString("dischargedOn")).isEqualTo(today.toString());
        assertThat(s.getString("dischargedBy")).isEqualTo("physio");
        assertThat(s.getString("reason")).isEqualTo("GOALS_MET");
        assertThat(s.getString("reasonText")).isEqualTo("Goals met");
        assertThat(s.getString("summary")).isEqualTo("Goals met.");

        assertThat(s.getList("phases.phase")).containsExactly(1, 2);
        assertThat(s.getString("phases[0].from")).isEqualTo(today.minusDays(20).toString());
        assertThat(s.getString("phases[0].to")).isEqualTo(today.minusDays(11).toString());
        assertThat(s.getString("phases[1].from")).isEqualTo(today.minusDays(10).toString());
        assertThat(s.getString("phases[1].to")).isEqualTo(today.toString());
        assertThat(s.getString("phases[0].name")).isNotBlank();

        // 21 days at the default 7 a week, 4 days logged.
        assertThat(s.getInt("adherence.logged")).isEqualTo(4);
        assertThat(s.getInt("adherence.prescribed")).isEqualTo(21);
        assertThat(s.getInt("adherence.percent")).isEqualTo(19);

        assertThat(s.getDouble("pain.first")).isEqualTo(7.0);
        assertThat(s.getDouble("pain.last")).isEqualTo(2.5);
        assertThat(s.getDouble("pain.change")).isEqualTo(-4.5);

        assertThat(s.getList("measures")).hasSize(1);
        assertThat(s.getString("measures[0].instrument")).isEqualTo("PSFS");
        assertThat(s.getString("measures[0].instrumentName")).isEqualTo("Patient-Specific Functional Scale");
        assertThat(s.getDouble("measures[0].first.score")).isEqualTo(3.0);
        assertThat(s.getString("measures[0].first.completedOn"))
                .isEqualTo(today.minusDays(20).toString());
        assertThat(s.getDouble("measures[0].last.score")).isEqualTo(6.5);
        assertThat(s.getString("measures[0].last.completedOn")).isEqualTo(today.toString());
        assertThat(s.getDouble("measures[0].change")).isEqualTo(3.5);
        assertThat(s.getDouble("measures[0].mic")).isEqualTo(2.0);
        assertThat(s.getBoolean("measures[0].micReached")).isTrue();

        assertThat(s.getList("holds")).isEmpty();
        // The exercises as prescribed at discharge (phase 2's), each with its dosage in words.
        assertThat(s.getList("exercises.slug")).isEqualTo(program.getList("exercises.exercise"));
        assertThat(s.getList("exercises.name")).isEqualTo(program.getList("exercises.name"));
        assertThat(s.getList("exercises.slug")).contains("glute-bridge");
        assertThat(s.getList("exercises.dosage", String.class))
                .allSatisfy(d -> assertThat(d).isNotBlank());

        assertThat(audit.count(
                        "programId = ?1 and action = 'DISCHARGE_SUMMARY_READ' and actor = 'physio'", a.programId()))
                .isEqualTo(1);
    }

    @Test
    void progressOfADischargedProgramStopsAtTheDischargeDay() {
        Fixtures.Assigned a = episode("Done.");
        LocalDate dischargedOn = LocalDate.now().minusDays(1);
        QuarkusTransaction.requiringNew()
                .run(() -> em.createNativeQuery("update program set discharged_on = ?1 where id = ?2")
                        .setParameter(1, dischargedOn)
                        .setParameter(2, a.programId())
                        .executeUpdate());
        // 20 days from the start to the discharge day, not 21 to today.
        given().auth()
                .oauth2(a.patientToken())
                .get("/api/programs/{id}/progress", a.programId())
                .then()
                .statusCode(200)
                .body("asOf", equalTo(dischargedOn.toString()))
                .body("adherence.prescribed", equalTo(20));
        summary(a.patientToken(), a.programId(), "application/json")
                .then()
                .statusCode(200)
                .body("adherence.prescribed", equalTo(20))
                .body("phases[-1].to", equalTo(dischargedOn.toString()));
    }

    @Test
    void theLetterCarriesTheKeyFactsAndEscapesWhatPeopleWrote() {
        Fixtures.Assigned a = episode("<script>alert('x')</script> Walks & cycles again.");
        FakePatientService.record(
                a.patientId(), a.account(), "C-" + a.patientId(), "Ada", "O'Brien", "1970-03-04", "Dr <b>Who</b>");
        Response letter = summary(TOKENS.physio("physio"), a.programId(), "text/html");
        letter.then()
                .statusCode(200)
                .contentType(containsString("text/html"))
                .header("Content-Security-Policy", containsString("default-src 'none'"));
        String html = letter.asString();
        assertThat(html)
                .contains("Physiotherapy discharge summary")
                .contains("Ada O&#39;Brien")
                .contains("4 Mar 1970")
                .contains("C-" + a.patientId())
                .contains("Dr &lt;b&gt;Who&lt;/b&gt;")
                .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; Walks &amp; cycles again.")
                .doesNotContain("<script")
                .doesNotContain("<b>Who")
                .contains("Goals met")
                .contains("Patient-Specific Functional Scale")
                .contains("+3.5")
                .contains("reached")
                .contains("@media print");
        List<String> names = summary(TOKENS.physio("physio"), a.programId(), "application/json")
                .jsonPath()
                .getList("exercises.name", String.class);
        assertThat(names).isNotEmpty();
        names.forEach(name -> assertThat(html).contains(DischargeLetter.esc(name)));
        assertThat(FakePatientService.recordCalls(a.patientId())).isPositive();
    }

    @Test
    void theLetterStillPrintsWhenPatientServiceIsDown() {
        Fixtures.Assigned a = episode("All good.");
        FakePatientService.record(a.patientId(), a.account(), "C-1", "Ada", "Lovelace", "1970-03-04", null);
        FakePatientService.recordsDown(true);
        try {
            String html = summary(TOKENS.physio("physio"), a.programId(), "text/html")
                    .then()
                    .statusCode(200)
                    .extract()
                    .asString();
            assertThat(html)
                    .contains("could not be read from the patient records")
                    .contains("<dt>Patient id</dt><dd>" + a.patientId() + "</dd>")
                    .doesNotContain("Lovelace")
                    .contains("All good.");
        } finally {
            FakePatientService.recordsDown(false);
        }
    }

    @Test
    void aPatientReadsTheirOwnSummaryButNotAnothersAndPhysiosOutsideTheTeamAreRefused() {
        Fixtures.Assigned a = episode("Well done.");
        Fixtures.Assigned other = Fixtures.assignPhase(1);
        FakePatientService.record(a.patientId(), a.account(), "C-9", "Grace", "Hopper", "1960-01-02", null);
        summary(a.patientToken(), a.programId(), "application/json")
                .then()
                .statusCode(200)
                .body("summary", equalTo("Well done."))
                .body("measures[0].micReached", equalTo(true));
        String html = summary(a.patientToken(), a.programId(), "text/html")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(html).contains("Grace Hopper").contains("Well done.");
        summary(other.patientToken(), a.programId(), "application/json")
                .then()
                .statusCode(404)
                .body("detail", not(containsString("Well done")));
        summary(TOKENS.physio("physio2"), a.programId(), "application/json")
                .then()
                .statusCode(403);
        summary(TOKENS.admin("admin"), a.programId(), "application/json")
                .then()
                .statusCode(200)
                .body("programId", notNullValue());
        // The patient's own reads are not audited; the admin's is.
        assertThat(audit.count(
                        "programId = ?1 and action = 'DISCHARGE_SUMMARY_READ' and actor = ?2",
                        a.programId(),
                        a.account()))
                .isZero();
        assertThat(audit.count(
                        "programId = ?1 and action = 'DISCHARGE_SUMMARY_READ' and actor = 'admin'", a.programId()))
                .isEqualTo(1);
    }
}
