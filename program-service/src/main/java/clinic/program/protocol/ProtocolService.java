package clinic.program.protocol;

import clinic.kit.problem.DatabaseFailures;
import clinic.kit.problem.DomainException;
import clinic.kit.problem.Problem;
import clinic.program.audit.Audit;
import clinic.program.library.Dosage;
import clinic.program.library.Exercise;
import clinic.program.library.ExerciseRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Protocols: reads with a fixed number of statements (protocols, phases, exercises with their library rows), and the
 * clinic's own protocols. A change never alters a row a program points at: an edit adds the next version (a new
 * protocol row with its own phases and exercises) and supersedes the current one, so running programs keep theirs.
 * Built-in protocols are read-only and copied to be changed. Every change is audited.
 */
@ApplicationScoped
public class ProtocolService {

    private final ProtocolRepository protocols;
    private final ExerciseRepository exercises;
    private final SecurityIdentity identity;
    private final Audit audit;

    public ProtocolService(
            ProtocolRepository protocols, ExerciseRepository exercises, SecurityIdentity identity, Audit audit) {
        this.protocols = protocols;
        this.exercises = exercises;
        this.identity = identity;
        this.audit = audit;
    }

    /** The current version of every protocol (retired ones too, marked). */
    @Transactional
    public List<ProtocolView> list() {
        return views(protocols.listCurrent());
    }

    /** The current version of one protocol by code. */
    @Transactional
    public Optional<ProtocolView> get(String code) {
        return protocols.findByCode(code).map(p -> views(List.of(p)).get(0));
    }

    /** Every version of a protocol, oldest first; 404 if there is none. */
    @Transactional
    public List<ProtocolView> versions(String code) {
        List<Protocol> all = protocols.versions(code);
        if (all.isEmpty()) {
            throw notFound(code);
        }
        return views(all);
    }

    /** A new protocol, version 1. 409 if any version of a protocol has the code. */
    @Transactional
    public ProtocolView create(ProtocolInput input) {
        if (input.code() == null || input.code().isBlank()) {
            throw new DomainException.Invalid("code", "must not be blank");
        }
        if (protocols.codeTaken(input.code())) {
            throw new DomainException.Conflict("A protocol with code '" + input.code() + "' already exists.");
        }
        Protocol created = store(input.code(), 1, input);
        audit.recordChange("PROTOCOL_CREATED", subject(created));
        return views(List.of(created)).get(0);
    }

    /**
     * The next version of a protocol; the current one is superseded, running programs keep theirs. 409 on a stale
     * {@code version} or a concurrent edit; 422 for a built-in or retired protocol.
     */
    public ProtocolView update(String code, ProtocolInput input) {
        try {
            return QuarkusTransaction.requiringNew().call(() -> updateInTransaction(code, input));
        } catch (PersistenceException e) {
            if (DatabaseFailures.unavailable(e)) {
                throw e;
            }
            throw new DomainException.Conflict("Another edit of protocol '" + code + "' was saved at the same time.");
        }
    }

    private ProtocolView updateInTransaction(String code, ProtocolInput input) {
        Protocol current = protocols.findByCode(code).orElseThrow(() -> notFound(code));
        if (input.version() == null) {
            throw new DomainException.Invalid("version", "must be the version you edited");
        }
        if (current.builtIn) {
            throw builtInReadOnly(code);
        }
        if (current.retired()) {
            throw new DomainException.Refused("Protocol '" + code + "' is retired; it is not changed any more.");
        }
        if (current.version != input.version()) {
            throw new DomainException.Conflict("Protocol '" + code + "' changed since version " + input.version()
                    + "; it is at version " + current.version + ".");
        }
        List<Problem.Violation> violations = check(input);
        refuse(violations);
        if (!protocols.supersede(current.id)) {
            throw new DomainException.Conflict("Another edit of protocol '" + code + "' was saved at the same time.");
        }
        protocols.flush();
        Protocol next = store(code, current.version + 1, input);
        audit.recordChange("PROTOCOL_VERSIONED", subject(next));
        return views(List.of(next)).get(0);
    }

    /** Retires the current version: no new programs; running ones go on. 422 for a built-in protocol. */
    @Transactional
    public ProtocolView retire(String code) {
        Protocol current = protocols.findByCode(code).orElseThrow(() -> notFound(code));
        if (current.builtIn) {
            throw builtInReadOnly(code);
        }
        if (!current.retired()) {
            current.retiredAt = LocalDateTime.now();
            current.retiredBy = identity.getPrincipal().getName();
            audit.recordChange("PROTOCOL_RETIRED", subject(current));
        }
        return views(List.of(current)).get(0);
    }

    /** A clinic protocol (version 1) with the phases and exercises of another protocol's current version. */
    @Transactional
    public ProtocolView copy(String code, ProtocolInput.Copy copy) {
        Protocol source = protocols.findByCode(code).orElseThrow(() -> notFound(code));
        if (protocols.codeTaken(copy.code())) {
            throw new DomainException.Conflict("A protocol with code '" + copy.code() + "' already exists.");
        }
        Protocol target = newRow(
                copy.code(),
                1,
                copy.name() == null || copy.name().isBlank() ? source.name : copy.name(),
                source.description,
                source.requiresScreening);
        Map<Long, ProtocolPhase> phaseCopies = new java.util.HashMap<>();
        for (ProtocolPhase phase : protocols.phases(source.id)) {
            ProtocolPhase p = new ProtocolPhase();
            p.protocol = target;
            p.number = phase.number;
            p.name = phase.name;
            p.goal = phase.goal;
            p.entryCriteria = phase.entryCriteria;
            p.entryMaxMeanPain = phase.entryMaxMeanPain;
            p.entryMinAdherence = phase.entryMinAdherence;
            p.entryNoNerveFlags = phase.entryNoNerveFlags;
            protocols.persistPhase(p);
            phaseCopies.put(phase.id, p);
        }
        for (ProtocolExercise pe : protocols.exercises(source.id)) {
            ProtocolExercise e = new ProtocolExercise();
            e.phase = phaseCopies.get(pe.phase.id);
            e.exercise = pe.exercise;
            e.position = pe.position;
            e.dosage = pe.dosage;
            protocols.persistExercise(e);
        }
        protocols.flush();
        audit.recordChange("PROTOCOL_CREATED", subject(target) + " (copy of " + subject(source) + ")");
        return views(List.of(target)).get(0);
    }

    /**
     * The rules a protocol's content follows (422): every exercise exists in the library (400 otherwise), is not
     * retired, appears once per phase, and is not one the library warns against in that phase number. A physio may
     * still acknowledge a caution exercise for one patient when assigning.
     */
    private List<Problem.Violation> check(ProtocolInput input) {
        Map<String, Exercise> known = known(input);
        List<Problem.Violation> unknown = new ArrayList<>();
        List<Problem.Violation> refused = new ArrayList<>();
        for (int i = 0; i < input.phases().size(); i++) {
            ProtocolInput.Phase phase = input.phases().get(i);
            int number = i + 1;
            Set<String> seen = new HashSet<>();
            List<ProtocolInput.ExerciseRow> rows = phase.exercises() == null ? List.of() : phase.exercises();
            for (int j = 0; j < rows.size(); j++) {
                String field = "phases[" + i + "].exercises[" + j + "].exercise";
                Exercise e = known.get(rows.get(j).exercise());
                if (e == null) {
                    unknown.add(new Problem.Violation(
                            field, "unknown exercise '" + rows.get(j).exercise() + "'"));
                } else if (!seen.add(e.slug)) {
                    unknown.add(new Problem.Violation(field, "listed twice in phase " + number));
                } else if (e.retired()) {
                    refused.add(new Problem.Violation(
                            field, "'" + e.slug + "' is retired and is not offered for new protocols"));
                } else if (e.hasCaution() && e.avoidIn(number)) {
                    refused.add(new Problem.Violation(
                            field,
                            "'" + e.slug + "' is to be avoided in phase " + number + ": " + e.cautionReason
                                    + " A physio may still acknowledge it for one patient when assigning."));
                }
            }
        }
        if (!unknown.isEmpty()) {
            throw new DomainException.Invalid(unknown);
        }
        return refused;
    }

    private static void refuse(List<Problem.Violation> violations) {
        if (!violations.isEmpty()) {
            throw new DomainException.Refused(
                    DomainException.Refused.CLINICAL_RULE,
                    "Some exercises may not be a default of their phase: "
                            + violations.stream()
                                    .map(Problem.Violation::message)
                                    .collect(Collectors.joining("; ")),
                    Map.of("violations", violations));
        }
    }

    private Map<String, Exercise> known(ProtocolInput input) {
        Set<String> slugs = new HashSet<>();
        input.phases().forEach(p -> {
            if (p.exercises() != null) {
                p.exercises().forEach(r -> slugs.add(r.exercise()));
            }
        });
        return slugs.isEmpty()
                ? Map.of()
                : exercises.findBySlugs(slugs).stream().collect(Collectors.toMap(e -> e.slug, Function.identity()));
    }

    private Protocol store(String code, int version, ProtocolInput input) {
        if (version == 1) {
            refuse(check(input));
        }
        Map<String, Exercise> known = known(input);
        Protocol protocol = newRow(
                code, version, input.name(), input.description(), !Boolean.FALSE.equals(input.requiresScreening()));
        for (int i = 0; i < input.phases().size(); i++) {
            ProtocolInput.Phase in = input.phases().get(i);
            ProtocolPhase phase = new ProtocolPhase();
            phase.protocol = protocol;
            phase.number = i + 1;
            phase.name = in.name();
            phase.goal = in.goal();
            phase.entryCriteria = in.entryCriteria() == null ? "" : in.entryCriteria();
            phase.entryMaxMeanPain = in.entryMaxMeanPain() == null
                    ? null
                    : BigDecimal.valueOf(Math.round(in.entryMaxMeanPain() * 10), 1);
            phase.entryMinAdherence = in.entryMinAdherence();
            phase.entryNoNerveFlags = Boolean.TRUE.equals(in.entryNoNerveFlags());
            protocols.persistPhase(phase);
            List<ProtocolInput.ExerciseRow> rows = in.exercises() == null ? List.of() : in.exercises();
            for (int j = 0; j < rows.size(); j++) {
                ProtocolInput.ExerciseRow row = rows.get(j);
                ProtocolExercise pe = new ProtocolExercise();
                pe.phase = phase;
                pe.exercise = known.get(row.exercise());
                pe.position = j + 1;
                pe.dosage = new Dosage(
                                row.sets(),
                                row.reps(),
                                row.holdSeconds(),
                                row.minutes(),
                                row.timesPerDay(),
                                row.perSide())
                        .orElse(pe.exercise.dosage)
                        .toStore();
                protocols.persistExercise(pe);
            }
        }
        protocols.flush();
        return protocol;
    }

    private Protocol newRow(String code, int version, String name, String description, boolean requiresScreening) {
        Protocol p = new Protocol();
        p.code = code;
        p.currentCode = code;
        p.version = version;
        p.name = name;
        p.description = description;
        p.requiresScreening = requiresScreening;
        p.builtIn = false;
        p.createdBy = identity.getPrincipal().getName();
        p.createdAt = LocalDateTime.now();
        protocols.persist(p);
        return p;
    }

    /** Views of protocol versions in three statements whatever their number (rows given, phases, exercises). */
    private List<ProtocolView> views(List<Protocol> rows) {
        List<Long> ids = rows.stream().map(p -> p.id).toList();
        Map<Long, List<ProtocolPhase>> phasesById =
                protocols.phasesOf(ids).stream().collect(Collectors.groupingBy(ph -> ph.protocol.id));
        Map<Long, List<ProtocolExercise>> exercisesByPhase =
                protocols.exercisesOf(ids).stream().collect(Collectors.groupingBy(pe -> pe.phase.id));
        return rows.stream()
                .map(protocol -> {
                    List<ProtocolView.Phase> phases = phasesById.getOrDefault(protocol.id, List.of()).stream()
                            .map(p -> new ProtocolView.Phase(
                                    p.number,
                                    p.name,
                                    p.goal,
                                    p.entryCriteria,
                                    p.entryMaxMeanPain == null ? null : p.entryMaxMeanPain.doubleValue(),
                                    p.entryMinAdherence,
                                    p.entryNoNerveFlags,
                                    exercisesByPhase.getOrDefault(p.id, List.of()).stream()
                                            .map(pe -> new ProtocolView.PhaseExercise(
                                                    pe.position,
                                                    pe.exercise.slug,
                                                    pe.exercise.name,
                                                    pe.dosage.sets(),
                                                    pe.dosage.reps(),
                                                    pe.dosage.holdSeconds(),
                                                    pe.dosage.minutes(),
                                                    pe.dosage.timesPerDay(),
                                                    pe.dosage.eachSide()))
                                            .toList()))
                            .toList();
                    return new ProtocolView(
                            protocol.code,
                            protocol.name,
                            protocol.description,
                            protocol.version,
                            protocol.current(),
                            protocol.requiresScreening,
                            protocol.builtIn,
                            protocol.retired(),
                            protocol.createdBy,
                            protocol.createdAt,
                            phases.size(),
                            phases);
                })
                .toList();
    }

    private static String subject(Protocol p) {
        return "protocol " + p.code + " version " + p.version;
    }

    private static DomainException notFound(String code) {
        return new DomainException.NotFound("No protocol '" + code + "'.");
    }

    private static DomainException builtInReadOnly(String code) {
        return new DomainException.Refused("The built-in protocol '" + code
                + "' is read-only: copy it (POST /api/protocols/" + code + "/copy) and change the copy.");
    }
}
