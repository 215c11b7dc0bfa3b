package clinic.portal.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class TimeExtensionsTest {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    @Test
    void instantIsShownInTheClinicsZone() {
        assertThat(TimeExtensions.format("2026-07-01T09:05:00Z", LONDON)).isEqualTo("1 Jul 2026, 10:05");
        assertThat(TimeExtensions.format("2026-11-26T09:05:30.123456Z", LONDON)).isEqualTo("26 Nov 2026, 09:05");
    }

    @Test
    void offsetDateTimeIsConvertedToTheClinicsZone() {
        assertThat(TimeExtensions.format("2026-11-26T10:05:00+01:00", LONDON)).isEqualTo("26 Nov 2026, 09:05");
    }

    @Test
    void localDateTimeAndDateAreShownAsWritten() {
        assertThat(TimeExtensions.format("2026-11-26T09:00:00", LONDON)).isEqualTo("26 Nov 2026, 09:00");
        assertThat(TimeExtensions.format("2026-11-03", LONDON)).isEqualTo("3 Nov 2026");
    }

    @Test
    void tableCellsShowDatesAndTimesWithSecondsAndLeaveOtherTextAlone() {
        assertThat(TimeExtensions.cell("2026-11-26T18:04:11.035921Z", LONDON)).isEqualTo("26 Nov 2026, 18:04:11");
        assertThat(TimeExtensions.cell("2026-07-01T09:05:00Z", LONDON)).isEqualTo("1 Jul 2026, 10:05:00");
        assertThat(TimeExtensions.cell("2026-11-26T09:00:07", LONDON)).isEqualTo("26 Nov 2026, 09:00:07");
        assertThat(TimeExtensions.cell("2025-11-28", LONDON)).isEqualTo("28 Nov 2025");
        assertThat(TimeExtensions.cell("4709", LONDON)).isEqualTo("4709");
        assertThat(TimeExtensions.cell("20:3", LONDON)).isEqualTo("20:3");
        assertThat(TimeExtensions.cell("2026-11-26 and more", LONDON)).isEqualTo("2026-11-26 and more");
        assertThat(TimeExtensions.cell("2026-02-30", LONDON)).isEqualTo("2026-02-30");
        assertThat(TimeExtensions.cell(null, LONDON)).isEmpty();
    }

    @Test
    void missingOrUnreadableValuesNeverBreakThePage() {
        assertThat(TimeExtensions.format(null, LONDON)).isEmpty();
        assertThat(TimeExtensions.format("yesterday", LONDON)).isEqualTo("yesterday");
        assertThat(TimeExtensions.format("2026-02-30", LONDON)).isEqualTo("2026-02-30");
    }

    @Test
    void aSpanishPageNamesTheMonthInSpanish() {
        assertThat(TimeExtensions.format("2026-12-02", LONDON, "es")).isEqualTo("2 dic 2026");
        assertThat(TimeExtensions.format("2026-01-15T09:05:00Z", LONDON, "es")).isEqualTo("15 ene 2026, 09:05");
        assertThat(TimeExtensions.format("2026-09-03T09:05:00", LONDON, "es")).isEqualTo("3 sept 2026, 09:05");
        assertThat(TimeExtensions.cell("2026-08-01T18:04:11Z", LONDON, "es")).isEqualTo("1 ago 2026, 19:04:11");
        // English stays as it was, whatever else is asked for
        assertThat(TimeExtensions.format("2026-12-02", LONDON, "fr")).isEqualTo("2 Dec 2026");
        assertThat(TimeExtensions.format("yesterday", LONDON, "es")).isEqualTo("yesterday");
    }
}
