package clinic.patient.clearance;

import java.time.LocalDate;

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
        String carePhysio) {}
