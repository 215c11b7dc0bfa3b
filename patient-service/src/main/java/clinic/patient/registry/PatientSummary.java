package clinic.patient.registry;

/**
 * What a clinic-wide search ({@code GET /api/patients?scope=all&q=}) shows a physio of a patient outside their care
 * team: enough to recognise the person and to know whom to ask, nothing clinical.
 */
public record PatientSummary(Long id, String clinicNumber, String givenName, String familyName, String carePhysio) {

    static PatientSummary of(Patient p) {
        return new PatientSummary(p.id, p.clinicNumber, p.givenName, p.familyName, p.carePhysio);
    }
}
