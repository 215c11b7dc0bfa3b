package clinic.system;

import static org.assertj.core.api.Assertions.assertThat;

import clinic.local.EmbeddedDatabase;
import clinic.local.KeycloakTokens;
import clinic.local.Mailbox;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;

/**
 * {@code ./clinic run --replicas 2}: two instances of each service behind the launcher's round-robin proxies. Each
 * inactivity alert is raised once though both program-service instances run the check every two seconds; a session
 * log sent with one Idempotency-Key to both instances at the same moment is stored once and both answer it; a portal
 * session begun through the public address is served by either portal instance, forms included; each reminder
 * e-mail is sent once though both patient-service instances plan and send every few seconds.
 *
 * <p>A clinic of its own, started first in the suite (before the shared one of the other tests), in the same data
 * directory, so Keycloak's one-time build is shared; started once for the three tests.
 */
@Order(1)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReplicasSystemTest {

    private static final Pattern INSTANCE = Pattern.compile(
            "^\\s+([a-z-]+)#(\\d)\\s+(http://localhost:\\d+)\\s+health (http://localhost:\\d+)/q/health\\s*$");
    private static final Pattern CSRF_FIELD =
            Pattern.compile("name=\"csrf-token\"\\s+value=\"([^\"]+)\"|value=\"([^\"]+)\"\\s+name=\"csrf-token\"");

    static SystemStack stack;
    /** Each service's instances by number: their own public URL and management URL. */
    static final Map<String, List<String[]>> instances = new TreeMap<>();

    @BeforeAll
    static void start() {
        // Sharing the data directory is safe only while the suite's shared clinic is not running.
        Path dataDir = SystemStack.sharedStarted()
                ? Path.of("target", "clinic-data-replicas")
                : Path.of("target", "clinic-data");
        stack = SystemStack.own(
                dataDir,
                List.of("--replicas", "2"),
                Map.of(
                        // Every two seconds on both instances (the same cron instants): the claim decides.
                        "CLINIC_ALERTS_INACTIVITY_CRON", "*/2 * * * * ?",
                        // patient-service's reminder planner and sender (docs/notifications.md), every few seconds
                        // on both instances: the claims and the outbox's unique keys decide.
                        "CLINIC_NOTIFY_PLAN_EVERY", "3s",
                        "CLINIC_NOTIFY_SEND_EVERY", "1s",
                        "QUARKUS_LOG_CATEGORY__CLINIC_KIT_JOBS__LEVEL", "DEBUG"),
                // Six service JVMs, one after another: on a busy shared machine that alone took over five minutes.
                Duration.ofMinutes(12));
        for (String line : stack.output().split("\n")) {
            Matcher m = INSTANCE.matcher(line);
            if (m.matches()) {
                instances.computeIfAbsent(m.group(1), k -> new ArrayList<>()).add(new String[] {m.group(3), m.group(4)
                });
            }
        }
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.stop();
        }
    }

    @Test
    @Order(1)
    void theLauncherStartsTwoReadyInstancesOfEachServiceBehindTheUsualPorts() {
        assertThat(instances).containsOnlyKeys("patient-service", "program-service", "web-portal");
        for (Map.Entry<String, List<String[]>> service : instances.entrySet()) {
            assertThat(service.getValue()).as(service.getKey()).hasSize(2);
            for (String[] instance : service.getValue()) {
                assertThat(status(instance[1] + "/q/health/ready"))
                        .as(instance[1])
                        .isEqualTo(200);
            }
        }
        // The public address answers from either instance: anonymous API calls are refused the same way by both.
        for (int i = 0; i < 4; i++) {
            assertThat(status(stack.programService() + "/api/programs/1")).isEqualTo(401);
        }
    }

    @Test
    @Order(2)
    void eachInactivityAlertIsRaisedOnceThoughBothInstancesRunTheCheck() throws Exception {
        try (Connection db = programs()) {
            // Programs 1 and 2 have recent logs; program 3 (patient3's) has had none for three days, the inactivity
            // window, so the ticks since the start may have raised its alert already.
            assertThat(openInactivityAlerts(db))
                    .as("the demo programs 1 and 2 have recent logs")
                    .doesNotContainKeys(1L, 2L);
            // Both of them go quiet too: their logs are moved a month back.
            try (Statement s = db.createStatement()) {
                s.executeUpdate("UPDATE session_log SET session_date = session_date - INTERVAL 30 DAY"
                        + " WHERE program_id IN (1, 2)");
            }
            Instant deadline = Instant.now().plusSeconds(30);
            while (openInactivityAlerts(db).size() < 3 && Instant.now().isBefore(deadline)) {
                SystemStack.sleep(250);
            }
            // Several more ticks, each fired by both instances.
            SystemStack.sleep(8_000);
            assertThat(openInactivityAlerts(db))
                    .as("one NO_RECENT_LOG alert per quiet program")
                    .containsExactly(Map.entry(1L, 1), Map.entry(2L, 1), Map.entry(3L, 1));
        }
        // Both instances fired the job at the same instants; each tick was claimed by exactly one of them.
        Map<String, List<String>> claimedBy = new TreeMap<>();
        Map<String, Integer> firedBy = new TreeMap<>();
        for (String log : List.of("program-service-1.log", "program-service-2.log")) {
            for (String line : Files.readAllLines(stack.dataDir.resolve("logs").resolve(log))) {
                Matcher m = Pattern.compile("Job inactivity-check: tick (\\d+) (claimed|taken by another replica)")
                        .matcher(line);
                if (m.find()) {
                    firedBy.merge(log, 1, Integer::sum);
                    if (m.group(2).equals("claimed")) {
                        claimedBy
                                .computeIfAbsent(m.group(1), k -> new ArrayList<>())
                                .add(log);
                    }
                }
            }
        }
        assertThat(firedBy)
                .as("ticks fired per instance")
                .containsOnlyKeys("program-service-1.log", "program-service-2.log");
        assertThat(firedBy.values()).allSatisfy(n -> assertThat(n).isGreaterThanOrEqualTo(5));
        assertThat(claimedBy).isNotEmpty();
        assertThat(claimedBy.values()).as("claims per tick").allSatisfy(by -> assertThat(by)
                .hasSize(1));
    }

    @Test
    @Order(3)
    void anIdempotentSessionLogSentToBothInstancesAtOnceIsStoredOnceAndAnsweredAlike() throws Exception {
        String token = KeycloakTokens.forRealm(stack.keycloakRealm())
                .password(KeycloakTokens.CLI_CLIENT, "patient", "patient")
                .accessToken();
        List<String[]> program = instances.get("program-service");
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
        String run = Long.toString(System.currentTimeMillis(), 36);
        for (int i = 0; i < 5; i++) {
            String key = "replicas-" + run + "-" + i;
            String body = "{\"date\":\"" + LocalDate.now() + "\",\"painBefore\":3,\"painAfter\":2,\"exercises\":[],"
                    + "\"notes\":\"" + key + "\"}";
            CyclicBarrier together = new CyclicBarrier(2);
            List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
            for (String[] instance : program) {
                answers.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        together.await(10, TimeUnit.SECONDS);
                        return http.send(
                                HttpRequest.newBuilder(URI.create(instance[0] + "/api/programs/1/sessions"))
                                        .header("Authorization", "Bearer " + token)
                                        .header("Idempotency-Key", key)
                                        .header("Content-Type", "application/json")
                                        .timeout(Duration.ofSeconds(30))
                                        .POST(HttpRequest.BodyPublishers.ofString(body))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString());
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }));
            }
            List<Long> ids = new ArrayList<>();
            for (CompletableFuture<HttpResponse<String>> answer : answers) {
                HttpResponse<String> r = answer.get(60, TimeUnit.SECONDS);
                assertThat(r.statusCode()).as("%s: %s", key, r.body()).isEqualTo(201);
                Matcher id = Pattern.compile("\"id\"\\s*:\\s*(\\d+)").matcher(r.body());
                assertThat(id.find()).isTrue();
                ids.add(Long.parseLong(id.group(1)));
            }
            assertThat(ids.get(0))
                    .as("%s: both instances answer with the same session", key)
                    .isEqualTo(ids.get(1));
            try (Connection db = programs();
                    PreparedStatement q = db.prepareStatement(
                            "SELECT COUNT(*) FROM session_log WHERE program_id = 1 AND idempotency_key = ?")) {
                q.setString(1, key);
                try (ResultSet rs = q.executeQuery()) {
                    rs.next();
                    assertThat(rs.getInt(1)).as("%s: rows", key).isEqualTo(1);
                }
            }
        }
    }

    @Test
    @Order(4)
    void aPortalSessionIsServedByEitherPortalInstanceFormsIncluded() throws Exception {
        Map<String, String> cookies = new LinkedHashMap<>();
        try (Browser browser = new Browser()) {
            // Through the public address: the proxy sends the browser's connections to the instances in turn.
            browser.driver.get(stack.portal() + "/");
            browser.logIn("physio", "physio");
            browser.waitForUrlStartingWith(stack.portal());
            browser.waitFor(By.tagName("main"));
            browser.driver.manage().getCookies().forEach(c -> cookies.put(c.getName(), c.getValue()));
        }
        HttpClient http = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
        String cookieHeader = cookies.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining("; "));
        List<String[]> portal = instances.get("web-portal");
        String csrf = null;
        for (String[] instance : portal) {
            HttpResponse<String> page = http.send(
                    HttpRequest.newBuilder(URI.create(instance[0] + "/"))
                            .header("Cookie", cookieHeader)
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(page.statusCode()).as(instance[0]).isEqualTo(200);
            assertThat(page.body()).as(instance[0]).contains("Paula Hart");
            if (csrf == null) {
                Matcher m = CSRF_FIELD.matcher(page.body());
                assertThat(m.find()).as("the sign-out form's CSRF token").isTrue();
                csrf = m.group(1) != null ? m.group(1) : m.group(2);
            }
        }
        // The form token the first instance put on its page is accepted by the second: sign-out goes on to
        // Keycloak's end-session endpoint (a refused form would get the 403 page).
        HttpResponse<String> signOut = http.send(
                HttpRequest.newBuilder(URI.create(portal.get(1)[0] + "/logout"))
                        .header("Cookie", cookieHeader)
                        // As a browser on that address sends it (the portal checks the request's own origin).
                        .header("Origin", portal.get(1)[0])
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "csrf-token=" + java.net.URLEncoder.encode(csrf, StandardCharsets.UTF_8)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(signOut.statusCode()).as(signOut.body()).isIn(302, 303);
        assertThat(signOut.headers().firstValue("Location").orElse(""))
                .startsWith(stack.keycloakRealm() + "/protocol/openid-connect/logout?");
    }

    @Test
    @Order(5)
    void eachPlannedReminderIsSentOnceThoughBothPatientServiceInstancesPlanAndSend() throws Exception {
        // patient3's nudge is planned at the first planner run (reminder time 00:00); patients 1 and 2 get theirs
        // at 00:00 too from now on (the defaults are 18:00), so the planner has three patients to consider.
        try (Connection db = patients();
                Statement s = db.createStatement()) {
            s.executeUpdate("INSERT INTO notification_preference (patient_id, reminder_time, updated_at, updated_by)"
                    + " VALUES (1, '00:00:00', NOW(6), 'system-test'), (2, '00:00:00', NOW(6), 'system-test')"
                    + " ON DUPLICATE KEY UPDATE reminder_time = '00:00:00'");
        }
        // Patient 1 logged today (test 3): nothing to remind. Patient 2's logs were moved a month back (test 2): a
        // nudge (or, when the clinic started after 18:00, the plain reminder it already had today). Patient 3: the
        // nudge. Wait until both are sent.
        Instant deadline = Instant.now().plusSeconds(90);
        while (!sentTo().keySet().containsAll(List.of(2L, 3L)) && Instant.now().isBefore(deadline)) {
            SystemStack.sleep(500);
        }
        assertThat(sentTo()).as("patients with a reminder or nudge sent").containsKeys(2L, 3L);
        assertThat(sentTo().get(3L)).as("patient 3's one nudge").isEqualTo(1);
        // Many more planner and sender ticks on both instances.
        SystemStack.sleep(12_000);

        // Every mail the clinic sent, by its outbox row (Message-ID <notification-{id}@...>).
        Map<Long, Integer> mailsPerRow = new TreeMap<>();
        Mailbox mailbox = new Mailbox(stack.mail());
        for (String address : mailbox.addresses()) {
            for (Mailbox.Mail mail : mailbox.messages(address)) {
                Notifications.notificationId(mail).ifPresent(id -> mailsPerRow.merge(id, 1, Integer::sum));
            }
        }
        Map<Long, String> rows = new TreeMap<>();
        try (Connection db = patients();
                Statement s = db.createStatement();
                ResultSet rs = s.executeQuery("SELECT id, status FROM notification")) {
            while (rs.next()) {
                rows.put(rs.getLong(1), rs.getString(2));
            }
        }
        assertThat(mailsPerRow).as("mails per outbox row").isNotEmpty();
        assertThat(mailsPerRow.values()).as("each row sent once").allSatisfy(n -> assertThat(n)
                .isEqualTo(1));
        rows.forEach((id, status) -> {
            if (status.equals("SENT")) {
                assertThat(mailsPerRow).as("row %d is SENT: its one mail", id).containsEntry(id, 1);
            } else {
                assertThat(mailsPerRow).as("row %d is %s: no mail", id, status).doesNotContainKey(id);
            }
        });
        assertThat(rows.values()).as("no send was left in doubt").doesNotContain("UNCERTAIN", "FAILED");
        // One EXERCISE_REMINDER row per patient and day, whatever the ticks: the planner asked about each once.
        try (Connection db = patients();
                Statement s = db.createStatement();
                ResultSet rs = s.executeQuery("SELECT patient_id, local_day, COUNT(*) FROM notification"
                        + " WHERE kind = 'EXERCISE_REMINDER' GROUP BY patient_id, local_day HAVING COUNT(*) > 1")) {
            assertThat(rs.next())
                    .as("a second reminder row for one patient and day")
                    .isFalse();
        }
    }

    /** Patients with a SENT reminder or nudge, and how many. */
    private static Map<Long, Integer> sentTo() throws SQLException {
        Map<Long, Integer> found = new TreeMap<>();
        try (Connection db = patients();
                Statement s = db.createStatement();
                ResultSet rs = s.executeQuery("SELECT patient_id, COUNT(*) FROM notification WHERE status = 'SENT'"
                        + " AND kind IN ('EXERCISE_REMINDER', 'INACTIVITY_NUDGE') GROUP BY patient_id")) {
            while (rs.next()) {
                found.put(rs.getLong(1), rs.getInt(2));
            }
        }
        return found;
    }

    private static Connection patients() throws SQLException {
        return Notifications.patients(stack);
    }

    /** Open NO_RECENT_LOG alerts per program. */
    private static Map<Long, Integer> openInactivityAlerts(Connection db) throws SQLException {
        Map<Long, Integer> found = new TreeMap<>();
        try (Statement s = db.createStatement();
                ResultSet rs = s.executeQuery("SELECT program_id, COUNT(*) FROM alert"
                        + " WHERE type = 'NO_RECENT_LOG' AND status = 'OPEN' GROUP BY program_id")) {
            while (rs.next()) {
                found.put(rs.getLong(1), rs.getInt(2));
            }
        }
        return found;
    }

    private static Connection programs() throws SQLException {
        return DriverManager.getConnection(
                "jdbc:mysql://127.0.0.1:" + stack.dbPort + "/programs",
                EmbeddedDatabase.USER,
                EmbeddedDatabase.PASSWORD);
    }

    private static int status(String url) {
        try {
            return HttpClient.newHttpClient()
                    .send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }
}
