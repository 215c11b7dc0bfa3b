package clinic.program.alert;

import clinic.program.access.CareTeamGate;
import clinic.program.audit.Audit;
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
    private final CareTeamGate careTeam;

    public AlertResource(AlertService alerts, SecurityIdentity identity, CareTeamGate careTeam) {
        this.alerts = alerts;
        this.identity = identity;
        this.careTeam = careTeam;
    }

    @GET
    @Operation(
            summary = "Alerts of the patients you may reach (care physio, care team, break-the-glass): your own"
                    + " patients first, then most severe, then newest")
    @APIResponse(responseCode = "200", description = "Alerts")
    @APIResponse(responseCode = "503", description = "patient-service could not list the patients you may reach")
    public List<AlertView> list(
            @QueryParam("status") @DefaultValue("OPEN") @Pattern(regexp = "OPEN|ACKNOWLEDGED") String status) {
        // Asked before the transaction: patient-service may take up to its timeout.
        return alerts.list(status, identity.getPrincipal().getName(), careTeam.accessiblePatients());
    }

    @POST
    @Path("/{id}/acknowledge")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Acknowledge an alert with a note")
    @APIResponse(responseCode = "200", description = "The acknowledged alert")
    @APIResponse(responseCode = "403", description = "Not in the patient's care team")
    @APIResponse(responseCode = "404", description = "No such alert")
    @APIResponse(responseCode = "409", description = "Already acknowledged")
    @APIResponse(responseCode = "503", description = "patient-service could not confirm the care team")
    public AlertView acknowledge(@PathParam("id") long id, @Valid Acknowledgement body) {
        Audit.Shown about = alerts.aboutWhom(id);
        careTeam.require(about.patientId(), "ALERT_ACKNOWLEDGED", about.programId());
        return alerts.acknowledge(
                id, body == null ? null : body.note(), identity.getPrincipal().getName());
    }
}
