package clinic.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chromium.ChromiumDriver;

/**
 * The phone app without a connection, in chromium: a patient opens today's routine and the log form, loses the
 * network (the page and the service worker both, through the DevTools protocol), reads the offline copy, logs a
 * session with a red flag (the emergency advice shows at once, without the network), sees it waiting, gets the
 * network back, and the session is stored exactly once, even when the same queued session is sent again. Signing out
 * leaves no cache and no queue on the device.
 */
class OfflineJourneyTest {

    static SystemStack stack;

    @BeforeAll
    static void start() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
        stack = SystemStack.get();
    }

    @Test
    void aSessionLoggedOfflineIsSentOnceWhenTheConnectionReturnsAndSigningOutClearsTheDevice() throws Exception {
        String physioToken = Tokens.demo("physio");
        String family = "Offline" + Long.toString(System.nanoTime(), 36);
        String email = family.toLowerCase() + "@example.test";
        JsonPath registered = given().auth()
                .oauth2(physioToken)
                .contentType("application/json")
                .body(Map.of("givenName", "Noor", "familyName", family, "dateOfBirth", "1975-04-12", "email", email))
                .post(stack.patientService() + "/api/patients")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath();
        long patientId = registered.getLong("id");
        assertThat(ProgramHoldTest.screen(physioToken, patientId, List.of()).getString("outcome"))
                .isEqualTo("CLEAR");
        long programId = ProgramHoldTest.assign(physioToken, patientId);
        String password = "Sciatica-" + Long.toString(System.nanoTime(), 36);

        try (Browser patient = new Browser()) {
            JavascriptExecutor js = (JavascriptExecutor) patient.driver;
            patient.phoneWidth();
            Invitations.accept(patient, stack, email, password, "/me/today");
            patient.waitFor(By.id("routine"));

            // The worker is installed and active; the pages are then opened once online so that it keeps them.
            Object active = js.executeAsyncScript("var done = arguments[arguments.length - 1];"
                    + "navigator.serviceWorker.register('/sw.js').then(function () {"
                    + " return navigator.serviceWorker.ready; })"
                    + ".then(function (r) { done(r.active ? r.active.state : 'none'); },"
                    + " function (e) { done('failed: ' + e); });");
            assertThat(String.valueOf(active)).as("the service worker").isIn("activating", "activated");
            patient.driver.get(stack.portal() + "/me/today");
            patient.waitFor(By.id("routine"));
            patient.driver.get(stack.portal() + "/me/log");
            patient.waitFor(By.id("log-session"));
            await("today and the log form are kept", () -> {
                Object urls = js.executeAsyncScript("var done = arguments[arguments.length - 1];"
                        + "caches.open('pages-v1').then(function (c) { return c.keys(); })"
                        + ".then(function (k) { done(k.map(function (r) { return new URL(r.url).pathname; })); });");
                return urls instanceof List<?> l && l.contains("/me/today") && l.contains("/me/log");
            });

            network(patient, false);
            Object failed = js.executeAsyncScript("var done = arguments[arguments.length - 1];"
                    + "fetch('/me/history', {cache: 'no-store'}).then(function () { done(false); },"
                    + " function () { done(true); });");
            assertThat(failed)
                    .as("a fetch fails: the browser really is offline")
                    .isEqualTo(true);

            // Today's routine from the device, saying it is an offline copy.
            openOffline(patient, stack.portal() + "/me/today");
            patient.waitFor(By.id("offline-copy"));
            assertThat(patient.driver.findElement(By.id("offline-copy")).getText())
                    .startsWith("Offline copy from ");
            assertThat(patient.driver.findElements(By.cssSelector("#routine .exercise")))
                    .isNotEmpty();

            // The log form, offline: a red flag shows the emergency advice at once, without the network.
            openOffline(patient, stack.portal() + "/me/log");
            patient.waitFor(By.id("log-session"));
            patient.driver
                    .findElement(By.cssSelector("label[for=painBefore-5]"))
                    .click();
            patient.driver.findElement(By.cssSelector("label[for=painAfter-6]")).click();
            assertThat(patient.driver.findElement(By.id("emergency-advice")).isDisplayed())
                    .isFalse();
            patient.driver.findElement(By.id("rf-SADDLE_NUMBNESS")).click();
            assertThat(patient.driver
                            .findElement(By.cssSelector("#emergency-advice .advice-emergency"))
                            .isDisplayed())
                    .isTrue();
            patient.driver
                    .findElement(By.cssSelector("#log-session button[type=submit]"))
                    .click();
            patient.waitFor(By.id("offline-queued"));
            assertThat(patient.driver.findElement(By.id("offline-queued")).getText())
                    .contains("saved on this phone")
                    .contains("do not wait for the connection");
            assertThat(patient.driver.findElement(By.id("offline-waiting")).getText())
                    .startsWith("1 session is waiting to be sent");
            assertThat(patient.driver
                            .findElement(By.cssSelector("#emergency-advice .advice-emergency"))
                            .isDisplayed())
                    .isTrue();
            patient.screenshot("patient-offline-log-queued");
            @SuppressWarnings("unchecked")
            Map<String, Object> queued = (Map<String, Object>)
                    js.executeAsyncScript(
                            "var done = arguments[arguments.length - 1];"
                                    + "var r = indexedDB.open('clinic-offline');"
                                    + "r.onsuccess = function () { var g = r.result.transaction('sessions')"
                                    + ".objectStore('sessions').getAll(); g.onsuccess = function () { done(g.result[0]); }; };");
            assertThat(queued).containsKey("key");
            assertThat(Database.number("programs", "SELECT COUNT(*) FROM session_log WHERE program_id = " + programId))
                    .as("nothing reached the clinic while offline")
                    .isZero();

            // Today's routine says what is waiting.
            openOffline(patient, stack.portal() + "/me/today");
            patient.waitFor(By.id("offline-waiting"));
            await("the waiting session is shown", () -> patient.driver
                    .findElement(By.id("offline-waiting"))
                    .getText()
                    .startsWith("1 session is waiting to be sent"));

            // Back online: the queue drains by itself.
            network(patient, true);
            await(
                    "the session is stored",
                    () -> Database.number(
                                    "programs", "SELECT COUNT(*) FROM session_log WHERE program_id = " + programId)
                            == 1);
            patient.waitFor(By.id("offline-sent"));
            await(
                    "nothing is waiting",
                    () -> !patient.driver.findElement(By.id("offline-waiting")).isDisplayed());

            // The same queued session sent again (as after an answer lost on the way): still one row.
            Object again = js.executeAsyncScript(
                    "var done = arguments[arguments.length - 1]; var entry = arguments[0];"
                            + "var token = document.querySelector(\"form[action$='/logout'] input[type=hidden]\");"
                            + "var body = new URLSearchParams();"
                            + "entry.fields.forEach(function (f) { body.append(f[0], f[0] === token.name ?"
                            + " token.value : f[1]); });"
                            + "fetch('/me/sessions', {method: 'POST', body: body, credentials: 'same-origin'})"
                            + ".then(function (a) { done(a.headers.get('X-Session-Outcome')); },"
                            + " function (e) { done('error ' + e); });",
                    queued);
            // The program is paused by the red flag now and its routine lists no exercises; the form's own list of
            // the exercises it showed rebuilds the same body, so the service answers with the stored session.
            assertThat(again)
                    .as("a resend of the stored session is answered as saved")
                    .isEqualTo("saved");
            assertThat(Database.number("programs", "SELECT COUNT(*) FROM session_log WHERE program_id = " + programId))
                    .as("one session however often it is sent")
                    .isEqualTo(1);
            assertThat(Database.number(
                            "programs",
                            "SELECT COUNT(*) FROM session_log WHERE program_id = " + programId
                                    + " AND idempotency_key = '" + queued.get("key") + "'"))
                    .isEqualTo(1);

            // Signing out leaves nothing of this patient on the device.
            patient.driver.findElement(By.id("sign-out")).click();
            await("signed out", () -> !patient.driver.getCurrentUrl().startsWith(stack.portal() + "/me/"));
            patient.driver.get(stack.portal() + "/session-expired");
            patient.waitFor(By.tagName("main"));
            Object caches =
                    js.executeAsyncScript("var done = arguments[arguments.length - 1]; caches.keys().then(done);");
            assertThat(String.valueOf(caches)).as("caches after sign-out").isEqualTo("[]");
            Object databases = js.executeAsyncScript("var done = arguments[arguments.length - 1];"
                    + "indexedDB.databases().then(function (l) { done(l.map(function (d) { return d.name; })); });");
            assertThat(String.valueOf(databases)).as("IndexedDB after sign-out").doesNotContain("clinic-offline");
        }
    }

    /**
     * Cuts or restores the network for the page and for the service worker: the page's emulation does not reach the
     * worker, which is a target of its own, so the worker's target gets the same emulation through a session of its
     * own.
     */
    /** The worker targets' sessions by target id: an emulation belongs to the session that set it. */
    private static final Map<Object, String> WORKER_SESSIONS = new java.util.HashMap<>();

    /**
     * Opens a page while the network is cut, and cuts it again for the page: Chromium 150 resets the navigator's
     * network state at each navigation (the network itself stays cut), where a phone without signal keeps saying it
     * is offline on every page.
     */
    static void openOffline(Browser browser, String url) {
        browser.driver.get(url);
        network(browser, false);
    }

    static void network(Browser browser, boolean online) {
        ChromiumDriver driver = (ChromiumDriver) browser.driver;
        Map<String, Object> conditions =
                Map.of("offline", !online, "latency", 0, "downloadThroughput", -1, "uploadThroughput", -1);
        driver.executeCdpCommand("Network.enable", Map.of());
        driver.executeCdpCommand("Network.emulateNetworkConditions", conditions);
        // The call above is deprecated for emulateNetworkConditionsByRule plus overrideNetworkState, and newer
        // Chromium may leave navigator.onLine alone with it: overrideNetworkState sets it, as a phone without signal
        // would (the page's queue listens to it). Older Chromium has no such command, and needs none.
        try {
            driver.executeCdpCommand("Network.overrideNetworkState", conditions);
        } catch (org.openqa.selenium.WebDriverException olderChromium) {
            // emulateNetworkConditions set navigator.onLine there
        }
        Map<String, Object> targets = driver.executeCdpCommand("Target.getTargets", Map.of());
        int id = 1000;
        for (Object t : (List<?>) targets.get("targetInfos")) {
            Map<?, ?> target = (Map<?, ?>) t;
            if (!"service_worker".equals(target.get("type"))) {
                continue;
            }
            String session = WORKER_SESSIONS.computeIfAbsent(target.get("targetId"), targetId -> (String)
                    driver.executeCdpCommand("Target.attachToTarget", Map.of("targetId", targetId, "flatten", false))
                            .get("sessionId"));
            for (String message : List.of(
                    "{\"id\":" + (id++) + ",\"method\":\"Network.enable\",\"params\":{}}",
                    "{\"id\":" + (id++) + ",\"method\":\"Network.emulateNetworkConditions\",\"params\":{\"offline\":"
                            + !online + ",\"latency\":0,\"downloadThroughput\":-1,\"uploadThroughput\":-1}}")) {
                driver.executeCdpCommand(
                        "Target.sendMessageToTarget", Map.of("sessionId", session, "message", message));
            }
        }
    }

    interface Check {
        boolean ok() throws Exception;
    }

    static void await(String what, Check check) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(40));
        while (!check.ok()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("Timed out waiting until " + what);
            }
            Thread.sleep(250);
        }
    }
}
