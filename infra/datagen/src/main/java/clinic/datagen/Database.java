package clinic.datagen;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;

/**
 * Where the clinic's two schemas are, from the same environment variables as the launcher ({@code CLINIC_DB_URL},
 * {@code CLINIC_DB_USER}, {@code CLINIC_DB_PASSWORD}; {@code DB_PORT} for the embedded server's port), and the check
 * that the server is the local demo one. Public for infra/bench's reports benchmark, which samples programs with it.
 */
public record Database(String baseUrl, String user, String password) {

    /** Demo credentials of the launcher's embedded server; anything else comes from the environment. */
    public static Database fromEnv(Map<String, String> env) {
        String url = env.get("CLINIC_DB_URL");
        if (url == null || url.isBlank()) {
            url = "jdbc:mysql://127.0.0.1:" + env.getOrDefault("DB_PORT", "3306");
        }
        return new Database(
                url.trim().replaceAll("/+$", ""),
                env.getOrDefault("CLINIC_DB_USER", "clinic"),
                env.getOrDefault("CLINIC_DB_PASSWORD", "clinic-demo"));
    }

    /**
     * A connection to one schema, autocommit off. The driver rewrites a JDBC batch into multi-row INSERTs, which is
     * what makes a million rows a matter of seconds.
     */
    public Connection connect(String schema) throws SQLException {
        Connection c = DriverManager.getConnection(
                baseUrl + "/" + schema + "?rewriteBatchedStatements=true&useServerPrepStmts=false"
                        + "&cachePrepStmts=true&useCompression=false&connectTimeout=5000",
                user,
                password);
        c.setAutoCommit(false);
        return c;
    }

    /**
     * Refuses unless the server carries the local demo marker ({@code clinic_local.demo_marker}, created by the
     * launcher's embedded database only). Synthetic patients must never land in a real clinic's records.
     */
    void requireDemoMarker(Connection c) {
        try (PreparedStatement st = c.prepareStatement("SELECT purpose FROM clinic_local.demo_marker WHERE id = 1");
                ResultSet rs = st.executeQuery()) {
            if (rs.next()) {
                return;
            }
        } catch (SQLException e) {
            // Missing schema, missing table or no grant: all mean "not the demo database".
        }
        throw new Refused("Refusing to write: the database at " + baseUrl
                + " is not marked as the local demo database (no row in clinic_local.demo_marker)."
                + " The generator only fills the embedded database started by ./clinic run.");
    }

    /** A refusal with a message meant for the person at the terminal. */
    static final class Refused extends RuntimeException {
        Refused(String message) {
            super(message);
        }
    }
}
