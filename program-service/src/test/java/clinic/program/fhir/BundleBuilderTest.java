package clinic.program.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import clinic.program.library.Dosage;
import clinic.program.outbound.PatientRecord;
import clinic.program.outcome.Instrument;
import clinic.program.outcome.MeasureResponse;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Questionnaire;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The builder alone (no request, no database): a questionnaire of pick-one items (as RMDQ and STarT Back are) becomes
 * a {@code choice} Questionnaire whose response carries the chosen option as a Coding with its published wording, a
 * subscore and a risk group go on the score Observation, and the bundle validates as {@link FhirExportTest}'s do. A
 * {@code @QuarkusTest} only so that HAPI and its XML reader load in the same class loader as in {@link FhirExportTest}
 * (as a plain test after it in one JVM, the validator's XML reading fails with a loader constraint on QName).
 */
@QuarkusTest
class BundleBuilderTest {

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

    @BeforeAll
    static void validator() {
        FhirExportTest.validator();
    }

    private static final Instrument SCREEN = new Instrument(
            "SCREEN",
            "A two-item screen",
            "1",
            Instrument.STRATIFICATION,
            "For the test.",
            "Tick one answer per question.",
            List.of(
                    new Instrument.Item(
                            "q1",
                            "I have been bothered by back pain",
                            "CHOICE",
                            List.of(new Instrument.Option(0, "Disagree"), new Instrument.Option(1, "Agree")),
                            null,
                            null,
                            null,
                            null,
                            true),
                    new Instrument.Item(
                            "q2",
                            "How bothersome overall?",
                            "CHOICE",
                            List.of(
                                    new Instrument.Option(0, "Not at all"),
                                    new Instrument.Option(1, "Slightly"),
                                    new Instrument.Option(2, "Extremely")),
                            null,
                            null,
                            null,
                            null,
                            true),
                    new Instrument.Item("q3", "How able today?", "RATING", List.of(), 0, 10, "Unable", "Able", true)),
            new Instrument.Scoring("SBST", 0, 3, false, "points", 1, "Sum."),
            null,
            new Instrument.Licence("Holder", "Free to use.", null, "Source"),
            true);

    @Test
    void choiceItemsBecomeCodingsWithTheirWordsAndTheScoreKeepsItsSubscoreAndRiskGroup() throws Exception {
        String answers = JSON.writeValueAsString(List.of(
                new MeasureResponse.Answer("q1", 1, null, false),
                new MeasureResponse.Answer("q2", 2, null, false),
                new MeasureResponse.Answer("q3", null, null, true)));
        Episode episode = new Episode(
                7L,
                42L,
                "ACTIVE",
                "physio",
                2,
                LocalDate.of(2026, 11, 2),
                LocalDateTime.of(2026, 11, 2, 9, 30),
                null,
                null,
                null,
                null,
                new Episode.ProtocolVersion(
                        3L,
                        "knee-oa",
                        "Knee osteoarthritis",
                        "A protocol.",
                        2,
                        false,
                        List.of(new Episode.Phase(
                                1,
                                "Settle",
                                "Calm the knee",
                                "Pain at most 4",
                                List.of(new Episode.PhaseExercise(
                                        "quad-set", "Quad set", new Dosage(2, 10, 5, null, 2, false)))))),
                List.of(new Episode.Prescribed(
                        "walk", "Walk", 1, "aerobic", new Dosage(null, null, null, 20, 1, false), null, false)),
                List.of(),
                List.of(new Episode.Measure(
                        1L,
                        "SCREEN",
                        "1",
                        MeasureResponse.BASELINE,
                        LocalDate.of(2026, 11, 2),
                        MeasureResponse.BY_PATIENT,
                        "pat",
                        answers,
                        new BigDecimal("3"),
                        new BigDecimal("1"),
                        "HIGH")),
                List.of());
        PatientRecord patient = new PatientRecord(
                42L, "C-42", "Alex", "Tester", LocalDate.of(1980, 4, 2), null, "UNDISCLOSED", "ACTIVE", "physio");

        Bundle built = new BundleBuilder(
                        "https://clinic.test/fhir",
                        code -> Optional.of(SCREEN).filter(i -> i.code().equals(code)),
                        JSON)
                .build(episode, patient, Instant.parse("2026-12-02T10:00:00Z"));
        Bundle bundle =
                FhirExportTest.valid(FhirContext.forR4Cached().newJsonParser().encodeResourceToString(built));

        Questionnaire questionnaire =
                FhirExportTest.all(bundle, Questionnaire.class).get(0);
        assertThat(questionnaire.getItem().get(0).getType()).isEqualTo(Questionnaire.QuestionnaireItemType.CHOICE);
        assertThat(questionnaire.getItem().get(0).getAnswerOption())
                .extracting(o -> o.getValueCoding().getDisplay())
                .containsExactly("Disagree", "Agree");
        assertThat(questionnaire.getItem().get(2).getType()).isEqualTo(Questionnaire.QuestionnaireItemType.INTEGER);

        QuestionnaireResponse response =
                FhirExportTest.all(bundle, QuestionnaireResponse.class).get(0);
        Coding q2 = response.getItem().get(1).getAnswerFirstRep().getValueCoding();
        assertThat(q2.getCode()).isEqualTo("2");
        assertThat(q2.getDisplay()).isEqualTo("Extremely");
        assertThat(response.getItem().get(2).hasAnswer()).as("skipped").isFalse();

        Observation score = FhirExportTest.all(bundle, Observation.class).get(0);
        assertThat(score.getValueQuantity().getValue()).isEqualByComparingTo("3");
        assertThat(score.getComponentFirstRep().getValueQuantity().getValue()).isEqualByComparingTo("1");
        assertThat(score.getInterpretationFirstRep().getCodingFirstRep().getCode())
                .isEqualTo("HIGH");

        CarePlan carePlan = FhirExportTest.all(bundle, CarePlan.class).get(0);
        assertThat(carePlan.getStatus()).isEqualTo(CarePlan.CarePlanStatus.ACTIVE);
        assertThat(carePlan.hasPeriod() && carePlan.getPeriod().hasEnd()).isFalse();
        CarePlan.CarePlanActivityDetailComponent walk =
                carePlan.getActivityFirstRep().getDetail();
        assertThat(walk.getScheduledTiming().getRepeat().getDuration().intValue())
                .isEqualTo(20);
        assertThat(walk.hasQuantity()).isFalse();
        assertThat(walk.getDescription()).isEqualTo("Walk: 20 min, 1 time a day");
    }

    @Test
    void namesAndStatuses() {
        assertThat(BundleBuilder.computableName("sciatica-phased")).isEqualTo("SciaticaPhased");
        assertThat(BundleBuilder.computableName("3-step")).isEqualTo("X3Step");
        assertThat(BundleBuilder.status("ACTIVE")).isEqualTo(CarePlan.CarePlanStatus.ACTIVE);
        assertThat(BundleBuilder.status("ON_HOLD")).isEqualTo(CarePlan.CarePlanStatus.ONHOLD);
        assertThat(BundleBuilder.status("DISCHARGED")).isEqualTo(CarePlan.CarePlanStatus.COMPLETED);
    }
}
