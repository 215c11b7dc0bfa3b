package clinic.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The RMDQ in the progress suggestion (docs/clinical-rules.md): MIC 5 points or 30 % (Ostelo et al. 2008). */
class DisabilityRulesTest {

    final ProgressRules rules = new ProgressRules(ProgressRules.Thresholds.DEFAULTS);

    static DisabilityRules.Disability rmdq(double baseline, double latest) {
        return new DisabilityRules.Disability("RMDQ", baseline, latest, 5.0, 30.0);
    }

    /** Phase 1, week 1, pain 6 → 3 with no nerve pain: the seed's advance to phase 2. */
    ProgressRules.Suggestion advancing() {
        return rules.suggest(new ProgressRules.Facts(1, 1, 6.0, 3.0, 0, 80, 10, false, 0));
    }

    @Test
    void worseByFivePointsHoldsForAReviewInsteadOfAdvancing() {
        assertThat(advancing().action()).isEqualTo(ProgressRules.Action.ADVANCE);
        ProgressRules.Suggestion s = DisabilityRules.apply(advancing(), rmdq(8, 13));
        assertThat(s.action()).isEqualTo(ProgressRules.Action.HOLD);
        assertThat(s.rule()).isEqualTo(ProgressRules.Rule.DISABILITY_WORSENED);
        assertThat(s.explanation())
                .contains("RMDQ went from 8 at baseline to 13, 5 points worse")
                .contains("review");
        // 4 points worse is within the minimal important change: the advance stands.
        assertThat(DisabilityRules.apply(advancing(), rmdq(8, 12)).rule()).isEqualTo(ProgressRules.Rule.ADVANCE_TO_2);
        // 30 % of a low baseline is not a worsening (only the points count for worsening).
        assertThat(DisabilityRules.apply(advancing(), rmdq(3, 4)).rule()).isEqualTo(ProgressRules.Rule.ADVANCE_TO_2);
    }

    @Test
    void anImprovementOnlySupportsAnAdvanceThePainAndAdherenceCriteriaAllow() {
        ProgressRules.Suggestion supported = DisabilityRules.apply(advancing(), rmdq(10, 7));
        assertThat(supported.rule()).isEqualTo(ProgressRules.Rule.ADVANCE_TO_2);
        assertThat(supported.explanation())
                .contains("RMDQ improved from 10 to 7")
                .contains("supports the move");
        // Pain too high to advance: an RMDQ improvement does not make it an advance.
        ProgressRules.Suggestion held = rules.suggest(new ProgressRules.Facts(1, 1, 6.0, 5.0, 0, 80, 10, false, 0));
        assertThat(held.action()).isEqualTo(ProgressRules.Action.HOLD);
        assertThat(DisabilityRules.apply(held, rmdq(20, 5))).isEqualTo(held);
        // An improvement below the MIC adds nothing.
        assertThat(DisabilityRules.apply(advancing(), rmdq(10, 8))).isEqualTo(advancing());
    }

    @Test
    void referralsStepBacksAndNotEnoughDataAreNeverChanged() {
        ProgressRules.Suggestion disabling = rules.suggest(new ProgressRules.Facts(1, 1, 6.0, 3.0, 0, 80, 10, true, 0));
        ProgressRules.Suggestion aggravating =
                rules.suggest(new ProgressRules.Facts(1, 1, 6.0, 3.0, 0, 80, 10, false, 3));
        ProgressRules.Suggestion noData = rules.suggest(new ProgressRules.Facts(1, 7, 6.0, 5.0, 0, 80, 1, false, 0));
        ProgressRules.Suggestion noImprovement =
                rules.suggest(new ProgressRules.Facts(1, 7, 6.0, 6.0, 0, 80, 10, false, 0));
        for (ProgressRules.Suggestion s :
                new ProgressRules.Suggestion[] {disabling, aggravating, noData, noImprovement}) {
            assertThat(DisabilityRules.apply(s, rmdq(4, 20))).isEqualTo(s);
            assertThat(DisabilityRules.apply(s, rmdq(20, 2))).isEqualTo(s);
        }
        assertThat(noImprovement.action()).isEqualTo(ProgressRules.Action.CONSIDER_REFERRAL);
        assertThat(noData.action()).isEqualTo(ProgressRules.Action.NOT_ENOUGH_DATA);
        assertThat(DisabilityRules.apply(advancing(), null)).isEqualTo(advancing());
    }
}
