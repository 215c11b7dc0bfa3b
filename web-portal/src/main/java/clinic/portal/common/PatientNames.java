package clinic.portal.common;

import clinic.portal.outbound.PatientApi.Patient;
import clinic.portal.outbound.PatientServiceClient;
import jakarta.ws.rs.NotFoundException;

/** A patient's name for a page heading. */
public final class PatientNames {

    private PatientNames() {}

    /**
     * The full name; 404 page when the patient does not exist or is not the caller's to see; "patient 12" when the
     * service is down, so the rest of the page still works.
     */
    public static String of(PatientServiceClient patients, long id) {
        Outcome<Patient> patient = Calls.attempt(Calls.PATIENTS, () -> patients.get(id));
        if (!patient.isOk() && patient.notice().isNotFound()) {
            throw new NotFoundException();
        }
        return patient.isOk() ? patient.value().fullName() : "patient " + id;
    }
}
