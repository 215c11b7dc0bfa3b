package clinic.kit.problem;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.core.Response;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.hibernate.exception.JDBCConnectionException;
import org.junit.jupiter.api.Test;

/** How failures the database causes reach a client; the whole outage is tested in infra/system-tests. */
class ProblemMappersTest {

    private final ProblemMappers mappers = new ProblemMappers();

    @Test
    void aDatabaseThatCannotBeReachedIsA503WithRetryAfterNotA500() {
        // As Hibernate reports a stopped database (found by the system tests' database restart).
        Exception stopped = new JDBCConnectionException(
                "Unable to acquire JDBC Connection",
                new SQLException("Communications link failure", "08S01"),
                "select secret_column from patient");
        Response response = mappers.unexpected(stopped);
        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getHeaderString("Retry-After")).isNotBlank();
        assertThat(response.getMediaType().toString()).startsWith("application/problem+json");
        assertThat(String.valueOf(response.getEntity()))
                .doesNotContain("secret_column")
                .doesNotContain("JDBC")
                .doesNotContain("Exception");
    }

    @Test
    void anExhaustedPoolOrAClosedConnectionIsAlsoA503() {
        assertThat(mappers.unexpected(new RuntimeException(
                                new SQLException("Acquisition timeout while waiting for new connection")))
                        .getStatus())
                .isEqualTo(503);
        assertThat(mappers.unexpected(new RuntimeException(new SQLTransientConnectionException("closed")))
                        .getStatus())
                .isEqualTo(503);
    }

    @Test
    void aCommitThatFailsOnALostConnectionIsA503() {
        // Narayana's RollbackException carries the driver's failure as a suppressed exception, not as its cause.
        Exception commit = new IllegalStateException("Could not commit transaction.");
        commit.addSuppressed(new SQLException("Communications link failure", "08S01"));
        assertThat(mappers.unexpected(new RuntimeException(commit)).getStatus()).isEqualTo(503);
    }

    @Test
    void otherFailuresStayA500WithAReferenceOnly() {
        Response response = mappers.unexpected(new IllegalStateException("internal detail"));
        assertThat(response.getStatus()).isEqualTo(500);
        assertThat(String.valueOf(response.getEntity())).doesNotContain("internal detail");
    }
}
