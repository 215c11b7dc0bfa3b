package clinic.portal.common;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class MeasureWordsTest {

    @Test
    void aChangeIsBetterOrWorseByTheInstrumentsDirection() throws Exception {
        // A disability index (lower is better): a fall is an improvement.
        assertThat(MeasureWords.change(-6.0, false)).isEqualTo("6 points better (−6)");
        assertThat(MeasureWords.change(2.0, false)).isEqualTo("2 points worse (+2)");
        // A function scale (higher is better).
        assertThat(MeasureWords.change(2.5, true)).isEqualTo("2.5 points better (+2.5)");
        assertThat(MeasureWords.change(-1.0, true)).isEqualTo("1 point worse (−1)");
        assertThat(MeasureWords.change(0.0, true)).isEqualTo("no change");
        // Direction unknown: no guess.
        assertThat(MeasureWords.change(-10.0, null)).isEqualTo("−10 points");
        assertThat(MeasureWords.change(null, true)).isEqualTo("no earlier score to compare with");
    }

    @Test
    void theMinimalImportantChangeReadsFromANumberOrTheInstrumentsRule() throws Exception {
        ObjectMapper json = new ObjectMapper();
        assertThat(MeasureWords.micLine(json.readTree("5"), true)).isEqualTo("5 points: reached");
        assertThat(MeasureWords.micLine(
                        json.readTree("{\"points\":2.0,\"rule\":\"an increase of at least 2 points\"}"), false))
                .isEqualTo("an increase of at least 2 points: not reached");
        assertThat(MeasureWords.micLine(null, null)).isEqualTo("–");
        assertThat(MeasureWords.micHint(json.readTree("{\"percent\":30}"))).isEqualTo(" (at least 30%)");
        assertThat(MeasureWords.mic(null)).isEqualTo("–");
        assertThat(MeasureWords.micForPatient(null)).isEmpty();
    }

    @Test
    void timePointsReasonsAndRiskGroupsInWords() {
        assertThat(MeasureWords.timepoint("BASELINE")).isEqualTo("Start of the program");
        assertThat(MeasureWords.timepoint("WEEK_8")).isEqualTo("Week 8");
        assertThat(MeasureWords.timepoint("DISCHARGE")).isEqualTo("End of the program");
        assertThat(MeasureWords.reasons())
                .containsExactly(
                        "GOALS_MET", "SELF_MANAGING", "REFERRED_ON", "PATIENT_CHOICE", "DID_NOT_ENGAGE", "OTHER");
        assertThat(MeasureWords.reason("NEW_REASON")).isEqualTo("new reason");
        assertThat(MeasureWords.risk("HIGH")).isEqualTo("High risk");
        assertThat(MeasureWords.status("AT_DISCHARGE")).isEqualTo("At discharge");
        assertThat(MeasureWords.score(6.0)).isEqualTo("6");
        assertThat(MeasureWords.score(6.25)).isEqualTo("6.3");
    }
}
