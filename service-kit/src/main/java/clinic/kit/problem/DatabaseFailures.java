package clinic.kit.problem;

import java.util.Locale;

/**
 * What a failure from the database means for the request: the database cannot be reached (a 503 the client retries),
 * or a concurrent request won a race on a unique key or a lock (a conflict, or the winner's stored answer). Code that
 * catches {@code PersistenceException} to handle a race asks here first: an outage caught as a race became a 409
 * "in progress" for an idempotent session log while the database restarted (a CI run of the system tests).
 */
public final class DatabaseFailures {

    private DatabaseFailures() {}

    /** The database cannot be reached: down, restarting, a connection lost mid-transaction, or no free connection. */
    public static boolean unavailable(Throwable e) {
        return unavailable(e, 0);
    }

    /** Walks causes and suppressed exceptions: a failed commit carries the connection failure as suppressed. */
    private static boolean unavailable(Throwable t, int depth) {
        if (t == null || depth > 16) {
            return false;
        }
        for (Throwable suppressed : t.getSuppressed()) {
            if (unavailable(suppressed, depth + 1)) {
                return true;
            }
        }
        if (t instanceof org.hibernate.exception.JDBCConnectionException
                || t instanceof java.sql.SQLTransientConnectionException
                || t instanceof java.sql.SQLNonTransientConnectionException
                || t instanceof java.sql.SQLRecoverableException) {
            return true;
        }
        if (t instanceof java.sql.SQLException sql
                && ((sql.getSQLState() != null && sql.getSQLState().startsWith("08"))
                        // Agroal's pool gives up waiting for a connection with a plain SQLException.
                        || String.valueOf(sql.getMessage())
                                .toLowerCase(Locale.ROOT)
                                .contains("acquisition timeout"))) {
            return true;
        }
        return unavailable(t.getCause(), depth + 1);
    }

    /**
     * A concurrent request got there first: a unique key taken (Hibernate's {@code ConstraintViolationException}, the
     * driver's integrity violation) or a lock lost (deadlock, lock wait), and the database is reachable.
     */
    public static boolean lostRace(Throwable e) {
        if (unavailable(e)) {
            return false;
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof org.hibernate.exception.ConstraintViolationException
                    || t instanceof org.hibernate.exception.LockAcquisitionException
                    || t instanceof org.hibernate.PessimisticLockException
                    || t instanceof jakarta.persistence.PessimisticLockException
                    || t instanceof jakarta.persistence.LockTimeoutException
                    || t instanceof java.sql.SQLIntegrityConstraintViolationException
                    || t instanceof java.sql.SQLTransactionRollbackException) {
                return true;
            }
        }
        return false;
    }
}
