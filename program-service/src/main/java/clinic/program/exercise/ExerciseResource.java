package clinic.program.exercise;

import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

@Path("/api/exercises")
@Produces(MediaType.APPLICATION_JSON)
@Authenticated
public class ExerciseResource {

    /** An exercise as the API shows it. */
    public record ExerciseView(String slug, String name) {}

    private final ExerciseRepository exercises;

    public ExerciseResource(ExerciseRepository exercises) {
        this.exercises = exercises;
    }

    @GET
    public List<ExerciseView> list() {
        return exercises.listAll().stream()
                .map(e -> new ExerciseView(e.slug, e.name))
                .toList();
    }
}
