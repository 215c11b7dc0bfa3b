package clinic.program.library;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class ExerciseRepository implements PanacheRepository<Exercise> {

    public Optional<Exercise> findBySlug(String slug) {
        return find("slug", slug).firstResultOptional();
    }

    /** All exercises with the given slugs, in one statement. */
    public List<Exercise> findBySlugs(Collection<String> slugs) {
        if (slugs.isEmpty()) {
            return List.of();
        }
        return list("slug in ?1", slugs);
    }
}
