package clinic.program.fhir;

import clinic.program.library.Dosage;
import clinic.program.outbound.PatientRecord;
import clinic.program.outcome.Instrument;
import clinic.program.outcome.MeasureResponse;
import clinic.program.routine.RoutineService;
import clinic.rules.RedFlag;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.Flag;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.PlanDefinition;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Questionnaire;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Timing;

/**
 * Turns one {@link Episode} and the patient's record into a FHIR R4 {@code collection} Bundle (docs/fhir.md has the
 * mapping). Every entry has a {@code urn:uuid} full URL derived from the clinic's base and the row it comes from, so
 * exporting the same program again gives the same ids; entries refer to each other by those URLs. A plain class: the
 * caller gives it the clinic's system base, the instruments and a JSON reader.
 */
final class BundleBuilder {

    static final String LOINC = "http://loinc.org";

    /** LOINC 72514-3: Pain severity - 0-10 verbal numeric rating [Score] - Reported. */
    static final String PAIN_SEVERITY = "72514-3";

    static final String PAIN_SEVERITY_DISPLAY = "Pain severity - 0-10 verbal numeric rating [Score] - Reported";

    static final String OBSERVATION_CATEGORY = "http://terminology.hl7.org/CodeSystem/observation-category";

    static final String UCUM = "http://unitsofmeasure.org";

    static final String DATA_ABSENT_REASON = "http://hl7.org/fhir/StructureDefinition/data-absent-reason";

    static final String MIN_VALUE = "http://hl7.org/fhir/StructureDefinition/minValue";

    static final String MAX_VALUE = "http://hl7.org/fhir/StructureDefinition/maxValue";

    private final String base;
    private final Function<String, Optional<Instrument>> instruments;
    private final ObjectMapper json;

    private final Bundle bundle = new Bundle();

    /**
     * @param base the clinic's URL for its own code systems, identifier systems and canonical URLs, without a trailing
     *     slash
     */
    BundleBuilder(String base, Function<String, Optional<Instrument>> instruments, ObjectMapper json) {
        this.base = base;
        this.instruments = instruments;
        this.json = json;
    }

    /** The whole bundle for the episode, stamped {@code now}. */
    Bundle build(Episode episode, PatientRecord patientRecord, Instant now) {
        bundle.setType(Bundle.BundleType.COLLECTION);
        bundle.setTimestamp(Date.from(now));
        bundle.setIdentifier(new Identifier()
                .setSystem(base + "/sid/fhir-export")
                .setValue("program-" + episode.programId() + "-" + now.toEpochMilli()));

        Reference patient = add(patient(patientRecord), "Patient", String.valueOf(patientRecord.id()));
        PlanDefinition plan = planDefinition(episode.protocol());
        add(plan, "PlanDefinition", String.valueOf(episode.protocol().id()));
        Reference carePlan =
                add(carePlan(episode, patient, plan.getUrl()), "CarePlan", String.valueOf(episode.programId()));

        for (Episode.Pain pain : episode.pain()) {
            add(
                    painObservation(pain.date(), pain.before(), true, patient, carePlan),
                    "Observation",
                    "pain-before-" + pain.logId());
            add(
                    painObservation(pain.date(), pain.after(), false, patient, carePlan),
                    "Observation",
                    "pain-after-" + pain.logId());
        }

        Map<String, Questionnaire> questionnaires = new LinkedHashMap<>();
        for (Episode.Measure measure : episode.measures()) {
            String key = measure.instrument() + "|" + measure.instrumentVersion();
            Questionnaire questionnaire = questionnaires.get(key);
            List<MeasureResponse.Answer> answers = answers(measure);
            if (questionnaire == null) {
                questionnaire = questionnaire(measure, answers);
                questionnaires.put(key, questionnaire);
                add(questionnaire, "Questionnaire", key);
            }
            Reference response = add(
                    questionnaireResponse(measure, answers, questionnaire, patient, carePlan),
                    "QuestionnaireResponse",
                    String.valueOf(measure.id()));
            add(
                    scoreObservation(measure, questionnaire, patient, carePlan, response),
                    "Observation",
                    "score-" + measure.id());
        }

        if (episode.hold() != null) {
            for (RedFlag flag : episode.hold().flags()) {
                add(holdFlag(episode.hold(), flag, patient), "Flag", "hold-" + episode.programId() + "-" + flag.name());
            }
        }
        for (Episode.UrgentAlert alert : episode.alerts()) {
            add(alertFlag(alert, patient), "Flag", "alert-" + alert.id());
        }
        return bundle;
    }

    // ---- Patient ---------------------------------------------------------------------------------------------------

    private Patient patient(PatientRecord record) {
        Patient patient = new Patient();
        if (record.clinicNumber() != null && !record.clinicNumber().isBlank()) {
            patient.addIdentifier()
                    .setUse(Identifier.IdentifierUse.USUAL)
                    .setSystem(base + "/sid/clinic-number")
                    .setValue(record.clinicNumber());
        }
        patient.addIdentifier().setSystem(base + "/sid/patient-id").setValue(String.valueOf(record.id()));
        patient.setActive(!"DISCHARGED".equals(record.status()));
        if (record.familyName() != null || record.givenName() != null) {
            HumanName name = patient.addName().setUse(HumanName.NameUse.OFFICIAL);
            if (record.familyName() != null) {
                name.setFamily(record.familyName());
            }
            if (record.givenName() != null) {
                name.addGiven(record.givenName());
            }
        }
        if (record.sex() != null) {
            patient.setGender(
                    switch (record.sex()) {
                        case "FEMALE" -> Enumerations.AdministrativeGender.FEMALE;
                        case "MALE" -> Enumerations.AdministrativeGender.MALE;
                        case "OTHER" -> Enumerations.AdministrativeGender.OTHER;
                        default -> Enumerations.AdministrativeGender.UNKNOWN;
                    });
        }
        if (record.dateOfBirth() != null) {
            patient.setBirthDateElement(date(record.dateOfBirth()));
        }
        return patient;
    }

    // ---- PlanDefinition: the protocol version, its phases as actions
    // -------------------------------------------------

    private PlanDefinition planDefinition(Episode.ProtocolVersion protocol) {
        PlanDefinition plan = new PlanDefinition();
        plan.setUrl(base + "/PlanDefinition/" + protocol.code());
        plan.setVersion(String.valueOf(protocol.version()));
        plan.addIdentifier().setSystem(base + "/sid/protocol").setValue(protocol.code());
        plan.setName(computableName(protocol.code()));
        plan.setTitle(protocol.name());
        plan.setType(new CodeableConcept(new Coding(
                "http://terminology.hl7.org/CodeSystem/plan-definition-type",
                "clinical-protocol",
                "Clinical Protocol")));
        plan.setStatus(
                protocol.retired() ? Enumerations.PublicationStatus.RETIRED : Enumerations.PublicationStatus.ACTIVE);
        if (protocol.description() != null && !protocol.description().isBlank()) {
            plan.setDescription(protocol.description());
        }
        for (Episode.Phase phase : protocol.phases()) {
            PlanDefinition.PlanDefinitionActionComponent action = plan.addAction()
                    .setPrefix("Phase " + phase.number())
                    .setTitle(phase.name())
                    .setDescription(phase.goal())
                    .setTextEquivalent("Entry criteria: " + phase.entryCriteria());
            action.addCode(new CodeableConcept(
                    new Coding(base + "/CodeSystem/protocol-phase", String.valueOf(phase.number()), phase.name())));
            for (Episode.PhaseExercise exercise : phase.exercises()) {
                String dosage = RoutineService.describe(exercise.dosage());
                PlanDefinition.PlanDefinitionActionComponent step = action.addAction()
                        .setTitle(exercise.name())
                        .addCode(exerciseCode(exercise.slug(), exercise.name()));
                if (!dosage.isEmpty()) {
                    step.setTextEquivalent(dosage);
                }
                step.setTiming(timing(exercise.dosage()));
            }
        }
        return plan;
    }

    // ---- CarePlan: the program, its exercises as activities -------------------------------------------------------

    private CarePlan carePlan(Episode episode, Reference patient, String planDefinitionUrl) {
        CarePlan carePlan = new CarePlan();
        carePlan.addIdentifier().setSystem(base + "/sid/program").setValue(String.valueOf(episode.programId()));
        carePlan.addInstantiatesCanonical(
                planDefinitionUrl + "|" + episode.protocol().version());
        CarePlan.CarePlanStatus status = status(episode.status());
        carePlan.setStatus(status);
        carePlan.setIntent(CarePlan.CarePlanIntent.PLAN);
        carePlan.setTitle(episode.protocol().name() + ", phase " + episode.phase());
        StringBuilder description = new StringBuilder("Home exercise program from the protocol '")
                .append(episode.protocol().name())
                .append("' (version ")
                .append(episode.protocol().version())
                .append("), now in phase ")
                .append(episode.phase())
                .append('.');
        if (episode.hold() != null) {
            description
                    .append(" On hold since ")
                    .append(episode.hold().since().toLocalDate())
                    .append(": ");
            description.append(
                    episode.hold().reason() == null
                            ? "red flags reported"
                            : episode.hold().reason());
            description.append('.');
        }
        if (episode.dischargedOn() != null) {
            description.append(" Discharged on ").append(episode.dischargedOn());
            if (episode.dischargeReason() != null) {
                description.append(" (").append(episode.dischargeReason()).append(')');
            }
            description.append('.');
            if (episode.dischargeSummary() != null
                    && !episode.dischargeSummary().isBlank()) {
                description.append(' ').append(episode.dischargeSummary());
            }
        }
        carePlan.setDescription(description.toString());
        carePlan.setSubject(patient);
        Period period = new Period()
                .setStartElement(new DateTimeType(episode.startedOn().toString()));
        if (episode.dischargedOn() != null) {
            period.setEndElement(new DateTimeType(episode.dischargedOn().toString()));
        }
        carePlan.setPeriod(period);
        if (episode.createdAt() != null) {
            carePlan.setCreated(Date.from(episode.createdAt().toInstant(ZoneOffset.UTC)));
        }
        carePlan.setAuthor(staff(episode.carePhysio()));
        CarePlan.CarePlanActivityStatus activityStatus =
                switch (status) {
                    case ONHOLD -> CarePlan.CarePlanActivityStatus.ONHOLD;
                    case COMPLETED -> CarePlan.CarePlanActivityStatus.COMPLETED;
                    default -> CarePlan.CarePlanActivityStatus.INPROGRESS;
                };
        for (Episode.Prescribed exercise : episode.prescribed()) {
            CarePlan.CarePlanActivityDetailComponent detail = new CarePlan.CarePlanActivityDetailComponent();
            detail.setCode(exerciseCode(exercise.slug(), exercise.name()));
            detail.setStatus(activityStatus);
            String dosage = RoutineService.describe(exercise.dosage());
            StringBuilder text = new StringBuilder(exercise.name());
            if (!dosage.isEmpty()) {
                text.append(": ").append(dosage);
            }
            if (exercise.patientInstructions() != null
                    && !exercise.patientInstructions().isBlank()) {
                text.append(". ").append(exercise.patientInstructions());
            }
            detail.setDescription(text.toString());
            detail.setScheduled(timing(exercise.dosage()));
            Dosage d = exercise.dosage();
            if (d != null && d.reps() != null) {
                detail.setQuantity(new org.hl7.fhir.r4.model.SimpleQuantity()
                        .setValue(d.reps())
                        .setUnit("repetitions per set")
                        .setSystem(UCUM)
                        .setCode("{repetitions}"));
            }
            carePlan.addActivity().setDetail(detail);
        }
        return carePlan;
    }

    static CarePlan.CarePlanStatus status(String programStatus) {
        return switch (programStatus) {
            case "ON_HOLD" -> CarePlan.CarePlanStatus.ONHOLD;
            case "DISCHARGED" -> CarePlan.CarePlanStatus.COMPLETED;
            default -> CarePlan.CarePlanStatus.ACTIVE;
        };
    }

    /** How often and how long: times a day (once when unset), and the minutes of one bout where the dosage has them. */
    private static Timing timing(Dosage d) {
        Timing.TimingRepeatComponent repeat = new Timing.TimingRepeatComponent();
        repeat.setFrequency(d != null && d.timesPerDay() != null ? d.timesPerDay() : 1);
        repeat.setPeriod(1);
        repeat.setPeriodUnit(Timing.UnitsOfTime.D);
        if (d != null && d.minutes() != null && d.minutes() > 0) {
            repeat.setDuration(d.minutes());
            repeat.setDurationUnit(Timing.UnitsOfTime.MIN);
        }
        Timing timing = new Timing().setRepeat(repeat);
        if (d != null) {
            String words = RoutineService.describe(d);
            if (!words.isEmpty()) {
                timing.setCode(new CodeableConcept().setText(words));
            }
        }
        return timing;
    }

    private CodeableConcept exerciseCode(String slug, String name) {
        return new CodeableConcept(new Coding(base + "/CodeSystem/exercise", slug, name)).setText(name);
    }

    // ---- Observations: pain of each session log, the score of each questionnaire ---------------------------------

    private Observation painObservation(
            LocalDate date, int pain, boolean before, Reference patient, Reference carePlan) {
        Observation observation = new Observation();
        observation.setStatus(Observation.ObservationStatus.FINAL);
        observation.addCategory(new CodeableConcept(new Coding(OBSERVATION_CATEGORY, "survey", "Survey")));
        CodeableConcept code = new CodeableConcept();
        code.addCoding(new Coding(LOINC, PAIN_SEVERITY, PAIN_SEVERITY_DISPLAY));
        code.addCoding(new Coding(
                base + "/CodeSystem/observation",
                before ? "pain-before-session" : "pain-after-session",
                before ? "Pain before the exercise session (0-10)" : "Pain after the exercise session (0-10)"));
        code.setText(before ? "Pain before the session (0-10)" : "Pain after the session (0-10)");
        observation.setCode(code);
        observation.setSubject(patient);
        // Reported by the patient in their session log.
        observation.addPerformer(patient);
        observation.addBasedOn(carePlan);
        observation.setEffective(new DateTimeType(date.toString()));
        observation.setValue(new IntegerType(pain));
        return observation;
    }

    private Observation scoreObservation(
            Episode.Measure measure,
            Questionnaire questionnaire,
            Reference patient,
            Reference carePlan,
            Reference response) {
        Observation observation = new Observation();
        observation.setStatus(Observation.ObservationStatus.FINAL);
        observation.addCategory(new CodeableConcept(new Coding(OBSERVATION_CATEGORY, "survey", "Survey")));
        String name = questionnaire.getTitle();
        observation.setCode(new CodeableConcept(new Coding(
                        base + "/CodeSystem/observation",
                        measure.instrument().toLowerCase(Locale.ROOT) + "-score",
                        name + " score"))
                .setText(name + " score"));
        observation.setSubject(patient);
        observation.addBasedOn(carePlan);
        // The patient's answers, whoever typed them in.
        observation.addPerformer(patient);
        observation.addDerivedFrom(response);
        observation.setEffective(new DateTimeType(measure.completedOn().toString()));
        observation.setValue(score(measure.score()));
        if (measure.subscore() != null) {
            observation
                    .addComponent()
                    .setCode(new CodeableConcept(new Coding(
                                    base + "/CodeSystem/observation",
                                    measure.instrument().toLowerCase(Locale.ROOT) + "-subscore",
                                    name + " subscore"))
                            .setText(name + " subscore"))
                    .setValue(score(measure.subscore()));
        }
        if (measure.riskGroup() != null) {
            observation.addInterpretation(new CodeableConcept(new Coding(
                            base + "/CodeSystem/risk-group", measure.riskGroup(), riskWords(measure.riskGroup())))
                    .setText(riskWords(measure.riskGroup())));
        }
        observation.setNote(List.of(new org.hl7.fhir.r4.model.Annotation(
                new org.hl7.fhir.r4.model.MarkdownType("Time point " + measure.timepoint()))));
        return observation;
    }

    private static Quantity score(java.math.BigDecimal value) {
        return new Quantity().setValue(value).setUnit("score").setSystem(UCUM).setCode("{score}");
    }

    private static String riskWords(String group) {
        return switch (group) {
            case "LOW" -> "Low risk";
            case "MEDIUM" -> "Medium risk";
            case "HIGH" -> "High risk";
            default -> group;
        };
    }

    // ---- Questionnaire and QuestionnaireResponse ----------------------------------------------------------------

    private List<MeasureResponse.Answer> answers(Episode.Measure measure) {
        try {
            return json.readValue(measure.answersJson(), new TypeReference<List<MeasureResponse.Answer>>() {});
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable answers of measure " + measure.id(), e);
        }
    }

    /**
     * The instrument as a Questionnaire: from the catalogue when it knows the instrument, else the items the stored
     * answers name (a number is an integer item, a text a string item), so an answered questionnaire always has one.
     */
    private Questionnaire questionnaire(Episode.Measure measure, List<MeasureResponse.Answer> answers) {
        Questionnaire questionnaire = new Questionnaire();
        questionnaire.setUrl(base + "/Questionnaire/" + measure.instrument());
        questionnaire.setVersion(canonicalVersion(measure.instrumentVersion()));
        questionnaire.setName(computableName(measure.instrument()));
        questionnaire.setStatus(Enumerations.PublicationStatus.ACTIVE);
        questionnaire.addSubjectType("Patient");
        Optional<Instrument> known = instruments.apply(measure.instrument());
        if (known.isPresent()) {
            Instrument instrument = known.get();
            questionnaire.setTitle(instrument.name());
            if (instrument.description() != null) {
                questionnaire.setDescription(instrument.description());
            }
            if (instrument.instructions() != null) {
                questionnaire.setPurpose(instrument.instructions());
            }
            if (instrument.licence() != null && instrument.licence().terms() != null) {
                questionnaire.setCopyright(
                        instrument.licence().holder() == null
                                ? instrument.licence().terms()
                                : instrument.licence().holder() + ". "
                                        + instrument.licence().terms());
            }
            for (Instrument.Item item : instrument.items()) {
                Questionnaire.QuestionnaireItemComponent q =
                        questionnaire.addItem().setLinkId(item.code()).setText(item.text());
                // The clinic's rule is "answered or explicitly skipped"; FHIR's required means answered, so no item
                // is marked required and a skip is an item without an answer (docs/fhir.md).
                q.setRequired(false);
                switch (item.type()) {
                    case "CHOICE" -> {
                        q.setType(Questionnaire.QuestionnaireItemType.CHOICE);
                        for (Instrument.Option option : item.options()) {
                            q.addAnswerOption().setValue(optionCoding(measure.instrument(), item.code(), option));
                        }
                    }
                    case "RATING" -> {
                        q.setType(Questionnaire.QuestionnaireItemType.INTEGER);
                        if (item.min() != null) {
                            q.addExtension(MIN_VALUE, new IntegerType(item.min()));
                        }
                        if (item.max() != null) {
                            q.addExtension(MAX_VALUE, new IntegerType(item.max()));
                        }
                    }
                    default -> q.setType(Questionnaire.QuestionnaireItemType.STRING);
                }
            }
        } else {
            questionnaire.setTitle(measure.instrument());
            for (MeasureResponse.Answer answer : answers) {
                questionnaire
                        .addItem()
                        .setLinkId(answer.item())
                        .setText(answer.item())
                        .setRequired(false)
                        .setType(
                                answer.text() != null
                                        ? Questionnaire.QuestionnaireItemType.STRING
                                        : Questionnaire.QuestionnaireItemType.INTEGER);
            }
        }
        return questionnaire;
    }

    private Coding optionCoding(String instrument, String item, Instrument.Option option) {
        return new Coding(
                base + "/CodeSystem/" + instrument.toLowerCase(Locale.ROOT) + "-" + item,
                String.valueOf(option.value()),
                option.text());
    }

    private QuestionnaireResponse questionnaireResponse(
            Episode.Measure measure,
            List<MeasureResponse.Answer> answers,
            Questionnaire questionnaire,
            Reference patient,
            Reference carePlan) {
        QuestionnaireResponse response = new QuestionnaireResponse();
        response.setIdentifier(
                new Identifier().setSystem(base + "/sid/measure").setValue(String.valueOf(measure.id())));
        response.addBasedOn(carePlan);
        // A canonical URL may hold no whitespace: a version such as "9-item 2007" is written "9-item_2007" there.
        response.setQuestionnaire(questionnaire.getUrl() + "|" + canonicalVersion(questionnaire.getVersion()));
        response.setStatus(QuestionnaireResponse.QuestionnaireResponseStatus.COMPLETED);
        response.setSubject(patient);
        response.setAuthoredElement(new DateTimeType(measure.completedOn().toString()));
        if (MeasureResponse.BY_PATIENT.equals(measure.enteredByRole())) {
            response.setAuthor(patient);
            response.setSource(patient);
        } else {
            response.setAuthor(staff(measure.enteredBy()));
            response.setSource(patient);
        }
        Map<String, Questionnaire.QuestionnaireItemComponent> items = new LinkedHashMap<>();
        for (Questionnaire.QuestionnaireItemComponent item : questionnaire.getItem()) {
            items.put(item.getLinkId(), item);
        }
        for (MeasureResponse.Answer answer : answers) {
            Questionnaire.QuestionnaireItemComponent asked = items.get(answer.item());
            QuestionnaireResponse.QuestionnaireResponseItemComponent item =
                    response.addItem().setLinkId(answer.item());
            if (asked != null && asked.hasText()) {
                item.setText(asked.getText());
            }
            if (answer.skipped() || (answer.value() == null && answer.text() == null)) {
                // Explicitly skipped: the item is there, without an answer (docs/fhir.md).
                continue;
            }
            if (asked != null
                    && asked.getType() == Questionnaire.QuestionnaireItemType.CHOICE
                    && answer.value() != null) {
                Coding chosen = asked.getAnswerOption().stream()
                        .map(Questionnaire.QuestionnaireItemAnswerOptionComponent::getValueCoding)
                        .filter(c -> String.valueOf(answer.value()).equals(c.getCode()))
                        .findFirst()
                        .map(Coding::copy)
                        .orElseGet(() -> new Coding(null, String.valueOf(answer.value()), null));
                item.addAnswer().setValue(chosen);
            } else if (answer.text() != null) {
                item.addAnswer().setValue(new StringType(answer.text()));
            } else {
                item.addAnswer().setValue(new IntegerType(answer.value()));
            }
        }
        return response;
    }

    // ---- Flags: red flags of a hold, urgent alerts -----------------------------------------------------------------

    private Flag holdFlag(Episode.Hold hold, RedFlag flag, Reference patient) {
        Flag resource = new Flag();
        resource.setStatus(Flag.FlagStatus.ACTIVE);
        resource.addCategory(new CodeableConcept(
                new Coding("http://terminology.hl7.org/CodeSystem/flag-category", "clinical", "Clinical")));
        resource.setCode(new CodeableConcept(new Coding(base + "/CodeSystem/red-flag", flag.name(), flag.label()))
                .setText("Red flag: " + flag.clinicalWords() + ". Program on hold"
                        + (hold.source() == null
                                ? ""
                                : " (from "
                                        + hold.source().toLowerCase(Locale.ROOT).replace('_', ' ') + ")")
                        + "."));
        resource.setSubject(patient);
        if (hold.since() != null) {
            resource.setPeriod(new Period().setStartElement(dateTime(hold.since())));
        }
        return resource;
    }

    private Flag alertFlag(Episode.UrgentAlert alert, Reference patient) {
        Flag resource = new Flag();
        boolean open = "OPEN".equals(alert.status());
        resource.setStatus(open ? Flag.FlagStatus.ACTIVE : Flag.FlagStatus.INACTIVE);
        resource.addCategory(new CodeableConcept(
                new Coding("http://terminology.hl7.org/CodeSystem/flag-category", "clinical", "Clinical")));
        resource.setCode(new CodeableConcept(new Coding(base + "/CodeSystem/alert-type", alert.type(), alert.type()))
                .setText(alert.message()));
        resource.setSubject(patient);
        Period period = new Period().setStartElement(dateTime(alert.createdAt()));
        if (!open && alert.acknowledgedAt() != null) {
            period.setEndElement(dateTime(alert.acknowledgedAt()));
        }
        resource.setPeriod(period);
        return resource;
    }

    // ---- helpers --------------------------------------------------------------------------------------------------

    /** A clinic user (a physio) by user name: a logical reference, as the clinic keeps no Practitioner records. */
    private Reference staff(String user) {
        return new Reference()
                .setIdentifier(new Identifier().setSystem(base + "/sid/user").setValue(user))
                .setDisplay(user);
    }

    /** Adds the resource with a stable {@code urn:uuid} full URL; the reference other entries use. */
    private Reference add(Resource resource, String type, String key) {
        String fullUrl =
                "urn:uuid:" + UUID.nameUUIDFromBytes((base + "/" + type + "/" + key).getBytes(StandardCharsets.UTF_8));
        bundle.addEntry().setFullUrl(fullUrl).setResource(resource);
        return new Reference(fullUrl);
    }

    /** "sciatica-phased" → "SciaticaPhased": FHIR's computer-friendly name (a capital letter, then letters, digits). */
    static String computableName(String code) {
        StringBuilder name = new StringBuilder();
        boolean upper = true;
        for (char c : code.toCharArray()) {
            if (Character.isLetterOrDigit(c) && c < 128) {
                name.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            } else {
                upper = true;
            }
        }
        if (name.isEmpty() || !Character.isLetter(name.charAt(0))) {
            name.insert(0, 'X');
        }
        return name.toString();
    }

    private static DateType date(LocalDate date) {
        return new DateType(date.toString());
    }

    private static DateTimeType dateTime(LocalDateTime utc) {
        DateTimeType type = new DateTimeType(Date.from(utc.toInstant(ZoneOffset.UTC)));
        type.setTimeZoneZulu(true);
        return type;
    }

    /** A version as it may stand in a canonical reference ({@code url|version}): no whitespace. */
    static String canonicalVersion(String version) {
        return version == null ? null : version.strip().replaceAll("\\s+", "_");
    }
}
