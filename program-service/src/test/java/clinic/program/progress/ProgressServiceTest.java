package clinic.program.progress;

import static org.assertj.core.api.Assertions.assertThat;

import clinic.program.prescription.Program;
import clinic.program.prescription.ProgramRevision;
import clinic.program.session.SessionLog;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The suggestion rules on hand-made histories, including the weeks-long ones the API tests cannot build. */
class ProgressServiceTest {

    static final LocalDate TODAY = LocalDate.of(2026, 6, 30);

    private final ProgressService service = new ProgressService(null, null, null, new ProgressConfig() {
        @Override
        public int referralWeeks() {
            return 6;
        }

        @Override
        public int prescribedPerWeek() {
            return 7;
        }
    });

    private static Program program(int phase, LocalDate started, LocalDate phaseSince) {
        Program p = new Program();
        p.id = 1L;
        p.phase = phase;
        p.startedOn = started;
        p.phaseSince = phaseSince;
        return p;
    }

    private static SessionLog log(LocalDate day, int painBefore, boolean nervePain) {
        SessionLog s = new SessionLog();
        s.sessionDate = day;
        s.painBefore = painBefore;
        s.painAfter = painBefore;
        s.nervePain = nervePain;
        return s;
    }

    private static SessionLog log(LocalDate day, int painBefore, boolean lasting, boolean disabling) {
        SessionLog s = log(day, painBefore, false);
        s.painLastedHoursAfter = lasting;
        s.painStopsSleepOrWork = disabling;
        return s;
    }

    private static List<SessionLog> daily(LocalDate from, LocalDate to, int painBefore) {
        List<SessionLog> logs = new ArrayList<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            logs.add(log(d, painBefore, false));
        }
        return logs;
    }

    private static List<ProgramRevision> noRevisions() {
        return List.of();
    }

    @Test
    void sixWeeksWithoutImportantImprovementSuggestsReferral() {
        LocalDate start = TODAY.minusWeeks(6);
        List<SessionLog> logs = daily(start, TODAY, 6);
        ProgressView v = service.compute(program(1, start, start), logs, noRevisions(), TODAY);
        assertThat(v.suggestion().action()).isEqualTo("CONSIDER_REFERRAL");
        assertThat(v.pain().clinicallyImportantImprovement()).isFalse();
        assertThat(v.adherence().percent()).isEqualTo(100);
    }

    @Test
    void fiveWeeksWithoutImprovementIsNotYetReferral() {
        LocalDate start = TODAY.minusWeeks(5);
        ProgressView v = service.compute(program(1, start, start), daily(start, TODAY, 6), noRevisions(), TODAY);
        assertThat(v.suggestion().action()).isEqualTo("HOLD");
    }

    @Test
    void aThirtyPercentDropIsClinicallyImportantAndAvoidsReferral() {
        LocalDate start = TODAY.minusWeeks(7);
        List<SessionLog> logs = new ArrayList<>(daily(start, start.plusDays(2), 5)); // baseline 5
        logs.addAll(daily(TODAY.minusDays(6), TODAY, 3)); // -2 points, -40%
        ProgressView v = service.compute(program(1, start, start), logs, noRevisions(), TODAY);
        assertThat(v.pain().baseline()).isEqualTo(5.0);
        assertThat(v.pain().last7DaysMean()).isEqualTo(3.0);
        assertThat(v.pain().clinicallyImportantImprovement()).isTrue();
        assertThat(v.suggestion().action()).isEqualTo("ADVANCE");
    }

    @Test
    void exactlyThirtyPercentCountsAsClinicallyImportant() {
        LocalDate start = TODAY.minusWeeks(7);
        List<SessionLog> logs = new ArrayList<>(daily(start, start.plusDays(2), 5)); // baseline 5
        for (int day = 5; day >= 0; day--) {
            logs.add(log(TODAY.minusDays(day), day % 2 == 0 ? 3 : 4, false)); // mean 3.5: -1.5 points, -30%
        }
        ProgressView v = service.compute(program(1, start, start), logs, noRevisions(), TODAY);
        assertThat(v.pain().last7DaysMean()).isEqualTo(3.5);
        assertThat(v.pain().clinicallyImportantImprovement()).isTrue();
        assertThat(v.suggestion().action()).isNotEqualTo("CONSIDER_REFERRAL");
    }

    @Test
    void phaseTwoWithLowPainButPoorAdherenceHolds() {
        LocalDate since = TODAY.minusDays(9);
        List<SessionLog> logs = List.of(log(TODAY.minusDays(1), 1, false), log(TODAY, 1, false));
        ProgressView v = service.compute(program(2, since, since), logs, noRevisions(), TODAY);
        assertThat(v.suggestion().action()).isEqualTo("HOLD");
        assertThat(v.adherence().logged()).isEqualTo(2);
        assertThat(v.adherence().weeks()).hasSize(2);
    }

    @Test
    void phaseTwoWithLowPainAndSeventyPercentAdherenceAdvances() {
        LocalDate since = TODAY.minusDays(9);
        List<SessionLog> logs = daily(TODAY.minusDays(6), TODAY, 2); // 7 of 10 days
        ProgressView v = service.compute(program(2, since, since), logs, noRevisions(), TODAY);
        assertThat(v.suggestion().action()).isEqualTo("ADVANCE");
    }

    @Test
    void twoNervePainFlagsInPhaseThreeStepBack() {
        LocalDate since = TODAY.minusDays(20);
        List<SessionLog> logs = List.of(log(TODAY.minusDays(3), 2, true), log(TODAY, 2, true));
        ProgressView v = service.compute(program(3, since, since), logs, noRevisions(), TODAY);
        assertThat(v.suggestion().action()).isEqualTo("STEP_BACK");
        assertThat(v.pain().nervePainFlagsLast7Days()).isEqualTo(2);
    }

    @Test
    void noLogInTheLastWeekAfterSixWeeksIsNotEnoughDataNotAReferral() {
        LocalDate start = TODAY.minusWeeks(7);
        List<SessionLog> logs = daily(start, TODAY.minusDays(8), 6);
        ProgressView v = service.compute(program(1, start, start), logs, noRevisions(), TODAY);
        assertThat(v.suggestion().action()).isEqualTo("NOT_ENOUGH_DATA");
        assertThat(v.suggestion().ruleCode()).isEqualTo("NOT_ENOUGH_DATA");
        assertThat(v.suggestion().rule()).contains("none in the last 7");
    }

    @Test
    void twoLogsInTwoWeeksAfterSixWeeksIsNotEnoughData() {
        LocalDate start = TODAY.minusWeeks(7);
        List<SessionLog> logs = new ArrayList<>(daily(start, start.plusDays(2), 6));
        logs.add(log(TODAY.minusDays(10), 6, false));
        logs.add(log(TODAY, 6, false));
        ProgressView v = service.compute(program(1, start, start), logs, noRevisions(), TODAY);
        assertThat(v.suggestion().ruleCode()).isEqualTo("NOT_ENOUGH_DATA");
    }

    @Test
    void aPainFreeBaselineHoldsInsteadOfReferral() {
        LocalDate start = TODAY.minusWeeks(7);
        List<SessionLog> logs = new ArrayList<>(daily(start, start.plusDays(2), 2));
        logs.addAll(daily(TODAY.minusDays(6), TODAY, 2));
        ProgressView v = service.compute(program(3, start, start), logs, noRevisions(), TODAY);
        assertThat(v.suggestion().action()).isEqualTo("HOLD");
        assertThat(v.suggestion().ruleCode()).isEqualTo("PAIN_FREE_BASELINE");
    }

    @Test
    void disablingPainInTheLastWeekSuggestsReferralButAnOlderOneDoesNot() {
        LocalDate start = TODAY.minusDays(20);
        List<SessionLog> logs = new ArrayList<>(List.of(log(TODAY.minusDays(8), 5, false, true)));
        logs.add(log(TODAY, 5, false, false));
        assertThat(service.compute(program(1, start, start), logs, noRevisions(), TODAY)
                        .suggestion()
                        .ruleCode())
                .isNotEqualTo("SEVERE_OR_DISABLING");
        logs.add(log(TODAY, 5, false, true));
        ProgressView v = service.compute(program(1, start, start), logs, noRevisions(), TODAY);
        assertThat(v.suggestion().action()).isEqualTo("CONSIDER_REFERRAL");
        assertThat(v.suggestion().ruleCode()).isEqualTo("SEVERE_OR_DISABLING");
    }

    @Test
    void threeAggravatedOfTheLastSevenSessionsStepBack() {
        LocalDate start = TODAY.minusDays(30);
        List<SessionLog> logs = new ArrayList<>();
        logs.add(log(TODAY.minusDays(20), 4, true, false)); // older than the last 7 sessions
        logs.add(log(TODAY.minusDays(19), 4, true, false));
        for (int day = 7; day >= 1; day--) {
            logs.add(log(TODAY.minusDays(day), 4, day == 1, false));
        }
        assertThat(service.compute(program(2, start, start), logs, noRevisions(), TODAY)
                        .suggestion()
                        .ruleCode())
                .isNotEqualTo("EVERYTHING_AGGRAVATES");
        logs.add(log(TODAY, 4, false, false));
        logs.get(logs.size() - 3).nervePain = true; // day 2
        logs.get(logs.size() - 4).painLastedHoursAfter = true; // day 3: with day 1, three of the last seven
        ProgressView v = service.compute(program(2, start, start), logs, noRevisions(), TODAY);
        assertThat(v.suggestion().action()).isEqualTo("STEP_BACK");
        assertThat(v.suggestion().ruleCode()).isEqualTo("EVERYTHING_AGGRAVATES");
    }
}
