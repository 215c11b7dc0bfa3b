package clinic.program.outcome;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Each scoring method against the worked examples and rules of its source, on the shipped instrument files: PSFS
 * "sum of the activity scores / number of activities" (Stratford et al. 1995); RMDQ the count of statements ticked
 * (Roland and Morris 1983) with Ostelo et al. 2008's 5 points or 30 %; STarT Back's overall score, distress subscale
 * and groups (Hill et al. 2008, Keele's scoring flowchart), at each boundary.
 */
class ScorerTest {

    static final InstrumentCatalog CATALOG = new InstrumentCatalog(new ObjectMapper(), Optional.empty());

    static Instrument instrument(String code) {
        return CATALOG.find(code).orElseThrow();
    }

    static Score score(String code, Map<String, MeasureResponse.Answer> answers) {
        Instrument i = instrument(code);
        return Scorer.of(i.scoring().method()).score(i, answers);
    }

    static MeasureResponse.Answer value(String item, int value) {
        return new MeasureResponse.Answer(item, value, null, false);
    }

    static MeasureResponse.Answer text(String item, String text) {
        return new MeasureResponse.Answer(item, null, text, false);
    }

    static MeasureResponse.Answer skip(String item) {
        return new MeasureResponse.Answer(item, null, null, true);
    }

    static Map<String, MeasureResponse.Answer> byItem(List<MeasureResponse.Answer> answers) {
        Map<String, MeasureResponse.Answer> map = new LinkedHashMap<>();
        answers.forEach(a -> map.put(a.item(), a));
        return map;
    }

    /** RMDQ answers with the given statements (1-based) ticked, the rest "no". */
    static List<MeasureResponse.Answer> rmdq(int... yes) {
        List<MeasureResponse.Answer> answers = new ArrayList<>();
        for (int n = 1; n <= 24; n++) {
            int v = 0;
            for (int y : yes) {
                v = y == n ? 1 : v;
            }
            answers.add(value("q" + n, v));
        }
        return answers;
    }

    /** STarT Back answers: items 1-8 agree (1) or disagree (0), item 9 its option value 0-4. */
    static Map<String, MeasureResponse.Answer> sbst(
            int q1, int q2, int q3, int q4, int q5, int q6, int q7, int q8, int bothersome) {
        int[] v = {q1, q2, q3, q4, q5, q6, q7, q8, bothersome};
        List<MeasureResponse.Answer> answers = new ArrayList<>();
        for (int n = 1; n <= 9; n++) {
            answers.add(value("q" + n, v[n - 1]));
        }
        return byItem(answers);
    }

    @Test
    void psfsIsTheSumOfTheActivityScoresOverTheNumberOfActivities() {
        Score three = score(
                "PSFS",
                byItem(List.of(
                        text("activity1", "Sitting 30 min"),
                        value("rating1", 3),
                        text("activity2", "Putting on socks"),
                        value("rating2", 5),
                        text("activity3", "Walking to the shop"),
                        value("rating3", 7))));
        assertThat(three.score()).isEqualByComparingTo("5.00");
        Score uneven = score(
                "PSFS",
                byItem(List.of(
                        text("activity1", "Sitting"),
                        value("rating1", 2),
                        text("activity2", "Lifting"),
                        value("rating2", 3),
                        text("activity3", "Driving"),
                        value("rating3", 3))));
        assertThat(uneven.score()).isEqualByComparingTo("2.67");
        assertThat(score("PSFS", byItem(List.of(text("activity1", "Running"), value("rating1", 10))))
                        .score())
                .isEqualByComparingTo("10");
    }

    @Test
    void psfsMicIsTwoPointsUpwards() {
        Instrument psfs = instrument("PSFS");
        assertThat(psfs.scoring().higherIsBetter()).isTrue();
        assertThat(Change.micReached(psfs, 3.0, 5.0)).isTrue();
        assertThat(Change.micReached(psfs, 3.0, 4.9)).isFalse();
        assertThat(Change.micReached(psfs, 5.0, 3.0)).isFalse();
    }

    @Test
    void rmdqIsTheCountOfStatementsThatDescribeThePatientToday() {
        assertThat(score("RMDQ", byItem(rmdq())).score()).isEqualByComparingTo("0");
        assertThat(score("RMDQ", byItem(rmdq(1, 2, 3, 13, 24))).score()).isEqualByComparingTo("5");
        int[] all = new int[24];
        for (int i = 0; i < 24; i++) {
            all[i] = i + 1;
        }
        assertThat(score("RMDQ", byItem(rmdq(all))).score()).isEqualByComparingTo("24");
        // As on paper, a statement not ticked (here: skipped) scores 0.
        List<MeasureResponse.Answer> skipped = new ArrayList<>(rmdq(1, 2, 3));
        skipped.set(3, skip("q4"));
        assertThat(score("RMDQ", byItem(skipped)).score()).isEqualByComparingTo("3");
    }

    @Test
    void rmdqMicIsFivePointsOrThirtyPercentOfTheBaselineDownwards() {
        Instrument rmdq = instrument("RMDQ");
        assertThat(rmdq.scoring().higherIsBetter()).isFalse();
        assertThat(rmdq.scoring().max()).isEqualTo(24.0);
        // A worked example: 12 at the start, 2 at the end, 10 points (83 %) better.
        assertThat(Change.micReached(rmdq, 12, 2)).isTrue();
        assertThat(Change.micReached(rmdq, 20, 15)).isTrue(); // 5 points, 25 %
        assertThat(Change.micReached(rmdq, 20, 16)).isFalse(); // 4 points, 20 %
        assertThat(Change.micReached(rmdq, 10, 7)).isTrue(); // 3 points, exactly 30 %
        assertThat(Change.micReached(rmdq, 10, 8)).isFalse(); // 2 points, 20 %
        assertThat(Change.micReached(rmdq, 5, 10)).isFalse(); // worse
        assertThat(Change.worseByMic(rmdq, 5, 10)).isTrue();
        assertThat(Change.worseByMic(rmdq, 5, 9)).isFalse();
        assertThat(Change.worseByMic(rmdq, 3, 4)).isFalse(); // 33 % of a low baseline is not a worsening
    }

    @Test
    void startBackGroupsAtEachBoundaryOfTheScoringFlowchart() {
        // Overall 3 (physical items only): low.
        assertGroup(sbst(1, 1, 1, 0, 0, 0, 0, 0, 0), 3, 0, "LOW");
        // Overall 3 even with a subscale of 3: still low.
        assertGroup(sbst(0, 0, 0, 0, 1, 1, 1, 0, 0), 3, 3, "LOW");
        // Overall 4, subscale 3: medium.
        assertGroup(sbst(1, 0, 0, 0, 1, 1, 1, 0, 0), 4, 3, "MEDIUM");
        // Overall 4, subscale 4: high.
        assertGroup(sbst(0, 0, 0, 0, 1, 1, 1, 1, 0), 4, 4, "HIGH");
        // Overall 7, subscale 3: medium (many physical items, little distress).
        assertGroup(sbst(1, 1, 1, 1, 1, 1, 0, 0, 4), 7, 3, "MEDIUM");
        // Everything: 9 and 5, high.
        assertGroup(sbst(1, 1, 1, 1, 1, 1, 1, 1, 4), 9, 5, "HIGH");
        assertGroup(sbst(0, 0, 0, 0, 0, 0, 0, 0, 0), 0, 0, "LOW");
    }

    @Test
    void onlyVeryMuchOrExtremelyBothersomeScoresAPoint() {
        for (int option = 0; option <= 4; option++) {
            Score s = score("SBST", sbst(0, 0, 0, 0, 0, 0, 0, 0, option));
            assertThat(s.score()).as("option %d", option).isEqualByComparingTo(option >= 3 ? "1" : "0");
            assertThat(s.subscore()).isEqualByComparingTo(option >= 3 ? "1" : "0");
        }
        Instrument sbst = instrument("SBST");
        assertThat(sbst.items().get(8).options())
                .extracting(Instrument.Option::text)
                .containsExactly("Not at all", "Slightly", "Moderately", "Very much", "Extremely");
    }

    @Test
    void eachGroupHasWhatItUsuallyMeansForThePlan() {
        assertThat(StartBackScorer.meaning("LOW")).contains("self-manage");
        assertThat(StartBackScorer.meaning("MEDIUM")).contains("physiotherapy");
        assertThat(StartBackScorer.meaning("HIGH")).contains("psychologically informed");
        assertThat(StartBackScorer.meaning(null)).isNull();
    }

    private static void assertGroup(Map<String, MeasureResponse.Answer> answers, int total, int sub, String group) {
        Score s = score("SBST", answers);
        assertThat(s.score()).isEqualByComparingTo(BigDecimal.valueOf(total));
        assertThat(s.subscore()).isEqualByComparingTo(BigDecimal.valueOf(sub));
        assertThat(s.riskGroup()).isEqualTo(group);
    }
}
