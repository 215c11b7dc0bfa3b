package clinic.program.outcome;

import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/instruments")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Measures", description = "Standard questionnaires of a program: scores, change from baseline, due dates")
public class InstrumentResource {

    private final MeasureService measures;

    public InstrumentResource(MeasureService measures) {
        this.measures = measures;
    }

    @GET
    @Authenticated
    @Operation(
            summary = "Every questionnaire shipped: items, options, scoring, MIC, licence, and whether it is offered")
    @APIResponse(responseCode = "200", description = "Instruments")
    public List<InstrumentView> instruments() {
        return measures.instruments();
    }
}
