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
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The database stops and starts again while patients log sessions and staff read: the services say they are not
 * ready and answer 503 meanwhile, recover by themselves once it is back, and every write they acknowledged is there.
 */
class DatabaseRestartTest {

    enum Phase {
        BEFORE,
        DOWN,
        AFTER
    }

    static SystemStack stack;

    @BeforeAll
    static void start() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
        stack = SystemStack.get();
    }

    @Test
    void restartingTheDatabaseUnderLoadLosesNoAcknowledgedWriteAndNeedsNoServiceRestart() throws Exception {
        String patient = Tokens.demo("patient");
        String physio = Tokens.demo("physio");
        String run = Long.toString(System.currentTimeMillis(), 36);
        ProcessHandle patientService = stack.find("patient-service/target/quarkus-app");
        ProcessHandle programService = stack.find("program-service/target/quarkus-app");
        ProcessHandle database = stack.find("mariadbd");
        SystemStack.Recipe recipe = SystemStack.Recipe.of(database);

        AtomicReference<Phase> phase = new AtomicReference<>(Phase.BEFORE);
        AtomicBoolean stop = new AtomicBoolean();
        Map<String, Long> acknowledged = new ConcurrentHashMap<>();
        List<String> failures = Collections.synchronizedList(new ArrayList<>());
        Map<String, Integer> seen = new ConcurrentHashMap<>();
        List<Thread> load = new ArrayList<>();
        for (int w = 0; w < 2; w++) {
            int writer = w;
            load.add(new Thread(
                    () -> writeSessions(patient, run + "-" + writer, phase, stop, acknowledged, failures, seen),
                    "writer-" + w));
        }
        load.add(new Thread(
                () -> read(physio, stack.patientService() + "/api/patients/1", phase, stop, failures, seen),
                "reader-patients"));
        load.add(new Thread(
                () -> read(physio, stack.programService() + "/api/programs/1/sessions", phase, stop, failures, seen),
                "reader-sessions"));
        load.forEach(Thread::start);
        awaitAcknowledged(acknowledged, 6, Duration.ofSeconds(60));

        Process restarted = null;
        try {
            // Stop the database as an operator would (SIGTERM: a clean shutdown), on its port and data directory.
            database.destroy();
            assertThat(database.onExit().get(60, TimeUnit.SECONDS).isAlive()).isFalse();
            phase.set(Phase.DOWN);
            awaitReadiness(stack.patientServiceManagement(), 503, Duration.ofSeconds(60));
            awaitReadiness(stack.programServiceManagement(), 503, Duration.ofSeconds(60));
            // Requests answered while it is down (the load threads keep going): a clear 503, checked below.
            Response during = given().auth().oauth2(physio).get(stack.programService() + "/api/programs/1/sessions");
            assertThat(during.statusCode())
                    .as("a read while the database is down")
                    .isEqualTo(503);
            assertThat(during.contentType()).startsWith("application/problem+json");
            assertThat(during.header("Retry-After")).isNotBlank();
            SystemStack.sleep(3000);

            restarted = restartDatabase(recipe);
            awaitReadiness(stack.patientServiceManagement(), 200, Duration.ofSeconds(120));
            awaitReadiness(stack.programServiceManagement(), 200, Duration.ofSeconds(120));
            phase.set(Phase.AFTER);
            int before = acknowledged.size();
            awaitAcknowledged(acknowledged, before + 6, Duration.ofSeconds(60));
        } finally {
            if (restarted == null && !database.isAlive()) {
                // A failed assertion must not leave the later tests without a database.
                restartDatabase(recipe);
                awaitReadiness(stack.patientServiceManagement(), 200, Duration.ofSeconds(120));
                awaitReadiness(stack.programServiceManagement(), 200, Duration.ofSeconds(120));
            }
            stop.set(true);
            for (Thread t : load) {
                t.join(120_000);
            }
        }

        System.out.println("DatabaseRestartTest: answers by phase and status " + new TreeMap<>(seen));
        assertThat(patientService.isAlive())
                .as("patient-service was not restarted")
                .isTrue();
        assertThat(programService.isAlive())
                .as("program-service was not restarted")
                .isTrue();
        assertThat(failures).as("answers that were not 2xx or a clear 503").isEmpty();
        assertThat(seen.keySet())
                .as("the load met the outage")
                .anyMatch(k -> k.startsWith("DOWN ") && k.endsWith(" 503"));

        // Every acknowledged write is there, once.
        Map<String, Long> stored = new TreeMap<>();
        try (Connection c = Database.connect("programs");
                PreparedStatement q = c.prepareStatement(
                        "SELECT idempotency_key, id FROM session_log WHERE program_id = 1 AND idempotency_key LIKE ?")) {
            q.setString(1, "dbr-" + run + "-%");
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    assertThat(stored.put(rs.getString(1), rs.getLong(2)))
                            .as("one row per key")
                            .isNull();
                }
            }
        }
        assertThat(stored).as("every acknowledged session is stored").containsAllEntriesOf(acknowledged);
        List<Integer> listed = given().auth()
                .oauth2(physio)
                .get(stack.programService() + "/api/programs/1/sessions")
                .then()
                .statusCode(200)
                .extract()
                .path("id");
        assertThat(listed.stream().map(Integer::longValue).toList()).containsAll(acknowledged.values());
    }

    /** Starts the database again on the same port and data directory; it stays up and stops with the clinic. */
    private static Process restartDatabase(SystemStack.Recipe recipe) throws java.io.IOException {
        Process process = recipe.start(stack.dataDir.resolve("logs/mariadb-restarted.log"));
        stack.adopt(process);
        return process;
    }

    /** Logs sessions one key after another, retrying each key until it is acknowledged or the test stops. */
    private static void writeSessions(
            String token,
            String writer,
            AtomicReference<Phase> phase,
            AtomicBoolean stop,
            Map<String, Long> acknowledged,
            List<String> failures,
            Map<String, Integer> seen) {
        Instant giveUp = Instant.now().plus(Duration.ofMinutes(4));
        for (int n = 0; !stop.get() && Instant.now().isBefore(giveUp); n++) {
            String key = "dbr-" + writer + "-" + n;
            String body = "{\"date\":\"" + LocalDate.now() + "\",\"painBefore\":2,\"painAfter\":2,\"exercises\":[],"
                    + "\"notes\":\"" + key + "\"}";
            while (Instant.now().isBefore(giveUp)) {
                Phase now = phase.get();
                try {
                    Response r = given().auth()
                            .oauth2(token)
                            .header("Idempotency-Key", key)
                            .contentType("application/json")
                            .body(body)
                            .post(stack.programService() + "/api/programs/1/sessions");
                    record(now, "POST session", r, failures, seen);
                    if (r.statusCode() == 201) {
                        acknowledged.put(key, ((Number) r.path("id")).longValue());
                        break;
                    }
                } catch (Exception connection) {
                    failures.add(now + " POST session: no answer: " + connection.getMessage());
                }
                SystemStack.sleep(300);
            }
            SystemStack.sleep(100);
        }
    }

    private static void read(
            String token,
            String url,
            AtomicReference<Phase> phase,
            AtomicBoolean stop,
            List<String> failures,
            Map<String, Integer> seen) {
        while (!stop.get()) {
            Phase now = phase.get();
            try {
                record(now, "GET", given().auth().oauth2(token).get(url), failures, seen);
            } catch (Exception connection) {
                failures.add(now + " GET " + url + ": no answer: " + connection.getMessage());
            }
            SystemStack.sleep(200);
        }
    }

    /** Any answer but a success or a 503 problem with Retry-After is a failure; so is any leaked internal. */
    private static void record(Phase phase, String what, Response r, List<String> failures, Map<String, Integer> seen) {
        int status = r.statusCode();
        seen.merge(phase + " " + what + " " + status, 1, Integer::sum);
        String body = r.asString();
        if (FuzzTest.LEAK.matcher(body).find()) {
            failures.add(phase + " " + what + " " + status + " leaks: " + FuzzTest.abbreviate(body));
        }
        if (status < 300) {
            return;
        }
        if (status != 503) {
            failures.add(phase + " " + what + " " + status + ": " + FuzzTest.abbreviate(body));
        } else if (!r.contentType().startsWith("application/problem+json") || r.header("Retry-After") == null) {
            failures.add(phase + " " + what + " 503 without problem+json and Retry-After: " + r.contentType());
        }
    }

    private static void awaitAcknowledged(Map<String, Long> acknowledged, int count, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (acknowledged.size() < count) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("only " + acknowledged.size() + " of " + count + " sessions acknowledged");
            }
            SystemStack.sleep(200);
        }
    }

    private static void awaitReadiness(String service, int status, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        int last = -1;
        while (Instant.now().isBefore(deadline)) {
            last = given().get(service + "/q/health/ready").statusCode();
            if (last == status) {
                return;
            }
            SystemStack.sleep(250);
        }
        throw new AssertionError(service + " readiness stayed " + last + ", expected " + status + " within " + timeout);
    }
}
