package clinic.program.bench;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Benchmark-only reference: the same single row that {@code GET /api/programs/me/today} starts from (the active
 * program of a patient account), with no token check, no entity and no mapping, so the benchmark can report the
 * cost of our own layers as a ratio. Off unless {@code clinic.bench.reference-endpoint=true} (env
 * {@code CLINIC_BENCH_REFERENCE_ENDPOINT}), which only {@code ./clinic bench} sets; off, it answers 404 like a path
 * that does not exist. Hidden from the OpenAPI document. docs/security.md lists the switch.
 */
@Path("/bench/reference/programs")
public class ReferenceResource {

    private final DataSource dataSource;
    private final boolean enabled;

    public ReferenceResource(
            DataSource dataSource,
            @ConfigProperty(name = "clinic.bench.reference-endpoint", defaultValue = "false") boolean enabled) {
        this.dataSource = dataSource;
        this.enabled = enabled;
    }

    @GET
    @PermitAll
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(hidden = true)
    public String activeProgram(@QueryParam("account") String account) throws SQLException {
        if (!enabled || account == null) {
            throw new NotFoundException();
        }
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(
                        "SELECT id, phase FROM program WHERE patient_account = ? AND status = 'ACTIVE'"
                                + " ORDER BY id DESC LIMIT 1")) {
            statement.setString(1, account);
            try (ResultSet row = statement.executeQuery()) {
                if (!row.next()) {
                    throw new NotFoundException();
                }
                // Numbers only, so the JSON needs no escaping and no serializer.
                return "{\"id\":" + row.getLong(1) + ",\"phase\":" + row.getInt(2) + "}";
            }
        }
    }
}
