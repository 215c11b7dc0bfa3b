package clinic.program.outcome;

import static org.assertj.core.api.Assertions.assertThat;

import clinic.program.prescription.Program;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The time points' windows and statuses over a program's weeks (docs/outcome-measures.md, "Schedule"). */
class ScheduleTest {

    static final LocalDate START = LocalDate.of(2026, 1, 5);

    static Program program(String status) {
        Program p = new Program();
        p.id = 1L;
        p.startedOn = START;
        p.status = status;
        return p;
    }

    static String status(Schedule.Slot slot, LocalDate day) {
        return MeasureService.status(slot, null, program(Program.ACTIVE), day);
    }

    @Test
    void outcomeInstrumentsHaveBaselineTheConfiguredWeeksAndDischarge() {
        List<Schedule.Slot> slots = Schedule.slots(Instrument.OUTCOME, START, List.of(8, 4, 4, 0));
        assertThat(slots)
                .extracting(Schedule.Slot::timepoint)
                .containsExactly("BASELINE", "WEEK_4", "WEEK_8", "DISCHARGE");
        assertThat(Schedule.slots(Instrument.STRATIFICATION, START, List.of(4, 8)))
                .extracting(Schedule.Slot::timepoint)
                .containsExactly("BASELINE");
        Schedule.Slot week4 = slots.get(1);
        assertThat(week4.opensOn()).isEqualTo(START.plusDays(25));
        assertThat(week4.dueOn()).isEqualTo(START.plusDays(28));
        assertThat(week4.closesOn()).isEqualTo(START.plusDays(53));
        assertThat(slots.get(2).closesOn()).isNull();
    }

    @Test
    void theBaselineIsDueInTheFirstWeekThenOverdueUntilAnswered() {
        Schedule.Slot baseline =
                Schedule.slots(Instrument.OUTCOME, START, List.of(4, 8)).get(0);
        assertThat(status(baseline, START.minusDays(1))).isEqualTo(DueView.UPCOMING);
        assertThat(status(baseline, START)).isEqualTo(DueView.DUE);
        assertThat(status(baseline, START.plusDays(6))).isEqualTo(DueView.DUE);
        assertThat(status(baseline, START.plusDays(7))).isEqualTo(DueView.OVERDUE);
        assertThat(status(baseline, START.plusDays(90))).isEqualTo(DueView.OVERDUE);
    }

    @Test
    void aWeekOpensThreeDaysBeforeItsDateAndIsMissedWhenTheNextOneOpens() {
        List<Schedule.Slot> slots = Schedule.slots(Instrument.OUTCOME, START, List.of(4, 8));
        Schedule.Slot week4 = slots.get(1);
        assertThat(status(week4, START.plusDays(24))).isEqualTo(DueView.UPCOMING);
        assertThat(status(week4, START.plusDays(25))).isEqualTo(DueView.DUE);
        assertThat(status(week4, START.plusDays(28))).isEqualTo(DueView.DUE);
        assertThat(status(week4, START.plusDays(29))).isEqualTo(DueView.OVERDUE);
        assertThat(status(week4, START.plusDays(52))).isEqualTo(DueView.OVERDUE);
        assertThat(status(week4, START.plusDays(53))).isEqualTo(DueView.MISSED);
        Schedule.Slot week8 = slots.get(2);
        assertThat(status(week8, START.plusDays(53))).isEqualTo(DueView.DUE);
        assertThat(status(week8, START.plusDays(200))).isEqualTo(DueView.OVERDUE);
        assertThat(status(slots.get(3), START.plusDays(10))).isEqualTo(DueView.AT_DISCHARGE);
    }

    @Test
    void aDischargedProgramHasOnlyDoneAndMissed() {
        Program discharged = program("DISCHARGED");
        Schedule.Slot baseline =
                Schedule.slots(Instrument.OUTCOME, START, List.of(4)).get(0);
        MeasureResponse done = new MeasureResponse();
        assertThat(MeasureService.status(baseline, done, discharged, START.plusDays(3)))
                .isEqualTo(DueView.DONE);
        assertThat(MeasureService.status(baseline, null, discharged, START.plusDays(3)))
                .isEqualTo(DueView.MISSED);
    }
}
