package clinic.program.fhir;

import clinic.program.access.ProgramGate;
import clinic.program.alert.Alert;
import clinic.program.outcome.MeasureResponse;
import clinic.program.prescription.Program;
import clinic.program.prescription.ProgramExercise;
import clinic.program.prescription.ProgramLookup;
import clinic.program.prescription.ProgramRepository;
import clinic.program.protocol.Protocol;
import clinic.program.protocol.ProtocolExercise;
import clinic.program.protocol.ProtocolRepository;
import clinic.rules.AlertRules;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Reads one program's episode for the export (a handful of statements, however long the program ran). */
@ApplicationScoped
public class EpisodeReader {

    /** The audit action of an export, for the read and for a refusal. */
    static final String ACTION = "PROGRAM_FHIR_EXPORTED";

    private final ProgramLookup lookup;
    private final ProgramRepository programs;
    private final ProtocolRepository protocols;
    private final ProgramGate gate;
    private final EntityManager em;

    public EpisodeReader(
            ProgramLookup lookup,
            ProgramRepository programs,
            ProtocolRepository protocols,
            ProgramGate gate,
            EntityManager em) {
        this.lookup = lookup;
        this.programs = programs;
        this.protocols = protocols;
        this.gate = gate;
        this.em = em;
    }

    /** The episode of a program the caller may see (404 otherwise, recorded as REFUSED); not yet audited as read. */
    @Transactional
    public Episode read(long programId) {
        Program program = lookup.visible(programId, ACTION);
        Protocol protocol = program.protocol;
        Map<Integer, List<Episode.PhaseExercise>> byPhase = protocols.exercises(protocol.id).stream()
                .collect(Collectors.groupingBy(
                        (ProtocolExercise pe) -> pe.phase.number,
                        Collectors.mapping(
                                pe -> new Episode.PhaseExercise(pe.exercise.slug, pe.exercise.name, pe.dosage),
                                Collectors.toList())));
        List<Episode.Phase> phases = protocols.phases(protocol.id).stream()
                .map(ph -> new Episode.Phase(
                        ph.number, ph.name, ph.goal, ph.entryCriteria, byPhase.getOrDefault(ph.number, List.of())))
                .toList();
        Episode.ProtocolVersion version = new Episode.ProtocolVersion(
                protocol.id,
                protocol.code,
                protocol.name,
                protocol.description,
                protocol.version,
                protocol.retired(),
                phases);
        List<Episode.Prescribed> prescribed = programs.exercises(program.id).stream()
                .map((ProgramExercise pe) -> new Episode.Prescribed(
                        pe.exercise.slug,
                        pe.exercise.name,
                        pe.exercise.revision,
                        pe.exercise.category,
                        pe.dosage,
                        pe.patientInstructions,
                        pe.markedForReview))
                .toList();
        Episode.Hold hold = program.isOnHold()
                ? new Episode.Hold(program.holdSince, program.holdSource, program.holdReason, program.holdRedFlags())
                : null;
        return new Episode(
                program.id,
                program.patientId,
                program.status,
                program.carePhysio,
                program.phase,
                program.startedOn,
                program.createdAt,
                program.dischargedOn,
                program.dischargeReason,
                program.dischargeSummary,
                hold,
                version,
                prescribed,
                pain(program.id),
                measures(program.id),
                urgentAlerts(program.id));
    }

    /** Writes the ALLOWED row of a staff export, once the bundle's parts were all read. */
    @Transactional
    public void audited(Episode episode) {
        gate.auditRead(ACTION, episode.patientId(), episode.programId());
    }

    private List<Episode.Pain> pain(long programId) {
        return em.createQuery(
                        "select s.id, s.sessionDate, s.painBefore, s.painAfter from SessionLog s"
                                + " where s.programId = :id order by s.sessionDate, s.id",
                        Object[].class)
                .setParameter("id", programId)
                .getResultStream()
                .map(row -> new Episode.Pain((Long) row[0], (LocalDate) row[1], (Integer) row[2], (Integer) row[3]))
                .toList();
    }

    private List<Episode.Measure> measures(long programId) {
        return em.createQuery(
                        "select m from MeasureResponse m where m.programId = :id order by m.completedOn, m.id",
                        MeasureResponse.class)
                .setParameter("id", programId)
                .getResultStream()
                .map(m -> new Episode.Measure(
                        m.id,
                        m.instrument,
                        m.instrumentVersion,
                        m.timepoint,
                        m.completedOn,
                        m.enteredByRole,
                        m.enteredBy,
                        m.answers,
                        m.score,
                        m.subscore,
                        m.riskGroup))
                .toList();
    }

    private List<Episode.UrgentAlert> urgentAlerts(long programId) {
        return em.createQuery(
                        "select a from Alert a where a.programId = :id and a.severity = :urgent"
                                + " order by a.createdAt, a.id",
                        Alert.class)
                .setParameter("id", programId)
                .setParameter("urgent", AlertRules.Severity.URGENT)
                .getResultStream()
                .map(a -> new Episode.UrgentAlert(a.id, a.type, a.message, a.status, a.createdAt, a.acknowledgedAt))
                .toList();
    }
}
