package clinic.portal.program;

import java.util.List;
import java.util.stream.Collectors;

/**
 * An exercise the service refused until acknowledged: kind CAUTION (the guide warns against it in this phase; the
 * safer alternatives that fit the phase) or PHASE (not meant for this phase; the phases it is meant for), with the
 * physio's acknowledgement as typed: a reason, and instructions for the patient (required for a caution).
 */
public record CautionRow(
        String exercise,
        String name,
        String kind,
        String reason,
        List<String> alternatives,
        List<Integer> phases,
        String ackReason,
        String ackInstructions,
        String instructionsError) {

    public boolean isPhase() {
        return "PHASE".equals(kind);
    }

    /** "Meant for phase 2" or "Meant for phases 2, 3"; for no phase at all, says so. */
    public String meantFor() {
        if (phases == null || phases.isEmpty()) {
            return "Not meant for any phase of the program";
        }
        return "Meant for phase" + (phases.size() > 1 ? "s " : " ")
                + phases.stream().map(String::valueOf).collect(Collectors.joining(", "));
    }

    /** The phases as the hidden form field carries them ("2,3"). */
    public String phasesField() {
        return phases == null ? "" : phases.stream().map(String::valueOf).collect(Collectors.joining(","));
    }
}
