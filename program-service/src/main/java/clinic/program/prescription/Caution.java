package clinic.program.prescription;

import java.util.List;

/**
 * An exercise refused in a phase, as the 422's {@code cautions} member lists it: {@code kind} CAUTION (the guide says
 * to avoid it there; {@code alternatives} are the safer ones that fit the phase) or PHASE (not meant for the phase);
 * {@code phases} are the phases it is meant for.
 */
public record Caution(String exercise, String kind, String reason, List<String> alternatives, List<Integer> phases) {}
