package clinic.program.bench;

import clinic.kit.bench.ReferenceResourceBase;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.sql.SQLException;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Benchmark-only reference: the same single row that {@code GET /api/programs/me/today} starts from (the active
 * program of a patient account), read by the kit's {@link clinic.kit.bench.ReferenceEndpoint} (plain JDBC, no token check, no entity,
 * no mapping), so the benchmark can report the cost of our own layers as a ratio. Off unless
 * {@code clinic.bench.reference-endpoint=true} (env {@code CLINIC_BENCH_REFERENCE_ENDPOINT}), which only
 * {@code ./clinic bench} sets; off, it answers 404 like a path that does not exist. Hidden from the OpenAPI document.
 * docs/security.md lists the switch.
 */
@Path("/bench/reference/programs")
public class ReferenceResource extends ReferenceResourceBase {

    private static final String ACTIVE_PROGRAM =
            "SELECT id, phase FROM program WHERE patient_account = ? AND status = 'ACTIVE' ORDER BY id DESC LIMIT 1";

    @GET
    @PermitAll
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(hidden = true)
    public String activeProgram(@QueryParam("account") String account) throws SQLException {
        return row(ACTIVE_PROGRAM, account, "id", "phase");
    }
}
