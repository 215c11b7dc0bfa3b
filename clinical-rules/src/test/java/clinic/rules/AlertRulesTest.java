package clinic.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AlertRulesTest {

    static final LocalDate DAY = LocalDate.of(2026, 11, 30);
    final AlertRules rules = new AlertRules(AlertRules.Thresholds.DEFAULTS);

    static AlertRules.LogFacts log(int before, int after) {
        return new AlertRules.LogFacts(DAY, before, after, Set.of(), List.of(), false, 0, null, false);
    }

    static List<AlertRules.Type> types(List<AlertRules.Raised> raised) {
        return raised.stream().map(AlertRules.Raised::type).toList();
    }

    @Test
    void theDocumentedDefaults() {
        var t = AlertRules.Thresholds.DEFAULTS;
        assertThat(t.severePainAfter()).isEqualTo(7);
        assertThat(t.painRisePoints()).isEqualTo(2);
        assertThat(t.baselineLogs()).isEqualTo(3);
        assertThat(t.lastingPainSessions()).isEqualTo(2);
        assertThat(t.lastingPainWindowDays()).isEqualTo(7);
        assertThat(t.inactiveDays()).isEqualTo(3);
    }

    @Test
    void aRedFlagIsUrgentAndNamesTheFindingInClinicalWords() {
        var raised = rules.evaluate(
                new AlertRules.LogFacts(DAY, 3, 3, Set.of(RedFlag.SYSTEMIC), List.of(), false, 0, null, false));
        assertThat(raised).singleElement().satisfies(r -> {
            assertThat(r.type()).isEqualTo(AlertRules.Type.RED_FLAG);
            assertThat(r.severity()).isEqualTo(AlertRules.Severity.URGENT);
            assertThat(r.message()).contains(RedFlag.SYSTEMIC.clinicalWords()).contains("on hold");
            assertThat(r.message()).doesNotContain("cauda equina");
        });
    }

    @Test
    void aScreeningRedFlagIsUrgentWithTheScreeningAndTheAction() {
        var raised = rules.screeningRedFlag(42, Set.of(RedFlag.BLADDER_BOWEL));
        assertThat(raised.severity()).isEqualTo(AlertRules.Severity.URGENT);
        assertThat(raised.message())
                .contains("screening 42")
                .contains(RedFlag.BLADDER_BOWEL.clinicalWords())
                .contains("on hold")
                .contains("contact the patient now");
    }

    @Test
    void severePainFromSevenAfterTheSession() {
        assertThat(types(rules.evaluate(log(2, 6)))).isEmpty();
        assertThat(types(rules.evaluate(log(2, 7)))).containsExactly(AlertRules.Type.SEVERE_PAIN);
    }

    @Test
    void painIncreaseFromTwoPointsAboveTheBaseline() {
        var justUnder = new AlertRules.LogFacts(DAY, 4, 4, Set.of(), List.of(), false, 0, 2.1, false);
        var atTwo = new AlertRules.LogFacts(DAY, 4, 4, Set.of(), List.of(), false, 0, 2.0, false);
        assertThat(types(rules.evaluate(justUnder))).isEmpty();
        assertThat(types(rules.evaluate(atTwo))).containsExactly(AlertRules.Type.PAIN_INCREASE);
    }

    @Test
    void lastingPainTwiceInTheWindowSuggestsAStepBack() {
        var once = new AlertRules.LogFacts(DAY, 3, 3, Set.of(), List.of(), true, 1, null, false);
        var twice = new AlertRules.LogFacts(DAY, 3, 3, Set.of(), List.of(), true, 2, null, false);
        assertThat(types(rules.evaluate(once))).isEmpty();
        assertThat(rules.evaluate(twice)).singleElement().satisfies(r -> {
            assertThat(r.type()).isEqualTo(AlertRules.Type.PAIN_PERSISTED);
            assertThat(r.message()).contains("2 sessions in 7 days");
        });
    }

    @Test
    void nervePainRaisesOneAlertPerExercise() {
        var raised = rules.evaluate(new AlertRules.LogFacts(
                DAY,
                3,
                3,
                Set.of(),
                List.of(new AlertRules.NervePain("glute-bridge", "Glute bridge")),
                false,
                0,
                null,
                false));
        assertThat(raised).singleElement().satisfies(r -> {
            assertThat(r.type()).isEqualTo(AlertRules.Type.NERVE_PAIN);
            assertThat(r.exercise()).isEqualTo("glute-bridge");
        });
    }

    @Test
    void disablingPainIsReported() {
        var raised = rules.evaluate(new AlertRules.LogFacts(DAY, 3, 3, Set.of(), List.of(), false, 0, null, true));
        assertThat(types(raised)).containsExactly(AlertRules.Type.DISABLING_SYMPTOMS);
    }

    @Test
    void inactivityCountsTodayInItsThreeDays() {
        assertThat(rules.inactiveSince(DAY)).isEqualTo(DAY.minusDays(2));
    }
}
