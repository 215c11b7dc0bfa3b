package clinic.program.outbound;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.LocalDate;

/**
 * The part of patient-service's patient record ({@code GET /api/patients/{id}}) this service repeats: who the patient
 * is, for a letter or an export. Contact details, the condition and the account are left out on purpose; unknown
 * members are ignored.
 *
 * @param sex FEMALE, MALE, OTHER or UNDISCLOSED (null when not recorded)
 * @param status ACTIVE or DISCHARGED (patient-service's register status, not a program's)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PatientRecord(
        Long id,
        String clinicNumber,
        String givenName,
        String familyName,
        LocalDate dateOfBirth,
        String referralSource,
        String sex,
        String status,
        String carePhysio) {}
