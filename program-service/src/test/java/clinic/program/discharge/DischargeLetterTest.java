package clinic.program.discharge;

import static org.assertj.core.api.Assertions.assertThat;

import clinic.program.outbound.PatientRecord;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The letter as HTML: every person's text escaped, the facts in words, and the empty parts said plainly. */
class DischargeLetterTest {

    private static final LocalDate DAY = LocalDate.of(2026, 12, 2);

    static DischargeSummary summary(String text, List<DischargeSummary.Measure> measures, DischargeSummary.Pain pain) {
        return new DischargeSummary(
                12,
                1,
                new DischargeSummary.ProtocolRef("sciatica-phased", "Sciatica <phased>"),
                "physio",
                DAY.minusDays(30),
                DAY,
                "physio",
                "OTHER",
                "Other (see summary)",
                text,
                List.of(
                        new DischargeSummary.Phase(1, "Calm it down", DAY.minusDays(30), DAY.minusDays(15)),
                        new DischargeSummary.Phase(2, "Build", DAY.minusDays(14), DAY)),
                new DischargeSummary.Adherence(71, 22, 31),
                pain,
                measures,
                null,
                List.of(new DischargeSummary.AlertItem("SEVERE_PAIN", "HIGH", DAY.minusDays(20), "ACKNOWLEDGED")),
                List.of(new DischargeSummary.HoldItem(DAY.minusDays(10), DAY.minusDays(8), List.of("SYSTEMIC"))),
                List.of(new DischargeSummary.ExerciseItem("glute-bridge", "Glute \"bridge\"", "2 sets of 10 reps")));
    }

    @Test
    void everyPersonsTextIsEscapedAndTheFactsAreInWords() {
        DischargeSummary.Measure psfs = new DischargeSummary.Measure(
                "PSFS",
                "Patient-Specific Functional Scale",
                true,
                new DischargeSummary.Score(3.0, DAY.minusDays(30)),
                new DischargeSummary.Score(6.5, DAY),
                3.5,
                2.0,
                "an increase of at least 2 points",
                true);
        String html = DischargeLetter.render(
                summary(
                        "Line one\n<img src=x onerror=alert(1)>",
                        List.of(psfs),
                        new DischargeSummary.Pain(6.5, 2.0, -4.5)),
                Optional.of(new PatientRecord(
                        1L, "C-1", "Zoë", "<Smith>", LocalDate.of(1970, 3, 4), "Dr A & B", null, null, null)),
                "North & South Physio",
                DAY);
        assertThat(html)
                .startsWith("<!DOCTYPE html>")
                .contains("<h1>North &amp; South Physio</h1>")
                .contains("2 Dec 2026")
                .contains("Zoë &lt;Smith&gt;")
                .contains("4 Mar 1970")
                .contains("(referral: Dr A &amp; B)")
                .contains("Sciatica &lt;phased&gt;")
                .contains("Line one\n&lt;img src=x onerror=alert(1)&gt;")
                .contains("1: Calm it down")
                .contains("71% (22 of 31 prescribed days")
                .contains("first week 6.5, last week 2 (change &minus;4.5)")
                .contains("+3.5")
                .contains("reached (an increase of at least 2 points)")
                .contains("<td>Severe pain</td><td>High</td>")
                .contains("On hold for a red flag from 22 Nov 2026 to 24 Nov 2026: Fever, weight loss or cancer history"
                        + " with new sciatica.")
                .contains("Glute &quot;bridge&quot;")
                .doesNotContain("<img")
                .doesNotContain("<Smith>")
                .doesNotContain("<script");
    }

    @Test
    void withoutThePatientRecordTheLetterNamesTheIdAndSaysWhy() {
        String html = DischargeLetter.render(
                summary(null, List.of(), new DischargeSummary.Pain(null, null, null)), Optional.empty(), "Clinic", DAY);
        assertThat(html)
                .contains("<dt>Patient id</dt><dd>1</dd>")
                .contains(DischargeLetter.esc(DischargeLetter.NO_RECORD))
                .contains("No summary was written.")
                .contains("no sessions were logged")
                .contains("No outcome questionnaire was completed.")
                .doesNotContain("Date of birth");
    }
}
