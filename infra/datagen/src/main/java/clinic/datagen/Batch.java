package clinic.datagen;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collections;

/**
 * Rows for one table, sent as multi-row INSERTs of {@code size} rows (the driver rewrites each JDBC batch into one
 * statement) and committed per batch, so the server never holds a huge transaction.
 */
final class Batch implements AutoCloseable {

    private final Connection connection;
    private final PreparedStatement statement;
    private final int size;
    private final int columns;
    private int pending;
    private long rows;
    private Batch parent;

    Batch(Connection connection, int size, String table, String... columnNames) throws SQLException {
        this.connection = connection;
        this.size = size;
        this.columns = columnNames.length;
        String placeholders = String.join(",", Collections.nCopies(columns, "?"));
        this.statement = connection.prepareStatement(
                "INSERT INTO " + table + " (" + String.join(",", columnNames) + ") VALUES (" + placeholders + ")");
    }

    /**
     * program-service's {@code audit_event} (programs schema): id, at, actor, role, action, patient_id, program_id,
     * request_id.
     */
    static Batch programAudit(Connection connection, int size) throws SQLException {
        return new Batch(
                connection,
                size,
                "audit_event",
                "id",
                "at",
                "actor",
                "role",
                "action",
                "patient_id",
                "program_id",
                "request_id");
    }

    /** Adds one row; values in the order of the column names. */
    void add(Object... values) throws SQLException {
        if (values.length != columns) {
            throw new IllegalArgumentException("expected " + columns + " values, got " + values.length);
        }
        for (int i = 0; i < values.length; i++) {
            statement.setObject(i + 1, values[i]);
        }
        statement.addBatch();
        pending++;
        rows++;
        if (pending == size) {
            flush();
        }
    }

    /**
     * Rows of this table reference rows of {@code parent}: the parent's pending rows are always sent first, so a
     * foreign key never points at a row still waiting in the other batch.
     */
    void after(Batch parent) {
        this.parent = parent;
    }

    /** Sends what is pending and commits it. */
    void flush() throws SQLException {
        if (pending > 0) {
            if (parent != null) {
                parent.flush();
            }
            statement.executeBatch();
            connection.commit();
            pending = 0;
        }
    }

    long rows() {
        return rows;
    }

    @Override
    public void close() throws SQLException {
        flush();
        statement.close();
    }
}
