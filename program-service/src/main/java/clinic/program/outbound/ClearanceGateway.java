package clinic.program.outbound;

import clinic.kit.contract.Clearance;
import clinic.kit.problem.DomainException;
import clinic.program.metrics.ClinicMetrics;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import java.time.temporal.ChronoUnit;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Fallback;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

/**
 * Asks patient-service for clearance. A slow or absent patient-service becomes {@link DomainException.Unavailable}
 * (503 + Retry-After) before anything is written; an unknown patient becomes {@link DomainException.NotFound}.
 */
@ApplicationScoped
public class ClearanceGateway {

    private static final Logger LOG = Logger.getLogger(ClearanceGateway.class);

    private final PatientServiceClient client;
    private final ClinicMetrics metrics;

    public ClearanceGateway(@RestClient PatientServiceClient client, ClinicMetrics metrics) {
        this.client = client;
        this.metrics = metrics;
    }

    /** The clearance of one patient, asked with the caller's token. */
    @Timeout(value = 3, unit = ChronoUnit.SECONDS)
    @CircuitBreaker(
            requestVolumeThreshold = 10,
            failureRatio = 0.5,
            delay = 10,
            delayUnit = ChronoUnit.SECONDS,
            skipOn = DomainException.class)
    @Fallback(fallbackMethod = "unavailable", skipOn = DomainException.class)
    public Clearance clearance(long patientId) {
        try {
            Clearance clearance = client.clearance(patientId);
            metrics.clearanceCall(ClinicMetrics.OK);
            return clearance;
        } catch (WebApplicationException e) {
            int status = e.getResponse().getStatus();
            if (status == 404) {
                metrics.clearanceCall(ClinicMetrics.NOT_FOUND);
                throw new DomainException.NotFound("No patient " + patientId + ".");
            }
            if (status == 401 || status == 403) {
                metrics.clearanceCall(ClinicMetrics.REFUSED);
                throw new DomainException.Refused("patient-service refused to give clearance for this caller.");
            }
            throw e;
        }
    }

    Clearance unavailable(long patientId, Throwable cause) {
        metrics.clearanceCall(ClinicMetrics.UNAVAILABLE);
        // No personal data in the log: the id and the failure kind are enough to diagnose.
        LOG.warnf(
                "Clearance for patient %d unavailable: %s",
                patientId, cause.getClass().getSimpleName());
        throw new DomainException.Unavailable("patient-service could not confirm clearance; nothing was changed.");
    }
}
