package clinic.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import clinic.local.Mailbox;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;

/**
 * The clinic's e-mails as the demo promises them (README "Reminders and notifications", docs/notifications.md), on
 * the shared clinic with its demo mail server: patient3, who has not logged for three days, has their nudge within a
 * minute of the start and its link leads to their routine; a red flag in a session log reaches the care physio's
 * mailbox at once, naming the patient only by clinic number; the one-click unsubscribe (RFC 8058) works without a
 * login and the next e-mail of that kind is not sent.
 *
 * <p>Which kind a mail is comes from patient-service's outbox row named in its {@code Message-ID}, not from its
 * wording.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
// First on the shared clinic (ReplicasSystemTest, first of all, runs one of its own): the nudge is promised within a
// minute of the start, and the classes that restart a service (KillDuringLogStreamTest, ProgramHoldTest) would
// otherwise run in that minute whenever the file system lists them early, and the planner's first tick would find
// program-service restarting (its next tick comes a minute later).
@Order(2)
class NotificationJourneyTest {

    static final String PATIENT3 = "patient3@demo.clinic.test";
    static final String PHYSIO = "physio@demo.clinic.test";
    /** Patient 3's program in program-service's demo data. */
    static final long PROGRAM3 = 3;

    static SystemStack stack;

    @BeforeAll
    static void start() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
        stack = SystemStack.get();
    }

    @Test
    @Order(1)
    void patient3sNudgeIsInTheMailboxWithinAMinuteOfTheStartAndItsLinkOpensTheirRoutine() {
        Instant promised = stack.readyAt().plusSeconds(60);
        // Run early in the suite, the test waits for it; run later, the mail must have come by then all the same.
        Mailbox.Mail nudge = Notifications.await(
                stack,
                PATIENT3,
                "INACTIVITY_NUDGE",
                0,
                Instant.now().isAfter(promised) ? Instant.now() : promised.plusSeconds(2));
        Notifications.date(nudge).ifPresent(sent -> assertThat(sent)
                .as("written within a minute of the start (Date header, whole seconds)")
                .isBeforeOrEqualTo(promised.plusSeconds(1)));
        assertThat(Notifications.ofKind(stack, PATIENT3, "INACTIVITY_NUDGE"))
                .as("one nudge for one gap")
                .hasSize(1);

        // Greeted by given name; nothing clinical: no condition, no pain score, no exercise by name.
        String text = nudge.subject() + "\n" + nudge.text();
        assertThat(text).contains("Casey");
        assertThat(text)
                .doesNotContainIgnoringCase("sciatica")
                .doesNotContainIgnoringCase("desk work")
                .doesNotContainPattern("\\bLee\\b")
                .doesNotContainPattern("\\b\\d{1,2}\\s*/\\s*10\\b")
                .doesNotContainIgnoringCase("pain score");
        for (String exercise : exerciseNames(PROGRAM3)) {
            assertThat(text).as("names no exercise").doesNotContainIgnoringCase(exercise);
        }
        assertThat(nudge.header("Auto-Submitted")).isEqualTo("auto-generated");
        assertThat(nudge.header("List-Unsubscribe-Post")).isEqualTo("List-Unsubscribe=One-Click");
        assertThat(Notifications.unsubscribeUrl(nudge)).startsWith(stack.portal() + "/unsubscribe?t=");

        String link = nudge.links().stream()
                .filter(l -> l.startsWith(stack.portal() + "/me/today"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no link to the routine in: " + nudge.text()));
        try (Browser patient = new Browser()) {
            patient.phoneWidth();
            patient.driver.get(link);
            patient.logIn("patient3", "patient3");
            patient.waitForUrlStartingWith(stack.portal() + "/me/today");
            patient.waitFor(By.id("routine"));
            assertThat(patient.driver.findElements(By.cssSelector("#routine .exercise")))
                    .hasSizeGreaterThanOrEqualTo(3);
            patient.screenshot("patient-nudge-link-to-routine");
        }
    }

    @Test
    @Order(2)
    void aRedFlagInASessionLogReachesTheCarePhysiosMailboxAtOnceNamingOnlyTheClinicNumber() {
        Urgent sent = urgentAlertMail("physio", PHYSIO);
        Mailbox.Mail urgent = sent.mail();
        String clinicNumber = sent.clinicNumber();
        String family = sent.family();
        String email = sent.email();
        String text = urgent.subject() + "\n" + urgent.text();
        assertThat(text)
                .as("the patient only by clinic number; no finding in the e-mail")
                .contains(clinicNumber)
                .doesNotContain(family)
                .doesNotContain("Jordan")
                .doesNotContain(email)
                .doesNotContainIgnoringCase("saddle")
                .doesNotContainIgnoringCase("cauda equina")
                .doesNotContainPattern("\\b\\d{1,2}\\s*/\\s*10\\b");
        assertThat(urgent.links()).anyMatch(l -> l.startsWith(stack.portal() + "/alerts"));
        assertThat(urgent.header("Auto-Submitted")).isEqualTo("auto-generated");
        assertThat(urgent.header("List-Unsubscribe"))
                .as("an urgent alert cannot be switched off, so it offers no unsubscribe")
                .isEmpty();
    }

    /** What {@link #urgentAlertMail} registered and received. */
    record Urgent(Mailbox.Mail mail, String clinicNumber, String family, String email) {}

    /**
     * A patient of its own in {@code physio}'s care (a red flag puts the program on hold; the demo patients' programs
     * stay active for the other tests) logs a session with a red flag; answers the care physio's urgent e-mail for it,
     * which must come within 20 s.
     */
    static Urgent urgentAlertMail(String physio, String physioAddress) {
        String physioToken = Tokens.demo(physio);
        String family = "Urgent" + Long.toString(System.nanoTime(), 36);
        String email = family.toLowerCase() + "@example.test";
        JsonPath registered = given().auth()
                .oauth2(physioToken)
                .contentType("application/json")
                .body(Map.of(
                        "givenName", "Jordan",
                        "familyName", family,
                        "dateOfBirth", "1972-05-17",
                        "email", email,
                        "carePhysio", physio))
                .post(stack.patientService() + "/api/patients")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath();
        long patientId = registered.getLong("id");
        String clinicNumber = registered.getString("clinicNumber");
        String username = registered.getString("accountUsername");
        ProgramHoldTest.screen(physioToken, patientId, List.of());
        long programId = ProgramHoldTest.assign(physioToken, patientId);
        String password = "Sciatica-" + Long.toString(System.nanoTime(), 36);
        try (Browser patient = new Browser()) {
            Invitations.accept(patient, stack, username, password, "/me/today");
            patient.waitFor(By.id("routine"));
        }

        int before = Notifications.ofKind(stack, physioAddress, "URGENT_ALERT").size();
        given().auth()
                .oauth2(Tokens.of(username, password))
                .contentType("application/json")
                .body("{\"date\":\"" + LocalDate.now() + "\",\"painBefore\":5,\"painAfter\":6,\"exercises\":[],"
                        + "\"redFlagSymptoms\":[\"SADDLE_NUMBNESS\"]}")
                .post(stack.programService() + "/api/programs/" + programId + "/sessions")
                .then()
                .statusCode(201);
        Instant logged = Instant.now();

        Mailbox.Mail urgent = null;
        Instant deadline = logged.plusSeconds(20);
        while (urgent == null) {
            // Other tests' patients of physio may raise urgent alerts too: this one names our clinic number.
            urgent = Notifications.ofKind(stack, physioAddress, "URGENT_ALERT").stream()
                    .skip(before)
                    .filter(m -> (m.subject() + m.text()).contains(clinicNumber))
                    .findFirst()
                    .orElse(null);
            if (urgent == null) {
                assertThat(Instant.now())
                        .as(
                                "physio's urgent e-mail for %s within 20 s of the log; the mailbox has %s",
                                clinicNumber, Notifications.describe(stack, physioAddress))
                        .isBefore(deadline);
                SystemStack.sleep(250);
            }
        }
        return new Urgent(urgent, clinicNumber, family, email);
    }

    @Test
    @Order(3)
    void theOneClickUnsubscribeWorksWithoutALoginAndTheNextEmailOfThatKindIsNotSent() throws Exception {
        String physioToken = Tokens.demo("physio");
        String patient3 = Tokens.demo("patient3");
        Map<String, Object> preferences = preferences(patient3);
        assertThat(preferences.get("programUpdate"))
                .as("the demo's starting point")
                .isEqualTo(true);

        // The physio moves patient3's program on a phase: a program-update e-mail with its unsubscribe link.
        int updates = Notifications.ofKind(stack, PATIENT3, "PROGRAM_CHANGED").size();
        movePhase(physioToken, 2, "Walking further without leg pain");
        Mailbox.Mail changed = Notifications.await(
                stack, PATIENT3, "PROGRAM_CHANGED", updates, Instant.now().plus(Notifications.SOON));
        assertThat(changed.header("List-Unsubscribe-Post")).isEqualTo("List-Unsubscribe=One-Click");
        String unsubscribe = Notifications.unsubscribeUrl(changed);
        assertThat(unsubscribe).startsWith(stack.portal() + "/unsubscribe?t=");

        HttpClient anonymous = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
        // Opened in a browser without a session: a page that says what the link stops, with the button, and the
        // portal's usual protections; opening it changes nothing.
        HttpResponse<String> page = anonymous.send(
                HttpRequest.newBuilder(URI.create(unsubscribe)).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        assertThat(page.body()).containsIgnoringCase("<form").containsIgnoringCase("method=\"post\"");
        assertThat(page.headers().firstValue("content-security-policy").orElse(""))
                .contains("default-src 'self'");
        assertThat(page.headers().firstValue("cache-control").orElse("")).contains("no-store");
        assertThat(preferences(patient3).get("programUpdate"))
                .as("opening the link stops nothing")
                .isEqualTo(true);

        // What a mail client sends for RFC 8058: a POST with that form body, no cookie, no login, no CSRF token.
        HttpResponse<String> stopped = anonymous.send(
                HttpRequest.newBuilder(URI.create(unsubscribe))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("List-Unsubscribe=One-Click"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(stopped.statusCode()).as(stopped.body()).isEqualTo(200);

        Map<String, Object> after = preferences(patient3);
        assertThat(after.get("programUpdate")).as("program updates off").isEqualTo(false);
        assertThat(after.get("emailEnabled"))
                .as("only that kind: the rest stays")
                .isEqualTo(true);
        assertThat(after.get("exerciseReminder")).isEqualTo(true);

        // The next program change is recorded but not sent: SKIPPED because the patient opted out.
        long lastRow = Notifications.rowsOfPatient(stack, 3).stream()
                .mapToLong(Notifications.Row::id)
                .max()
                .orElse(0);
        movePhase(physioToken, 1, "Back to gentle movement for a week");
        Instant deadline = Instant.now().plus(Notifications.SOON);
        List<Notifications.Row> skipped;
        do {
            skipped = Notifications.rowsOfPatient(stack, 3).stream()
                    .filter(r -> r.id() > lastRow && r.kind().equals("PROGRAM_CHANGED"))
                    .filter(r -> r.status().equals("SKIPPED"))
                    .toList();
            SystemStack.sleep(500);
        } while (skipped.isEmpty() && Instant.now().isBefore(deadline));
        assertThat(skipped)
                .as(
                        "the second program change, opted out; outbox rows of patient 3: %s",
                        Notifications.rowsOfPatient(stack, 3))
                .singleElement()
                .satisfies(r -> assertThat(r.reason()).isEqualTo("OPTED_OUT"));
        // The admin's failures page lists it.
        List<Map<String, Object>> listed = rows(given().auth()
                .oauth2(Tokens.demo("admin"))
                .accept("application/json")
                .queryParam("status", "SKIPPED")
                .queryParam("kind", "PROGRAM_CHANGED")
                .get(stack.patientService() + "/api/notifications")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath());
        long skippedId = skipped.get(0).id();
        assertThat(listed)
                .anySatisfy(r -> assertThat(((Number) r.get("id")).longValue()).isEqualTo(skippedId));
        assertThat(Notifications.ofKind(stack, PATIENT3, "PROGRAM_CHANGED"))
                .as("no second program-update e-mail")
                .hasSize(updates + 1);

        // Back as the demo had it (patient3 switches program updates on again on their preferences).
        Map<String, Object> restore = new HashMap<>(after);
        restore.put("programUpdate", true);
        for (String readOnly : List.of("email", "emailVerified", "emailStatus", "updatedAt")) {
            restore.remove(readOnly);
        }
        given().auth()
                .oauth2(patient3)
                .contentType("application/json")
                .body(restore)
                .put(stack.patientService() + "/api/me/preferences")
                .then()
                .statusCode(200);
    }

    private static Map<String, Object> preferences(String token) {
        return given().auth()
                .oauth2(token)
                .accept("application/json")
                .get(stack.patientService() + "/api/me/preferences")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getMap("$");
    }

    @Test
    @Order(4)
    void aPhysioWhoChoosesSpanishForTheirEmailsOnTheSettingsPageGetsTheUrgentAlertInSpanish() {
        String physio2 = "physio2@demo.clinic.test";
        try (Browser browser = new Browser()) {
            browser.driver.get(stack.portal() + "/settings/notifications");
            browser.logIn("physio2", "physio2");
            browser.waitForUrlStartingWith(stack.portal() + "/settings/notifications");
            browser.waitFor(By.id("language"));
            new org.openqa.selenium.support.ui.Select(browser.driver.findElement(By.id("language")))
                    .selectByValue("es");
            browser.driver.findElement(By.id("save-staff-notifications")).click();
            browser.waitFor(By.id("saved-notice"));
            assertThat(new org.openqa.selenium.support.ui.Select(browser.driver.findElement(By.id("language")))
                            .getFirstSelectedOption()
                            .getAttribute("value"))
                    .isEqualTo("es");
        }
        try {
            Urgent sent = urgentAlertMail("physio2", physio2);
            assertThat(sent.mail().subject()).isEqualTo("Alerta URGENTE del paciente " + sent.clinicNumber());
            assertThat(sent.mail().text())
                    .contains("Las alertas urgentes se envían siempre")
                    .doesNotContain("Urgent alerts are always sent");
        } finally {
            // physio2's e-mails in the other tests stay English.
            given().auth()
                    .oauth2(Tokens.demo("physio2"))
                    .contentType("application/json")
                    .body(Map.of("dailyDigest", true, "weeklySummary", true, "language", "en"))
                    .put(stack.patientService() + "/api/staff/me/notifications")
                    .then()
                    .statusCode(200);
        }
    }

    private static void movePhase(String physioToken, int phase, String reason) {
        long version = ((Number) given().auth()
                        .oauth2(physioToken)
                        .get(stack.programService() + "/api/programs/" + PROGRAM3)
                        .then()
                        .statusCode(200)
                        .extract()
                        .path("version"))
                .longValue();
        given().auth()
                .oauth2(physioToken)
                .contentType("application/json")
                .body(Map.of("phase", phase, "reason", reason, "version", version))
                .post(stack.programService() + "/api/programs/" + PROGRAM3 + "/phase")
                .then()
                .statusCode(200);
    }

    private static List<String> exerciseNames(long programId) {
        return given().auth()
                .oauth2(Tokens.demo("physio"))
                .get(stack.programService() + "/api/programs/" + programId)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("exercises.name", String.class);
    }

    /** The rows of the admin's list: a page object's {@code items}, or the array itself. */
    private static List<Map<String, Object>> rows(JsonPath page) {
        Object root = page.get("$");
        return root instanceof List<?> ? page.getList("$") : page.getList("items");
    }
}
