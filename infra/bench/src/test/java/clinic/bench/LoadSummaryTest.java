package clinic.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class LoadSummaryTest {

    @Test
    void summarisesTheOneMinuteLoadAverageOfAllSamples() {
        assertThat(BenchCommand.loadSummary(
                        List.of("14:08:53 10.66 11.95 13.54", "14:11:14 16.04 12.25 13.43", "14:12:06 3.20 12.66 1")))
                .startsWith("1-min load average 3.2 to 16.0 over 3 samples");
    }

    @Test
    void samplesWithoutNumbersAreSkipped() {
        assertThat(BenchCommand.loadSummary(List.of("14:08:53 ?"))).isEqualTo("not available");
        assertThat(BenchCommand.loadSummary(List.of("14:08:53 ?", "14:09:00 1.50 1 1")))
                .startsWith("1-min load average 1.5 to 1.5 over 1 samples");
    }
}
