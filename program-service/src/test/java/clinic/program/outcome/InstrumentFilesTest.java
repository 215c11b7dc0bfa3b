package clinic.program.outcome;

import static clinic.program.outcome.ScorerTest.byItem;
import static clinic.program.outcome.ScorerTest.instrument;
import static clinic.program.outcome.ScorerTest.skip;
import static clinic.program.outcome.ScorerTest.text;
import static clinic.program.outcome.ScorerTest.value;
import static org.assertj.core.api.Assertions.assertThat;

import clinic.kit.problem.Problem;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The shipped instrument files: wording and licences as documented, the clinic switch, and the answer check. */
class InstrumentFilesTest {

    @Test
    void theShippedInstrumentsHaveTheirPublishedShape() {
        Instrument rmdq = instrument("RMDQ");
        assertThat(rmdq.items()).hasSize(24);
        assertThat(rmdq.items().get(0).text()).isEqualTo("I stay at home most of the time because of my back.");
        assertThat(rmdq.items().get(23).text()).isEqualTo("I stay in bed most of the time because of my back.");
        assertThat(rmdq.mic().points()).isEqualTo(5.0);
        assertThat(rmdq.mic().percent()).isEqualTo(30.0);
        assertThat(rmdq.mic().source()).contains("Ostelo").contains("Patrick");
        Instrument sbst = instrument("SBST");
        assertThat(sbst.kind()).isEqualTo(Instrument.STRATIFICATION);
        assertThat(sbst.items()).hasSize(9);
        assertThat(sbst.items().get(0).text())
                .isEqualTo("My back pain has spread down my leg(s) at some time in the last 2 weeks");
        assertThat(sbst.licence().terms())
                .contains("The copyright (©2007) of the STarT Back Screening Tool")
                .contains("No license is required for non-commercial use");
        assertThat(instrument("PSFS").scoring().method()).isEqualTo(MeanOfRatingsScorer.METHOD);
        for (Instrument i : ScorerTest.CATALOG.all()) {
            assertThat(i.licence().holder()).as(i.code()).isNotBlank();
            assertThat(i.licence().source()).as(i.code()).isNotBlank();
            if (!i.enabledByDefault()) {
                assertThat(i.licence().permissionNeeded()).as(i.code()).isNotBlank();
            }
        }
    }

    @Test
    void byDefaultOnlyInstrumentsFreeForThisSoftwareAreOfferedAndAClinicMayChoose() {
        assertThat(ScorerTest.CATALOG.enabled()).extracting(Instrument::code).containsExactly("PSFS", "SBST");
        InstrumentCatalog chosen = new InstrumentCatalog(new ObjectMapper(), Optional.of(List.of("rmdq", " PSFS")));
        assertThat(chosen.enabled()).extracting(Instrument::code).containsExactly("PSFS", "RMDQ");
        assertThat(chosen.isEnabled("SBST")).isFalse();
    }

    @Test
    void everyRequiredAnswerIsGivenOrExplicitlySkippedAndWithinItsOptions() {
        Instrument rmdq = instrument("RMDQ");
        List<MeasureResponse.Answer> answers = new ArrayList<>(ScorerTest.rmdq(1));
        answers.remove(6);
        assertThat(AnswerCheck.check(rmdq, answers).violations())
                .containsExactly(new Problem.Violation("answers", "q7 needs an answer, or an explicit skip"));
        answers.add(value("q7", 2));
        assertThat(AnswerCheck.check(rmdq, answers).violations())
                .extracting(Problem.Violation::field)
                .containsExactly("answers[23].value");
        answers.set(23, value("q25", 1));
        assertThat(AnswerCheck.check(rmdq, answers).violations())
                .extracting(Problem.Violation::message)
                .contains("is not a question of RMDQ");
        answers.set(23, value("q1", 1));
        assertThat(AnswerCheck.check(rmdq, answers).violations())
                .extracting(Problem.Violation::message)
                .contains("q1 is answered twice");
    }

    @Test
    void tooManySkipsAreRefusedAndASkipCarriesNoAnswer() {
        Instrument rmdq = instrument("RMDQ");
        List<MeasureResponse.Answer> answers = new ArrayList<>(ScorerTest.rmdq());
        answers.set(0, skip("q1"));
        answers.set(1, skip("q2"));
        AnswerCheck.Checked two = AnswerCheck.check(rmdq, answers);
        assertThat(two.ok()).isTrue();
        assertThat(two.skipped()).isEqualTo(2);
        assertThat(two.answered()).isEqualTo(22);
        answers.set(2, skip("q3"));
        assertThat(AnswerCheck.check(rmdq, answers).violations())
                .extracting(Problem.Violation::message)
                .containsExactly("3 questions skipped; RMDQ can be scored with at most 2 skipped");
        answers.set(2, new MeasureResponse.Answer("q3", 1, null, true));
        assertThat(AnswerCheck.check(rmdq, answers).violations())
                .extracting(Problem.Violation::message)
                .containsExactly("a skipped question has no answer");
        // STarT Back needs every item for its group.
        List<MeasureResponse.Answer> sbst =
                new ArrayList<>(ScorerTest.sbst(0, 0, 0, 0, 0, 0, 0, 0, 0).values());
        sbst.set(8, skip("q9"));
        assertThat(AnswerCheck.check(instrument("SBST"), sbst).ok()).isFalse();
    }

    @Test
    void psfsActivitiesComeWithTheirRatingsWithinZeroToTen() {
        Instrument psfs = instrument("PSFS");
        assertThat(AnswerCheck.check(psfs, List.of(text("activity1", "Sitting"), value("rating1", 11)))
                        .violations())
                .containsExactly(new Problem.Violation("answers[1].value", "must be a whole number from 0 to 10"));
        assertThat(AnswerCheck.check(
                                psfs,
                                List.of(text("activity1", "Sitting"), value("rating1", 4), text("activity2", "Bend")))
                        .violations())
                .containsExactly(new Problem.Violation("answers", "activity2 needs its rating in rating2"));
        assertThat(AnswerCheck.check(
                                psfs, List.of(text("activity1", "Sitting"), value("rating1", 4), value("rating2", 4)))
                        .violations())
                .containsExactly(new Problem.Violation("answers", "rating2 rates an activity not named in activity2"));
        assertThat(AnswerCheck.check(psfs, List.of(skip("activity1"), skip("rating1")))
                        .ok())
                .isFalse();
        assertThat(AnswerCheck.check(psfs, List.of(text("activity1", "Sitting"), value("rating1", 4)))
                        .answers())
                .isEqualTo(byItem(List.of(text("activity1", "Sitting"), value("rating1", 4))));
    }
}
