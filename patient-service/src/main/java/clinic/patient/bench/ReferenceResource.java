package clinic.patient.bench;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Benchmark-only reference: the same single patient row that {@code GET /api/patients/{id}} reads, with no token
 * check, no audit row, no entity and no mapping, so the benchmark can report the cost of our own layers as a
 * ratio. Off unless {@code clinic.bench.reference-endpoint=true} (env {@code CLINIC_BENCH_REFERENCE_ENDPOINT}), which
 * only {@code ./clinic bench} sets; off, it answers 404 like a path that does not exist. Hidden from the OpenAPI
 * document. docs/security.md lists the switch.
 */
@Path("/bench/reference/patients/{id: \\d+}")
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
    public String patient(@PathParam("id") long id) throws SQLException {
        if (!enabled) {
            throw new NotFoundException();
        }
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement =
                        connection.prepareStatement("SELECT id, version FROM patient WHERE id = ?")) {
            statement.setLong(1, id);
            try (ResultSet row = statement.executeQuery()) {
                if (!row.next()) {
                    throw new NotFoundException();
                }
                // Numbers only, so the JSON needs no escaping and no serializer.
                return "{\"id\":" + row.getLong(1) + ",\"version\":" + row.getLong(2) + "}";
            }
        }
    }
}
