package clinic.portal;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.startsWith;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.when;

import clinic.portal.outbound.ProgramApi.NewSession;
import clinic.portal.outbound.ProgramApi.Prescription;
import clinic.portal.outbound.ProgramApi.Session;
import clinic.portal.outbound.ProgramApi.SessionExercise;
import clinic.portal.outbound.ProgramApi.Today;
import clinic.portal.outbound.ProgramServiceClient;
import io.quarkus.test.InjectMock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import java.util.List;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The portal's side of the phone app: which pages the service worker may keep for offline reading, what a posted
 * session says to the offline queue, the manifest and worker being reachable before sign-in, and sign-out telling the
 * browser to forget everything.
 */
@QuarkusTest
class OfflineAppTest {

    @InjectMock
    @RestClient
    ProgramServiceClient programs;

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    private static Today today(long programId) {
        return new Today(
                programId,
                "2026-11-26",
                1,
                "Gentle movement and nerve glides",
                "Calm the nerve",
                List.of(new Prescription(
                        "pelvic-tilt",
                        "Pelvic tilts",
                        2,
                        10,
                        null,
                        null,
                        2,
                        false,
                        "Flatten the low back, then let it arch a little",
                        "Gentle movement",
                        "Small range only",
                        true)),
                List.of());
    }

    private static Session saved(long programId) {
        return new Session(Fixtures.nextId(), "2026-11-26", 3, 2, List.of(), false, List.of(), null, List.of(), null);
    }

    private static Response post(String key, String painBefore) {
        Pages.Csrf csrf = Pages.csrf("/me/log");
        return given().header("Origin", Pages.origin())
                .formParam("csrf-token", csrf.token())
                .formParam("idempotencyKey", key)
                .formParam("date", "2026-11-26")
                .formParam("painBefore", painBefore)
                .formParam("painAfter", "2")
                .post("/me/sessions");
    }

    @Test
    @TestSecurity(
            user = "patient",
            roles = {"patient"})
    void aPatientsRoutineHandoutLogAndGuideMayBeKeptOfflineMarkedWithTheirOwnKey() {
        when(programs.today()).thenReturn(today(Fixtures.nextId()));
        List<String> keys = List.of("/me/today", "/me/handout", "/me/log", "/education").stream()
                .map(path -> given().get(path)
                        .then()
                        .statusCode(200)
                        .header("Cache-Control", "no-store")
                        .extract()
                        .header("X-Offline-Cache"))
                .toList();
        assertThat(keys).doesNotContainNull().hasSize(4);
        assertThat(keys).containsOnly(keys.get(0));
        // A hash, not the user name: the name is never stored beside the copies.
        assertThat(keys.get(0)).matches("[0-9a-f]{24}").doesNotContain("patient");
        // Progress is not an offline page, so it is never kept.
        when(programs.myProgram()).thenThrow(Fixtures.problem(404, "No program"));
        given().get("/me/history").then().statusCode(200).header("X-Offline-Cache", (String) null);
    }

    @Test
    @TestSecurity(
            user = "physio",
            roles = {"physio"})
    void staffPagesAreNeverMarkedForOfflineCopies() {
        given().get("/education").then().statusCode(200).header("X-Offline-Cache", (String) null);
    }

    @Test
    @TestSecurity(
            user = "patient",
            roles = {"patient"})
    void aPostedSessionTellsTheOfflineQueueWhetherToKeepIt() {
        long programId = Fixtures.nextId();
        when(programs.today()).thenReturn(today(programId));
        when(programs.exercises(any(), any())).thenReturn(List.of());

        when(programs.logSession(eq(programId), eq("saved-key"), any())).thenReturn(saved(programId));
        post("saved-key", "3").then().statusCode(200).header("X-Session-Outcome", "saved");

        // Invalid for good: sending it again cannot help.
        post("invalid-key", "a lot").then().statusCode(200).header("X-Session-Outcome", "refused");

        // The clinic failed or is still storing an earlier send of the same key: keep it and send again later.
        when(programs.logSession(eq(programId), eq("busy-key"), any())).thenThrow(Fixtures.problem(503, "Busy"));
        post("busy-key", "3").then().statusCode(200).header("X-Session-Outcome", "retry");
        when(programs.logSession(eq(programId), eq("in-progress-key"), any()))
                .thenThrow(Fixtures.problem(409, "A request with this Idempotency-Key is in progress."));
        post("in-progress-key", "3").then().statusCode(200).header("X-Session-Outcome", "retry");

        // The program was paused meanwhile: refused, and the page says so.
        when(programs.logSession(eq(programId), eq("paused-key"), any()))
                .thenThrow(Fixtures.problem(422, "Program is ON_HOLD"));
        post("paused-key", "3").then().statusCode(200).header("X-Session-Outcome", "refused");
    }

    @Test
    @TestSecurity(
            user = "patient",
            roles = {"patient"})
    void aResendAfterTheRedFlagItReportedPausedTheProgramRebuildsTheBodyItSentFirst() {
        long programId = Fixtures.nextId();
        // The first send was stored (its answer lost on the way); its red flag paused the program, whose routine now
        // lists no exercises. The form still says what it showed.
        when(programs.today())
                .thenReturn(new Today(
                        programId,
                        "2026-11-26",
                        1,
                        "Gentle movement",
                        "Calm the nerve",
                        List.of(),
                        List.of(),
                        "ON_HOLD",
                        null,
                        null));
        var body = org.mockito.ArgumentCaptor.forClass(NewSession.class);
        when(programs.logSession(eq(programId), eq("lost-key"), body.capture())).thenReturn(saved(programId));
        Pages.Csrf csrf = Pages.csrf("/me/log");
        given().header("Origin", Pages.origin())
                .formParam("csrf-token", csrf.token())
                .formParam("idempotencyKey", "lost-key")
                .formParam("date", "2026-11-26")
                .formParam("painBefore", "3")
                .formParam("painAfter", "2")
                .formParam("shown", "pelvic-tilt", "sciatic-nerve-glide")
                .formParam("completed", "pelvic-tilt")
                .formParam("side", "sciatic-nerve-glide:LEFT")
                .formParam("redFlagSymptoms", "SADDLE_NUMBNESS")
                .post("/me/sessions")
                .then()
                .statusCode(200)
                .header("X-Session-Outcome", "saved");
        assertThat(body.getValue().exercises())
                .containsExactly(
                        new SessionExercise("pelvic-tilt", true, null, false),
                        new SessionExercise("sciatic-nerve-glide", false, "LEFT", false));
    }

    @Test
    @TestSecurity(
            user = "patient",
            roles = {"patient"})
    void theLogFormSaysWhichExercisesItShowed() {
        when(programs.today()).thenReturn(today(Fixtures.nextId()));
        Document page = Pages.html(
                given().get("/me/log").then().statusCode(200).extract().response());
        assertThat(page.select("#log-session input[type=hidden][name=shown]").eachAttr("value"))
                .containsExactly("pelvic-tilt");
    }

    @Test
    void theManifestAndTheWorkerAreServedBeforeSignIn() {
        String manifest = given().redirects()
                .follow(false)
                .get("/manifest.webmanifest")
                .then()
                .statusCode(200)
                // Without a type of its own a browser may refuse it (Chrome parses it anyway).
                .header("Content-Type", startsWith("application/manifest+json"))
                .extract()
                .asString();
        assertThat(manifest)
                .contains("\"start_url\": \"/me/today\"")
                .contains("\"display\": \"standalone\"")
                .contains("/img/icon-192.png")
                .contains("/img/icon-512.png")
                .contains("/img/icon.svg");
        given().redirects().follow(false).get("/img/icon-512.png").then().statusCode(200);
        String worker = given().redirects()
                .follow(false)
                .get("/sw.js")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        // The worker keeps only what the portal marked, and never a post.
        assertThat(worker).contains("X-Offline-Cache").contains("request.method !== \"GET\"");
    }

    @Test
    @TestSecurity(
            user = "patient",
            roles = {"patient"})
    void everyPageLinksTheManifestAndLoadsTheOfflineScriptFromThisOrigin() {
        when(programs.today()).thenReturn(today(Fixtures.nextId()));
        Document page = Pages.html(
                given().get("/me/today").then().statusCode(200).extract().response());
        assertThat(page.select("link[rel=manifest]").attr("href")).isEqualTo("/manifest.webmanifest");
        assertThat(page.select("meta[name=theme-color]").attr("content")).isEqualTo("#0b5cad");
        assertThat(page.select("script[src=/js/offline.js]").attr("data-waiting-one"))
                .isEqualTo("1 session is waiting to be sent. It is kept on this phone and will be sent when you"
                        + " are back online.");
        assertThat(page.select("script:not([src])"))
                .as("no inline script (CSP)")
                .isEmpty();
    }

    @Test
    @TestSecurity(
            user = "patient",
            roles = {"patient"})
    void signingOutTellsTheBrowserToForgetTheOfflineCopiesAndQueue() {
        Pages.Csrf csrf = Pages.csrf("/logout");
        given().header("Origin", Pages.origin())
                .formParam("csrf-token", csrf.token())
                .redirects()
                .follow(false)
                .post("/logout")
                .then()
                .statusCode(303)
                .header("Clear-Site-Data", "\"cache\", \"storage\"");
    }
}
