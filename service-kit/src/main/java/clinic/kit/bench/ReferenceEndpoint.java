package clinic.kit.bench;

import jakarta.inject.Singleton;
import jakarta.ws.rs.NotFoundException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The benchmark's reference read: one row by one plain JDBC statement, with no token check, no audit row, no entity
 * and no mapping, so the benchmark can report the cost of a service's own layers as a ratio against it. Each service
 * has one small resource (its path, its statement) that injects this bean and delegates here.
 *
 * <p>Off unless {@code clinic.bench.reference-endpoint=true} (env {@code CLINIC_BENCH_REFERENCE_ENDPOINT}), which only
 * {@code ./clinic bench} sets; off, it answers 404 like a path that does not exist. The resources hide themselves
 * from the OpenAPI document.
 */
@Singleton
public class ReferenceEndpoint {

    /** The switch every reference resource reads. */
    public static final String ENABLED = "clinic.bench.reference-endpoint";

    private final DataSource dataSource;
    private final boolean enabled;

    public ReferenceEndpoint(
            DataSource dataSource, @ConfigProperty(name = ENABLED, defaultValue = "false") boolean enabled) {
        this.dataSource = dataSource;
        this.enabled = enabled;
    }

    /**
     * The first row of {@code sql} (one parameter) as a JSON object of its numeric columns, named by {@code names}.
     * 404 when switched off, when the parameter is missing or when there is no row.
     */
    public String row(String sql, Object parameter, String... names) throws SQLException {
        if (!enabled || parameter == null) {
            throw new NotFoundException();
        }
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setObject(1, parameter);
            try (ResultSet row = statement.executeQuery()) {
                if (!row.next()) {
                    throw new NotFoundException();
                }
                // Numbers only, so the JSON needs no escaping and no serializer.
                StringBuilder json = new StringBuilder("{");
                for (int i = 0; i < names.length; i++) {
                    json.append(i == 0 ? "" : ",")
                            .append('"')
                            .append(names[i])
                            .append("\":")
                            .append(row.getLong(i + 1));
                }
                return json.append('}').toString();
            }
        }
    }
}
