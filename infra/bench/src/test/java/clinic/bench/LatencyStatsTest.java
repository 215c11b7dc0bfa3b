package clinic.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class LatencyStatsTest {

    @Test
    void percentilesOfOneToAThousandMillisecondsAreWhereTheyShouldBe() {
        LatencyStats stats = new LatencyStats();
        for (int ms = 1; ms <= 1000; ms++) {
            stats.recordNanos(TimeUnit.MILLISECONDS.toNanos(ms));
        }
        // Three significant digits: within 0.1 % of the exact value.
        assertThat(stats.percentileMillis(50)).isCloseTo(500, within(0.5));
        assertThat(stats.percentileMillis(99)).isCloseTo(990, within(1.0));
        assertThat(stats.maxMillis()).isCloseTo(1000, within(1.0));
        assertThat(stats.successes()).isEqualTo(1000);
    }

    @Test
    void aSingleSlowRequestShowsInTheP99OnlyWhenItIsMoreThanOnePercent() {
        LatencyStats few = new LatencyStats();
        LatencyStats many = new LatencyStats();
        for (int i = 0; i < 99; i++) {
            few.recordNanos(TimeUnit.MILLISECONDS.toNanos(2));
        }
        few.recordNanos(TimeUnit.MILLISECONDS.toNanos(800));
        for (int i = 0; i < 97; i++) {
            many.recordNanos(TimeUnit.MILLISECONDS.toNanos(2));
        }
        for (int i = 0; i < 3; i++) {
            many.recordNanos(TimeUnit.MILLISECONDS.toNanos(800));
        }
        assertThat(few.percentileMillis(99)).isCloseTo(2, within(0.01));
        assertThat(few.maxMillis()).isCloseTo(800, within(1.0));
        assertThat(many.percentileMillis(99)).isCloseTo(800, within(1.0));
    }

    @Test
    void subMillisecondLatenciesKeepMicrosecondResolution() {
        LatencyStats stats = new LatencyStats();
        stats.recordNanos(TimeUnit.MICROSECONDS.toNanos(250));
        assertThat(stats.percentileMillis(50)).isCloseTo(0.25, within(0.001));
    }

    @Test
    void latenciesAboveAMinuteAreClampedNotLost() {
        LatencyStats stats = new LatencyStats();
        stats.recordNanos(TimeUnit.MINUTES.toNanos(5));
        assertThat(stats.successes()).isEqualTo(1);
        assertThat(stats.maxMillis()).isCloseTo(60_000, within(60.0));
    }

    @Test
    void errorRateCountsErrorsOverAllRequestsAndGroupsKinds() {
        LatencyStats stats = new LatencyStats();
        for (int i = 0; i < 6; i++) {
            stats.recordNanos(1_000_000);
        }
        stats.recordError("HTTP 500");
        stats.recordError("HTTP 500");
        stats.recordError("timeout after 10 s");
        stats.recordError("HTTP 401");
        assertThat(stats.errors()).isEqualTo(4);
        assertThat(stats.errorRate()).isCloseTo(0.4, within(1e-9));
        assertThat(stats.errorKinds()).containsEntry("HTTP 500", 2L).containsEntry("HTTP 401", 1L);
    }

    @Test
    void emptyStatsSayNotANumberRatherThanZero() {
        LatencyStats stats = new LatencyStats();
        assertThat(stats.percentileMillis(99)).isNaN();
        assertThat(stats.maxMillis()).isNaN();
        assertThat(stats.errorRate()).isZero();
        assertThat(Results.millis(stats.percentileMillis(50))).isEqualTo("n/a");
    }
}
