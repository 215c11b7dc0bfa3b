package clinic.program.outbound;

import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Fallback;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

/**
 * The patient's record for a document about them (the discharge letter), bounded like the other patient-service
 * calls: 3 s timeout and a circuit breaker. Unlike a permission, a name is not needed to answer: any failure (down,
 * slow, refused, unknown) is an empty answer, and the caller says so on the document.
 */
@jakarta.enterprise.context.ApplicationScoped
public class PatientRecords {

    private static final Logger LOG = Logger.getLogger(PatientRecords.class);

    private final PatientRecordClient client;

    public PatientRecords(@RestClient PatientRecordClient client) {
        this.client = client;
    }

    /**
     * The record of patient {@code patientId}, asked with the caller's token: {@code /api/patients/me} when the caller
     * is the patient ({@code own}), else {@code /api/patients/{id}}. Empty when patient-service cannot answer, or
     * answers about another patient.
     */
    @Timeout(value = 3, unit = ChronoUnit.SECONDS)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 10, delayUnit = ChronoUnit.SECONDS)
    @Fallback(fallbackMethod = "unavailable")
    public Optional<PatientRecord> find(long patientId, boolean own) {
        PatientRecord record = own ? client.mine() : client.record(patientId);
        if (record == null || record.id() == null || record.id() != patientId) {
            // Not an answer about this patient: show none rather than the wrong one.
            return Optional.empty();
        }
        return Optional.of(record);
    }

    Optional<PatientRecord> unavailable(long patientId, boolean own, Throwable cause) {
        // No personal data in the log: the id and the failure kind are enough to diagnose.
        LOG.warnf(
                "Patient record %d unavailable: %s", patientId, cause.getClass().getSimpleName());
        return Optional.empty();
    }
}
