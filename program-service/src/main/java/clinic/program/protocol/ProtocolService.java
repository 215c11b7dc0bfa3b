package clinic.program.protocol;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** Reads protocols with a fixed number of statements (protocol, phases, exercises with their library rows). */
@ApplicationScoped
public class ProtocolService {

    private final ProtocolRepository protocols;

    public ProtocolService(ProtocolRepository protocols) {
        this.protocols = protocols;
    }

    /** All protocols. */
    public List<ProtocolView> list() {
        return protocols.listAll().stream().map(this::view).toList();
    }

    /** One protocol by code. */
    public Optional<ProtocolView> get(String code) {
        return protocols.findByCode(code).map(this::view);
    }

    private ProtocolView view(Protocol protocol) {
        Map<Integer, List<ProtocolView.PhaseExercise>> byPhase = protocols.exercises(protocol.id).stream()
                .collect(Collectors.groupingBy(
                        pe -> pe.phase.number,
                        Collectors.mapping(
                                pe -> new ProtocolView.PhaseExercise(
                                        pe.position,
                                        pe.exercise.slug,
                                        pe.exercise.name,
                                        pe.dosage.sets(),
                                        pe.dosage.reps(),
                                        pe.dosage.holdSeconds(),
                                        pe.dosage.minutes(),
                                        pe.dosage.timesPerDay(),
                                        pe.dosage.eachSide()),
                                Collectors.toList())));
        List<ProtocolView.Phase> phases = protocols.phases(protocol.id).stream()
                .map(p -> new ProtocolView.Phase(
                        p.number, p.name, p.goal, p.entryCriteria, byPhase.getOrDefault(p.number, List.of())))
                .toList();
        return new ProtocolView(protocol.code, protocol.name, protocol.description, phases);
    }
}
