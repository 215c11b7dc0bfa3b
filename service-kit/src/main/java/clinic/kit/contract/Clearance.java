package clinic.kit.contract;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * patient-service's answer to "may an exercise program start or go on for this patient?", read by program-service
 * with the physio's token; program-service stores {@code patientAccount} and {@code carePhysio} on the program.
 * Unknown members are ignored when read, so patient-service may add one before program-service knows it.
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
        @Schema(description = "When the latest screening was made; a held program resumes only after a newer one")
                Instant screenedAt) {}
