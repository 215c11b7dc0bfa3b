package clinic.patient.bench;

import clinic.kit.bench.ReferenceResourceBase;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.sql.SQLException;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Benchmark-only reference: the same single patient row that {@code GET /api/patients/{id}} reads, by one plain JDBC
 * statement ({@link ReferenceResourceBase}), so the benchmark can report the cost of this service's own layers as a
 * ratio. Off unless {@code clinic.bench.reference-endpoint=true}, which only {@code ./clinic bench} sets; off, it
 * answers 404 like a path that does not exist. Hidden from the OpenAPI document. docs/security.md lists the switch.
 */
@Path("/bench/reference/patients/{id: \\d+}")
public class ReferenceResource extends ReferenceResourceBase {

    @GET
    @PermitAll
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(hidden = true)
    public String patient(@PathParam("id") long id) throws SQLException {
        return row("SELECT id, version FROM patient WHERE id = ?", id, "id", "version");
    }
}
