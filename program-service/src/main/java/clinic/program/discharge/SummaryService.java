package clinic.program.discharge;

import clinic.program.alert.Alert;
import clinic.program.outcome.Instrument;
import clinic.program.outcome.InstrumentCatalog;
import clinic.program.outcome.MeasureResponse;
import clinic.program.prescription.DischargeReason;
import clinic.program.prescription.Discharged;
import clinic.program.prescription.HoldService;
import clinic.program.prescription.Program;
import clinic.program.prescription.ProgramExercise;
import clinic.program.prescription.ProgramLookup;
import clinic.program.prescription.ProgramRepository;
import clinic.program.prescription.ProgramRevision;
import clinic.program.progress.ProgressService;
import clinic.program.progress.ProgressView;
import clinic.program.protocol.ProtocolRepository;
import clinic.program.routine.RoutineService;
import clinic.program.session.SessionLog;
import clinic.program.session.SessionRepository;
import clinic.rules.RedFlag;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The discharge summary of a program, filled in from what the program recorded: only for a DISCHARGED program (409
 * {@code /program-not-discharged} before), for staff (a physio in the care team; audited as {@code
 * DISCHARGE_SUMMARY_READ}) and for the patient whose program it is (another patient's answers 404).
 */
@ApplicationScoped
public class SummaryService {

    /** The pain windows: the first and the last 7 days with logs. */
    static final int PAIN_WINDOW_DAYS = 7;

    static final String HELD = HoldService.HELD_PREFIX;
    static final String RESUMED = HoldService.RESUMED_PREFIX;

    private final ProgramLookup lookup;
    private final ProgramRepository programs;
    private final SessionRepository sessions;
    private final ProtocolRepository protocols;
    private final ProgressService progress;
    private final InstrumentCatalog instruments;
    private final EntityManager em;

    public SummaryService(
            ProgramLookup lookup,
            ProgramRepository programs,
            SessionRepository sessions,
            ProtocolRepository protocols,
            ProgressService progress,
            InstrumentCatalog instruments,
            EntityManager em) {
        this.lookup = lookup;
        this.programs = programs;
        this.sessions = sessions;
        this.protocols = protocols;
        this.progress = progress;
        this.instruments = instruments;
        this.em = em;
    }

    /** The summary of a discharged program the caller may see. */
    @Transactional
    public DischargeSummary summary(long id) {
        Program program = lookup.visible(id, "DISCHARGE_SUMMARY_READ");
        Discharged.requireDischarged(program);
        lookup.auditRead("DISCHARGE_SUMMARY_READ", program);
        return build(program);
    }

    DischargeSummary build(Program program) {
        LocalDate end = program.dischargedOn;
        List<ProgramRevision> revisions = programs.revisions(program.id);
        List<SessionLog> logs = sessions.allOf(program.id).stream()
                .filter(s -> !s.sessionDate.isAfter(end))
                .toList();
        ProgressView.Adherence adherence = progress.adherence(program.startedOn, end, logs);
        Optional<DischargeReason> reason = DischargeReason.fromCode(program.dischargeReason);
        Map<String, List<MeasureResponse>> byInstrument = measures(program.id);
        List<DischargeSummary.Measure> measures = new ArrayList<>();
        DischargeSummary.Stratification stratification = null;
        for (Map.Entry<String, List<MeasureResponse>> e : byInstrument.entrySet()) {
            Optional<Instrument> instrument = instruments.find(e.getKey());
            if (instrument.isPresent()
                    && Instrument.STRATIFICATION.equals(instrument.get().kind())) {
                MeasureResponse first = e.getValue().get(0);
                if (stratification == null) {
                    stratification = new DischargeSummary.Stratification(
                            e.getKey(), instrument.get().name(), first.riskGroup, first.completedOn);
                }
            } else {
                measures.add(measure(e.getKey(), instrument.orElse(null), e.getValue()));
            }
        }
        return new DischargeSummary(
                program.id,
                program.patientId,
                new DischargeSummary.ProtocolRef(program.protocol.code, program.protocol.name),
                program.carePhysio,
                program.startedOn,
                end,
                program.dischargedBy,
                program.dischargeReason,
                reason.map(DischargeReason::text).orElse(program.dischargeReason),
                program.dischargeSummary,
                phases(program, revisions),
                new DischargeSummary.Adherence(adherence.percent(), adherence.logged(), adherence.prescribed()),
                pain(logs),
                measures,
                stratification,
                alerts(program.id),
                holds(revisions, end),
                programs.exercises(program.id).stream()
                        .map(SummaryService::exercise)
                        .toList());
    }

    /**
     * One step per revision that changed the phase (or the protocol), from the day it took effect (the first from
     * the program's start) to the day before the next one, the last to the discharge day.
     */
    List<DischargeSummary.Phase> phases(Program program, List<ProgramRevision> revisions) {
        record Step(String protocol, int phase, LocalDate from) {}
        List<Step> steps = new ArrayList<>();
        for (ProgramRevision r : revisions) {
            Step last = steps.isEmpty() ? null : steps.get(steps.size() - 1);
            if (last == null || last.phase() != r.phase || !last.protocol().equals(r.protocol)) {
                LocalDate from = last == null ? program.startedOn : r.effectiveOn;
                steps.add(new Step(r.protocol, r.phase, from));
            }
        }
        List<DischargeSummary.Phase> phases = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            Step s = steps.get(i);
            LocalDate to = i + 1 < steps.size() ? steps.get(i + 1).from().minusDays(1) : program.dischargedOn;
            if (to.isBefore(s.from())) {
                to = s.from();
            }
            phases.add(
                    new DischargeSummary.Phase(s.phase(), phaseName(program, s.protocol(), s.phase()), s.from(), to));
        }
        return phases;
    }

    private String phaseName(Program program, String protocolCode, int phase) {
        Long protocolId = program.protocol.code.equals(protocolCode)
                ? program.protocol.id
                : protocols.findByCode(protocolCode).map(p -> p.id).orElse(null);
        return protocolId == null
                ? null
                : protocols.phase(protocolId, phase).map(p -> p.name).orElse(null);
    }

    /** Mean pain before of the logs in the first and in the last {@link #PAIN_WINDOW_DAYS} days with logs. */
    static DischargeSummary.Pain pain(List<SessionLog> logs) {
        if (logs.isEmpty()) {
            return new DischargeSummary.Pain(null, null, null);
        }
        LocalDate firstDay = logs.get(0).sessionDate;
        LocalDate lastDay = logs.get(logs.size() - 1).sessionDate;
        double first = logs.stream()
                .filter(s -> s.sessionDate.isBefore(firstDay.plusDays(PAIN_WINDOW_DAYS)))
                .mapToInt(s -> s.painBefore)
                .average()
                .orElseThrow();
        double last = logs.stream()
                .filter(s -> s.sessionDate.isAfter(lastDay.minusDays(PAIN_WINDOW_DAYS)))
                .mapToInt(s -> s.painBefore)
                .average()
                .orElseThrow();
        return new DischargeSummary.Pain(round(first), round(last), round(round(last) - round(first)));
    }

    private Map<String, List<MeasureResponse>> measures(long programId) {
        Map<String, List<MeasureResponse>> byInstrument = new LinkedHashMap<>();
        em.createQuery(
                        "select m from MeasureResponse m where m.programId = :id order by m.completedOn, m.id",
                        MeasureResponse.class)
                .setParameter("id", programId)
                .getResultList()
                .forEach(m -> byInstrument
                        .computeIfAbsent(m.instrument, k -> new ArrayList<>())
                        .add(m));
        return byInstrument;
    }

    /**
     * First and last score of one outcome questionnaire. The minimal important change is reached when the score
     * moved in the better direction by at least the instrument's points (or, where it gives a percentage, that share
     * of the first score).
     */
    static DischargeSummary.Measure measure(String code, Instrument instrument, List<MeasureResponse> responses) {
        MeasureResponse first = responses.get(0);
        MeasureResponse last = responses.size() > 1 ? responses.get(responses.size() - 1) : null;
        boolean higherIsBetter = instrument != null && instrument.scoring().higherIsBetter();
        Instrument.Mic mic = instrument == null ? null : instrument.mic();
        Double change = last == null ? null : round(value(last.score) - value(first.score));
        Boolean reached = null;
        if (change != null && mic != null && (mic.points() != null || mic.percent() != null)) {
            double better = higherIsBetter ? change : -change;
            double needed = mic.points() != null ? mic.points() : Math.abs(value(first.score)) * mic.percent() / 100.0;
            reached = better > 0 && better >= needed;
        }
        return new DischargeSummary.Measure(
                code,
                instrument == null ? code : instrument.name(),
                higherIsBetter,
                score(first),
                last == null ? null : score(last),
                change,
                mic == null ? null : mic.points(),
                mic == null ? null : mic.rule(),
                reached);
    }

    private static DischargeSummary.Score score(MeasureResponse m) {
        return new DischargeSummary.Score(value(m.score), m.completedOn);
    }

    private static double value(BigDecimal score) {
        return score == null ? 0 : score.doubleValue();
    }

    private List<DischargeSummary.AlertItem> alerts(long programId) {
        return em
                .createQuery("select a from Alert a where a.programId = :id order by a.createdAt, a.id", Alert.class)
                .setParameter("id", programId)
                .getResultList()
                .stream()
                .map(a -> new DischargeSummary.AlertItem(
                        a.type, a.severity == null ? null : a.severity.name(), a.createdAt.toLocalDate(), a.status))
                .toList();
    }

    /**
     * The holds, from the revisions: each "On hold: ..." revision starts one (its reason names the red flags in
     * their shared labels), the next "Resumed: ..." ends it; one still open ends at the discharge.
     */
    static List<DischargeSummary.HoldItem> holds(List<ProgramRevision> revisions, LocalDate dischargedOn) {
        List<DischargeSummary.HoldItem> holds = new ArrayList<>();
        LocalDate from = null;
        List<String> flags = List.of();
        for (ProgramRevision r : revisions) {
            String reason = r.reason == null ? "" : r.reason;
            if (reason.startsWith(HELD) && from == null) {
                from = r.effectiveOn;
                flags = Arrays.stream(RedFlag.values())
                        .filter(f -> reason.contains(f.label()))
                        .map(Enum::name)
                        .toList();
            } else if (reason.startsWith(RESUMED) && from != null) {
                holds.add(new DischargeSummary.HoldItem(from, r.effectiveOn, flags));
                from = null;
            }
        }
        if (from != null) {
            holds.add(new DischargeSummary.HoldItem(from, dischargedOn, flags));
        }
        return holds;
    }

    private static DischargeSummary.ExerciseItem exercise(ProgramExercise pe) {
        return new DischargeSummary.ExerciseItem(
                pe.exercise.slug, pe.exercise.name, RoutineService.describe(pe.dosage));
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }
}
