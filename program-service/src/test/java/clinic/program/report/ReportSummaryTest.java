package clinic.program.report;

import static clinic.program.testing.Fixtures.TOKENS;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import clinic.program.testing.Fixtures;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The reports' summary (migrations V20 and V21, {@link ReportSummary}) answers exactly what the live statements
 * answer: built, after changes made through the API since (logs that move a program into and out of the referral list
 * and across adherence buckets, a new program, a phase move, a hold, discharges, questionnaires), after the job
 * computed those changes again, clinic-wide and for one physio, every page of the lists, and the outcomes. Each answer is compared with the live statements' answer to
 * the same request on the same data (the summary made unused by raising its epoch). The live statements themselves
 * are checked against the raw logs by {@link ReportConsistencyTest}.
 */
@QuarkusTest
class ReportSummaryTest {

    private static final LocalDate TODAY = LocalDate.now();

    @Inject
    ReportSummary summary;

    @Inject
    ReportQueries queries;

    @Inject
    EntityManager em;

    @AfterEach
    void summaryUnused() {
        // Other tests change programs by SQL, which marks nothing: they must read the live statements.
        summary.invalidate();
    }

    private Fixtures.Assigned programStarted(int daysAgo, String physio) {
        return Fixtures.programStarted(em, daysAgo, physio);
    }

    private static void log(Fixtures.Assigned a, int daysAgo, int pain, boolean disabling) {
        given().auth()
                .oauth2(a.patientToken())
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "date",
                        TODAY.minusDays(daysAgo).toString(),
                        "painBefore",
                        pain,
                        "painAfter",
                        pain,
                        "exercises",
                        List.of(),
                        "painStopsSleepOrWork",
                        disabling))
                .post("/api/programs/{id}/sessions", a.programId())
                .then()
                .statusCode(201);
    }

    private static void log(Fixtures.Assigned a, int daysAgo, int pain) {
        log(a, daysAgo, pain, false);
    }

    /** RMDQ answers with the first {@code yes} statements ticked: the score is {@code yes} (lower is better). */
    private static List<Map<String, Object>> rmdq(int yes) {
        List<Map<String, Object>> answers = new ArrayList<>();
        for (int n = 1; n <= 24; n++) {
            answers.add(Map.of("item", "q" + n, "value", n <= yes ? 1 : 0));
        }
        return answers;
    }

    /** A questionnaire recorded through the API by the care physio (a patient fills in today's only). */
    private static void measure(Fixtures.Assigned a, String physio, String timepoint, int daysAgo, int yes) {
        given().auth()
                .oauth2(TOKENS.physio(physio))
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "instrument",
                        "RMDQ",
                        "timepoint",
                        timepoint,
                        "completedOn",
                        TODAY.minusDays(daysAgo).toString(),
                        "answers",
                        rmdq(yes)))
                .post("/api/programs/{id}/measures", a.programId())
                .then()
                .log()
                .ifValidationFails()
                .statusCode(201);
    }

    private static void discharge(Fixtures.Assigned a, String physio, String reason) {
        given().auth()
                .oauth2(TOKENS.physio(physio))
                .contentType(ContentType.JSON)
                .body(Map.of("reason", reason, "summary", "Back to work."))
                .post("/api/programs/{id}/discharge", a.programId())
                .then()
                .statusCode(200);
    }

    private static long version(Fixtures.Assigned a, String physio) {
        return given().auth()
                .oauth2(TOKENS.physio(physio))
                .get("/api/programs/{id}", a.programId())
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getLong("version");
    }

    @Test
    void everyReportFromTheSummaryEqualsTheLiveStatements() {
        String physio = "summary-" + System.nanoTime();
        String other = "summary-other-" + System.nanoTime();

        // No improvement after 6 weeks with enough logs to judge: referred.
        Fixtures.Assigned stuck = programStarted(60, physio);
        for (int day : new int[] {60, 59, 58, 12, 9, 5, 2}) {
            log(stuck, day, 6);
        }
        // Improved from 7 to 2.
        Fixtures.Assigned better = programStarted(50, physio);
        for (int day : new int[] {50, 49, 48, 6, 3, 1}) {
            log(better, day, day > 40 ? 7 : 2);
        }
        // Pain that stops sleep or work yesterday: referred whatever the week.
        Fixtures.Assigned disabled = programStarted(20, physio);
        log(disabled, 20, 5);
        log(disabled, 1, 6, true);
        // Nothing logged yet; logs most days; started today.
        Fixtures.Assigned silent = programStarted(30, physio);
        Fixtures.Assigned steady = programStarted(45, physio);
        for (int day = 44; day >= 0; day -= 2) {
            log(steady, day, 4);
        }
        Fixtures.Assigned fresh = programStarted(0, other);
        log(fresh, 0, 3);
        Fixtures.Assigned held = programStarted(35, other);
        log(held, 30, 5);
        log(held, 4, 4);
        // Started in 3 days: not in scope yet.
        programStarted(-3, other);
        // Questionnaires (the outcomes report): baselines, week-4 follow-ups, and an episode discharged with the
        // disability index down from 15 to 3 (reaching the MIC).
        measure(better, physio, "BASELINE", 50, 14);
        measure(better, physio, "WEEK_4", 24, 6);
        measure(steady, physio, "BASELINE", 45, 10);
        measure(stuck, physio, "BASELINE", 60, 12);
        measure(stuck, physio, "WEEK_4", 30, 12);
        Fixtures.Assigned done = programStarted(40, physio);
        measure(done, physio, "BASELINE", 40, 15);
        measure(done, physio, "WEEK_4", 13, 5);
        measure(done, physio, "DISCHARGE", 0, 3);
        discharge(done, physio, "GOALS_MET");
        // Its only change after the build will be a questionnaire.
        Fixtures.Assigned measuredOnly = programStarted(33, physio);

        Map<String, Object> live = reports(physio);
        assertThat(summary.refresh(TODAY)).isEqualTo(ReportSummary.Outcome.BUILT);
        assertThat(QuarkusTransaction.requiringNew().call(() -> queries.summaryServes(defaultPeriod())))
                .as("the built summary serves today's default period")
                .isTrue();
        assertThat(stale()).as("no program marked right after a build").isZero();
        assertThat(count("episode_figures")).as("the episodes stored").isPositive();
        assertThat(count("completion_figures"))
                .as("the due questionnaires stored")
                .isPositive();
        assertThat(reports(physio)).as("reports from the built summary").isEqualTo(live);

        // Changes through the API: each marks its program, and the reports take it live until the job runs.
        log(silent, 0, 5); // first log: into the adherence and pain figures
        log(stuck, 1, 1);
        log(stuck, 0, 1); // the 7-day mean falls: no longer referred
        log(better, 0, 8, true); // disabling pain: referred now
        Fixtures.Assigned added = programStarted(10, physio);
        log(added, 9, 6);
        given().auth()
                .oauth2(TOKENS.physio(physio))
                .contentType(ContentType.JSON)
                .body(Map.of("phase", 2, "reason", "settled", "version", version(steady, physio)))
                .post("/api/programs/{id}/phase", steady.programId())
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(TOKENS.physio(other))
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "patientId",
                        held.patientId(),
                        "screeningId",
                        950_000_000L + held.programId(),
                        "redFlags",
                        List.of("SYSTEMIC")))
                .post("/api/programs/holds")
                .then()
                .statusCode(200);
        discharge(fresh, other, "GOALS_MET");
        // Questionnaires: a late baseline (the only change of its program), a follow-up, and an episode ended with
        // its discharge questionnaire.
        measure(measuredOnly, physio, "BASELINE", 30, 9);
        measure(steady, physio, "WEEK_4", 17, 9);
        measure(better, physio, "DISCHARGE", 0, 2);
        discharge(better, physio, "SELF_MANAGING");
        assertThat(stale()).as("the changed programs are marked").isGreaterThanOrEqualTo(8);

        Map<String, Object> marked = reports(physio);
        assertThat(summary.refresh(TODAY)).isEqualTo(ReportSummary.Outcome.REFRESHED);
        assertThat(stale()).as("the job computed every marked program again").isZero();
        Map<String, Object> refreshed = reports(physio);
        assertThat(summary.refresh(TODAY)).isEqualTo(ReportSummary.Outcome.UNCHANGED);

        summary.invalidate();
        assertThat(QuarkusTransaction.requiringNew().call(() -> queries.summaryServes(defaultPeriod())))
                .as("a raised epoch makes the summary unused")
                .isFalse();
        Map<String, Object> liveAfter = reports(physio);
        assertThat(liveAfter).as("the changes show in the reports").isNotEqualTo(live);
        assertThat(marked).as("reports with changed programs taken live").isEqualTo(liveAfter);
        assertThat(refreshed).as("reports after the job computed them again").isEqualTo(liveAfter);

        // A new day is a new period: the summary of another day is never used.
        assertThat(summary.refresh(TODAY.plusDays(1))).isEqualTo(ReportSummary.Outcome.BUILT);
        assertThat(QuarkusTransaction.requiringNew().call(() -> queries.summaryServes(defaultPeriod())))
                .isFalse();
        assertThat(summary.refresh(TODAY)).isEqualTo(ReportSummary.Outcome.BUILT);
        assertThat(reports(physio)).as("rebuilt for today").isEqualTo(liveAfter);
    }

    private static ReportPeriod defaultPeriod() {
        return new ReportPeriod(TODAY.minusWeeks(ReportPeriod.DEFAULT_WEEKS), TODAY, TODAY, null);
    }

    private long stale() {
        return count("program_stale");
    }

    private long count(String table) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number)
                        em.createNativeQuery("SELECT COUNT(*) FROM " + table).getSingleResult())
                .longValue());
    }

    /** Every summary-backed report, clinic-wide and for the physio, with every page of the lists. */
    private static Map<String, Object> reports(String physio) {
        Map<String, Object> all = new LinkedHashMap<>();
        for (String who : new String[] {null, physio}) {
            Map<String, Object> query = new HashMap<>();
            if (who != null) {
                query.put("physio", who);
            }
            String at = who == null ? "clinic" : "physio";
            all.put(at + " overview", json("overview", query));
            all.put(at + " caseload", json("caseload", query));
            all.put(at + " outcomes", json("outcomes", query));
            all.put(at + " referrals", json("referrals", query));
            // Pages of 2 for the physio's few programs, of 100 over the test database's many.
            int size = who == null ? 100 : 2;
            all.put(at + " referral pages", pages("referrals", query, size));
            all.put(at + " adherence pages", pages("adherence", query, size));
        }
        return all;
    }

    private static Object json(String report, Map<String, Object> query) {
        return given().auth()
                .oauth2(TOKENS.admin("admin"))
                .queryParams(query)
                .get("/api/reports/" + report)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .get("$");
    }

    private static List<Object> pages(String report, Map<String, Object> query, int size) {
        List<Object> pages = new ArrayList<>();
        Map<String, Object> page = new HashMap<>(query);
        page.put("size", size);
        while (true) {
            var json = given().auth()
                    .oauth2(TOKENS.admin("admin"))
                    .queryParams(page)
                    .get("/api/reports/" + report)
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            pages.add(json.get("items"));
            String next = json.getString("next");
            if (next == null || pages.size() > 100_000) {
                return pages;
            }
            page.put("after", next);
        }
    }
}
