package clinic.program.outbound;

import clinic.kit.problem.DomainException;
import io.quarkus.security.ForbiddenException;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.temporal.ChronoUnit;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Fallback;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

/**
 * Reads a patient's record from patient-service with the caller's token, bounded like the clearance call: 3 s
 * timeout, a circuit breaker, and a 503 + Retry-After ({@link DomainException.Unavailable}) when patient-service is
 * down, slow or answers something unusable, so a caller never builds a document with a patient it could not read. A
 * 404 becomes {@link DomainException.NotFound}, a 401 or 403 a plain 403.
 */
@ApplicationScoped
public class PatientRecords {

    private static final Logger LOG = Logger.getLogger(PatientRecords.class);

    private final PatientServiceClient client;

    public PatientRecords(@RestClient PatientServiceClient client) {
        this.client = client;
    }

    /** The patient's record as patient-service gives it to the caller. */
    @Timeout(value = 3, unit = ChronoUnit.SECONDS)
    @CircuitBreaker(
            requestVolumeThreshold = 10,
            failureRatio = 0.5,
            delay = 10,
            delayUnit = ChronoUnit.SECONDS,
            skipOn = {DomainException.class, ForbiddenException.class})
    @Fallback(
            fallbackMethod = "unavailable",
            skipOn = {DomainException.class, ForbiddenException.class})
    public PatientRecord patient(long patientId) {
        PatientRecord record;
        try {
            record = client.patient(patientId);
        } catch (PatientServiceError e) {
            int status = e.getResponse().getStatus();
            if (status == 404) {
                throw new DomainException.NotFound("No patient " + patientId + ".");
            }
            if (status == 401 || status == 403) {
                throw new ForbiddenException("patient-service refused the patient's record to this caller.");
            }
            throw e;
        }
        if (record == null || record.id() == null || record.id() != patientId) {
            // A record of another patient, or none, must never be shown as this one's.
            throw new IllegalStateException("unusable patient record");
        }
        return record;
    }

    PatientRecord unavailable(long patientId, Throwable cause) {
        // No personal data in the log: the id and the failure kind are enough to diagnose.
        LOG.warnf(
                "Patient record %d unavailable: %s", patientId, cause.getClass().getSimpleName());
        throw new DomainException.Unavailable(
                "patient-service could not give the patient's record; try again shortly.");
    }
}
