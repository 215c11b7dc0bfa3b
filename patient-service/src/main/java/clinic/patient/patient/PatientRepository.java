package clinic.patient.patient;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

@ApplicationScoped
public class PatientRepository implements PanacheRepository<Patient> {

    public Optional<Patient> findByAccount(String username) {
        return find("accountUsername", username).firstResultOptional();
    }
}
