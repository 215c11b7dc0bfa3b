package clinic.portal;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import clinic.portal.StubServices.Answer;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.RestAssured;
import java.util.List;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The questionnaire and discharge payloads as program-service sends them over HTTP (the shapes of the API, plus fields
 * the portal does not know, which it ignores), and the body the portal posts.
 */
@QuarkusTest
@QuarkusTestResource(value = StubServices.class, restrictToAnnotatedClass = true)
class OutcomeWireTest {

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    /** GET /api/instruments: the Instrument record's fields plus "enabled", and something new. */
    private static final String INSTRUMENTS = "[{\"code\":\"PSFS\",\"name\":\"Patient-Specific Functional Scale\","
            + "\"version\":\"1995\",\"kind\":\"OUTCOME\",\"description\":\"d\",\"instructions\":\"Name up to five"
            + " activities.\",\"items\":[{\"code\":\"activity1\",\"text\":\"Activity 1\",\"type\":\"TEXT\",\"options\":[],"
            + "\"min\":null,\"max\":null,\"minLabel\":null,\"maxLabel\":null,\"required\":true},{\"code\":\"rating1\","
            + "\"text\":\"Activity 1: how able are you to do it today?\",\"type\":\"RATING\",\"options\":[],\"min\":0,"
            + "\"max\":10,\"minLabel\":\"Unable\",\"maxLabel\":\"As before\",\"required\":true,\"hint\":\"new\"}],"
            + "\"scoring\":{\"method\":\"MEAN_OF_RATINGS\",\"min\":0,\"max\":10,\"higherIsBetter\":true,\"unit\":"
            + "\"points\",\"maxSkipped\":0,\"description\":\"mean\"},\"mic\":{\"points\":2.0,\"percent\":null,\"rule\":"
            + "\"an increase of at least 2 points\",\"source\":\"Stratford 1995\"},\"licence\":{\"holder\":"
            + "\"P. Stratford et al.\",\"terms\":\"Free to use in clinical practice.\",\"permissionNeeded\":null,"
            + "\"source\":\"Physiotherapy Canada 1995\"},\"enabledByDefault\":true,\"enabled\":true,\"future\":1},"
            + "{\"code\":\"SBST\",\"name\":\"Keele STarT Back\",\"items\":[],\"enabledByDefault\":false,\"enabled\":false}]";

    private static String program(long id, String status) {
        return "{\"id\":" + id + ",\"patientId\":7,\"protocol\":\"sciatica-phased\",\"phase\":1,\"status\":\"" + status
                + "\",\"startedOn\":\"2026-10-01\",\"exercises\":[],\"revisions\":[],\"version\":1,"
                + "\"dischargedOn\":" + ("DISCHARGED".equals(status) ? "\"2026-12-01\"" : "null")
                + ",\"dischargedBy\":\"physio\",\"dischargeReason\":\"SELF_MANAGING\",\"dischargeSummary\":\"Fine\","
                + "\"somethingNew\":{\"a\":1}}";
    }

    @Test
    @TestSecurity(
            user = "patient",
            roles = {"patient"})
    void thePatientsQuestionnairePagesReadTheApiShapes() {
        long id = Fixtures.nextId();
        StubServices.answer("GET /api/instruments", Answer.json(INSTRUMENTS));
        StubServices.answer("GET /api/programs/me", Answer.json(program(id, "ACTIVE")));
        StubServices.answer(
                "GET /api/programs/" + id + "/measures/due",
                Answer.json("{\"programId\":" + id + ",\"due\":[{\"instrument\":\"PSFS\",\"instrumentName\":"
                        + "\"Patient-Specific Functional Scale\",\"timepoint\":\"WEEK_4\",\"opensOn\":\"2026-10-26\","
                        + "\"dueOn\":\"2026-10-29\",\"status\":\"OVERDUE\",\"completedOn\":null,\"extra\":true}]}"));
        StubServices.answer(
                "GET /api/programs/" + id + "/measures",
                Answer.json("[{\"id\":1,\"programId\":" + id + ",\"instrument\":\"PSFS\",\"instrumentName\":"
                        + "\"Patient-Specific Functional Scale\",\"instrumentVersion\":\"1995\",\"timepoint\":"
                        + "\"BASELINE\",\"completedOn\":\"2026-10-01\",\"enteredBy\":\"patient\",\"enteredByRole\":"
                        + "\"PATIENT\",\"answers\":[{\"item\":\"activity1\",\"value\":null,\"text\":\"Sitting\","
                        + "\"skipped\":false}],\"score\":3.0,\"scoreMax\":10.0,\"subscore\":null,\"riskGroup\":null,"
                        + "\"riskMeaning\":null,\"higherIsBetter\":true,\"baselineScore\":3.0,\"changeFromBaseline\":"
                        + "null,\"micReached\":null,\"improved\":null,\"new\":1}]"));

        Document list = Pages.html(
                given().get("/me/measures").then().statusCode(200).extract().response());
        assertThat(list.select("#due-list").text()).contains("Week 4").contains("Overdue");
        assertThat(list.select("#done-list").text())
                .contains("score 3 out of 10")
                .contains("higher is better");

        Document form = Pages.html(given().get("/me/measures/psfs")
                .then()
                .statusCode(200)
                .extract()
                .response());
        assertThat(form.select("#questionnaire fieldset.question")).hasSize(2);
        assertThat(form.select("#licence").text()).contains("P. Stratford et al.");
        // A switched-off instrument is not offered.
        given().get("/me/measures/sbst").then().statusCode(404);

        StubServices.answer(
                "POST /api/programs/" + id + "/measures",
                new Answer(
                        201,
                        "application/json",
                        "{\"id\":2,\"programId\":" + id + ",\"instrument\":\"PSFS\",\"timepoint\":\"WEEK_4\","
                                + "\"score\":6.0,\"scoreMax\":10.0,\"higherIsBetter\":true,\"baselineScore\":3.0,"
                                + "\"changeFromBaseline\":3.0,\"micReached\":true,\"improved\":true}",
                        java.util.Map.of()));
        Pages.Csrf csrf = Pages.csrf("/me/measures/psfs");
        Document done = Pages.html(given().header("Origin", Pages.origin())
                .formParam("csrf-token", csrf.token())
                .formParam("a.activity1", "Sitting \"30\" min")
                .formParam("a.rating1", "6")
                .post("/me/measures/psfs")
                .then()
                .statusCode(200)
                .extract()
                .response());
        assertThat(done.select("#measure-score").text())
                .contains("3 points better")
                .contains("a change that matters");
        List<StubServices.Received> sent = StubServices.received("POST /api/programs/" + id + "/measures");
        assertThat(sent).hasSize(1);
        assertThat(sent.get(0).body())
                .isEqualTo("{\"instrument\":\"PSFS\",\"answers\":[{\"item\":\"activity1\",\"text\":\"Sitting \\\"30\\\""
                        + " min\"},{\"item\":\"rating1\",\"value\":6}]}");
    }

    @Test
    @TestSecurity(
            user = "physio",
            roles = {"physio"})
    void theLetterReadsTheSummaryShapeAndTheProgramItsDischargeFields() {
        long id = Fixtures.nextId();
        StubServices.answer("GET /api/programs/" + id, Answer.json(program(id, "DISCHARGED")));
        StubServices.answer(
                "GET /api/programs/" + id + "/summary",
                Answer.json("{\"programId\":" + id + ",\"patientId\":7,\"protocol\":{\"code\":\"sciatica-phased\","
                        + "\"name\":\"Sciatica, phased\"},\"carePhysio\":\"physio\",\"startedOn\":\"2026-10-01\","
                        + "\"dischargedOn\":\"2026-12-01\",\"dischargedBy\":\"physio\",\"reason\":\"SELF_MANAGING\","
                        + "\"reasonText\":\"Self-managing\",\"summary\":\"Keeps walking.\",\"phases\":[{\"phase\":1,"
                        + "\"name\":\"Gentle\",\"from\":\"2026-10-01\",\"to\":null}],\"adherence\":{\"percent\":75.0,"
                        + "\"logged\":30,\"prescribed\":40},\"pain\":{\"first\":6.0,\"last\":3.0,\"change\":-3.0},"
                        + "\"measures\":[{\"instrument\":\"PSFS\",\"instrumentName\":\"PSFS\",\"first\":{\"score\":3.0,"
                        + "\"completedOn\":\"2026-10-01\"},\"last\":{\"score\":7.0,\"completedOn\":\"2026-11-30\"},"
                        + "\"change\":4.0,\"mic\":2.0,\"micReached\":true}],\"alerts\":[],\"holds\":[],"
                        + "\"exercises\":[{\"slug\":\"pelvic-tilt\",\"name\":\"Pelvic tilts\",\"dosage\":"
                        + "\"2 sets × 10 reps\"}],\"unknown\":\"ignored\"}"));
        StubServices.answer(
                "GET /api/patients/7",
                Answer.json(
                        "{\"id\":7,\"clinicNumber\":\"C-7\","
                                + "\"givenName\":\"Alex\",\"familyName\":\"Moss\",\"dateOfBirth\":\"1975-01-31\",\"extra\":1}"));

        Document letter = Pages.html(given().get("/programs/" + id + "/letter")
                .then()
                .statusCode(200)
                .extract()
                .response());
        assertThat(letter.select("#patient-name").text()).isEqualTo("Alex Moss");
        assertThat(letter.select("#discharge-reason").text()).isEqualTo("Self-managing");
        assertThat(letter.select("#letter-measures-table").text())
                .contains("+4 points")
                .contains("2 points: reached");
        assertThat(letter.select("#letter-exercises").text()).contains("Pelvic tilts: 2 sets × 10 reps");
    }
}
