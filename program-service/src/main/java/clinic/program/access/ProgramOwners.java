package clinic.program.access;

import java.util.Optional;

/**
 * Whose a program is, as the gate needs to know it. Implemented by the feature that stores programs
 * ({@code prescription}), so this package, below every feature, imports none of them.
 */
public interface ProgramOwners {

    /** The patient a program is about and the patient's account (null before patient-service named one). */
    record Owner(long patientId, String patientAccount) {}

    /** The patient a program belongs to, in one small statement; empty for no such program. */
    Optional<Long> patientIdOf(long programId);
}
