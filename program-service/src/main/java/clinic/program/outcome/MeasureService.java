package clinic.program.outcome;

import clinic.kit.problem.DomainException;
import clinic.kit.problem.Problem;
import clinic.program.audit.Audit;
import clinic.program.prescription.Discharged;
import clinic.program.prescription.Program;
import clinic.program.prescription.ProgramLookup;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Questionnaires of a program: record one (checked, scored, audited), list them with their change from baseline, say
 * what is due, and sum them up for the progress page. Access: the caller's program is loaded through
 * {@link ProgramLookup} (a patient only their own, a physio's care team checked before by the resource).
 */
@ApplicationScoped
public class MeasureService {

    public static final String RECORDED = "MEASURE_RECORDED";
    public static final String READ = "MEASURES_READ";
    public static final String DUE_READ = "MEASURES_DUE_READ";

    /** The disability index the progress rule reads (docs/clinical-rules.md). */
    public static final String DISABILITY_INDEX = "RMDQ";

    private static final TypeReference<List<MeasureResponse.Answer>> ANSWERS = new TypeReference<>() {};

    private final ProgramLookup programs;
    private final MeasureRepository measures;
    private final InstrumentCatalog catalog;
    private final MeasureConfig config;
    private final Audit audit;
    private final SecurityIdentity identity;
    private final ObjectMapper json;
    private final Event<MeasureRecorded> recorded;

    public MeasureService(
            ProgramLookup programs,
            MeasureRepository measures,
            InstrumentCatalog catalog,
            MeasureConfig config,
            Audit audit,
            SecurityIdentity identity,
            ObjectMapper json,
            Event<MeasureRecorded> recorded) {
        this.programs = programs;
        this.measures = measures;
        this.catalog = catalog;
        this.config = config;
        this.audit = audit;
        this.identity = identity;
        this.json = json;
        this.recorded = recorded;
    }

    /**
     * Records a completed questionnaire. 409 on a discharged program or a time point already answered; 422 for an
     * unknown or switched-off instrument, a day outside the program, a time point not open, or answers that do not
     * fit the instrument. A concurrent duplicate loses on the unique key at the flush (the resource answers 409).
     */
    @Transactional
    public MeasureView record(long programId, NewMeasure input) {
        Program program = programs.visible(programId, RECORDED);
        Discharged.refuseIfDischarged(program);
        boolean physio = identity.hasRole("physio");
        Instrument instrument = enabledInstrument(input.instrument());
        LocalDate today = LocalDate.now();
        LocalDate completedOn = input.completedOn() == null ? today : input.completedOn();
        if (completedOn.isAfter(today)) {
            throw refused("completedOn", "must not be in the future");
        }
        if (completedOn.isBefore(program.startedOn)) {
            throw refused("completedOn", "must not be before the program started (" + program.startedOn + ")");
        }
        if (!physio && !completedOn.equals(today)) {
            throw refused("completedOn", "is today for a questionnaire you fill in; your physio enters earlier ones");
        }
        List<MeasureResponse> existing = measures.ofProgram(programId).stream()
                .filter(m -> m.instrument.equals(instrument.code()))
                .toList();
        Schedule.Slot slot = slot(instrument, program, input.timepoint(), completedOn, physio, existing);

        AnswerCheck.Checked checked = AnswerCheck.check(instrument, input.answers());
        if (!checked.ok()) {
            throw new DomainException.Refused(
                    "Answers do not fit the questionnaire",
                    "Some answers do not fit " + instrument.name() + ": "
                            + checked.violations().get(0).field() + " "
                            + checked.violations().get(0).message() + ".",
                    Map.of("violations", checked.violations()));
        }
        Score score = Scorer.of(instrument.scoring().method()).score(instrument, checked.answers());

        MeasureResponse m = new MeasureResponse();
        m.programId = programId;
        m.patientId = program.patientId;
        m.instrument = instrument.code();
        m.instrumentVersion = instrument.version();
        m.timepoint = slot.timepoint();
        m.completedOn = completedOn;
        m.enteredByRole = physio ? MeasureResponse.BY_PHYSIO : MeasureResponse.BY_PATIENT;
        m.enteredBy = identity.getPrincipal().getName();
        m.answers = write(inItemOrder(instrument, checked.answers()));
        m.answeredItems = checked.answered();
        m.skippedItems = checked.skipped();
        m.score = score.score();
        m.subscore = score.subscore();
        m.riskGroup = score.riskGroup();
        m.createdAt = LocalDateTime.now();
        measures.persist(m);
        // Flush now so a concurrent duplicate of the time point fails here and the resource can answer 409.
        measures.flush();
        recorded.fire(new MeasureRecorded(programId));
        audit.record(RECORDED, program.patientId, programId, instrument.code() + " " + slot.timepoint());
        List<MeasureResponse> all = new ArrayList<>(existing);
        all.add(m);
        return view(m, all);
    }

    /** The program's questionnaires, oldest first. */
    @Transactional
    public List<MeasureView> list(long programId) {
        Program program = programs.visible(programId, READ);
        programs.auditRead(READ, program);
        List<MeasureResponse> all = measures.ofProgram(programId);
        return all.stream().map(m -> view(m, all)).toList();
    }

    /** What is due, per offered instrument and time point, as of today. */
    @Transactional
    public DueView due(long programId) {
        Program program = programs.visible(programId, DUE_READ);
        programs.auditRead(DUE_READ, program);
        return due(
                program,
                measures.ofProgram(programId),
                LocalDate.now(),
                identity.hasRole("patient") && !identity.hasRole("physio"));
    }

    /**
     * The due list of a program on {@code today}: for each offered instrument, each time point with its status.
     * A patient does not see the discharge questionnaire until it is done (the physio asks for it at discharge). No
     * reads and no audit: the caller loaded the program and its questionnaires (the notice feed does so for many
     * programs at once).
     */
    public DueView due(Program program, List<MeasureResponse> answered, LocalDate today, boolean patient) {
        List<DueView.Due> due = new ArrayList<>();
        List<Integer> weeks = config.weeks();
        for (Instrument instrument : catalog.enabled()) {
            Map<String, MeasureResponse> done = answered.stream()
                    .filter(m -> m.instrument.equals(instrument.code()))
                    .collect(Collectors.toMap(m -> m.timepoint, m -> m, (a, b) -> a));
            for (Schedule.Slot slot : Schedule.slots(instrument.kind(), program.startedOn, weeks)) {
                MeasureResponse m = done.get(slot.timepoint());
                String status = status(slot, m, program, today);
                if (patient && slot.isDischarge() && m == null) {
                    continue;
                }
                due.add(new DueView.Due(
                        instrument.code(),
                        instrument.name(),
                        slot.timepoint(),
                        slot.opensOn(),
                        slot.dueOn(),
                        status,
                        m == null ? null : m.completedOn));
            }
        }
        return new DueView(program.id, due);
    }

    static String status(Schedule.Slot slot, MeasureResponse answered, Program program, LocalDate today) {
        if (answered != null) {
            return DueView.DONE;
        }
        if (program.isDischarged()) {
            return DueView.MISSED;
        }
        if (slot.isDischarge()) {
            return DueView.AT_DISCHARGE;
        }
        if (today.isBefore(slot.opensOn())) {
            return DueView.UPCOMING;
        }
        if (slot.closesOn() != null && !today.isBefore(slot.closesOn())) {
            return DueView.MISSED;
        }
        return today.isAfter(slot.dueOn()) ? DueView.OVERDUE : DueView.DUE;
    }

    /** The progress page's part: trends, the stratification group and the disability index (no audit: the caller's). */
    public Outcomes outcomes(long programId) {
        List<MeasureResponse> all = measures.ofProgram(programId);
        if (all.isEmpty()) {
            return Outcomes.NONE;
        }
        List<Outcomes.Trend> trends = new ArrayList<>();
        Outcomes.Stratification stratification = null;
        Outcomes.Disability disability = null;
        Map<String, List<MeasureResponse>> byInstrument = all.stream()
                .collect(Collectors.groupingBy(m -> m.instrument, java.util.LinkedHashMap::new, Collectors.toList()));
        for (Map.Entry<String, List<MeasureResponse>> e : byInstrument.entrySet()) {
            Optional<Instrument> known = catalog.find(e.getKey());
            if (known.isEmpty()) {
                continue;
            }
            Instrument instrument = known.get();
            List<MeasureResponse> rows = e.getValue();
            if (Instrument.STRATIFICATION.equals(instrument.kind())) {
                MeasureResponse first = rows.get(0);
                stratification = new Outcomes.Stratification(
                        instrument.code(),
                        first.riskGroup,
                        StartBackScorer.meaning(first.riskGroup),
                        first.completedOn);
                continue;
            }
            MeasureResponse baseline = baselineOf(rows);
            MeasureResponse latest = rows.get(rows.size() - 1);
            boolean followUp = baseline != null && latest != baseline;
            trends.add(new Outcomes.Trend(
                    instrument.code(),
                    instrument.name(),
                    instrument.scoring().higherIsBetter(),
                    instrument.scoring().min(),
                    instrument.scoring().max(),
                    instrument.mic(),
                    rows.stream()
                            .map(m -> new Outcomes.Point(m.timepoint, m.completedOn, Change.plain(m.score)))
                            .toList(),
                    baseline == null ? null : Change.plain(baseline.score),
                    Change.plain(latest.score),
                    followUp ? Change.plain(latest.score.subtract(baseline.score)) : null,
                    followUp
                            ? Change.micReached(instrument, baseline.score.doubleValue(), latest.score.doubleValue())
                            : null));
            if (DISABILITY_INDEX.equals(instrument.code())
                    && followUp
                    && instrument.mic() != null
                    && instrument.mic().points() != null) {
                disability = new Outcomes.Disability(
                        instrument.code(),
                        baseline.score.doubleValue(),
                        latest.score.doubleValue(),
                        instrument.mic().points(),
                        instrument.mic().percent());
            }
        }
        return new Outcomes(trends, stratification, disability);
    }

    /** The GET /api/instruments list: every shipped instrument and whether this clinic offers it. */
    public List<InstrumentView> instruments() {
        return catalog.all().stream()
                .map(i -> InstrumentView.of(i, catalog.isEnabled(i.code())))
                .toList();
    }

    private Instrument enabledInstrument(String code) {
        if (code == null || code.isBlank()) {
            throw refused("instrument", "is required");
        }
        Instrument instrument = catalog.find(code.strip())
                .orElseThrow(() -> refused("instrument", "is not a questionnaire this clinic knows"));
        if (!catalog.isEnabled(instrument.code())) {
            throw refused("instrument", "is switched off in this clinic");
        }
        return instrument;
    }

    /** The time point asked for (or the earliest one open on the day), refusing one answered (409) or closed (422). */
    private Schedule.Slot slot(
            Instrument instrument,
            Program program,
            String asked,
            LocalDate day,
            boolean physio,
            List<MeasureResponse> existing) {
        List<Schedule.Slot> slots = Schedule.slots(instrument.kind(), program.startedOn, config.weeks());
        java.util.Set<String> done = existing.stream().map(m -> m.timepoint).collect(Collectors.toSet());
        if (asked == null || asked.isBlank()) {
            return slots.stream()
                    .filter(s -> !s.isDischarge() && !done.contains(s.timepoint()) && s.openOn(day))
                    .findFirst()
                    .orElseThrow(() -> refused(
                            "timepoint",
                            "none of " + instrument.code() + " is open on " + day + nextOpening(slots, done, day)));
        }
        Schedule.Slot slot = slots.stream()
                .filter(s -> s.timepoint().equals(asked.strip().toUpperCase(java.util.Locale.ROOT)))
                .findFirst()
                .orElseThrow(() -> refused(
                        "timepoint",
                        "is not a time point of " + instrument.code() + " ("
                                + slots.stream().map(Schedule.Slot::timepoint).collect(Collectors.joining(", "))
                                + ")"));
        if (done.contains(slot.timepoint())) {
            throw new DomainException.Conflict(instrument.name() + " at " + slot.timepoint()
                    + " is already answered; answers are kept as given and are not replaced.");
        }
        if (slot.isDischarge() && !physio) {
            throw refused("timepoint", "DISCHARGE is filled in with your physio when the program ends");
        }
        if (!slot.openOn(day)) {
            throw refused(
                    "timepoint",
                    slot.timepoint() + " is open from " + slot.opensOn()
                            + (slot.closesOn() == null
                                    ? ""
                                    : " until " + slot.closesOn().minusDays(1))
                            + ", not on " + day);
        }
        return slot;
    }

    private static String nextOpening(List<Schedule.Slot> slots, java.util.Set<String> done, LocalDate day) {
        return slots.stream()
                .filter(s -> !s.isDischarge()
                        && !done.contains(s.timepoint())
                        && s.opensOn().isAfter(day))
                .findFirst()
                .map(s -> "; " + s.timepoint() + " opens on " + s.opensOn())
                .orElse("");
    }

    private MeasureView view(MeasureResponse m, List<MeasureResponse> all) {
        Instrument instrument = catalog.find(m.instrument).orElse(null);
        MeasureResponse baseline = baselineOf(
                all.stream().filter(o -> o.instrument.equals(m.instrument)).toList());
        boolean compared =
                baseline != null && baseline != m && instrument != null && Instrument.OUTCOME.equals(instrument.kind());
        Boolean improved = null;
        Boolean mic = null;
        BigDecimal change = null;
        if (compared) {
            change = m.score.subtract(baseline.score);
            improved =
                    Change.improvement(instrument.scoring(), baseline.score.doubleValue(), m.score.doubleValue()) > 0;
            mic = Change.micReached(instrument, baseline.score.doubleValue(), m.score.doubleValue());
        }
        return new MeasureView(
                m.id,
                m.programId,
                m.instrument,
                instrument == null ? m.instrument : instrument.name(),
                m.instrumentVersion,
                m.timepoint,
                m.completedOn,
                m.enteredBy,
                m.enteredByRole,
                read(m.answers),
                Change.plain(m.score),
                instrument == null ? 0 : instrument.scoring().max(),
                Change.plain(m.subscore),
                m.riskGroup,
                StartBackScorer.meaning(m.riskGroup),
                instrument == null || instrument.scoring().higherIsBetter(),
                compared ? Change.plain(baseline.score) : null,
                Change.plain(change),
                mic,
                improved);
    }

    private static MeasureResponse baselineOf(List<MeasureResponse> rows) {
        return rows.stream()
                .filter(r -> MeasureResponse.BASELINE.equals(r.timepoint))
                .findFirst()
                .orElse(null);
    }

    private static List<MeasureResponse.Answer> inItemOrder(
            Instrument instrument, Map<String, MeasureResponse.Answer> answers) {
        return instrument.items().stream()
                .map(i -> answers.get(i.code()))
                .filter(java.util.Objects::nonNull)
                .toList();
    }

    private String write(List<MeasureResponse.Answer> answers) {
        try {
            return json.writeValueAsString(answers);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("answers cannot be written", e);
        }
    }

    private List<MeasureResponse.Answer> read(String answers) {
        try {
            return json.readValue(answers, ANSWERS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored answers cannot be read", e);
        }
    }

    private static DomainException.Refused refused(String field, String message) {
        return new DomainException.Refused(
                "The questionnaire cannot be recorded",
                field + " " + message + ".",
                Map.of("violations", List.of(new Problem.Violation(field, message))));
    }
}
