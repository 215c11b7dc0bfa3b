package clinic.program.prescription;

import clinic.program.library.Dosage;
import clinic.program.library.Exercise;

/**
 * One exercise of a prescription being made: the library exercise, its dosage (the physio's, else the phase's, else
 * the library's) and the physio's acknowledgement of a caution or phase misfit, if any.
 */
record Planned(Exercise exercise, Dosage dosage, NewProgram.Acknowledgement ack) {

    String ackReason() {
        return ack == null ? null : ack.reason();
    }

    /** What the patient is told instead of the library's text, or null. */
    String instructions() {
        return ack == null || ack.instructions() == null || ack.instructions().isBlank()
                ? null
                : ack.instructions().strip();
    }
}
