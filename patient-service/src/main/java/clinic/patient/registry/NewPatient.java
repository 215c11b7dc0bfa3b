package clinic.patient.registry;

import clinic.kit.text.SaneDate;
import clinic.kit.text.VisibleText;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;

/**
 * Registration of a patient ({@code POST /api/patients}). {@code carePhysio} defaults to the caller; {@code careTeam}
 * (optional) names other physios who may access the record. Named physios other than the caller must be physios in
 * Keycloak.
 */
public record NewPatient(
        @NotBlank @Size(max = 100) @VisibleText String givenName,
        @NotBlank @Size(max = 100) @VisibleText String familyName,
        @NotNull @PlausibleBirthDate LocalDate dateOfBirth,
        Sex sex,
        @Email @Pattern(regexp = PatientFields.EMAIL, message = "must be a well-formed email address") @Size(max = 254)
                String email,
        @Pattern(regexp = PatientFields.PHONE, message = "must be a phone number such as +44 20 7946 0000")
                String phone,
        @Size(max = 2000) @VisibleText(multiline = true) String condition,
        @Size(max = 200) @VisibleText String referralSource,
        @PastOrPresent @SaneDate LocalDate consentDate,
        @Pattern(regexp = PatientFields.USERNAME, message = "must be a user name") String carePhysio,
        @Size(max = PatientFields.MAX_TEAM)
                List<@NotNull @Pattern(regexp = PatientFields.USERNAME, message = "must be a user name") String>
                        careTeam) {}
