package clinic.patient.screening;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The decision table of docs/CLINICAL.md, without a server. */
class ScreeningRulesTest {

    private static final Set<RedFlag> NO_FLAGS = EnumSet.noneOf(RedFlag.class);
    private static final Set<SciaticaSign> NO_SCIATICA = EnumSet.noneOf(SciaticaSign.class);
    private static final Set<OtherSign> NO_OTHER = EnumSet.noneOf(OtherSign.class);

    @Test
    void anyRedFlagMeansUrgentReferralWhateverElseIsFound() {
        for (RedFlag flag : RedFlag.values()) {
            assertThat(ScreeningRules.outcome(EnumSet.of(flag), EnumSet.allOf(SciaticaSign.class), NO_OTHER))
                    .as(flag.name())
                    .isEqualTo(Outcome.URGENT_REFERRAL);
        }
    }

    @Test
    void sciaticaPatternWithoutOtherSignsIsClear() {
        assertThat(ScreeningRules.outcome(NO_FLAGS, EnumSet.of(SciaticaSign.RADIATING_BELOW_BUTTOCK), NO_OTHER))
                .isEqualTo(Outcome.CLEAR);
    }

    @Test
    void otherSignsWithoutSciaticaSignsNeedAssessment() {
        assertThat(ScreeningRules.outcome(NO_FLAGS, NO_SCIATICA, EnumSet.of(OtherSign.ANTERIOR_THIGH_GROIN)))
                .isEqualTo(Outcome.REFER_FOR_ASSESSMENT);
    }

    @Test
    void moreOtherThanSciaticaSignsNeedAssessment() {
        assertThat(ScreeningRules.outcome(
                        NO_FLAGS,
                        EnumSet.of(SciaticaSign.PARAESTHESIA),
                        EnumSet.of(OtherSign.ANTERIOR_THIGH_GROIN, OtherSign.LOCAL_BACK_OR_HIP_ONLY)))
                .isEqualTo(Outcome.REFER_FOR_ASSESSMENT);
    }

    @Test
    void asManySciaticaAsOtherSignsIsClear() {
        assertThat(ScreeningRules.outcome(
                        NO_FLAGS, EnumSet.of(SciaticaSign.PARAESTHESIA), EnumSet.of(OtherSign.LOCAL_BACK_OR_HIP_ONLY)))
                .isEqualTo(Outcome.CLEAR);
    }

    @Test
    void onlyReferralForAssessmentIsOverridable() {
        assertThat(ScreeningRules.overridable(Outcome.REFER_FOR_ASSESSMENT)).isTrue();
        assertThat(ScreeningRules.overridable(Outcome.URGENT_REFERRAL)).isFalse();
        assertThat(ScreeningRules.overridable(Outcome.CLEAR)).isFalse();
    }
}
