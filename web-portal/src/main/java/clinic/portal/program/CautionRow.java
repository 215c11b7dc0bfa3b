package clinic.portal.program;

import clinic.portal.common.CarePlan;
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

    /** "Meant for phase 2" or "Meant for phases 2, 3" in the page's language; for no phase at all, says so. */
    public String meantFor(CarePlan plan) {
        if (phases == null || phases.isEmpty()) {
            return plan.caution_meant_for_none();
        }
        return phases.size() > 1
                ? plan.caution_meant_for_phases(phasesText())
                : plan.caution_meant_for_phase(phasesText());
    }

    /** The phases as a reader sees them ("2, 3"). */
    public String phasesText() {
        return phases == null ? "" : phases.stream().map(String::valueOf).collect(Collectors.joining(", "));
    }

    /** The safer alternatives' names as a reader sees them ("Nerve glide, Walking"). */
    public String alternativesText() {
        return alternatives == null ? "" : String.join(", ", alternatives);
    }

    /** The phases as the hidden form field carries them ("2,3"). */
    public String phasesField() {
        return phases == null ? "" : phases.stream().map(String::valueOf).collect(Collectors.joining(","));
    }
}
