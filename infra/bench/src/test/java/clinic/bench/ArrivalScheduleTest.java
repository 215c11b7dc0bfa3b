package clinic.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ArrivalScheduleTest {

    @Test
    void requestsAreDueAtEvenIntervalsFromTheStart() {
        ArrivalSchedule schedule = new ArrivalSchedule(5_000, 100);
        assertThat(schedule.intendedNanos(0)).isEqualTo(5_000);
        assertThat(schedule.intendedNanos(1)).isEqualTo(5_000 + 10_000_000);
        assertThat(schedule.intendedNanos(100)).isEqualTo(5_000 + 1_000_000_000L);
    }

    @Test
    void intendedTimesDoNotDependOnWhenEarlierRequestsWereSent() {
        // The schedule is a pure function of the index: a stalled server cannot push later requests back.
        ArrivalSchedule schedule = new ArrivalSchedule(0, 50);
        long beforeAnything = schedule.intendedNanos(700);
        for (int i = 0; i < 700; i++) {
            schedule.intendedNanos(i);
        }
        assertThat(schedule.intendedNanos(700)).isEqualTo(beforeAnything).isEqualTo(14_000_000_000L);
    }

    @Test
    void aRateThatDoesNotDivideASecondDoesNotDrift() {
        ArrivalSchedule schedule = new ArrivalSchedule(0, 3);
        assertThat(schedule.intendedNanos(1)).isEqualTo(333_333_333L);
        assertThat(schedule.intendedNanos(2)).isEqualTo(666_666_667L);
        // Adding a rounded interval 3,000 times would be 1,000 ns off; computing from the start is exact.
        assertThat(schedule.intendedNanos(3_000)).isEqualTo(1_000_000_000_000L);
    }

    @Test
    void countWithinIsTheRequestsDueBeforeTheEnd() {
        ArrivalSchedule schedule = new ArrivalSchedule(1_000, 10);
        assertThat(schedule.countWithin(1_000_000_000L)).isEqualTo(10);
        assertThat(schedule.countWithin(1_000_000_001L)).isEqualTo(11);
        assertThat(schedule.countWithin(1)).isEqualTo(1);
        assertThat(schedule.countWithin(0)).isZero();
        ArrivalSchedule fractional = new ArrivalSchedule(0, 2.5);
        assertThat(fractional.countWithin(15_000_000_000L)).isEqualTo(38);
        assertThat(fractional.intendedNanos(37)).isLessThan(15_000_000_000L);
        assertThat(fractional.intendedNanos(38)).isGreaterThanOrEqualTo(15_000_000_000L);
    }

    @Test
    void aRateMustBePositive() {
        assertThatThrownBy(() -> new ArrivalSchedule(0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ArrivalSchedule(0, -5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ArrivalSchedule(0, Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }
}
