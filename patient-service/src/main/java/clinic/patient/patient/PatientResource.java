package clinic.patient.patient;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

@Path("/api/patients")
@Produces(MediaType.APPLICATION_JSON)
public class PatientResource {

    private final PatientRepository patients;
    private final SecurityIdentity identity;

    public PatientResource(PatientRepository patients, SecurityIdentity identity) {
        this.patients = patients;
        this.identity = identity;
    }

    @GET
    @Path("/me")
    @RolesAllowed("patient")
    public PatientView me() {
        return patients.findByAccount(identity.getPrincipal().getName())
                .map(PatientView::of)
                .orElseThrow(NotFoundException::new);
    }
}
