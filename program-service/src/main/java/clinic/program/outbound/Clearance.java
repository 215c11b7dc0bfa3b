package clinic.program.outbound;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.time.LocalDate;

/**
 * patient-service's answer to "may an exercise program start or go on for this patient?". {@code screenedAt} is when
 * the latest screening was made (null without one): a hold is resumed only after a clearing screening newer than it.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Clearance(
        Long patientId,
        boolean cleared,
        String reason,
        Long screeningId,
        LocalDate validUntil,
        String patientAccount,
        String carePhysio,
        Instant screenedAt) {}
