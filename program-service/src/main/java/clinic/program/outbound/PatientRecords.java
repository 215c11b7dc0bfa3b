package clinic.program.outbound;

import clinic.kit.problem.DomainException;
import io.quarkus.security.ForbiddenException;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Fallback;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

/**
 * A patient's record from patient-service, asked with the caller's token and bounded like the other patient-service
 * calls (3 s timeout, a circuit breaker), in the two ways a document about the patient needs it:
 *
 * <ul>
 *   <li>{@link #find}: for the discharge letter, where a name is not needed to answer: any failure (down, slow,
 *       refused, unknown) is an empty answer, and the letter says so.
 *   <li>{@link #patient}: for the FHIR export, which never goes out without the patient: a 503 + Retry-After ({@link
 *       DomainException.Unavailable}) when patient-service is down, slow or answers something unusable; a 404 becomes
 *       {@link DomainException.NotFound}, a 401 or 403 a plain 403.
 * </ul>
 */
@ApplicationScoped
public class PatientRecords {

    private static final Logger LOG = Logger.getLogger(PatientRecords.class);

    private final PatientServiceClient client;

    public PatientRecords(@RestClient PatientServiceClient client) {
        this.client = client;
    }

    /**
     * The record of patient {@code patientId}: {@code /api/patients/me} when the caller is the patient ({@code own}),
     * else {@code /api/patients/{id}}. Empty when patient-service cannot answer, or answers about another patient.
     */
    @Timeout(value = 3, unit = ChronoUnit.SECONDS)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 10, delayUnit = ChronoUnit.SECONDS)
    @Fallback(fallbackMethod = "notFound")
    public Optional<PatientRecord> find(long patientId, boolean own) {
        PatientRecord record = own ? client.mine() : client.patient(patientId);
        if (record == null || record.id() == null || record.id() != patientId) {
            // Not an answer about this patient: show none rather than the wrong one.
            return Optional.empty();
        }
        return Optional.of(record);
    }

    Optional<PatientRecord> notFound(long patientId, boolean own, Throwable cause) {
        // No personal data in the log: the id and the failure kind are enough to diagnose.
        LOG.warnf(
                "Patient record %d unavailable: %s", patientId, cause.getClass().getSimpleName());
        return Optional.empty();
    }

    /** The patient's record as patient-service gives it to the caller; never empty (see the class comment). */
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
        LOG.warnf(
                "Patient record %d unavailable: %s", patientId, cause.getClass().getSimpleName());
        throw new DomainException.Unavailable(
                "patient-service could not give the patient's record; try again shortly.");
    }
}
