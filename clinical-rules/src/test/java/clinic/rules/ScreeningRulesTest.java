package clinic.rules;

import static clinic.rules.ScreeningOutcome.CLEAR;
import static clinic.rules.ScreeningOutcome.REFER_FOR_ASSESSMENT;
import static clinic.rules.ScreeningOutcome.URGENT_REFERRAL;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ScreeningRulesTest {

    @Test
    void anyRedFlagIsAnUrgentReferralWhateverTheSigns() {
        for (RedFlag flag : RedFlag.values()) {
            assertThat(ScreeningRules.outcome(Set.of(flag), Set.of(SciaticaSign.values()), Set.of()))
                    .isEqualTo(URGENT_REFERRAL);
        }
    }

    @Test
    void noClassicSignIsNeverClear() {
        assertThat(ScreeningRules.outcome(Set.of(), Set.of(), Set.of())).isEqualTo(REFER_FOR_ASSESSMENT);
        assertThat(ScreeningRules.outcome(Set.of(), Set.of(), Set.of(OtherSign.LOCAL_BACK_OR_HIP_ONLY)))
                .isEqualTo(REFER_FOR_ASSESSMENT);
        assertThat(ScreeningRules.explain(Set.of(), Set.of(), Set.of())).contains("No classic sign");
    }

    @Test
    void asManyOtherSignsAsClassicOnesIsAReferralForAssessment() {
        assertThat(ScreeningRules.outcome(
                        Set.of(), Set.of(SciaticaSign.PARAESTHESIA), Set.of(OtherSign.ANTERIOR_THIGH_GROIN)))
                .isEqualTo(REFER_FOR_ASSESSMENT);
        assertThat(ScreeningRules.outcome(
                        Set.of(),
                        Set.of(SciaticaSign.PARAESTHESIA, SciaticaSign.RADIATING_BELOW_BUTTOCK),
                        Set.of(OtherSign.ANTERIOR_THIGH_GROIN, OtherSign.LOCAL_BACK_OR_HIP_ONLY)))
                .isEqualTo(REFER_FOR_ASSESSMENT);
    }

    @Test
    void moreClassicSignsThanOtherIsClear() {
        assertThat(ScreeningRules.outcome(Set.of(), Set.of(SciaticaSign.RADIATING_BELOW_BUTTOCK), Set.of()))
                .isEqualTo(CLEAR);
        assertThat(ScreeningRules.outcome(
                        Set.of(),
                        List.of(SciaticaSign.RADIATING_BELOW_BUTTOCK, SciaticaSign.WORSE_SITTING_COUGHING),
                        Set.of(OtherSign.LOCAL_BACK_OR_HIP_ONLY)))
                .isEqualTo(CLEAR);
    }

    @Test
    void constantSeverePainIsOneRedFlagAndNoLongerAnOtherSign() {
        assertThat(OtherSign.values()).extracting(Enum::name).doesNotContain("POSITION_INDEPENDENT_PAIN");
        assertThat(RedFlag.fromCode("POSITION_INDEPENDENT_PAIN")).contains(RedFlag.CONSTANT_SEVERE_PAIN);
    }

    @Test
    void onlyAReferralForAssessmentMayBeOverridden() {
        assertThat(ScreeningRules.overridable(REFER_FOR_ASSESSMENT)).isTrue();
        assertThat(ScreeningRules.overridable(URGENT_REFERRAL)).isFalse();
        assertThat(ScreeningRules.overridable(CLEAR)).isFalse();
    }
}
