package clinic.patient.clearance;

import java.time.Instant;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * May an exercise program start or go on for this patient? Read by program-service with the physio's token; it
 * stores {@code patientAccount} and {@code carePhysio} on the program.
 */
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
