package clinic.patient;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.UserTransaction;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The demo script only runs in the local stack, so a typo there would surface at the first demo. This runs each of
 * its statements against the test schema and rolls them back: columns, types and syntax must match V1. (Statements
 * are split on semicolons, so the script keeps them out of its text values.)
 */
@QuarkusTest
class DemoDataScriptTest {

    @Inject
    EntityManager em;

    @Inject
    UserTransaction tx;

    @Test
    void demoScriptRunsAgainstTheCurrentSchema() throws Exception {
        List<String> statements = statements();
        assertThat(statements).hasSizeGreaterThanOrEqualTo(3);
        tx.begin();
        try {
            for (String sql : statements) {
                em.createNativeQuery(sql).executeUpdate();
            }
        } finally {
            // Other test classes share this schema: leave no demo rows behind.
            tx.rollback();
        }
    }

    private static List<String> statements() throws IOException {
        try (InputStream in = DemoDataScriptTest.class.getResourceAsStream("/db/demo/R__demo_data.sql")) {
            assertThat(in).as("demo script on the class path").isNotNull();
            String script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            String withoutComments = script.lines()
                    .filter(line -> !line.strip().startsWith("--"))
                    .reduce("", (a, b) -> a + "\n" + b);
            return Arrays.stream(withoutComments.split(";"))
                    .map(String::strip)
                    .filter(s -> !s.isEmpty())
                    .toList();
        }
    }
}
