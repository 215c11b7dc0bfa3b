package clinic.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ClearanceRulesTest {

    static final LocalDate TODAY = LocalDate.of(2026, 12, 1);

    static ClearanceRules.Latest latest(ScreeningOutcome outcome, boolean overridden, Set<RedFlag> flags) {
        return new ClearanceRules.Latest(outcome, overridden, flags, TODAY.plusDays(10));
    }

    @Test
    void aValidClearScreeningClears() {
        assertThat(ClearanceRules.decide(true, latest(ScreeningOutcome.CLEAR, false, Set.of()), TODAY)
                        .cleared())
                .isTrue();
    }

    @Test
    void aRecordedRedFlagBlocksEvenAStoredClearOutcome() {
        var d = ClearanceRules.decide(
                true, latest(ScreeningOutcome.CLEAR, false, Set.of(RedFlag.CONSTANT_SEVERE_PAIN)), TODAY);
        assertThat(d.cleared()).isFalse();
        assertThat(d.reason()).contains("red flag");
    }

    @Test
    void aReferralClearsOnlyWhenOverridden() {
        assertThat(ClearanceRules.decide(true, latest(ScreeningOutcome.REFER_FOR_ASSESSMENT, false, Set.of()), TODAY)
                        .cleared())
                .isFalse();
        assertThat(ClearanceRules.decide(true, latest(ScreeningOutcome.REFER_FOR_ASSESSMENT, true, Set.of()), TODAY)
                        .cleared())
                .isTrue();
    }

    @Test
    void validityEndsOnItsLastDayAndTheDefaultIs90Days() {
        var onLastDay = new ClearanceRules.Latest(ScreeningOutcome.CLEAR, false, Set.of(), TODAY);
        assertThat(ClearanceRules.decide(true, onLastDay, TODAY).cleared()).isTrue();
        assertThat(ClearanceRules.decide(true, onLastDay, TODAY.plusDays(1)).cleared())
                .isFalse();
        assertThat(ClearanceRules.DEFAULT_VALIDITY_DAYS).isEqualTo(90);
    }

    @Test
    void noScreeningOrADischargedPatientIsNotCleared() {
        assertThat(ClearanceRules.decide(true, null, TODAY).cleared()).isFalse();
        assertThat(ClearanceRules.decide(false, latest(ScreeningOutcome.CLEAR, false, Set.of()), TODAY)
                        .cleared())
                .isFalse();
    }

    @Test
    void aProtocolWithoutScreeningStillRefusesADischargedPatientOrARedFlag() {
        var redFlag = ClearanceRules.decide(
                true, latest(ScreeningOutcome.URGENT_REFERRAL, false, Set.of(RedFlag.SADDLE_NUMBNESS)), TODAY);
        var discharged = ClearanceRules.decide(false, null, TODAY);
        var none = ClearanceRules.decide(true, null, TODAY);
        var referral =
                ClearanceRules.decide(true, latest(ScreeningOutcome.REFER_FOR_ASSESSMENT, false, Set.of()), TODAY);
        var expired = ClearanceRules.decide(
                true, new ClearanceRules.Latest(ScreeningOutcome.CLEAR, false, Set.of(), TODAY.minusDays(1)), TODAY);
        assertThat(ClearanceRules.permitsWithoutScreening(redFlag.cleared(), redFlag.reason()))
                .isFalse();
        assertThat(ClearanceRules.permitsWithoutScreening(discharged.cleared(), discharged.reason()))
                .isFalse();
        assertThat(ClearanceRules.permitsWithoutScreening(false, "something new"))
                .isFalse();
        assertThat(ClearanceRules.permitsWithoutScreening(none.cleared(), none.reason()))
                .isTrue();
        assertThat(ClearanceRules.permitsWithoutScreening(referral.cleared(), referral.reason()))
                .isTrue();
        assertThat(ClearanceRules.permitsWithoutScreening(expired.cleared(), expired.reason()))
                .isTrue();
    }
}
