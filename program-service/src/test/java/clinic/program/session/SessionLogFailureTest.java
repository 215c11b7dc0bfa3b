package clinic.program.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import clinic.kit.problem.ProblemMappers;
import clinic.program.metrics.ClinicMetrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.persistence.PersistenceException;
import jakarta.ws.rs.core.Response;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.hibernate.exception.ConstraintViolationException;
import org.hibernate.exception.JDBCConnectionException;
import org.junit.jupiter.api.Test;

/**
 * A failed session log with an Idempotency-Key is answered from the stored session only when a concurrent request
 * with the same key won; a database that went away mid-log is a 503 the patient's app retries. It used to be taken for
 * the race: the stored session was looked for, not found, and the patient got a 409 "in progress" (the system tests'
 * database restart, in a CI run). The whole outage is tested in infra/system-tests (DatabaseRestartTest).
 */
class SessionLogFailureTest {

    /** The service as the resource meets it: its log fails as scripted, its replay answers the stored session. */
    static final class Scripted extends SessionService {
        RuntimeException onLog;
        int replays;

        Scripted() {
            super(null, null, null, null, null, null, null, null, null, null, null);
        }

        @Override
        public Logged log(long programId, NewSession input, String key) {
            throw onLog;
        }

        @Override
        public Logged replay(long programId, NewSession input, String key) {
            replays++;
            return new Logged(stored(programId), true);
        }
    }

    private final Scripted service = new Scripted();
    private final SessionResource resource =
            new SessionResource(service, null, new ClinicMetrics(new SimpleMeterRegistry()));

    @Test
    void aDatabaseLostMidLogIsA503NotTheStoredAnswerOfARace() {
        service.onLog = new PersistenceException(new JDBCConnectionException(
                "could not execute statement",
                new SQLException("Communications link failure", "08S01"),
                "insert into session_log ..."));

        assertThatThrownBy(() -> resource.log(1, "key-1", null)).isSameAs(service.onLog);
        assertThat(service.replays).as("no stored answer looked for").isZero();
        Response answer = new ProblemMappers().unexpected(service.onLog);
        assertThat(answer.getStatus()).isEqualTo(503);
        assertThat(answer.getHeaderString("Retry-After")).isNotBlank();
    }

    @Test
    void aConcurrentRequestWithTheSameKeyIsAnsweredWithItsStoredSession() {
        service.onLog = new PersistenceException(new ConstraintViolationException(
                "could not execute statement",
                new SQLIntegrityConstraintViolationException("Duplicate entry '1-key-1'", "23000", 1062),
                "uk_session_idempotency"));

        Response answer = resource.log(1, "key-1", null);

        assertThat(service.replays).isEqualTo(1);
        assertThat(answer.getStatus()).isEqualTo(201);
        assertThat(answer.getHeaderString("Idempotent-Replayed")).isEqualTo("true");
        assertThat(((SessionView) answer.getEntity()).id()).isEqualTo(77);
    }

    @Test
    void withoutAKeyNoFailureIsTakenForARace() {
        service.onLog = new PersistenceException(new ConstraintViolationException(
                "could not execute statement", new SQLIntegrityConstraintViolationException("Duplicate entry"), "x"));

        assertThatThrownBy(() -> resource.log(1, null, null)).isSameAs(service.onLog);
        assertThat(service.replays).isZero();
    }

    private static SessionView stored(long programId) {
        return new SessionView(
                77,
                programId,
                LocalDate.now(),
                2,
                2,
                false,
                false,
                List.of(),
                null,
                List.of(),
                LocalDateTime.now(),
                null,
                null,
                null,
                null);
    }
}
