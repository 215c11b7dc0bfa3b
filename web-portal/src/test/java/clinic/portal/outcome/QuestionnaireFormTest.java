package clinic.portal.outcome;

import static org.assertj.core.api.Assertions.assertThat;

import clinic.portal.outbound.ProblemBody.Violation;
import clinic.portal.outbound.ProgramApi.Instrument;
import clinic.portal.outbound.ProgramApi.InstrumentItem;
import clinic.portal.outbound.ProgramApi.InstrumentOption;
import clinic.portal.outbound.ProgramApi.MeasureAnswer;
import jakarta.ws.rs.core.MultivaluedHashMap;
import java.util.List;
import org.junit.jupiter.api.Test;

class QuestionnaireFormTest {

    static final Instrument PSFS_LIKE = new Instrument(
            "PSFS",
            "PSFS",
            "1995",
            "OUTCOME",
            null,
            null,
            List.of(
                    new InstrumentItem("activity1", "Activity 1", "TEXT", List.of(), null, null, null, null, true),
                    new InstrumentItem("rating1", "Rating 1", "RATING", List.of(), 0, 10, null, null, true),
                    new InstrumentItem("activity2", "Activity 2", "TEXT", List.of(), null, null, null, null, false),
                    new InstrumentItem(
                            "mood",
                            "Mood",
                            "CHOICE",
                            List.of(new InstrumentOption(1, "Yes"), new InstrumentOption(0, "No")),
                            null,
                            null,
                            null,
                            null,
                            true)),
            null,
            null,
            null,
            true,
            true);

    private static QuestionnaireForm form(String... pairs) {
        MultivaluedHashMap<String, String> in = new MultivaluedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            in.add(pairs[i], pairs[i + 1]);
        }
        return QuestionnaireForm.parse(in, PSFS_LIKE);
    }

    @Test
    void everyRequiredQuestionMustBeAnsweredOrSkippedOptionalOnesMayBeLeft() {
        assertThat(form().check(PSFS_LIKE))
                .extracting(Violation::field)
                .containsExactly("activity1", "rating1", "mood");
        assertThat(form("skip", "activity1", "a.rating1", "skip", "a.mood", "0").check(PSFS_LIKE))
                .isEmpty();
    }

    @Test
    void onlyTheOfferedAnswersAreAccepted() {
        assertThat(form("a.activity1", "Walk", "a.rating1", "11", "a.mood", "2").check(PSFS_LIKE))
                .extracting(Violation::field)
                .containsExactly("rating1", "mood");
        assertThat(form("a.activity1", "x".repeat(201), "a.rating1", "3", "a.mood", "1")
                        .check(PSFS_LIKE))
                .extracting(Violation::field)
                .containsExactly("activity1");
    }

    @Test
    void theAnswersSentAreValuesTextsAndExplicitSkipsOnly() {
        QuestionnaireForm f = form("a.activity1", " Walk 1 km ", "a.rating1", "7", "a.activity2", "", "a.mood", "skip");
        assertThat(f.toMeasure(PSFS_LIKE).answers())
                .containsExactly(
                        new MeasureAnswer("activity1", null, "Walk 1 km", null),
                        new MeasureAnswer("rating1", 7, null, null),
                        new MeasureAnswer("mood", null, null, true));
        assertThat(f.value("activity1")).isEqualTo(" Walk 1 km ");
        assertThat(f.chosen("rating1", "7")).isTrue();
        assertThat(f.isSkipped("mood")).isTrue();
        assertThat(f.value("mood")).isEmpty();
    }

    @Test
    void theServicesMessagesLandAtTheirQuestionsOrInTheSummary() {
        QuestionnaireForm f = form().withErrors(List.of(
                new Violation("answers.rating1", "out of range"),
                new Violation("mood[0]", "required"),
                new Violation("timepoint", "not open")));
        assertThat(f.error("rating1")).isEqualTo("out of range");
        assertThat(f.error("mood")).isEqualTo("required");
        assertThat(f.error("activity1")).isNull();
        assertThat(f.otherErrors(PSFS_LIKE)).extracting(Violation::field).containsExactly("timepoint");
    }
}
