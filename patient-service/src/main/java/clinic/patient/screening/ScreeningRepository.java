package clinic.patient.screening;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class ScreeningRepository implements PanacheRepository<Screening> {

    public List<Screening> history(long patientId) {
        return list("patientId", Sort.descending("screenedAt", "id"), patientId);
    }

    public Optional<Screening> latest(long patientId) {
        return find("patientId", Sort.descending("screenedAt", "id"), patientId).firstResultOptional();
    }
}
