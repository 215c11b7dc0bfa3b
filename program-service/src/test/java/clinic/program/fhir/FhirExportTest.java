package clinic.program.fhir;

import static clinic.program.testing.Fixtures.TOKENS;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.IValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import ca.uhn.fhir.validation.ValidationResult;
import clinic.program.audit.AuditRepository;
import clinic.program.outcome.MeasureResponse;
import clinic.program.testing.FakePatientService;
import clinic.program.testing.Fixtures;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.SnapshotGeneratingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.UnknownCodeSystemWarningValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.Flag;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.PlanDefinition;
import org.hl7.fhir.r4.model.Questionnaire;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * {@code GET /api/programs/{id}/fhir}: the episode as a FHIR R4 Bundle, checked with HAPI's validator against the R4
 * structure definitions (no ERROR or FATAL message), its content against what was prescribed, logged and answered,
 * and who may have it.
 */
@QuarkusTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FhirExportTest {

    private static final String NOT_IN_CARE_TEAM = "https://clinic.example/problems/not-in-care-team";

    /** The validator's own context and chain: made once for the class (the R4 definitions take seconds to load). */
    private static FhirContext fhir;

    private static FhirValidator validator;

    private static BundleQuestionnaires bundleDefinitions;

    @Inject
    EntityManager em;

    @Inject
    AuditRepository audit;

    @Inject
    FhirContextHolder holder;

    @BeforeAll
    static void validator() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
        fhir = FhirContext.forR4();
        // The bundle's own Questionnaires are added here before each validation, so every QuestionnaireResponse is
        // checked against its Questionnaire (link ids, answer types).
        bundleDefinitions = new BundleQuestionnaires(fhir);
        UnknownCodeSystemWarningValidationSupport unknownCodeSystems =
                new UnknownCodeSystemWarningValidationSupport(fhir);
        ValidationSupportChain chain = new ValidationSupportChain(
                bundleDefinitions,
                new ca.uhn.fhir.context.support.DefaultProfileValidationSupport(fhir),
                new SnapshotGeneratingValidationSupport(fhir),
                new InMemoryTerminologyServerValidationSupport(fhir),
                new CommonCodeSystemsTerminologyService(fhir),
                unknownCodeSystems);
        validator = fhir.newValidator();
        validator.registerValidatorModule(new FhirInstanceValidator(chain));
    }

    @Test
    @Order(1)
    void theFhirContextIsMadeOnTheFirstExportNotAtStart() {
        assertThat(holder.isCreated()).as("no FhirContext before any export").isFalse();
        Fixtures.Assigned a = Fixtures.assignPhase(1);
        export(a.programId(), TOKENS.physio("physio"));
        assertThat(holder.isCreated()).isTrue();
    }

    @Test
    void aHeldThenDischargedProgramIsOneValidBundleOfWhatHappened() {
        Fixtures.Assigned a = Fixtures.assignPhase(1);
        List<Map<String, Object>> prescribed = given().auth()
                .oauth2(TOKENS.physio("physio"))
                .get("/api/programs/{id}", a.programId())
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("exercises");
        Fixtures.logSession(a, 4, 3, List.of(Map.of("exercise", "pelvic-tilt", "completed", true)));
        Fixtures.logSession(a, 5, 2, List.of(Map.of("exercise", "pelvic-tilt", "completed", true)));
        // A red flag in the third log: the program goes on hold and an urgent alert is raised.
        Map<String, Object> redFlag = new HashMap<>();
        redFlag.put("date", LocalDate.now().toString());
        redFlag.put("painBefore", 6);
        redFlag.put("painAfter", 6);
        redFlag.put("exercises", List.of(Map.of("exercise", "pelvic-tilt", "completed", true)));
        redFlag.put("redFlagSymptoms", List.of("SADDLE_NUMBNESS"));
        given().auth()
                .oauth2(a.patientToken())
                .contentType(ContentType.JSON)
                .body(redFlag)
                .post("/api/programs/{id}/sessions", a.programId())
                .then()
                .statusCode(201);
        measure(
                a,
                "PSFS",
                "1995",
                MeasureResponse.BASELINE,
                LocalDate.now(),
                MeasureResponse.BY_PATIENT,
                "pat",
                "3.50",
                List.of(
                        new MeasureResponse.Answer("activity1", null, "Sitting 30 min", false),
                        new MeasureResponse.Answer("rating1", 3, null, false),
                        new MeasureResponse.Answer("activity2", null, "Putting on socks", false),
                        new MeasureResponse.Answer("rating2", 4, null, false)));
        measure(
                a,
                "PSFS",
                "1995",
                MeasureResponse.week(4),
                LocalDate.now(),
                MeasureResponse.BY_PHYSIO,
                "physio",
                "6.00",
                List.of(
                        new MeasureResponse.Answer("activity1", null, "Sitting 30 min", false),
                        new MeasureResponse.Answer("rating1", 6, null, false),
                        new MeasureResponse.Answer("activity2", null, null, true),
                        new MeasureResponse.Answer("rating2", null, null, true)));
        // An instrument the catalogue does not (or no longer) know still exports, with the items its answers name.
        measure(
                a,
                "OLDSCALE",
                "2",
                MeasureResponse.BASELINE,
                LocalDate.now(),
                MeasureResponse.BY_PATIENT,
                "pat",
                "7.00",
                List.of(
                        new MeasureResponse.Answer("q1", 1, null, false),
                        new MeasureResponse.Answer("q2", 6, null, false),
                        new MeasureResponse.Answer("q3", null, null, true)));

        // On hold: CarePlan on-hold, a Flag for the hold's red flag and one for the urgent alert.
        Bundle held = valid(export(a.programId(), TOKENS.physio("physio")));
        assertThat(one(held, CarePlan.class).getStatus()).isEqualTo(CarePlan.CarePlanStatus.ONHOLD);
        List<Flag> flags = all(held, Flag.class);
        assertThat(flags).hasSize(2).allSatisfy(f -> assertThat(f.getStatus()).isEqualTo(Flag.FlagStatus.ACTIVE));
        assertThat(flags)
                .extracting(f -> f.getCode().getCodingFirstRep().getCode())
                .containsExactlyInAnyOrder("SADDLE_NUMBNESS", "RED_FLAG");

        discharge(a.programId());
        Bundle bundle = valid(export(a.programId(), TOKENS.physio("physio")));
        assertThat(bundle.getType()).isEqualTo(Bundle.BundleType.COLLECTION);

        // Every full URL is a urn:uuid, and every reference points at an entry of the bundle.
        List<String> fullUrls = bundle.getEntry().stream()
                .map(Bundle.BundleEntryComponent::getFullUrl)
                .toList();
        assertThat(fullUrls)
                .allSatisfy(u -> assertThat(u).startsWith("urn:uuid:"))
                .doesNotHaveDuplicates();

        Patient patient = one(bundle, Patient.class);
        assertThat(patient.getIdentifierFirstRep().getValue()).isEqualTo("C-" + a.patientId());
        assertThat(patient.getIdentifierFirstRep().getSystem()).endsWith("/sid/clinic-number");
        assertThat(patient.getNameFirstRep().getFamily()).isEqualTo("Tester" + a.patientId());
        assertThat(patient.getBirthDateElement().getValueAsString()).isEqualTo("1980-04-02");
        String patientUrl = urlOf(bundle, patient);

        CarePlan carePlan = one(bundle, CarePlan.class);
        assertThat(carePlan.getStatus()).isEqualTo(CarePlan.CarePlanStatus.COMPLETED);
        assertThat(carePlan.getSubject().getReference()).isEqualTo(patientUrl);
        assertThat(carePlan.getPeriod().getStartElement().getValueAsString())
                .isEqualTo(LocalDate.now().toString());
        assertThat(carePlan.getPeriod().getEndElement().getValueAsString())
                .isEqualTo(LocalDate.now().toString());
        // The activities are the prescription: same exercises, same order, the dosage in words and in the timing.
        assertThat(carePlan.getActivity()).hasSize(prescribed.size());
        int withReps = 0;
        for (int i = 0; i < prescribed.size(); i++) {
            Map<String, Object> exercise = prescribed.get(i);
            CarePlan.CarePlanActivityDetailComponent detail =
                    carePlan.getActivity().get(i).getDetail();
            assertThat(detail.getCode().getCodingFirstRep().getCode()).isEqualTo(exercise.get("exercise"));
            assertThat(detail.getDescription()).startsWith((String) exercise.get("name"));
            assertThat(detail.getStatus()).isEqualTo(CarePlan.CarePlanActivityStatus.COMPLETED);
            if (exercise.get("reps") != null) {
                withReps++;
                assertThat(detail.getQuantity().getValue().intValue()).isEqualTo(exercise.get("reps"));
                assertThat(detail.getDescription()).contains(exercise.get("reps") + " reps");
            } else {
                assertThat(detail.hasQuantity()).isFalse();
            }
            Object timesPerDay = exercise.get("timesPerDay");
            assertThat(detail.getScheduledTiming().getRepeat().getFrequency())
                    .isEqualTo(timesPerDay == null ? 1 : timesPerDay);
            if (exercise.get("minutes") != null) {
                assertThat(detail.getScheduledTiming().getRepeat().getDuration().intValue())
                        .isEqualTo(exercise.get("minutes"));
            }
        }
        assertThat(withReps).as("the prescription has exercises dosed in reps").isPositive();

        PlanDefinition plan = one(bundle, PlanDefinition.class);
        assertThat(plan.getUrl()).endsWith("/PlanDefinition/sciatica-phased");
        assertThat(carePlan.getInstantiatesCanonical().get(0).getValue()).startsWith(plan.getUrl() + "|");
        assertThat(plan.getAction()).isNotEmpty();
        assertThat(plan.getAction().get(0).getPrefix()).isEqualTo("Phase 1");

        // Pain: two Observations (before, after) per log, LOINC 72514-3, on the session's date; plus one score per
        // questionnaire.
        List<Observation> pain = all(bundle, Observation.class).stream()
                .filter(o -> o.getCode().getCoding().stream().anyMatch(c -> "72514-3".equals(c.getCode())))
                .toList();
        assertThat(pain).hasSize(6);
        assertThat(pain).extracting(o -> o.getValueIntegerType().getValue()).containsExactly(4, 3, 5, 2, 6, 6);
        assertThat(pain).allSatisfy(o -> {
            assertThat(o.getSubject().getReference()).isEqualTo(patientUrl);
            assertThat(o.getEffectiveDateTimeType().getValueAsString())
                    .isEqualTo(LocalDate.now().toString());
        });
        assertThat(all(bundle, Observation.class)).hasSize(6 + 3);

        // One Questionnaire per instrument used, one response per completed questionnaire, answers as given.
        List<Questionnaire> questionnaires = all(bundle, Questionnaire.class);
        assertThat(questionnaires).extracting(Questionnaire::getName).containsExactly("PSFS", "OLDSCALE");
        List<QuestionnaireResponse> responses = all(bundle, QuestionnaireResponse.class);
        assertThat(responses).hasSize(3);
        QuestionnaireResponse baseline = responses.get(0);
        assertThat(baseline.getQuestionnaire()).isEqualTo(questionnaires.get(0).getUrl() + "|1995");
        assertThat(baseline.getAuthor().getReference()).isEqualTo(patientUrl);
        assertThat(answers(baseline))
                .containsExactly(
                        Map.entry("activity1", "Sitting 30 min"),
                        Map.entry("rating1", "3"),
                        Map.entry("activity2", "Putting on socks"),
                        Map.entry("rating2", "4"));
        QuestionnaireResponse week4 = responses.get(1);
        assertThat(week4.getAuthor().getIdentifier().getValue()).isEqualTo("physio");
        // Skipped items are there without an answer.
        assertThat(answers(week4))
                .containsExactly(
                        Map.entry("activity1", "Sitting 30 min"),
                        Map.entry("rating1", "6"),
                        Map.entry("activity2", ""),
                        Map.entry("rating2", ""));
        Observation baselineScore = all(bundle, Observation.class).stream()
                .filter(o -> o.getDerivedFrom().stream()
                        .anyMatch(r -> r.getReference().equals(urlOf(bundle, baseline))))
                .findFirst()
                .orElseThrow();
        assertThat(baselineScore.getValueQuantity().getValue()).isEqualByComparingTo("3.50");

        // Discharged: the hold's flag is gone with the hold; the urgent alert stays, still open.
        assertThat(all(bundle, Flag.class)).singleElement().satisfies(f -> assertThat(
                        f.getCode().getCodingFirstRep().getCode())
                .isEqualTo("RED_FLAG"));

        assertThat(audit.count(
                        "programId = ?1 and action = 'PROGRAM_FHIR_EXPORTED' and actor = 'physio' and outcome = 'ALLOWED'",
                        a.programId()))
                .isEqualTo(2);
    }

    @Test
    void anAdminMayExportAndIsAudited() {
        Fixtures.Assigned a = Fixtures.assignPhase(1);
        valid(export(a.programId(), TOKENS.admin("admin")));
        assertThat(audit.count(
                        "programId = ?1 and action = 'PROGRAM_FHIR_EXPORTED' and actor = 'admin' and outcome = 'ALLOWED'",
                        a.programId()))
                .isEqualTo(1);
    }

    @Test
    void onlyTheCareTeamAndAdminsGetTheBundle() {
        Fixtures.Assigned a = Fixtures.assignPhase(1);
        given().when().get("/api/programs/{id}/fhir", a.programId()).then().statusCode(401);
        given().auth()
                .oauth2(a.patientToken())
                .get("/api/programs/{id}/fhir", a.programId())
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(TOKENS.physio("physio2"))
                .get("/api/programs/{id}/fhir", a.programId())
                .then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("type", equalTo(NOT_IN_CARE_TEAM));
        given().auth()
                .oauth2(TOKENS.physio("physio"))
                .get("/api/programs/{id}/fhir", 999_999_999L)
                .then()
                .statusCode(404);
        assertThat(audit.count(
                        "programId = ?1 and action = 'PROGRAM_FHIR_EXPORTED' and outcome = 'ALLOWED'", a.programId()))
                .isZero();
    }

    @Test
    void withoutThePatientsRecordThereIsNoBundleButA503() {
        Fixtures.Assigned a = Fixtures.assignPhase(1);
        FakePatientService.recordDown(a.patientId(), true);
        try {
            given().auth()
                    .oauth2(TOKENS.physio("physio"))
                    .get("/api/programs/{id}/fhir", a.programId())
                    .then()
                    .statusCode(503)
                    .contentType("application/problem+json")
                    .header("Retry-After", org.hamcrest.Matchers.notNullValue())
                    .body("detail", startsWith("patient-service"));
        } finally {
            FakePatientService.recordDown(a.patientId(), false);
        }
        assertThat(audit.count(
                        "programId = ?1 and action = 'PROGRAM_FHIR_EXPORTED' and outcome = 'ALLOWED'", a.programId()))
                .isZero();
    }

    // ---- helpers ----------------------------------------------------------------------------------------------------

    private static String export(long programId, String token) {
        return given().auth()
                .oauth2(token)
                .get("/api/programs/{id}/fhir", programId)
                .then()
                .statusCode(200)
                .contentType("application/fhir+json")
                .header("Content-Disposition", endsWith(".fhir.json\""))
                .body("resourceType", equalTo("Bundle"))
                .extract()
                .asString();
    }

    /** The bundle parsed by HAPI and validated: fails with every ERROR and FATAL message listed. */
    static Bundle valid(String json) {
        Bundle bundle = fhir.newJsonParser().parseResource(Bundle.class, json);
        ValidationResult result = check(bundle, json);
        // The rest (warnings: codes of LOINC and the clinic's own systems not checkable offline) goes to the output.
        result.getMessages().stream()
                .filter(m -> m.getSeverity() != ResultSeverityEnum.ERROR && m.getSeverity() != ResultSeverityEnum.FATAL)
                .forEach(m -> System.out.println(
                        "FHIR validation " + m.getSeverity() + " " + m.getLocationString() + ": " + m.getMessage()));
        List<SingleValidationMessage> errors = result.getMessages().stream()
                .filter(m -> m.getSeverity() == ResultSeverityEnum.ERROR || m.getSeverity() == ResultSeverityEnum.FATAL)
                .toList();
        assertThat(errors)
                .as(() -> "validation errors:\n"
                        + errors.stream()
                                .map(m -> m.getSeverity() + " " + m.getLocationString() + ": " + m.getMessage())
                                .collect(Collectors.joining("\n")))
                .isEmpty();
        return bundle;
    }

    /** The validator's answer for the bundle, with its Questionnaires known to it. */
    static ValidationResult check(Bundle bundle, String json) {
        for (Questionnaire q : all(bundle, Questionnaire.class)) {
            bundleDefinitions.add(q);
        }
        return validator.validateWithResult(json);
    }

    static <T extends Resource> List<T> all(Bundle bundle, Class<T> type) {
        return bundle.getEntry().stream()
                .map(Bundle.BundleEntryComponent::getResource)
                .filter(type::isInstance)
                .map(type::cast)
                .toList();
    }

    private static <T extends Resource> T one(Bundle bundle, Class<T> type) {
        List<T> found = all(bundle, type);
        assertThat(found).hasSize(1);
        return found.get(0);
    }

    private static String urlOf(Bundle bundle, Resource resource) {
        return bundle.getEntry().stream()
                .filter(e -> e.getResource() == resource)
                .map(Bundle.BundleEntryComponent::getFullUrl)
                .findFirst()
                .orElseThrow();
    }

    /** Link id → the answer as text ("" when the item has none), in order. */
    private static List<Map.Entry<String, String>> answers(QuestionnaireResponse response) {
        return response.getItem().stream()
                .map(i -> Map.entry(
                        i.getLinkId(),
                        i.hasAnswer() ? i.getAnswerFirstRep().getValue().primitiveValue() : ""))
                .toList();
    }

    private void measure(
            Fixtures.Assigned a,
            String instrument,
            String version,
            String timepoint,
            LocalDate completedOn,
            String role,
            String by,
            String score,
            List<MeasureResponse.Answer> answers) {
        String json;
        try {
            json = new ObjectMapper().writeValueAsString(answers);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        QuarkusTransaction.requiringNew().run(() -> {
            MeasureResponse m = new MeasureResponse();
            m.programId = a.programId();
            m.patientId = a.patientId();
            m.instrument = instrument;
            m.instrumentVersion = version;
            m.timepoint = timepoint;
            m.completedOn = completedOn;
            m.enteredByRole = role;
            m.enteredBy = by;
            m.answers = json;
            m.answeredItems = (int) answers.stream().filter(x -> !x.skipped()).count();
            m.skippedItems = (int)
                    answers.stream().filter(MeasureResponse.Answer::skipped).count();
            m.score = new BigDecimal(score);
            m.createdAt = LocalDateTime.now();
            em.persist(m);
        });
    }

    /** As the discharge will: status DISCHARGED, the date, reason and summary, no longer the patient's current one. */
    private void discharge(long programId) {
        QuarkusTransaction.requiringNew()
                .run(() -> em.createNativeQuery("update program set status = 'DISCHARGED', active_patient_id = null,"
                                + " discharged_on = ?1, discharged_at = ?2, discharged_by = 'physio',"
                                + " discharge_reason = 'GOALS_MET', discharge_summary = 'Back to work.' where id = ?3")
                        .setParameter(1, LocalDate.now())
                        .setParameter(2, LocalDateTime.now())
                        .setParameter(3, programId)
                        .executeUpdate());
    }

    /** Serves the Questionnaires of the bundle under test by canonical URL (with or without its version). */
    private static final class BundleQuestionnaires implements IValidationSupport {

        private final FhirContext context;
        private final Map<String, Questionnaire> byUrl = new ConcurrentHashMap<>();

        BundleQuestionnaires(FhirContext context) {
            this.context = context;
        }

        void add(Questionnaire questionnaire) {
            byUrl.put(questionnaire.getUrl(), questionnaire);
            byUrl.put(questionnaire.getUrl() + "|" + questionnaire.getVersion(), questionnaire);
        }

        @Override
        public FhirContext getFhirContext() {
            return context;
        }

        @Override
        public <T extends IBaseResource> T fetchResource(Class<T> type, String url) {
            Questionnaire found = url == null ? null : byUrl.get(url);
            if (found == null || (type != null && !type.isInstance(found))) {
                return null;
            }
            @SuppressWarnings("unchecked")
            T resource = (T) found;
            return resource;
        }
    }
}
