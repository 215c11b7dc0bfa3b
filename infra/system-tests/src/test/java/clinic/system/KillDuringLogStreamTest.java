package clinic.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.RestAssured;
import io.restassured.response.Response;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * program-service is killed ({@code kill -9}) in the middle of a stream of session logs, each sent with an
 * {@code Idempotency-Key} and retried by the client until acknowledged. After a restart, every key has exactly one
 * row: none lost, none doubled.
 */
class KillDuringLogStreamTest {

    static final int SESSIONS = 40;
    static final int KILL_AFTER = 12;

    static SystemStack stack;

    @BeforeAll
    static void start() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
        stack = SystemStack.get();
    }

    @Test
    void killingProgramServiceMidStreamLeavesExactlyOneRowPerKey() throws Exception {
        String patient = Tokens.demo("patient");
        String run = "kill-" + Long.toString(System.currentTimeMillis(), 36);
        ProcessHandle programService = stack.find("program-service/target/quarkus-app");
        SystemStack.Recipe recipe = SystemStack.Recipe.of(programService);

        Map<String, Long> acknowledged = new ConcurrentHashMap<>();
        Map<String, Integer> attempts = new ConcurrentHashMap<>();
        AtomicReference<Throwable> clientFailure = new AtomicReference<>();
        Thread client = new Thread(
                () -> {
                    try {
                        for (int i = 0; i < SESSIONS; i++) {
                            String key = run + "-" + i;
                            acknowledged.put(key, sendUntilAcknowledged(patient, key, i, attempts));
                        }
                    } catch (Throwable t) {
                        clientFailure.set(t);
                    }
                },
                "session-stream");
        client.start();

        Instant deadline = Instant.now().plusSeconds(60);
        while (acknowledged.size() < KILL_AFTER && Instant.now().isBefore(deadline)) {
            SystemStack.sleep(20);
        }
        assertThat(acknowledged).as("the stream got going").hasSizeGreaterThanOrEqualTo(KILL_AFTER);
        programService.destroyForcibly();
        programService.onExit().get(30, TimeUnit.SECONDS);
        int atKill = acknowledged.size();

        // The restarted service stays up for later tests and stops with the clinic.
        stack.adopt(recipe.start(stack.dataDir.resolve("logs/program-service-restarted.log")));
        try {
            client.join(Duration.ofMinutes(4).toMillis());
        } finally {
            // Whatever happened to the stream, the tests after this one need program-service ready.
            SystemStack.awaitUp(stack.programServiceManagement() + "/q/health/ready", Duration.ofSeconds(120));
        }
        assertThat(client.isAlive()).as("the stream finished").isFalse();
        assertThat(clientFailure.get()).as("the client's stream").isNull();

        System.out.printf(
                "KillDuringLogStreamTest: killed after %d acknowledged; %d attempts for %d sessions%n",
                atKill, attempts.values().stream().mapToInt(Integer::intValue).sum(), SESSIONS);
        assertThat(atKill).as("the kill came in the middle of the stream").isLessThan(SESSIONS);
        assertThat(attempts.values()).as("some sessions had to be retried").anyMatch(n -> n > 1);

        Map<String, List<Long>> rows = new TreeMap<>();
        try (Connection c = Database.connect("programs");
                PreparedStatement q = c.prepareStatement(
                        "SELECT idempotency_key, id FROM session_log WHERE program_id = 1 AND idempotency_key LIKE ?")) {
            q.setString(1, run + "-%");
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    rows.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                            .add(rs.getLong(2));
                }
            }
        }
        assertThat(rows).as("a row for every key").hasSize(SESSIONS);
        rows.forEach((key, ids) -> {
            assertThat(ids).as("rows for %s", key).hasSize(1);
            assertThat(ids.get(0)).as("the acknowledged id of %s", key).isEqualTo(acknowledged.get(key));
        });
        // And through the API, as the physio sees them.
        List<String> notes = given().auth()
                .oauth2(Tokens.demo("physio"))
                .get(stack.programService() + "/api/programs/1/sessions")
                .then()
                .statusCode(200)
                .extract()
                .path("notes");
        assertThat(notes.stream().filter(n -> n != null && n.startsWith(run + "-")))
                .hasSize(SESSIONS)
                .doesNotHaveDuplicates();
    }

    /** The client's side: the same key and body again until a 201, whatever happens to the service meanwhile. */
    private static long sendUntilAcknowledged(String token, String key, int i, Map<String, Integer> attempts) {
        String body = "{\"date\":\"" + LocalDate.now() + "\",\"painBefore\":" + (i % 4) + ",\"painAfter\":" + (i % 4)
                + ",\"exercises\":[],\"notes\":\"" + key + "\"}";
        Instant giveUp = Instant.now().plus(Duration.ofMinutes(3));
        while (Instant.now().isBefore(giveUp)) {
            attempts.merge(key, 1, Integer::sum);
            try {
                Response r = given().auth()
                        .oauth2(token)
                        .header("Idempotency-Key", key)
                        .contentType("application/json")
                        .body(body)
                        .post(stack.programService() + "/api/programs/1/sessions");
                if (r.statusCode() == 201) {
                    return ((Number) r.path("id")).longValue();
                }
                assertThat(r.statusCode())
                        .as("%s: only a dependency problem may be retried: %s", key, r.asString())
                        .isIn(502, 503, 504);
            } catch (Exception connectionRefusedOrReset) {
                // The service is down or starting (RestAssured rethrows socket errors unchecked): retry.
            }
            SystemStack.sleep(250);
        }
        throw new AssertionError(key + " was never acknowledged");
    }
}
