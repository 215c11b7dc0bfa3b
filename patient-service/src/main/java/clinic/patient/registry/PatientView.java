package clinic.patient.registry;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A patient as the API shows it. It never carries a password: logins are set up by an e-mailed invitation. */
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
        long version) {

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
                p.version);
    }
}
