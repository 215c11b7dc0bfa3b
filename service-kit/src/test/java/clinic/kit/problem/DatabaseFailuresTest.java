package clinic.kit.problem;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.PersistenceException;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLTransactionRollbackException;
import org.hibernate.exception.ConstraintViolationException;
import org.hibernate.exception.JDBCConnectionException;
import org.hibernate.exception.LockAcquisitionException;
import org.junit.jupiter.api.Test;

/** Which database failures are a lost race (a conflict) and which an outage (a 503): code that handles races asks. */
class DatabaseFailuresTest {

    private static PersistenceException duplicateKey() {
        return new PersistenceException(new ConstraintViolationException(
                "could not execute statement",
                new SQLIntegrityConstraintViolationException("Duplicate entry", "23000", 1062),
                "uk_session_idempotency"));
    }

    private static PersistenceException connectionLost() {
        return new PersistenceException(new JDBCConnectionException(
                "could not execute statement", new SQLException("Communications link failure", "08S01"), "insert"));
    }

    @Test
    void aTakenUniqueKeyOrALostLockIsARace() {
        assertThat(DatabaseFailures.lostRace(duplicateKey())).isTrue();
        assertThat(DatabaseFailures.lostRace(new PersistenceException(new LockAcquisitionException(
                        "deadlock", new SQLTransactionRollbackException("Deadlock found", "40001", 1213), "update"))))
                .isTrue();
        assertThat(DatabaseFailures.unavailable(duplicateKey())).isFalse();
    }

    @Test
    void aLostConnectionIsAnOutageAndNeverARace() {
        assertThat(DatabaseFailures.unavailable(connectionLost())).isTrue();
        assertThat(DatabaseFailures.lostRace(connectionLost())).isFalse();
        // A failed commit carries the driver's failure as suppressed; with a constraint failure before it, still down.
        PersistenceException both = duplicateKey();
        both.addSuppressed(new SQLException("Communications link failure", "08S01"));
        assertThat(DatabaseFailures.lostRace(both)).isFalse();
    }

    @Test
    void otherFailuresAreNeither() {
        PersistenceException other = new PersistenceException(new SQLException("Data too long for column", "22001"));
        assertThat(DatabaseFailures.lostRace(other)).isFalse();
        assertThat(DatabaseFailures.unavailable(other)).isFalse();
    }
}
