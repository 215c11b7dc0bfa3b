package clinic.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PatientGuidanceTest {

    @Test
    void thePainRulesNameAllFiveRedFlags() {
        String last = PatientGuidance.PAIN_RULES.get(PatientGuidance.PAIN_RULES.size() - 1);
        for (RedFlag f : RedFlag.values()) {
            assertThat(last).containsIgnoringCase(f.label());
        }
    }

    @Test
    void afterALogThePatientReadsWhatToDoInPlainWords() {
        var advice = PatientGuidance.afterLog(
                new PatientGuidance.Logged(false, List.of("Glute bridge"), false, true, false, false));
        assertThat(advice).hasSize(2);
        assertThat(advice.get(0)).contains("Glute bridge").contains("Leave that exercise out");
        assertThat(String.join(" ", advice))
                .doesNotContain("Contact them")
                .doesNotContain("alert")
                .doesNotContain("Suggestion");
    }

    @Test
    void everythingAggravatingSendsThePatientToTheirPhysioOrDoctor() {
        var advice = PatientGuidance.afterLog(new PatientGuidance.Logged(false, List.of(), true, false, false, true));
        assertThat(advice)
                .singleElement()
                .asString()
                .contains("walking and pelvic tilts")
                .contains("physio or doctor");
    }

    @Test
    void aQuietSessionGetsAThankYou() {
        assertThat(PatientGuidance.afterLog(new PatientGuidance.Logged(false, List.of(), false, false, false, false)))
                .singleElement()
                .asString()
                .startsWith("Thank you");
    }
}
