package clinic.program.clearance;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.LocalDate;

/** patient-service's answer to "may an exercise program start or go on for this patient?". */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Clearance(
        Long patientId,
        boolean cleared,
        String reason,
        Long screeningId,
        LocalDate validUntil,
        String patientAccount,
        String carePhysio) {}
