package clinic.rules;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What may go into a program's phase (docs/clinical-rules.md, "Cautions" and "Phase fit"). An exercise is refused
 * unless the physio acknowledges it with a reason when
 *
 * <ul>
 *   <li>the guide warns against it in this phase ({@link Kind#CAUTION}): the refusal names the safer alternatives
 *       that fit the phase;
 *   <li>it is not meant for this phase ({@link Kind#PHASE}): the refusal names the phases it is meant for.
 * </ul>
 *
 * A caution covers a phase misfit of the same exercise: one refusal, one acknowledgement.
 */
public final class PrescriptionRules {

    private PrescriptionRules() {}

    /** Why an exercise is refused in a phase. */
    public enum Kind {
        CAUTION,
        PHASE
    }

    /**
     * An exercise as the rule needs it.
     *
     * @param phases the phases it is meant for (empty: none, as for the exercises to avoid)
     * @param avoidInPhases the phases the guide warns against it in (empty: no caution)
     * @param cautionReason why the guide warns against it, or null
     * @param alternatives the safer alternatives the library names for the caution
     */
    public record Exercise(
            String slug,
            Set<Integer> phases,
            Set<Integer> avoidInPhases,
            String cautionReason,
            List<String> alternatives) {

        public boolean avoidIn(int phase) {
            return avoidInPhases != null && avoidInPhases.contains(phase);
        }

        public boolean fits(int phase) {
            return phases != null && phases.contains(phase);
        }
    }

    /** One refused exercise; {@code phases} are those it is meant for, sorted. */
    public record Refusal(String exercise, Kind kind, String reason, List<String> alternatives, List<Integer> phases) {}

    /**
     * The refusals for a plan in a phase.
     *
     * @param acknowledged slugs the physio acknowledged with a reason
     * @param phasesBySlug the phases each alternative is meant for, to offer only those that fit
     */
    public static List<Refusal> check(
            int phase,
            Collection<Exercise> plan,
            Set<String> acknowledged,
            Map<String, ? extends Collection<Integer>> phasesBySlug) {
        List<Refusal> refusals = new ArrayList<>();
        for (Exercise e : plan) {
            if (acknowledged.contains(e.slug())) {
                continue;
            }
            List<Integer> meantFor = e.phases() == null
                    ? List.of()
                    : e.phases().stream().sorted().toList();
            if (e.avoidIn(phase)) {
                refusals.add(new Refusal(
                        e.slug(),
                        Kind.CAUTION,
                        e.cautionReason(),
                        alternativesFor(phase, e.alternatives(), phasesBySlug),
                        meantFor));
            } else if (!e.fits(phase)) {
                refusals.add(new Refusal(e.slug(), Kind.PHASE, phaseReason(phase, meantFor), List.of(), meantFor));
            }
        }
        return refusals;
    }

    /** The named alternatives that are meant for the phase, in the library's order. */
    public static List<String> alternativesFor(
            int phase, List<String> alternatives, Map<String, ? extends Collection<Integer>> phasesBySlug) {
        if (alternatives == null) {
            return List.of();
        }
        return alternatives.stream()
                .filter(slug ->
                        phasesBySlug.containsKey(slug) && phasesBySlug.get(slug).contains(phase))
                .toList();
    }

    static String phaseReason(int phase, List<Integer> meantFor) {
        if (meantFor.isEmpty()) {
            return "Not meant for any phase of the program.";
        }
        return "Meant for phase" + (meantFor.size() > 1 ? "s " : " ")
                + meantFor.stream().map(String::valueOf).collect(Collectors.joining(", "))
                + ", not phase " + phase + ".";
    }
}
