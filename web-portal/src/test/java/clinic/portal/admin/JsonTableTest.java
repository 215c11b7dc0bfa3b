package clinic.portal.admin;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JsonTableTest {

    @Test
    void columnHeadingsAreTheFieldNamesInWords() {
        assertThat(JsonTable.headingOf("weeksOnProgram")).isEqualTo("Weeks on program");
        assertThat(JsonTable.headingOf("last7DaysMean")).isEqualTo("Last 7 days mean");
        assertThat(JsonTable.headingOf("patientId")).isEqualTo("Patient ID");
        assertThat(JsonTable.headingOf("patient")).isEqualTo("Patient");
        assertThat(JsonTable.headingOf("physio")).isEqualTo("Physio");
        assertThat(JsonTable.headingOf("occurred_at")).isEqualTo("Occurred at");
        assertThat(JsonTable.headingOf("")).isEmpty();
    }
}
