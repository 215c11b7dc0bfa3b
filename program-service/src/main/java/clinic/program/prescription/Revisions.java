package clinic.program.prescription;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * A program's prescribed exercises and its history: each assignment, phase move, hold and resume replaces or keeps
 * the exercises and adds a {@link ProgramRevision} (number, phase, exercise snapshot, who, when, why). Joins the
 * caller's transaction, and fires {@link RevisionAdded} in it (the reports' summary marks the program changed).
 */
@ApplicationScoped
public class Revisions {

    private final ProgramRepository programs;
    private final SecurityIdentity identity;
    private final ObjectMapper json;
    private final Event<RevisionAdded> revised;

    public Revisions(
            ProgramRepository programs, SecurityIdentity identity, ObjectMapper json, Event<RevisionAdded> revised) {
        this.programs = programs;
        this.identity = identity;
        this.json = json;
        this.revised = revised;
    }

    List<ProgramExercise> replaceExercises(Program program, List<Planned> plan) {
        List<ProgramExercise> rows = new ArrayList<>();
        int position = 1;
        for (Planned p : plan) {
            ProgramExercise pe = new ProgramExercise();
            pe.programId = program.id;
            pe.exercise = p.exercise();
            pe.position = position++;
            pe.dosage = p.dosage().toStore();
            pe.cautionAckReason = p.ackReason();
            pe.patientInstructions = p.instructions();
            programs.persistExercise(pe);
            rows.add(pe);
        }
        return rows;
    }

    /** Adds the program's revision {@code currentRevision} with the exercises {@code rows} and the reason. */
    void add(Program program, List<ProgramExercise> rows, String reason) {
        ProgramRevision revision = new ProgramRevision();
        revision.programId = program.id;
        revision.number = program.currentRevision;
        revision.phase = program.phase;
        revision.protocol = program.protocol.code;
        revision.changedBy = identity.getPrincipal().getName();
        revision.changedAt = LocalDateTime.now();
        revision.effectiveOn = revision.changedAt.toLocalDate();
        revision.reason = reason;
        try {
            revision.exercises = json.writeValueAsString(
                    rows.stream().map(ProgramView.ProgramExerciseView::of).toList());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("revision snapshot not serialisable", e);
        }
        programs.persistRevision(revision);
        // Every change of a program comes with a revision: the reports' summary computes it live until refreshed.
        revised.fire(new RevisionAdded(program.id));
    }
}
