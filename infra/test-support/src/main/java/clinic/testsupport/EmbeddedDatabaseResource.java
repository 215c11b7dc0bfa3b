package clinic.testsupport;

import clinic.local.EmbeddedDatabase;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Starts one throw-away MariaDB per test JVM (in {@code target/test-mariadb}) and points the service's datasource
 * at the schema named by the {@code schema} init argument.
 */
public class EmbeddedDatabaseResource implements QuarkusTestResourceLifecycleManager {

    private static EmbeddedDatabase database;
    private String schema = "test";

    @Override
    public void init(Map<String, String> initArgs) {
        schema = initArgs.getOrDefault("schema", schema);
    }

    @Override
    public Map<String, String> start() {
        EmbeddedDatabase db = shared(schema);
        return Map.of(
                "quarkus.datasource.jdbc.url", db.jdbcUrl(schema),
                "quarkus.datasource.username", EmbeddedDatabase.USER,
                "quarkus.datasource.password", EmbeddedDatabase.PASSWORD);
    }

    @Override
    public void stop() {
        // Kept for the whole JVM: Quarkus may restart the application between test profiles.
    }

    /** The JVM's database, started on first use and stopped when the JVM exits. */
    public static synchronized EmbeddedDatabase shared(String schema) {
        if (database == null) {
            Path home = Path.of("target", "test-mariadb").toAbsolutePath();
            deleteTree(home);
            database = EmbeddedDatabase.start(home, 0, List.of(schema));
            EmbeddedDatabase started = database;
            Runtime.getRuntime().addShutdownHook(new Thread(started::close));
        }
        return database;
    }

    private static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new IllegalStateException("could not clear " + dir, e);
        }
    }
}
