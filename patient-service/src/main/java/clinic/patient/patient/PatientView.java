package clinic.patient.patient;

/** A patient as the API shows it. */
public record PatientView(Long id, String givenName, String familyName, long version) {

    static PatientView of(Patient p) {
        return new PatientView(p.id, p.givenName, p.familyName, p.version);
    }
}
