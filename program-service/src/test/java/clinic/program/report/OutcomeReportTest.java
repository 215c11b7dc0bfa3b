package clinic.program.report;

import static clinic.program.testing.Fixtures.TOKENS;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import clinic.program.outcome.Instrument;
import clinic.program.outcome.InstrumentCatalog;
import clinic.program.outcome.MeasureResponse;
import clinic.program.prescription.Program;
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
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /api/reports/outcomes}. Each test's programs are in the care of a physio name of its own and the report
 * is filtered by it, so other tests' programs never change the figures. Discharges are set on the program as the
 * discharge endpoint leaves it; questionnaires are written as {@link MeasureResponse} rows. Expected figures follow
 * the clinic's instrument catalog (its MIC, and how many instruments are offered), so they stay right when the
 * catalog changes.
 */
@QuarkusTest
class OutcomeReportTest {

    private static final AtomicInteger NAMES = new AtomicInteger();

    @Inject
    EntityManager em;

    @Inject
    SessionFactory sessionFactory;

    @Inject
    InstrumentCatalog catalog;

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    private static final LocalDate TODAY = LocalDate.now();

    private static String uniquePhysio(String prefix) {
        return prefix + "-" + System.nanoTime() % 1_000_000_000L + "-" + NAMES.incrementAndGet();
    }

    private static LocalDate daysAgo(int days) {
        return TODAY.minusDays(days);
    }

    /** A program for a new patient in the physio's care that started {@code startedDaysAgo} days ago. */
    private Fixtures.Assigned program(String physio, int startedDaysAgo) {
        Fixtures.Assigned a = Fixtures.assignPhase(1, physio);
        QuarkusTransaction.requiringNew().run(() -> {
            Program p = em.find(Program.class, a.programId());
            p.startedOn = daysAgo(startedDaysAgo);
            p.phaseSince = p.startedOn;
        });
        return a;
    }

    /** Discharges the program as the discharge endpoint does: read-only, no longer the patient's current one. */
    private void discharge(Fixtures.Assigned a, int daysAgo, String reason) {
        QuarkusTransaction.requiringNew().run(() -> {
            Program p = em.find(Program.class, a.programId());
            p.status = Program.DISCHARGED;
            p.activePatientId = null;
            p.dischargedOn = daysAgo(daysAgo);
            p.dischargedAt = p.dischargedOn.atTime(12, 0);
            p.dischargedBy = p.carePhysio;
            p.dischargeReason = reason;
            p.dischargeSummary = "OTHER".equals(reason) ? "Moved away." : null;
        });
    }

    /** A completed questionnaire of the program. */
    private void measure(Fixtures.Assigned a, String instrument, String timepoint, int completedDaysAgo, double score) {
        QuarkusTransaction.requiringNew().run(() -> {
            MeasureResponse m = new MeasureResponse();
            m.programId = a.programId();
            m.patientId = a.patientId();
            m.instrument = instrument;
            m.instrumentVersion = catalog.find(instrument).orElseThrow().version();
            m.timepoint = timepoint;
            m.completedOn = daysAgo(completedDaysAgo);
            m.enteredByRole = MeasureResponse.BY_PATIENT;
            m.enteredBy = a.account();
            m.answers = "[{\"item\":\"activity1\",\"text\":\"Walking\",\"skipped\":false}]";
            m.answeredItems = 1;
            m.skippedItems = 0;
            m.score = BigDecimal.valueOf(score);
            m.createdAt = LocalDateTime.now();
            em.persist(m);
        });
    }

    private static Response outcomes(Map<String, ?> query) {
        return given().auth()
                .oauth2(TOKENS.admin("admin"))
                .queryParams(query)
                .accept(ContentType.JSON)
                .get("/api/reports/outcomes");
    }

    private double psfsMic() {
        Instrument psfs = catalog.find("PSFS").orElseThrow();
        assertThat(psfs.scoring().higherIsBetter()).isTrue();
        return psfs.mic().points();
    }

    /** Instruments due at a time point: every offered one, the stratification screen only at BASELINE. */
    private long offered(boolean baseline) {
        return catalog.enabled().stream()
                .filter(i ->
                        Instrument.OUTCOME.equals(i.kind()) || (baseline && Instrument.STRATIFICATION.equals(i.kind())))
                .count();
    }

    /**
     * Seven programs of one physio over the default period (the 12 weeks to today), PSFS answered as follows:
     *
     * <pre>
     *       started  discharged  reason          PSFS (days ago: score)              MIC?
     *   A   70       10          GOALS_MET       70:3  45:5  10:3+mic (DISCHARGE)   yes: the discharge score counts
     *   B   40       5           SELF_MANAGING   40:3  15:3+mic  5:4 (DISCHARGE)    no: discharge over week 4
     *   C   100      3           GOALS_MET       100:4  75:4  47:4+mic (WEEK_8)     yes: the latest follow-up
     *   D   30       2           DID_NOT_ENGAGE  30:5 (baseline only)              no measures
     *   E   300      200         OTHER           -                                  outside the period
     *   G   120      95          PATIENT_CHOICE  -                                  outside; week 8 opened after
     *   F   35       -           (active)        35:2  10:6                         not discharged
     * </pre>
     */
    private String clinicOfSeven() {
        String physio = uniquePhysio("outcomes");
        double mic = psfsMic();
        Fixtures.Assigned a = program(physio, 70);
        Fixtures.Assigned b = program(physio, 40);
        Fixtures.Assigned c = program(physio, 100);
        Fixtures.Assigned d = program(physio, 30);
        Fixtures.Assigned e = program(physio, 300);
        Fixtures.Assigned g = program(physio, 120);
        Fixtures.Assigned f = program(physio, 35);
        measure(a, "PSFS", MeasureResponse.BASELINE, 70, 3);
        measure(a, "PSFS", MeasureResponse.week(4), 45, 5);
        measure(a, "PSFS", MeasureResponse.DISCHARGE, 10, 3 + mic);
        measure(b, "PSFS", MeasureResponse.BASELINE, 40, 3);
        measure(b, "PSFS", MeasureResponse.week(4), 15, 3 + mic);
        measure(b, "PSFS", MeasureResponse.DISCHARGE, 5, 4);
        measure(c, "PSFS", MeasureResponse.BASELINE, 100, 4);
        measure(c, "PSFS", MeasureResponse.week(4), 75, 4);
        measure(c, "PSFS", MeasureResponse.week(8), 47, 4 + mic);
        measure(d, "PSFS", MeasureResponse.BASELINE, 30, 5);
        measure(f, "PSFS", MeasureResponse.BASELINE, 35, 2);
        measure(f, "PSFS", MeasureResponse.week(4), 10, 6);
        discharge(a, 10, "GOALS_MET");
        discharge(b, 5, "SELF_MANAGING");
        discharge(c, 3, "GOALS_MET");
        discharge(d, 2, "DID_NOT_ENGAGE");
        discharge(e, 200, "OTHER");
        discharge(g, 95, "PATIENT_CHOICE");
        return physio;
    }

    @Test
    void dischargedEpisodesReachingTheMicAreCountedOverallByProtocolAndByPhysio() {
        String physio = clinicOfSeven();
        JsonPath report = outcomes(Map.of("physio", physio))
                .then()
                .statusCode(200)
                .body("period.from", equalTo(TODAY.minusWeeks(12).toString()))
                .body("period.to", equalTo(TODAY.toString()))
                .body("period.physio", equalTo(physio))
                .body("discharged", equalTo(4))
                .body("reachedMic.count", equalTo(2))
                .body("reachedMic.percent", equalTo(66.7f))
                .body("byProtocol.protocol", equalTo(List.of("sciatica-phased")))
                .body("byProtocol[0].discharged", equalTo(4))
                .body("byProtocol[0].withMeasures", equalTo(3))
                .body("byProtocol[0].reachedMic", equalTo(2))
                .body("byProtocol[0].percent", equalTo(66.7f))
                .body("byPhysio.physio", equalTo(List.of(physio)))
                .body("byPhysio[0].discharged", equalTo(4))
                .body("byPhysio[0].withMeasures", equalTo(3))
                .body("byPhysio[0].reachedMic", equalTo(2))
                .extract()
                .jsonPath();
        assertThat(report.getList("reasons.reason"))
                .containsExactly(
                        "GOALS_MET", "SELF_MANAGING", "REFERRED_ON", "PATIENT_CHOICE", "DID_NOT_ENGAGE", "OTHER");
        assertThat(report.getList("reasons.count", Integer.class)).containsExactly(2, 1, 0, 0, 1, 0);
        assertThat(report.getList("reasons.percent", Float.class))
                .containsExactly(50.0f, 25.0f, 0.0f, 0.0f, 25.0f, 0.0f);

        // Unfiltered, the clinic holds other tests' programs too; this physio's row is the same.
        JsonPath all = outcomes(Map.of()).then().statusCode(200).extract().jsonPath();
        Map<String, Object> row = all.getMap("byPhysio.find { it.physio == '" + physio + "' }");
        assertThat(row)
                .containsEntry("discharged", 4)
                .containsEntry("withMeasures", 3)
                .containsEntry("reachedMic", 2)
                .containsEntry("percent", 66.7f);
        assertThat(all.getInt("discharged")).isGreaterThanOrEqualTo(4);
    }

    @Test
    void dueQuestionnairesAreThoseWhoseWindowOpenedInThePeriodWhileTheProgramWasCurrent() {
        String physio = clinicOfSeven();
        long k = offered(false);
        long baseline = offered(true);
        Assumptions.assumeTrue(catalog.isEnabled("PSFS"), "the clinic offers PSFS");
        // BASELINE: A, B, D, F (C started before the period); WEEK_4 (opens day 25): A, B, C, D, F;
        // WEEK_8 (day 53): A and C (B's opens tomorrow on, G was discharged before it opened); DISCHARGE: A-D.
        long[][] expected = {{4 * baseline, 4}, {5 * k, 4}, {2 * k, 1}, {4 * k, 2}};
        JsonPath report = outcomes(Map.of("physio", physio))
                .then()
                .statusCode(200)
                .body("completion.byTimepoint.timepoint", equalTo(List.of("BASELINE", "WEEK_4", "WEEK_8", "DISCHARGE")))
                .extract()
                .jsonPath();
        long due = 0;
        long completed = 0;
        for (int i = 0; i < expected.length; i++) {
            assertThat(report.getLong("completion.byTimepoint[" + i + "].due"))
                    .as("due %d", i)
                    .isEqualTo(expected[i][0]);
            assertThat(report.getLong("completion.byTimepoint[" + i + "].completed"))
                    .as("completed %d", i)
                    .isEqualTo(expected[i][1]);
            due += expected[i][0];
            completed += expected[i][1];
        }
        assertThat(report.getLong("completion.due")).isEqualTo(due);
        assertThat(report.getLong("completion.completed")).isEqualTo(completed);
        assertThat(report.getDouble("completion.percent")).isEqualTo(Math.round(1000.0 * completed / due) / 10.0);
        if (k == 1 && baseline == 1) {
            // Only PSFS offered: 11 of 15.
            assertThat(report.getDouble("completion.percent")).isEqualTo(73.3);
            assertThat(report.getDouble("completion.byTimepoint[2].percent")).isEqualTo(50.0);
        }
    }

    @Test
    void thePeriodAndProtocolFilterTheEpisodes() {
        String physio = clinicOfSeven();
        // Up to 6 days ago: only A was discharged by then (its discharge score reached the MIC).
        outcomes(Map.of("physio", physio, "to", daysAgo(6).toString()))
                .then()
                .statusCode(200)
                .body("period.asOf", equalTo(daysAgo(6).toString()))
                .body("discharged", equalTo(1))
                .body("reachedMic.count", equalTo(1))
                .body("reachedMic.percent", equalTo(100.0f))
                .body("reasons[0].count", equalTo(1))
                .body("reasons[0].percent", equalTo(100.0f));
        // A period back to E's discharge counts it too: without measures, it lowers nothing but the count.
        outcomes(Map.of("physio", physio, "from", daysAgo(210).toString()))
                .then()
                .statusCode(200)
                .body("discharged", equalTo(6))
                .body("byProtocol[0].withMeasures", equalTo(3))
                .body("reachedMic.percent", equalTo(66.7f))
                .body("reasons.find { it.reason == 'OTHER' }.count", equalTo(1));
        outcomes(Map.of("physio", physio, "protocol", "sciatica-phased"))
                .then()
                .statusCode(200)
                .body("discharged", equalTo(4))
                .body("period.protocol", equalTo("sciatica-phased"));
        outcomes(Map.of("physio", physio, "protocol", "no-such-protocol"))
                .then()
                .statusCode(200)
                .body("discharged", equalTo(0))
                .body("byProtocol", empty())
                .body("completion.due", equalTo(0));
        outcomes(Map.of("from", "2026-05-02", "to", "2026-05-01"))
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations[0].field", equalTo("from"));
    }

    @Test
    void aLowerIsBetterInstrumentReachesItsMicByFalling() {
        Instrument disability = catalog.all().stream()
                .filter(i -> Instrument.OUTCOME.equals(i.kind()) && !i.scoring().higherIsBetter())
                .filter(i ->
                        i.mic() != null && (i.mic().points() != null || i.mic().percent() != null))
                .findFirst()
                .orElse(null);
        Assumptions.assumeTrue(disability != null, "the catalog has a disability index with a MIC");
        String physio = uniquePhysio("lower");
        // A fall from 14 that reaches the MIC whether it is given in points or in percent of the baseline.
        double mic = Math.max(
                disability.mic().points() == null ? 0 : disability.mic().points(),
                disability.mic().percent() == null
                        ? 0
                        : Math.ceil(14 * disability.mic().percent()) / 100);
        Fixtures.Assigned fell = program(physio, 60);
        Fixtures.Assigned rose = program(physio, 60);
        measure(fell, disability.code(), MeasureResponse.BASELINE, 60, 14);
        measure(fell, disability.code(), MeasureResponse.DISCHARGE, 4, 14 - mic);
        measure(rose, disability.code(), MeasureResponse.BASELINE, 60, 10);
        measure(rose, disability.code(), MeasureResponse.DISCHARGE, 4, 10 + mic);
        discharge(fell, 4, "GOALS_MET");
        discharge(rose, 4, "REFERRED_ON");
        outcomes(Map.of("physio", physio))
                .then()
                .statusCode(200)
                .body("discharged", equalTo(2))
                .body("byPhysio[0].withMeasures", equalTo(2))
                .body("reachedMic.count", equalTo(1))
                .body("reachedMic.percent", equalTo(50.0f));
    }

    @Test
    void aPhysioWithoutDischargesGetsZerosAndNullPercentages() {
        String nobody = uniquePhysio("nobody");
        outcomes(Map.of("physio", nobody))
                .then()
                .statusCode(200)
                .body("discharged", equalTo(0))
                .body("reachedMic.count", equalTo(0))
                .body("reachedMic.percent", nullValue())
                .body("byProtocol", empty())
                .body("byPhysio", empty())
                .body("completion.due", equalTo(0))
                .body("completion.percent", nullValue())
                .body("completion.byTimepoint.due", everyItem(equalTo(0)))
                .body("reasons.count", everyItem(equalTo(0)))
                .body("reasons.percent", everyItem(nullValue()));
    }

    @Test
    void asCsvTheReportIsADownloadWithARowPerFigureGroup() {
        String physio = clinicOfSeven();
        String csv = given().auth()
                .oauth2(TOKENS.admin("admin"))
                .accept("text/csv")
                .queryParam("physio", physio)
                .get("/api/reports/outcomes")
                .then()
                .statusCode(200)
                .contentType(startsWith("text/csv"))
                .header("Content-Disposition", containsString("outcomes_" + TODAY.minusWeeks(12) + "_" + TODAY))
                .body(startsWith("section,key,discharged,withMeasures,reachedMic,due,completed,count,percent\r\n"))
                .extract()
                .asString();
        assertThat(csv)
                .contains("\r\ntotal,,4,3,2,,,,66.7\r\n")
                .contains("\r\nprotocol,sciatica-phased,4,3,2,,,,66.7\r\n")
                .contains("\r\nphysio," + physio + ",4,3,2,,,,66.7\r\n")
                .contains("\r\nreason,GOALS_MET,,,,,,2,50.0\r\n")
                .contains("\r\ncompletion,BASELINE,")
                .contains("\r\ncompletion,DISCHARGE,");
    }

    @Test
    void onlyAdminsMayReadTheOutcomesAndEachReadIsAuditedWithoutAPatient() {
        given().auth()
                .oauth2(TOKENS.physio("physio"))
                .get("/api/reports/outcomes")
                .then()
                .statusCode(403)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(TOKENS.patient("patient"))
                .accept("text/csv")
                .get("/api/reports/outcomes")
                .then()
                .statusCode(403);
        given().get("/api/reports/outcomes").then().statusCode(401).contentType("application/problem+json");

        long before = audited();
        outcomes(Map.of()).then().statusCode(200);
        assertThat(audited()).isEqualTo(before + 1);
    }

    @Test
    void theReportRunsAtMostFiveStatementsAndIsInTheOpenApiDocument() {
        String physio = clinicOfSeven();
        for (Map<String, String> query : List.<Map<String, String>>of(Map.of(), Map.of("physio", physio))) {
            sessionFactory.getStatistics().clear();
            outcomes(query).then().statusCode(200);
            assertThat(sessionFactory.getStatistics().getPrepareStatementCount())
                    .as("%s", query)
                    .isBetween(1L, 5L);
        }
        given().accept("application/json")
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .body(containsString("/api/reports/outcomes"))
                .body(containsString("withMeasures"));
    }

    private long audited() {
        return QuarkusTransaction.requiringNew().call(() -> ((Number)
                        em.createNativeQuery("SELECT COUNT(*) FROM audit_event WHERE action = 'REPORT_OUTCOMES_READ'"
                                        + " AND patient_id IS NULL AND program_id IS NULL")
                                .getSingleResult())
                .longValue());
    }
}
