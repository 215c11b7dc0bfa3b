package clinic.program.alert;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/alerts")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("physio")
@Tag(name = "Alerts", description = "Safety alerts raised from session logs")
public class AlertResource {

    /** The physio's note when acknowledging. */
    public record Acknowledgement(@Size(max = 2000) String note) {}

    private final AlertService alerts;
    private final SecurityIdentity identity;

    public AlertResource(AlertService alerts, SecurityIdentity identity) {
        this.alerts = alerts;
        this.identity = identity;
    }

    @GET
    @Operation(summary = "Alerts: your own patients first, then most severe, then newest")
    @APIResponse(responseCode = "200", description = "Alerts")
    public List<AlertView> list(
            @QueryParam("status") @DefaultValue("OPEN") @Pattern(regexp = "OPEN|ACKNOWLEDGED") String status) {
        return alerts.list(status, identity.getPrincipal().getName());
    }

    @POST
    @Path("/{id}/acknowledge")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Acknowledge an alert with a note")
    @APIResponse(responseCode = "200", description = "The acknowledged alert")
    @APIResponse(responseCode = "404", description = "No such alert")
    @APIResponse(responseCode = "409", description = "Already acknowledged")
    public AlertView acknowledge(@PathParam("id") long id, @Valid Acknowledgement body) {
        return alerts.acknowledge(
                id, body == null ? null : body.note(), identity.getPrincipal().getName());
    }
}
