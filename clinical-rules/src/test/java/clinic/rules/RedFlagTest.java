package clinic.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RedFlagTest {

    @Test
    void theGuidesFiveRedFlagsAreTheVocabulary() {
        assertThat(RedFlag.all())
                .containsExactly(
                        RedFlag.BLADDER_BOWEL,
                        RedFlag.SADDLE_NUMBNESS,
                        RedFlag.PROGRESSIVE_WEAKNESS,
                        RedFlag.CONSTANT_SEVERE_PAIN,
                        RedFlag.SYSTEMIC);
    }

    @Test
    void onlyBladderSaddleAndWeaknessAreCaudaEquinaEmergencies() {
        assertThat(RedFlag.all().stream().filter(f -> f.urgency() == Urgency.EMERGENCY_NOW))
                .containsExactly(RedFlag.BLADDER_BOWEL, RedFlag.SADDLE_NUMBNESS, RedFlag.PROGRESSIVE_WEAKNESS);
        assertThat(RedFlag.CONSTANT_SEVERE_PAIN.urgency()).isEqualTo(Urgency.SAME_DAY);
        assertThat(RedFlag.SYSTEMIC.urgency()).isEqualTo(Urgency.SAME_DAY);
        assertThat(RedFlag.SYSTEMIC.clinicalWords()).doesNotContainIgnoringCase("cauda equina");
        assertThat(RedFlag.CONSTANT_SEVERE_PAIN.clinicalWords()).doesNotContainIgnoringCase("cauda equina");
        assertThat(RedFlag.BLADDER_BOWEL.clinicalWords()).containsIgnoringCase("cauda equina");
    }

    @Test
    void patientWordsAvoidClinicalTerms() {
        for (RedFlag f : RedFlag.values()) {
            assertThat(f.patientWords())
                    .doesNotContainIgnoringCase("cauda")
                    .doesNotContainIgnoringCase("anaesthesia")
                    .doesNotContainIgnoringCase("bilateral");
        }
    }

    @Test
    void theLegacyConstantPainCodeReadsAsTheRedFlag() {
        assertThat(RedFlag.fromCode("POSITION_INDEPENDENT_PAIN")).contains(RedFlag.CONSTANT_SEVERE_PAIN);
        assertThat(RedFlag.fromCode("saddle_numbness")).contains(RedFlag.SADDLE_NUMBNESS);
        assertThat(RedFlag.fromCode("FEVER")).isEmpty();
        assertThat(OtherSign.fromCode("POSITION_INDEPENDENT_PAIN")).isEmpty();
    }

    @Test
    void oneAdviceForSeveralFlagsTheMostUrgentWins() {
        RedFlagAdvice both = RedFlagAdvice.forFlags(Set.of(RedFlag.SYSTEMIC, RedFlag.BLADDER_BOWEL));
        assertThat(both.urgency()).isEqualTo(Urgency.EMERGENCY_NOW);
        assertThat(both.headline()).isEqualTo("Get emergency medical help now");
        assertThat(both.symptoms())
                .containsExactly(RedFlag.BLADDER_BOWEL.patientWords(), RedFlag.SYSTEMIC.patientWords());

        RedFlagAdvice fever = RedFlagAdvice.forFlags(List.of(RedFlag.SYSTEMIC));
        assertThat(fever.urgency()).isEqualTo(Urgency.SAME_DAY);
        assertThat(fever.headline()).isEqualTo("See a doctor today");
        assertThat(fever.text()).doesNotContainIgnoringCase("cauda");

        assertThat(RedFlagAdvice.forFlags(EnumSet.noneOf(RedFlag.class))).isNull();
    }

    @Test
    void staffAreAskedToActNowOrToday() {
        assertThat(RedFlagAdvice.staffAction(Set.of(RedFlag.SADDLE_NUMBNESS))).contains("now");
        assertThat(RedFlagAdvice.staffAction(Set.of(RedFlag.CONSTANT_SEVERE_PAIN)))
                .contains("today")
                .doesNotContain("cauda");
    }
}
