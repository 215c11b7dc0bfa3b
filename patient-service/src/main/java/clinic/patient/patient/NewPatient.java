package clinic.patient.patient;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;

/** Registration of a patient ({@code POST /api/patients}). */
public record NewPatient(
        @NotBlank @Size(max = 100) String givenName,
        @NotBlank @Size(max = 100) String familyName,
        @NotNull @PlausibleBirthDate LocalDate dateOfBirth,
        Sex sex,
        @Email @Pattern(regexp = PatientFields.EMAIL, message = "must be a well-formed email address") @Size(max = 254)
                String email,
        @Pattern(regexp = PatientFields.PHONE, message = "must be a phone number such as +44 20 7946 0000")
                String phone,
        @Size(max = 2000) String condition,
        @Size(max = 200) String referralSource,
        @PastOrPresent LocalDate consentDate,
        @Pattern(regexp = PatientFields.USERNAME, message = "must be a user name") String carePhysio) {}
