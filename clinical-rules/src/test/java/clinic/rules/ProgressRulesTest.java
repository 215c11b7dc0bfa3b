package clinic.rules;

import static clinic.rules.ProgressRules.Action.ADVANCE;
import static clinic.rules.ProgressRules.Action.CONSIDER_REFERRAL;
import static clinic.rules.ProgressRules.Action.HOLD;
import static clinic.rules.ProgressRules.Action.NOT_ENOUGH_DATA;
import static clinic.rules.ProgressRules.Action.STEP_BACK;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProgressRulesTest {

    final ProgressRules rules = new ProgressRules(ProgressRules.Thresholds.DEFAULTS);

    /** A program with enough recent logs and nothing else of note. */
    static ProgressRules.Facts facts(int phase, long weeks, Double baseline, Double recent) {
        return new ProgressRules.Facts(phase, weeks, baseline, recent, 0, 0, 10, false, 0);
    }

    @Test
    void theDocumentedDefaults() {
        var t = ProgressRules.Thresholds.DEFAULTS;
        assertThat(t.referralWeeks()).isEqualTo(6);
        assertThat(t.importantPoints()).isEqualTo(2.0);
        assertThat(t.importantPercent()).isEqualTo(30.0);
        assertThat(t.advanceToTwoMean()).isEqualTo(4.0);
        assertThat(t.advanceToThreeMean()).isEqualTo(2.0);
        assertThat(t.advanceToThreeAdherence()).isEqualTo(70);
        assertThat(t.stepBackNerveFlags()).isEqualTo(2);
        assertThat(t.recentDays()).isEqualTo(7);
        assertThat(t.judgementDays()).isEqualTo(14);
        assertThat(t.judgementLogs()).isEqualTo(3);
        assertThat(t.painFreeBaseline()).isEqualTo(2.0);
        assertThat(t.aggravatedSessions()).isEqualTo(3);
        assertThat(t.aggravatedOfLast()).isEqualTo(7);
        assertThat(t.baselineLogs()).isEqualTo(3);
    }

    @Test
    void clinicallyImportantIsTwoPointsOrThirtyPercentExactly() {
        assertThat(rules.importantImprovement(6.0, 4.0)).isTrue(); // 2 points
        assertThat(rules.importantImprovement(8.0, 6.1)).isFalse(); // 1.9 points = 23.8 %
    }

    @Test
    void thirtyPercentOnItsOwnCounts() {
        assertThat(rules.importantImprovement(5.0, 3.5)).isTrue(); // 1.5 points = 30 %
        assertThat(rules.importantImprovement(5.0, 3.6)).isFalse(); // 1.4 points = 28 %
        assertThat(rules.importantImprovement(10.0, 8.1)).isFalse(); // 1.9 points = 19 %
    }

    @Test
    void noImprovementAfterSixWeeksSuggestsReferral() {
        var s = rules.suggest(facts(1, 6, 6.0, 5.5));
        assertThat(s.action()).isEqualTo(CONSIDER_REFERRAL);
        assertThat(s.rule()).isEqualTo(ProgressRules.Rule.NO_IMPORTANT_IMPROVEMENT);
        assertThat(s.explanation()).contains("6 weeks").contains("from 6 to 5.5");
        assertThat(rules.suggest(facts(1, 5, 6.0, 5.5)).action()).isNotEqualTo(CONSIDER_REFERRAL);
    }

    @Test
    void aPainFreeBaselineIsNeverReferredForLackOfImprovement() {
        var s = rules.suggest(facts(3, 8, 1.0, 1.0));
        assertThat(s.action()).isEqualTo(HOLD);
        assertThat(s.rule()).isEqualTo(ProgressRules.Rule.PAIN_FREE_BASELINE);
        assertThat(rules.suggest(facts(3, 8, 2.0, 2.0)).action()).isNotEqualTo(CONSIDER_REFERRAL);
        assertThat(rules.suggest(facts(3, 8, 2.1, 2.1)).action()).isEqualTo(CONSIDER_REFERRAL);
    }

    @Test
    void fewerThanThreeLogsInFourteenDaysIsNotEnoughDataNeverAReferral() {
        var quiet = new ProgressRules.Facts(1, 8, 6.0, 6.0, 0, 0, 2, false, 0);
        assertThat(rules.suggest(quiet).action()).isEqualTo(NOT_ENOUGH_DATA);
        var noneThisWeek = new ProgressRules.Facts(1, 8, 6.0, null, 0, 0, 3, false, 0);
        assertThat(rules.suggest(noneThisWeek).action()).isEqualTo(NOT_ENOUGH_DATA);
        var three = new ProgressRules.Facts(1, 8, 6.0, 6.0, 0, 0, 3, false, 0);
        assertThat(rules.suggest(three).action()).isEqualTo(CONSIDER_REFERRAL);
    }

    @Test
    void disablingSymptomsSuggestReferralAtAnyTime() {
        var first = new ProgressRules.Facts(1, 0, 5.0, 5.0, 0, 0, 1, true, 0);
        var s = rules.suggest(first);
        assertThat(s.action()).isEqualTo(CONSIDER_REFERRAL);
        assertThat(s.rule()).isEqualTo(ProgressRules.Rule.SEVERE_OR_DISABLING);
    }

    @Test
    void everythingAggravatesMeansStepBackToWalkingAndTiltsFromThreeOfSeven() {
        var two = new ProgressRules.Facts(1, 1, 5.0, 5.0, 0, 0, 7, false, 2);
        var three = new ProgressRules.Facts(1, 1, 5.0, 5.0, 0, 0, 7, false, 3);
        assertThat(rules.suggest(two).action()).isNotEqualTo(STEP_BACK);
        var s = rules.suggest(three);
        assertThat(s.action()).isEqualTo(STEP_BACK);
        assertThat(s.rule()).isEqualTo(ProgressRules.Rule.EVERYTHING_AGGRAVATES);
        assertThat(s.explanation()).contains("walking and pelvic tilts");
    }

    @Test
    void twoNervePainFlagsStepBackFromPhaseTwoOrThree() {
        var phase2 = new ProgressRules.Facts(2, 1, 5.0, 3.0, 2, 80, 7, false, 2);
        assertThat(rules.suggest(phase2).rule()).isEqualTo(ProgressRules.Rule.NERVE_PAIN_FLAGS);
        var phase1 = new ProgressRules.Facts(1, 1, 5.0, 3.0, 2, 0, 7, false, 2);
        assertThat(rules.suggest(phase1).action()).isEqualTo(HOLD);
        var oneFlag = new ProgressRules.Facts(2, 1, 5.0, 3.0, 1, 80, 7, false, 1);
        assertThat(rules.suggest(oneFlag).action()).isNotEqualTo(STEP_BACK);
    }

    @Test
    void advanceOneToTwoAtMeanFourWithoutNervePain() {
        assertThat(rules.suggest(facts(1, 1, 6.0, 4.0)).rule()).isEqualTo(ProgressRules.Rule.ADVANCE_TO_2);
        assertThat(rules.suggest(facts(1, 1, 6.0, 4.1)).action()).isEqualTo(HOLD);
    }

    @Test
    void advanceTwoToThreeAtMeanTwoAndSeventyPercentAdherence() {
        var ready = new ProgressRules.Facts(2, 3, 6.0, 2.0, 0, 70, 7, false, 0);
        var lowAdherence = new ProgressRules.Facts(2, 3, 6.0, 2.0, 0, 69, 7, false, 0);
        var painful = new ProgressRules.Facts(2, 3, 6.0, 2.1, 0, 90, 7, false, 0);
        assertThat(rules.suggest(ready).action()).isEqualTo(ADVANCE);
        assertThat(rules.suggest(lowAdherence).action()).isEqualTo(HOLD);
        assertThat(rules.suggest(painful).action()).isEqualTo(HOLD);
    }

    @Test
    void aClinicMayTuneTheReferralWeeks() {
        var eight = new ProgressRules(ProgressRules.Thresholds.DEFAULTS.withReferralWeeks(8));
        assertThat(eight.suggest(facts(1, 7, 6.0, 5.5)).action()).isNotEqualTo(CONSIDER_REFERRAL);
        assertThat(eight.suggest(facts(1, 8, 6.0, 5.5)).action()).isEqualTo(CONSIDER_REFERRAL);
    }

    /** A program of a protocol whose next phase has the given entry criteria (null: at its last phase). */
    static ProgressRules.Facts protocolFacts(
            int phase, Double recent, int nerveFlags, int adherence, ProgressRules.Entry next) {
        return new ProgressRules.Facts(phase, 1, 6.0, recent, nerveFlags, adherence, 7, false, 0, next);
    }

    @Test
    void theSeedsEntryCriteriaAreTheDocumentedThresholds() {
        assertThat(ProgressRules.Entry.seedAfter(1)).isEqualTo(new ProgressRules.Entry(4.0, null, true));
        assertThat(ProgressRules.Entry.seedAfter(2)).isEqualTo(new ProgressRules.Entry(2.0, 70, false));
        assertThat(ProgressRules.Entry.seedAfter(3)).isNull();
    }

    @Test
    void anyProtocolAdvancesByItsNextPhasesCriteria() {
        var knee = new ProgressRules.Entry(3.0, 60, false);
        var ready = rules.suggest(protocolFacts(1, 3.0, 1, 60, knee));
        assertThat(ready.action()).isEqualTo(ADVANCE);
        assertThat(ready.rule()).isEqualTo(ProgressRules.Rule.ADVANCE_TO_2);
        assertThat(ready.explanation())
                .isEqualTo("Phase 1 → 2: mean pain 3 ≤ 3 in the last 7 days and phase-1 adherence 60 % ≥ 60 %.");
        assertThat(rules.suggest(protocolFacts(1, 3.1, 0, 90, knee)).action()).isEqualTo(HOLD);
        assertThat(rules.suggest(protocolFacts(1, 2.0, 0, 59, knee)).action()).isEqualTo(HOLD);
        var noNerve = new ProgressRules.Entry(null, null, true);
        assertThat(rules.suggest(protocolFacts(4, 5.0, 0, 0, noNerve)).rule()).isEqualTo(ProgressRules.Rule.ADVANCE);
        assertThat(rules.suggest(protocolFacts(1, 5.0, 1, 0, noNerve)).action()).isEqualTo(HOLD);
    }

    @Test
    void theLastPhaseOfAnyProtocolHoldsAndAPhaseWithoutNumbersIsNeverSuggested() {
        var last = rules.suggest(protocolFacts(2, 1.0, 0, 100, null));
        assertThat(last.rule()).isEqualTo(ProgressRules.Rule.LAST_PHASE);
        assertThat(last.explanation()).isEqualTo("Phase 2 is the last phase; keep going.");
        var none = rules.suggest(protocolFacts(1, 0.0, 0, 100, new ProgressRules.Entry(null, null, false)));
        assertThat(none.action()).isEqualTo(HOLD);
        assertThat(none.rule()).isEqualTo(ProgressRules.Rule.NO_ENTRY_CRITERIA);
    }

    @Test
    void theSeedsMovesKeepTheirRuleNamesAndWords() {
        var two = rules.suggest(facts(1, 1, 6.0, 3.0));
        assertThat(two.explanation())
                .isEqualTo("Phase 1 → 2: mean pain 3 ≤ 4 in the last 7 days and no nerve-pain flag.");
        var three = rules.suggest(new ProgressRules.Facts(2, 3, 6.0, 2.0, 0, 70, 7, false, 0));
        assertThat(three.rule()).isEqualTo(ProgressRules.Rule.ADVANCE_TO_3);
        assertThat(three.explanation()).contains("Phase 2 → 3", "(largely pain-free)", "phase-2 adherence 70 % ≥ 70 %");
        assertThat(rules.suggest(facts(3, 1, 6.0, 1.0)).explanation())
                .isEqualTo("Phase 3 is the last phase; keep going.");
    }
}
