package clinic.program.report;

import static clinic.program.testing.Fixtures.TOKENS;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import clinic.program.testing.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The admin reports. Every test puts its programs in the care of a physio name of its own and filters the reports
 * by it, so programs of other test classes (same database) never change the figures asserted here.
 */
@QuarkusTest
class ReportResourceTest {

    private static final List<String> REPORTS = List.of("overview", "caseload", "referrals", "adherence");
    private static final AtomicInteger NAMES = new AtomicInteger();

    @Inject
    EntityManager em;

    @Inject
    SessionFactory sessionFactory;

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    private static String uniquePhysio(String prefix) {
        return prefix + "-" + System.nanoTime() % 1_000_000_000L + "-" + NAMES.incrementAndGet();
    }

    /** A program for a new patient in the physio's care that started {@code daysAgo} days ago. */
    private Fixtures.Assigned programStarted(int daysAgo, String physio) {
        return Fixtures.programStarted(em, daysAgo, physio);
    }

    /** The patient logs a session {@code daysAgo} days ago with the given pain before (and after). */
    private static void log(Fixtures.Assigned a, int daysAgo, int pain) {
        given().auth()
                .oauth2(a.patientToken())
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "date",
                        LocalDate.now().minusDays(daysAgo).toString(),
                        "painBefore",
                        pain,
                        "painAfter",
                        pain,
                        "exercises",
                        List.of()))
                .post("/api/programs/{id}/sessions", a.programId())
                .then()
                .statusCode(201);
    }

    private static Response report(String name, Map<String, ?> query) {
        return given().auth()
                .oauth2(TOKENS.admin("admin"))
                .queryParams(query)
                .accept(ContentType.JSON)
                .get("/api/reports/{name}", name);
    }

    private long statements(Runnable request) {
        sessionFactory.getStatistics().clear();
        request.run();
        return sessionFactory.getStatistics().getPrepareStatementCount();
    }

    @Test
    void reportsAreDescribedInTheOpenApiDocument() {
        String document = given().accept("application/json")
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        for (String name : REPORTS) {
            assertThat(document).contains("/api/reports/" + name);
        }
        assertThat(document).contains("text/csv").contains("nextCursor").contains("adherenceDistribution");
    }

    @Test
    void onlyAdminsMayReadReports() {
        for (String name : REPORTS) {
            given().auth()
                    .oauth2(TOKENS.admin("admin"))
                    .get("/api/reports/{name}", name)
                    .then()
                    .statusCode(200)
                    .contentType(ContentType.JSON);
            given().auth()
                    .oauth2(TOKENS.physio("physio"))
                    .get("/api/reports/{name}", name)
                    .then()
                    .statusCode(403)
                    .contentType("application/problem+json");
            given().auth()
                    .oauth2(TOKENS.patient("patient"))
                    .accept("text/csv")
                    .get("/api/reports/{name}", name)
                    .then()
                    .statusCode(403);
            given().get("/api/reports/{name}", name).then().statusCode(401).contentType("application/problem+json");
        }
    }

    @Test
    void anAcceptHeaderThatIsNoMediaTypeGetsJsonOrAProblemNotAServerError() {
        // Found by the system tests' fuzz run: an empty Accept header made every report answer 500.
        for (String name : REPORTS) {
            for (String accept : List.of("", "text", ";;;")) {
                Response response = given().auth()
                        .oauth2(TOKENS.admin("admin"))
                        .header("Accept", accept)
                        .get("/api/reports/{name}", name);
                assertThat(response.statusCode()).as("Accept '%s'", accept).isLessThan(500);
                assertThat(response.contentType())
                        .as("Accept '%s'", accept)
                        .startsWith(response.statusCode() == 200 ? "application/json" : "application/problem+json");
            }
        }
    }

    @Test
    void programsSixWeeksOldWithoutImportantImprovementAndEnoughLogsAreListedForReferral() {
        String physio = uniquePhysio("ref");
        Fixtures.Assigned noLogsEightWeeks = programStarted(56, physio);
        Fixtures.Assigned sameSevenWeeks = programStarted(49, physio);
        Fixtures.Assigned improvedSevenWeeks = programStarted(49, physio);
        Fixtures.Assigned sameThreeWeeks = programStarted(21, physio);
        for (Fixtures.Assigned a : List.of(sameSevenWeeks, improvedSevenWeeks, sameThreeWeeks)) {
            log(a, a == sameThreeWeeks ? 21 : 49, 6);
            log(a, a == sameThreeWeeks ? 20 : 48, 6);
            log(a, a == sameThreeWeeks ? 19 : 47, 6);
        }
        log(sameSevenWeeks, 2, 6);
        log(sameSevenWeeks, 1, 6);
        log(sameSevenWeeks, 0, 6);
        log(improvedSevenWeeks, 27, 2); // day 22 of the program: within week 4
        log(improvedSevenWeeks, 1, 2);
        log(improvedSevenWeeks, 0, 2);
        log(sameThreeWeeks, 0, 5);

        JsonPath referrals = report("referrals", Map.of("physio", physio))
                .then()
                .statusCode(200)
                .body("referralWeeks", equalTo(6))
                // Eight weeks without a log is "not enough data to judge", never a referral.
                .body("items.programId", equalTo(List.of((int) sameSevenWeeks.programId())))
                .body("items[0].physio", equalTo(physio))
                .body("items[0].weeksOnProgram", equalTo(7))
                .body("items[0].baseline", equalTo(6.0f))
                .body("items[0].painChange", equalTo(0.0f))
                .body("items[0].rule", equalTo("NO_IMPORTANT_IMPROVEMENT"))
                .extract()
                .jsonPath();
        assertThat(referrals.getLong("items[0].patientId")).isEqualTo(sameSevenWeeks.patientId());

        JsonPath overview = report("overview", Map.of("physio", physio))
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(overview.getInt("activePrograms")).isEqualTo(4);
        assertThat(overview.getInt("activePatients")).isEqualTo(4);
        assertThat(overview.getList("programsByPhase.programs", Integer.class)).containsExactly(4, 0, 0);
        // Changes since baseline: 0 (same), 4 (improved), 1 (three weeks); none without logs.
        assertThat(overview.getDouble("medianPainChange")).isEqualTo(1.0);
        // Week 4 reached by the three older programs, one improved then; week 8 only by the 8-week one.
        assertThat(overview.getList("improvement.week", Integer.class)).containsExactly(4, 8);
        assertThat(overview.getList("improvement.programs", Integer.class)).containsExactly(3, 1);
        assertThat(overview.getList("improvement.improved", Integer.class)).containsExactly(1, 0);
        assertThat(overview.getDouble("improvement[0].percent")).isEqualTo(33.3);
        assertThat(overview.getList("sessionsPerWeek.sessions", Integer.class).stream()
                        .mapToInt(Integer::intValue)
                        .sum())
                .isEqualTo(6 + 6 + 4);
        assertThat(overview.getList("adherenceDistribution.bucket", String.class))
                .containsExactly("<25", "25-50", "50-75", ">=75");
        assertThat(overview.getList("adherenceDistribution.programs", Integer.class))
                .containsExactly(4, 0, 0, 0);

        report("caseload", Map.of("physio", physio))
                .then()
                .statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].physio", equalTo(physio))
                .body("items[0].patients", equalTo(4))
                .body("items[0].activePrograms", equalTo(4))
                .body("items[0].improved", equalTo(1))
                .body("items[0].improvementRate", equalTo(25.0f));
    }

    @Test
    void reportFiguresAgreeWithEachProgramsProgressPage() {
        String physio = uniquePhysio("agree");
        // {baseline logs..., recent logs...}: 30 % exactly, 1.3 points (25 %), 2 points, no pain (a pain-free
        // baseline), no recent log and two recent logs (both not enough data to judge).
        List<int[][]> cases = List.of(
                new int[][] {{5, 5, 5}, {3, 4, 4, 3}},
                new int[][] {{5, 5, 6}, {4, 4, 4}},
                new int[][] {{7, 7, 7}, {5, 5, 5}},
                new int[][] {{0, 0, 0}, {0, 0, 0}},
                new int[][] {{6, 6, 6}, {}},
                new int[][] {{6, 6, 6}, {6, 6}});
        List<Fixtures.Assigned> programs = new ArrayList<>();
        for (int[][] pains : cases) {
            Fixtures.Assigned a = programStarted(45, physio);
            for (int i = 0; i < pains[0].length; i++) {
                log(a, 45 - i, pains[0][i]);
            }
            for (int i = 0; i < pains[1].length; i++) {
                log(a, i, pains[1][i]);
            }
            programs.add(a);
        }
        JsonPath referrals = report("referrals", Map.of("physio", physio))
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        JsonPath adherence = report("adherence", Map.of("physio", physio, "size", 10))
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        List<Long> referred = referrals.getList("items.programId", Long.class);
        List<Long> suggested = new ArrayList<>();
        for (Fixtures.Assigned a : programs) {
            JsonPath progress = given().auth()
                    .oauth2(TOKENS.physio(physio))
                    .get("/api/programs/{id}/progress", a.programId())
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            if ("CONSIDER_REFERRAL".equals(progress.getString("suggestion.action"))) {
                suggested.add(a.programId());
                int row = referred.indexOf(a.programId());
                assertThat(row)
                        .as("program %d suggested for referral is in the report", a.programId())
                        .isNotNegative();
                assertThat(referrals.getString("items[" + row + "].painChange"))
                        .isEqualTo(progress.getString("pain.change"));
                assertThat(referrals.getString("items[" + row + "].rule"))
                        .isEqualTo(progress.getString("suggestion.ruleCode"));
            }
            int row = adherence.getList("items.programId", Long.class).indexOf(a.programId());
            assertThat(adherence.getInt("items[" + row + "].adherence"))
                    .isEqualTo(progress.getInt("adherence.percent"));
        }
        // Only the 1.3-point case: the pain-free baseline and the two without enough logs are not referrals.
        assertThat(referred)
                .containsExactlyElementsOf(suggested)
                .containsExactly(programs.get(1).programId());
    }

    @Test
    void painThatStopsSleepOrWorkIsAReferralWhateverTheWeek() {
        String physio = uniquePhysio("disabling");
        Fixtures.Assigned threeWeeks = programStarted(21, physio);
        Fixtures.Assigned quiet = programStarted(21, physio);
        log(quiet, 1, 7);
        given().auth()
                .oauth2(threeWeeks.patientToken())
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "date",
                        LocalDate.now().minusDays(1).toString(),
                        "painBefore",
                        7,
                        "painAfter",
                        7,
                        "exercises",
                        List.of(),
                        "painStopsSleepOrWork",
                        true))
                .post("/api/programs/{id}/sessions", threeWeeks.programId())
                .then()
                .statusCode(201);

        report("referrals", Map.of("physio", physio))
                .then()
                .statusCode(200)
                .body("items.programId", equalTo(List.of((int) threeWeeks.programId())))
                .body("items[0].rule", equalTo("SEVERE_OR_DISABLING"))
                .body("items[0].reason", containsString("sleep or work"));
        given().auth()
                .oauth2(TOKENS.physio(physio))
                .get("/api/programs/{id}/progress", threeWeeks.programId())
                .then()
                .statusCode(200)
                .body("suggestion.action", equalTo("CONSIDER_REFERRAL"))
                .body("suggestion.ruleCode", equalTo("SEVERE_OR_DISABLING"));
    }

    @Test
    void aProgramOnHoldIsStillInThePhysiosCaseload() {
        String physio = uniquePhysio("held");
        Fixtures.Assigned held = programStarted(10, physio);
        given().auth()
                .oauth2(held.patientToken())
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "date", LocalDate.now().toString(),
                        "painBefore", 6,
                        "painAfter", 6,
                        "exercises", List.of(),
                        "redFlagSymptoms", List.of("SYSTEMIC")))
                .post("/api/programs/{id}/sessions", held.programId())
                .then()
                .statusCode(201)
                .body("programStatus", equalTo("ON_HOLD"));
        report("caseload", Map.of("physio", physio))
                .then()
                .statusCode(200)
                .body("items[0].patients", equalTo(1))
                .body("items[0].activePrograms", equalTo(1))
                .body("items[0].openAlerts", equalTo(1));
        report("overview", Map.of("physio", physio)).then().statusCode(200).body("activePrograms", equalTo(1));
    }

    @Test
    void adherenceCountsDaysWithALogAgainstDaysSinceTheLaterOfPeriodStartAndProgramStart() {
        String physio = uniquePhysio("adh");
        Fixtures.Assigned a = programStarted(9, physio);
        log(a, 9, 4);
        log(a, 9, 4); // a second log on one day is one session day
        log(a, 1, 4);
        log(a, 0, 4);
        LocalDate today = LocalDate.now();
        // From the program's start: 3 days of 10.
        report("adherence", Map.of("physio", physio))
                .then()
                .statusCode(200)
                .body("items[0].loggedDays", equalTo(3))
                .body("items[0].prescribedDays", equalTo(10))
                .body("items[0].adherence", equalTo(30));
        // A period starting 3 days ago: 2 days of 4.
        report("adherence", Map.of("physio", physio, "from", today.minusDays(3).toString(), "to", today.toString()))
                .then()
                .statusCode(200)
                .body("items[0].loggedDays", equalTo(2))
                .body("items[0].prescribedDays", equalTo(4))
                .body("items[0].adherence", equalTo(50));
        // A period that ended 5 days ago is judged as of its end: 1 day of 5.
        report(
                        "adherence",
                        Map.of(
                                "physio",
                                physio,
                                "from",
                                today.minusDays(30).toString(),
                                "to",
                                today.minusDays(5).toString()))
                .then()
                .statusCode(200)
                .body("items[0].loggedDays", equalTo(1))
                .body("items[0].prescribedDays", equalTo(5))
                .body("items[0].adherence", equalTo(20));
    }

    @Test
    void referralPagesKeepTheOldestFirstOrderAndTheTotal() {
        String physio = uniquePhysio("refpage");
        Fixtures.Assigned eightWeeks = programStarted(56, physio);
        Fixtures.Assigned sevenA = programStarted(49, physio);
        Fixtures.Assigned sevenB = programStarted(49, physio);
        programStarted(14, physio); // too recent to be listed
        for (Fixtures.Assigned a : List.of(eightWeeks, sevenA, sevenB)) {
            // Enough logs to judge (3 in the last 14 days), no change from a baseline above the pain-free 2.
            log(a, 2, 5);
            log(a, 1, 5);
            log(a, 0, 5);
        }
        long firstSeven = Math.min(sevenA.programId(), sevenB.programId());
        long secondSeven = Math.max(sevenA.programId(), sevenB.programId());
        String sevenWeeksAgo = LocalDate.now().minusDays(49).toString();

        JsonPath first = report("referrals", Map.of("physio", physio, "size", 2))
                .then()
                .statusCode(200)
                .body("size", equalTo(2))
                .body("total", equalTo(3))
                .extract()
                .jsonPath();
        assertThat(first.getList("items.programId", Long.class)).containsExactly(eightWeeks.programId(), firstSeven);
        assertThat(first.getString("nextCursor")).isEqualTo(sevenWeeksAgo + ":" + firstSeven);

        report("referrals", Map.of("physio", physio, "size", 2, "after", first.getString("nextCursor")))
                .then()
                .statusCode(200)
                .body("items.programId", equalTo(List.of((int) secondSeven)))
                .body("total", equalTo(3))
                .body("nextCursor", nullValue());

        // Without a size every row comes, in JSON and in CSV (the spreadsheet download); a CSV page has its cursor.
        report("referrals", Map.of("physio", physio))
                .then()
                .statusCode(200)
                .body("size", nullValue())
                .body("total", equalTo(3))
                .body("items", hasSize(3))
                .body("nextCursor", nullValue());
        String csv = given().auth()
                .oauth2(TOKENS.admin("admin"))
                .accept("text/csv")
                .queryParam("physio", physio)
                .get("/api/reports/referrals")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(csv.split("\r\n")).hasSize(4);
        given().auth()
                .oauth2(TOKENS.admin("admin"))
                .accept("text/csv")
                .queryParams(Map.of("physio", physio, "size", 1))
                .get("/api/reports/referrals")
                .then()
                .statusCode(200)
                .header("X-Next-Cursor", equalTo(LocalDate.now().minusDays(56) + ":" + eightWeeks.programId()));

        for (String bad : List.of("x", "2026-13-45:1", "12:34")) {
            report("referrals", Map.of("physio", physio, "size", 2, "after", bad))
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("violations[0].field", equalTo("after"));
        }
        report("referrals", Map.of("size", 0)).then().statusCode(400).body("violations[0].field", equalTo("size"));
        report("referrals", Map.of("size", "all")).then().statusCode(400).body("violations[0].field", equalTo("size"));
    }

    @Test
    void adherencePagesContinueAfterTheCursorWithoutDuplicates() {
        String physio = uniquePhysio("page");
        Fixtures.Assigned zeroA = programStarted(0, physio);
        Fixtures.Assigned zeroB = programStarted(0, physio);
        Fixtures.Assigned quarter = programStarted(3, physio);
        Fixtures.Assigned half = programStarted(3, physio);
        Fixtures.Assigned full = programStarted(0, physio);
        log(quarter, 3, 3);
        log(half, 3, 3);
        log(half, 2, 3);
        log(full, 0, 3);

        List<Long> seen = new ArrayList<>();
        List<Integer> adherence = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            Map<String, Object> query = cursor == null
                    ? Map.of("physio", physio, "size", 2)
                    : Map.of("physio", physio, "size", 2, "after", cursor);
            JsonPath page = report("adherence", query)
                    .then()
                    .statusCode(200)
                    .body("size", equalTo(2))
                    .extract()
                    .jsonPath();
            seen.addAll(page.getList("items.programId", Long.class));
            adherence.addAll(page.getList("items.adherence", Integer.class));
            cursor = page.getString("nextCursor");
            pages++;
        } while (cursor != null && pages < 10);

        assertThat(pages).isEqualTo(3);
        assertThat(new HashSet<>(seen)).hasSameSizeAs(seen);
        long firstZero = Math.min(zeroA.programId(), zeroB.programId());
        long secondZero = Math.max(zeroA.programId(), zeroB.programId());
        assertThat(seen)
                .containsExactly(firstZero, secondZero, quarter.programId(), half.programId(), full.programId());
        assertThat(adherence).containsExactly(0, 0, 25, 50, 100);

        // The cursor travels as a header in CSV, and a page is capped at 100 rows.
        given().auth()
                .oauth2(TOKENS.admin("admin"))
                .accept("text/csv")
                .queryParams(Map.of("physio", physio, "size", 1))
                .get("/api/reports/adherence")
                .then()
                .statusCode(200)
                .header("X-Next-Cursor", equalTo("0:" + firstZero));
        report("adherence", Map.of("physio", physio, "size", 500))
                .then()
                .statusCode(200)
                .body("size", equalTo(100))
                .body("items", hasSize(5))
                .body("nextCursor", nullValue());
    }

    @Test
    void csvHasAHeaderRowAndQuotesValuesWithCommas() {
        String physio = uniquePhysio("Hart, Paula");
        programStarted(2, physio);
        String body = given().auth()
                .oauth2(TOKENS.admin("admin"))
                .accept("text/csv")
                .queryParam("physio", physio)
                .get("/api/reports/caseload")
                .then()
                .statusCode(200)
                .contentType(startsWith("text/csv"))
                .header("Content-Disposition", startsWith("attachment; filename="))
                .header("Content-Disposition", containsString(".csv"))
                .extract()
                .asString();
        String[] lines = body.split("\r\n", -1);
        assertThat(lines[0])
                .isEqualTo("physio,patients,activePrograms,meanAdherence,openAlerts,improved,improvementRate");
        assertThat(lines[1]).startsWith("\"" + physio + "\",1,1,");
        assertThat(lines).hasSize(3);
        assertThat(lines[2]).isEmpty();

        for (String name : REPORTS) {
            given().auth()
                    .oauth2(TOKENS.admin("admin"))
                    .accept("text/csv")
                    .queryParam("physio", physio)
                    .get("/api/reports/{name}", name)
                    .then()
                    .statusCode(200)
                    .contentType(startsWith("text/csv"))
                    .header("Content-Disposition", containsString(name));
        }
    }

    @Test
    void aPhysioWithoutProgramsGetsEmptyReportsNotErrors() {
        String nobody = uniquePhysio("nobody");
        report("overview", Map.of("physio", nobody))
                .then()
                .statusCode(200)
                .body("physio", equalTo(nobody))
                .body("activePrograms", equalTo(0))
                .body("activePatients", equalTo(0))
                .body("programsByPhase.programs", everyItem(equalTo(0)))
                .body("sessionsPerWeek.sessions", everyItem(equalTo(0)))
                .body("adherenceDistribution.programs", everyItem(equalTo(0)))
                .body("medianPainChange", nullValue())
                .body("improvement.percent", everyItem(nullValue()))
                .body("openAlerts.open", everyItem(equalTo(0)));
        for (String name : List.of("caseload", "referrals", "adherence")) {
            report(name, Map.of("physio", nobody)).then().statusCode(200).body("items", empty());
        }
        given().auth()
                .oauth2(TOKENS.admin("admin"))
                .accept("text/csv")
                .queryParam("physio", nobody)
                .get("/api/reports/overview")
                .then()
                .statusCode(200)
                .body(startsWith("metric,key,value\r\n"));
    }

    @Test
    void theDefaultPeriodIsTwelveWeeksToToday() {
        LocalDate today = LocalDate.now();
        report("overview", Map.of())
                .then()
                .statusCode(200)
                .body("to", equalTo(today.toString()))
                .body("from", equalTo(today.minusWeeks(12).toString()));
        report("caseload", Map.of("to", "2026-03-31")).then().statusCode(200).body("from", equalTo("2026-01-06"));
    }

    @Test
    void aBadPeriodOrCursorIsABadRequest() {
        report("overview", Map.of("from", "2026-05-02", "to", "2026-05-01"))
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("violations[0].field", equalTo("from"));
        report("caseload", Map.of("from", "yesterday"))
                .then()
                .statusCode(400)
                .body("violations[0].field", equalTo("from"));
        report("adherence", Map.of("after", "x")).then().statusCode(400).body("violations[0].field", equalTo("after"));
        report("adherence", Map.of("size", 0)).then().statusCode(400).body("violations[0].field", equalTo("size"));
        report("adherence", Map.of("size", "many")).then().statusCode(400).body("violations[0].field", equalTo("size"));
        report("nonsense", Map.of()).then().statusCode(404);
    }

    /**
     * A fixed number whatever the data (no statement per program or log): the overview's six are the audit row, the
     * question whether the reports' summary serves the period, phases, figures, weekly series and open alerts.
     */
    @Test
    void everyReportRunsAtMostSixStatementsWhateverTheData() {
        String physio = uniquePhysio("budget");
        for (int i = 0; i < 3; i++) {
            Fixtures.Assigned a = programStarted(50 + i, physio);
            log(a, 50, 5);
            log(a, 10, 4);
            log(a, 0, 3);
        }
        for (String name : REPORTS) {
            for (Map<String, String> query : List.<Map<String, String>>of(Map.of(), Map.of("physio", physio))) {
                long json = statements(() -> report(name, query).then().statusCode(200));
                long csv = statements(() -> given().auth()
                        .oauth2(TOKENS.admin("admin"))
                        .accept("text/csv")
                        .queryParams(query)
                        .get("/api/reports/{name}", name)
                        .then()
                        .statusCode(200));
                assertThat(json).as("%s %s", name, query).isBetween(1L, 6L);
                assertThat(csv).as("%s %s as CSV", name, query).isBetween(1L, 6L);
            }
        }
    }
}
