package clinic.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PrescriptionRulesTest {

    static final Map<String, Set<Integer>> PHASES = Map.of(
            "short-frequent-walks", Set.of(1, 2, 3),
            "upright-cycling", Set.of(2, 3),
            "swimming", Set.of(2, 3),
            "glute-bridge", Set.of(2, 3),
            "bodyweight-squat-to-parallel", Set.of(3),
            "pelvic-tilt", Set.of(1, 2, 3));

    static final PrescriptionRules.Exercise RUNNING = new PrescriptionRules.Exercise(
            "running-jumping",
            Set.of(3),
            Set.of(1, 2),
            "Impact jars the spine.",
            List.of("short-frequent-walks", "upright-cycling", "swimming"));
    static final PrescriptionRules.Exercise SQUAT =
            new PrescriptionRules.Exercise("bodyweight-squat-to-parallel", Set.of(3), Set.of(), null, List.of());
    static final PrescriptionRules.Exercise TILT =
            new PrescriptionRules.Exercise("pelvic-tilt", Set.of(1, 2, 3), Set.of(), null, List.of());

    @Test
    void anExerciseOutsideItsPhasesIsRefusedNamingItsPhases() {
        var refusals = PrescriptionRules.check(1, List.of(SQUAT, TILT), Set.of(), PHASES);
        assertThat(refusals).singleElement().satisfies(r -> {
            assertThat(r.exercise()).isEqualTo("bodyweight-squat-to-parallel");
            assertThat(r.kind()).isEqualTo(PrescriptionRules.Kind.PHASE);
            assertThat(r.phases()).containsExactly(3);
            assertThat(r.reason()).isEqualTo("Meant for phase 3, not phase 1.");
        });
    }

    @Test
    void aCautionNamesOnlyAlternativesThatFitThePhase() {
        var inOne = PrescriptionRules.check(1, List.of(RUNNING), Set.of(), PHASES);
        assertThat(inOne).singleElement().satisfies(r -> {
            assertThat(r.kind()).isEqualTo(PrescriptionRules.Kind.CAUTION);
            assertThat(r.alternatives()).containsExactly("short-frequent-walks");
        });
        var inTwo = PrescriptionRules.check(2, List.of(RUNNING), Set.of(), PHASES);
        assertThat(inTwo.get(0).alternatives()).containsExactly("short-frequent-walks", "upright-cycling", "swimming");
    }

    @Test
    void anAcknowledgementCoversCautionAndPhase() {
        assertThat(PrescriptionRules.check(
                        1, List.of(RUNNING, SQUAT), Set.of("running-jumping", "bodyweight-squat-to-parallel"), PHASES))
                .isEmpty();
    }

    @Test
    void inItsPhaseWithoutCautionNothingIsRefused() {
        assertThat(PrescriptionRules.check(3, List.of(RUNNING, SQUAT, TILT), Set.of(), PHASES))
                .isEmpty();
    }
}
