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

    @Test
    void aKnownReportFieldIsWordedByTheBundleAndItsEnglishIsTheFieldNameInWords() {
        // Outside a request the bundle is English: the same heading as before the field was known.
        Reports english = clinic.portal.i18n.Texts.bundle(Reports.class);
        for (String field : java.util.List.of(
                "physio",
                "activePrograms",
                "meanAdherence",
                "improvementRate",
                "programId",
                "patientId",
                "startedOn",
                "weeksOnProgram",
                "last7DaysMean",
                "painChange",
                "loggedDays",
                "prescribedDays")) {
            assertThat(JsonTable.headingOf(field, english)).as(field).isEqualTo(JsonTable.headingOf(field));
        }
        // A field the portal does not know yet still gets a heading.
        assertThat(JsonTable.headingOf("dischargedOn", english)).isEqualTo("Discharged on");
    }
}
