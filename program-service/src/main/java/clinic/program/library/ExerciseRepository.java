package clinic.program.library;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class ExerciseRepository implements PanacheRepository<Exercise> {

    /** The current revision of an exercise (retired or not). */
    public Optional<Exercise> findBySlug(String slug) {
        return find("currentSlug", slug).firstResultOptional();
    }

    /** The current revisions of the exercises with the given slugs, in one statement. */
    public List<Exercise> findBySlugs(Collection<String> slugs) {
        if (slugs.isEmpty()) {
            return List.of();
        }
        return list("currentSlug in ?1", slugs);
    }
}
