package clinic.program.outbound;

import clinic.kit.problem.DomainException;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.security.ForbiddenException;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.temporal.ChronoUnit;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Fallback;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

/**
 * The two care-team questions to patient-service, with the caller's token, each bounded like the clearance call: 3 s
 * timeout, a circuit breaker, and a 503 + Retry-After ({@link DomainException.Unavailable}) when patient-service is
 * down, slow or answers something unusable. Never "allow" on a failure. A 403 becomes
 * {@link DomainException.NotInCareTeam} with patient-service's members, a 404 {@link DomainException.NotFound}.
 */
@ApplicationScoped
public class PatientAccessCalls {

    private static final Logger LOG = Logger.getLogger(PatientAccessCalls.class);

    /** The members of patient-service's not-in-care-team problem that this service repeats. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Refusal(String type, String detail, Long patientId, String carePhysio) {}

    private final PatientServiceClient client;
    private final ObjectMapper json;

    public PatientAccessCalls(@RestClient PatientServiceClient client, ObjectMapper json) {
        this.client = client;
        this.json = json;
    }

    /** The caller's access to one patient. */
    @Timeout(value = 3, unit = ChronoUnit.SECONDS)
    @CircuitBreaker(
            requestVolumeThreshold = 10,
            failureRatio = 0.5,
            delay = 10,
            delayUnit = ChronoUnit.SECONDS,
            skipOn = {DomainException.class, ForbiddenException.class})
    @Fallback(
            fallbackMethod = "accessUnavailable",
            skipOn = {DomainException.class, ForbiddenException.class})
    public Access access(long patientId) {
        Access answer;
        try {
            answer = client.access(patientId);
        } catch (PatientServiceError e) {
            int status = e.getResponse().getStatus();
            if (status == 404) {
                throw new DomainException.NotFound("No patient " + patientId + ".");
            }
            if (status == 403) {
                throw refusal(patientId, e.body());
            }
            throw e;
        }
        if (answer == null
                || answer.access() == null
                || answer.access().isBlank()
                || (answer.patientId() != null && answer.patientId() != patientId)) {
            // An answer that does not say "this caller, this patient, this kind of access" is no permission.
            throw new IllegalStateException("unusable access answer");
        }
        return answer;
    }

    /** The patients the calling physio may reach, by kind of access when patient-service says it. */
    @Timeout(value = 3, unit = ChronoUnit.SECONDS)
    @CircuitBreaker(
            requestVolumeThreshold = 10,
            failureRatio = 0.5,
            delay = 10,
            delayUnit = ChronoUnit.SECONDS,
            skipOn = {DomainException.class, ForbiddenException.class})
    @Fallback(
            fallbackMethod = "accessibleUnavailable",
            skipOn = {DomainException.class, ForbiddenException.class})
    public Accessible accessible() {
        Accessible answer;
        try {
            answer = client.accessible();
        } catch (PatientServiceError e) {
            int status = e.getResponse().getStatus();
            if (status == 401 || status == 403) {
                throw new ForbiddenException("patient-service refused the list of your patients.");
            }
            throw e;
        }
        if (answer == null || answer.patientIds() == null || answer.patientIds().contains(null)) {
            throw new IllegalStateException("unusable accessible answer");
        }
        return answer;
    }

    /**
     * The 403 as patient-service gave it: its {@code detail} and {@code carePhysio}, for the patient asked about
     * ({@code breakGlass} is the same path for both services, see {@link DomainException.NotInCareTeam#breakGlass}). Another 403 (a role refusal, an unreadable body) still refuses, with the members we know.
     */
    private RuntimeException refusal(long patientId, String body) {
        Refusal refusal = null;
        if (body != null && !body.isBlank()) {
            try {
                refusal = json.readValue(body, Refusal.class);
            } catch (Exception unreadable) {
                // Not the problem we expect: refuse all the same.
            }
        }
        if (refusal == null || !DomainException.NotInCareTeam.TYPE.equals(refusal.type())) {
            return new ForbiddenException("patient-service refused access to this patient.");
        }
        String detail = refusal.detail() != null
                        && !refusal.detail().isBlank()
                        && refusal.detail().length() <= 500
                ? refusal.detail()
                : "You are not in this patient's care team. Ask the care physio, or break the glass with a reason.";
        return new DomainException.NotInCareTeam(detail, patientId, refusal.carePhysio());
    }

    Access accessUnavailable(long patientId, Throwable cause) {
        // No personal data in the log: the id and the failure kind are enough to diagnose.
        LOG.warnf(
                "Care-team access for patient %d unavailable: %s",
                patientId, cause.getClass().getSimpleName());
        throw new DomainException.Unavailable(
                "patient-service could not confirm that you may reach this patient; nothing was changed.");
    }

    Accessible accessibleUnavailable(Throwable cause) {
        LOG.warnf("Accessible patients unavailable: %s", cause.getClass().getSimpleName());
        throw new DomainException.Unavailable("patient-service could not list the patients you may reach.");
    }
}
