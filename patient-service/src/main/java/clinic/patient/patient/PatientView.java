package clinic.patient.patient;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A patient as the API shows it. {@code firstLogin} appears only in the answer that created the login. */
public record PatientView(
        Long id,
        String clinicNumber,
        String givenName,
        String familyName,
        LocalDate dateOfBirth,
        Sex sex,
        String email,
        String phone,
        String condition,
        String referralSource,
        LocalDate consentDate,
        PatientStatus status,
        String carePhysio,
        List<String> careTeam,
        AccountState account,
        String accountUsername,
        Instant createdAt,
        Instant updatedAt,
        long version,
        @JsonInclude(JsonInclude.Include.NON_NULL) FirstLogin firstLogin) {

    public static PatientView of(Patient p) {
        return new PatientView(
                p.id,
                p.clinicNumber,
                p.givenName,
                p.familyName,
                p.dateOfBirth,
                p.sex,
                p.email,
                p.phone,
                p.condition,
                p.referralSource,
                p.consentDate,
                p.status,
                p.carePhysio,
                p.careTeam.stream().sorted().toList(),
                p.account,
                p.accountUsername,
                p.createdAt,
                p.updatedAt,
                p.version,
                null);
    }

    public PatientView withFirstLogin(FirstLogin login) {
        return new PatientView(
                id,
                clinicNumber,
                givenName,
                familyName,
                dateOfBirth,
                sex,
                email,
                phone,
                condition,
                referralSource,
                consentDate,
                status,
                carePhysio,
                careTeam,
                account,
                accountUsername,
                createdAt,
                updatedAt,
                version,
                login);
    }
}
