package clinic.program.outbound;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.LocalDate;

/**
 * The few members of patient-service's patient record that a letter about the patient needs (name, date of birth,
 * clinic number, who referred them). Unknown members are ignored: patient-service's record has many more.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PatientRecord(
        Long id,
        String clinicNumber,
        String givenName,
        String familyName,
        LocalDate dateOfBirth,
        String referralSource) {}
