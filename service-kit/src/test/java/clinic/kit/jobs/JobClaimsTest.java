package clinic.kit.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import clinic.local.EmbeddedDatabase;
import com.mysql.cj.jdbc.MysqlDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Two replicas claiming the same ticks against a real MariaDB, as the services' jobs do. */
class JobClaimsTest {

    static EmbeddedDatabase database;
    static MysqlDataSource dataSource;

    @BeforeAll
    static void start() throws Exception {
        Path home = Path.of("target", "jobs-mariadb").toAbsolutePath();
        if (Files.exists(home)) {
            try (Stream<Path> walk = Files.walk(home)) {
                for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
        database = EmbeddedDatabase.start(home, 0, List.of("jobs"));
        dataSource = new MysqlDataSource();
        dataSource.setURL(database.jdbcUrl("jobs"));
        dataSource.setUser(EmbeddedDatabase.USER);
        dataSource.setPassword(EmbeddedDatabase.PASSWORD);
        // The services' migration (patient-service V8, program-service V9).
        String ddl = Files.readString(Path.of("../program-service/src/main/resources/db/migration/V9__job_claim.sql"));
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement()) {
            s.execute(ddl.replaceAll("(?m)^--.*$", ""));
        }
    }

    @AfterAll
    static void stop() {
        if (database != null) {
            database.close();
        }
    }

    @Test
    void ofTwoReplicasClaimingTheSameTicksAtOnceExactlyOneRunsEachAndTheNextIsOpen() throws Exception {
        JobClaims a = new JobClaims(dataSource, "replica-a");
        JobClaims b = new JobClaims(dataSource, "replica-b");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<String> winners = new ArrayList<>();
            // The first slot is the job's first tick ever (no row yet: the insert decides), the others updates.
            for (long slot = 1; slot <= 30; slot++) {
                CyclicBarrier together = new CyclicBarrier(2);
                long s = slot;
                Future<Boolean> byA = pool.submit(() -> {
                    together.await(10, TimeUnit.SECONDS);
                    return a.claim("race", s);
                });
                Future<Boolean> byB = pool.submit(() -> {
                    together.await(10, TimeUnit.SECONDS);
                    return b.claim("race", s);
                });
                boolean aWon = byA.get(30, TimeUnit.SECONDS);
                boolean bWon = byB.get(30, TimeUnit.SECONDS);
                assertThat(aWon ^ bWon)
                        .as("slot %d: exactly one replica runs it", slot)
                        .isTrue();
                winners.add(aWon ? "replica-a" : "replica-b");
                assertThat(row("race")).isEqualTo(slot + " " + winners.get(winners.size() - 1));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aTickIsRunOnceAndAnEarlierOneNeverAfterALaterOne() {
        JobClaims a = new JobClaims(dataSource, "replica-a");
        JobClaims b = new JobClaims(dataSource, "replica-b");
        assertThat(a.claim("daily", 100)).isTrue();
        assertThat(b.claim("daily", 100))
                .as("the same tick again, by another replica")
                .isFalse();
        assertThat(a.claim("daily", 100))
                .as("the same tick again, by the same replica")
                .isFalse();
        assertThat(b.claim("daily", 101))
                .as("the next tick is open to any replica")
                .isTrue();
        assertThat(a.claim("daily", 99)).as("a late replica's earlier tick").isFalse();
        assertThat(row("daily")).isEqualTo("101 replica-b");
        assertThat(a.claim("other-job", 99))
                .as("jobs are claimed independently")
                .isTrue();
    }

    @Test
    void claimedInsideTheJobsTransactionASecondRunWaitsUntilTheFirstCommits() throws Exception {
        JobClaims a = new JobClaims(dataSource, "replica-a");
        JobClaims b = new JobClaims(dataSource, "replica-b");
        assertThat(a.claim("serial", 1)).isTrue();
        try (Connection tx = dataSource.getConnection()) {
            tx.setAutoCommit(false);
            // A's run of tick 2 in its own transaction (what the inactivity check does), still working.
            try (var update = tx.prepareStatement(
                    "UPDATE job_claim SET slot = 2, holder = 'replica-a' WHERE job = 'serial' AND slot < 2")) {
                assertThat(update.executeUpdate()).isEqualTo(1);
            }
            CompletableFuture<Boolean> nextTick = CompletableFuture.supplyAsync(() -> b.claim("serial", 3));
            Thread.sleep(500);
            assertThat(nextTick).as("B's run of tick 3 waits for A's to end").isNotDone();
            tx.commit();
            assertThat(nextTick.get(10, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(row("serial")).isEqualTo("3 replica-b");
    }

    @Test
    void slotsAreTheIntervalATickFallsInOrACronsInstant() {
        Instant t = Instant.parse("2026-12-01T07:00:00Z");
        assertThat(JobClaims.slot(t.plusMillis(100), Duration.ofSeconds(5)))
                .as("replicas firing at their own phases within one interval share its slot")
                .isEqualTo(JobClaims.slot(t.plusMillis(4900), Duration.ofSeconds(5)));
        assertThat(JobClaims.slot(t.plusMillis(5000), Duration.ofSeconds(5)))
                .isEqualTo(JobClaims.slot(t, Duration.ofSeconds(5)) + 1);
        assertThat(JobClaims.slot(t, JobClaims.CRON)).isEqualTo(t.getEpochSecond());
        assertThat(JobClaims.period("60s")).isEqualTo(Duration.ofMinutes(1));
        assertThat(JobClaims.period("PT5S")).isEqualTo(Duration.ofSeconds(5));
    }

    private static String row(String job) {
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT slot, holder FROM job_claim WHERE job = '" + job + "'")) {
            return rs.next() ? rs.getLong(1) + " " + rs.getString(2) : null;
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
