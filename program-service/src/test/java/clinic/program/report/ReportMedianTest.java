package clinic.program.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class ReportMedianTest {

    private static TreeMap<BigDecimal, Long> counts(Object... valueThenCount) {
        TreeMap<BigDecimal, Long> counts = new TreeMap<>();
        for (int i = 0; i < valueThenCount.length; i += 2) {
            counts.put(new BigDecimal((String) valueThenCount[i]), ((Number) valueThenCount[i + 1]).longValue());
        }
        return counts;
    }

    @Test
    void theMiddleChangeOrTheMeanOfTheTwoMiddleOnes() {
        assertThat(ReportService.median(counts())).isNull();
        assertThat(ReportService.median(counts("1.0", 1))).isEqualByComparingTo("1.0");
        // -1.5, 2.0: an even count takes the mean of both, exactly.
        assertThat(ReportService.median(counts("-1.5", 1, "2.0", 1))).isEqualByComparingTo("0.25");
        // 0.0, 0.0, 3.0: the middle of three is the second.
        assertThat(ReportService.median(counts("0.0", 2, "3.0", 1))).isEqualByComparingTo("0.0");
        // -2.0, 1.0, 1.0, 1.0, 4.0, 4.0: ranks 3 and 4 are both 1.0.
        assertThat(ReportService.median(counts("-2.0", 1, "1.0", 3, "4.0", 2))).isEqualByComparingTo("1.0");
        // 1.0 x2, 2.5 x2: ranks 2 and 3 straddle the two values.
        assertThat(ReportService.median(counts("2.5", 2, "1.0", 2))).isEqualByComparingTo("1.75");
    }
}
